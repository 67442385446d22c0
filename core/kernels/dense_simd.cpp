// The xsimd path for dense layers. Every product of a layer is one register-blocked kernel
// over xsimd batches (SSE/AVX/AVX-512 natively, wasm SIMD128 under em++ -msimd128):
//   C(m, n) = init(n) + sum over k = 0, 1, ..., K-1 of A(m, k) B(k, n)
// vectorised over n: each step of k loads a few vectors of row k of B and multiplies them by
// one broadcast scalar A(m, k) per row of the tile.
//   Z  = X W + b        m: sample  n: unit   k: input    (out == 1: m: -, n: sample)
//   dW = X^T dZ         m: input   n: unit   k: sample   (out == 1: dW^T = dZ^T X, n: input)
//   db = 1^T dZ         m: -       n: unit   k: sample
//   dX = dZ W^T         m: sample  n: input  k: unit
// Where B's rows are not contiguous over n (W^T for dX, X^T for Z when out == 1), a panel of
// it is first transposed into a small buffer on the stack (at most 256 rows of K at a time),
// so that the kernel always reads contiguous rows. That costs in * out copies for dX against
// batch * in * out multiply-adds, and buys sums in the reference's order (below), which the
// alternative, dot products of rows summed across lanes, cannot give.
// Contiguous rows far apart (W of a wide layer: 4 KiB per k at 1024 units) are packed too, when
// more than one block of rows reads them: unpacked, a strip of a few vectors touches a new page
// at every k, and the TLB and the prefetcher lose track. With packing, the slices of K become
// the outer loop (when N is a whole number of vectors), so that a slice of A (X: batch x 256)
// stays in cache across every strip instead of being read again per strip.
//
// Each output is a multiply then an add per term, k ascending, from init: the order of the
// scalar reference, and never a fused multiply-add (wasm has none; the project keeps native
// and wasm arithmetic alike, -ffp-contract=off). So this path's results equal the reference's
// bit for bit, at every batch width, natively and in wasm.
//
// n shorter than the default batch (AVX-512's 16 lanes natively) takes the widest narrower
// batch the target has; n < 4 (out = 2 or 3, or a 1..3-sample batch when out == 1, ...) runs
// the same loops one element at a time. A partial last vector is handled by recomputing the
// last full vector that ends at column N: the overlapped columns get the same values again.
#include "dense.hpp"

#include <xsimd/xsimd.hpp>

#include <algorithm>
#include <cassert>
#include <type_traits>
#include <utility>

namespace leaky::simd {

namespace {

constexpr std::size_t kNarrowest = 4; // lanes of the narrowest batch tried (SSE, NEON, wasm)
constexpr std::size_t kSliceK = 256;  // rows of B per packed panel
// Contiguous rows of B at least this many floats (2 KiB) apart are packed, when several row
// blocks read them. Measured natively (AVX-512) against not packing, forward + backward of
// w -> w -> w: 1.1-1.3x at w = 512, 1.3-1.7x at w = 1024 (batches 10-256), 0.94-1.05x at
// w = 256, where the rows are 1 KiB apart and packing does not pay at batch 10.
constexpr std::size_t kPackStride = 512;

// C(m, n) = init(n) + sum_k A(m, k) B(k, n) for m < M, n < N, k < K, where
//   A(m, k) = a[m * a_m + k * a_k]   any strides: X (in, 1), X^T (1, in), a broadcast 1 (0, 0)
//   B(k, n) = b[k * b_k + n * b_n]   packed first unless b_n == 1
//   C(m, n) = c[m * ldc + n]
//   init(n) = init[n * init_n]       a row (init_n = 1) or one value (init_n = 0); 0 if null
struct Product {
  const float* a;
  std::size_t a_m, a_k;
  const float* b;
  std::size_t b_k, b_n;
  float* c;
  std::size_t ldc;
  const float* init;
  std::size_t init_n;
  std::size_t M, N, K;
};

// Calls f(std::type_identity<B>{}) for the widest batch B with at most n lanes; false when n
// is narrower than every batch.
template <std::size_t Lanes = xsimd::batch<float>::size, class F>
bool with_batch_for(std::size_t n, F&& f) {
  if constexpr (Lanes < kNarrowest) {
    return false;
  } else {
    using B = xsimd::make_sized_batch_t<float, Lanes>; // void if the target has none
    if constexpr (!std::is_void_v<B>) {
      if (n >= Lanes) {
        f(std::type_identity<B>{});
        return true;
      }
    }
    return with_batch_for<Lanes / 2>(n, f);
  }
}

// Calls f(std::integral_constant<int, n>{}) for a runtime n in 1..Max: a tile's leftover rows
// or vectors become a compile-time count, so that its accumulators stay in registers.
template <int Max, class F> void with_count(std::size_t n, F&& f) {
  [&]<int... I>(std::integer_sequence<int, I...>) {
    ((n == I + 1 ? (f(std::integral_constant<int, I + 1>{}), 0) : 0), ...);
  }
  (std::make_integer_sequence<int, Max>{});
}

// Tile shapes (rows x vectors of accumulators), per batch width: the best of those measured on
// the W3 layers. V8 maps wasm onto 16 xmm registers on x86-64; AVX-512 has 32.
template <class B> struct Tile {
  static constexpr bool kWide = B::size >= 16;
  static constexpr int kRows = kWide ? 8 : 4;
  static constexpr int kVecs = kWide ? 3 : 2;
  // A product with fewer rows than kRows (a batch of 1 to 3 samples, or a one-row product such
  // as db) gets more vectors per row instead: each accumulator is a chain of dependent adds, and
  // a 1 x 2 tile keeps only two in flight where the adder has room for about 8 (wasm) or 12.
  // At most these many accumulators, and never fewer vectors than kVecs.
  static constexpr int kChains = kWide ? 12 : 8;
  static constexpr int vecs_for(int rows) {
    return rows >= kRows ? kVecs : std::max(kVecs, (kChains + rows - 1) / rows);
  }
};

// Rows m0 .. m0+R-1, columns n0 .. n0+NV*V-1, terms k0 .. k1-1; b points at B(k0, n0), its rows
// ldb apart. A slice after the first (k0 > 0) continues from the partial sums in C.
template <class B, int R, int NV>
void tile(const Product& p, const float* b, std::size_t ldb, std::size_t k0, std::size_t k1,
          std::size_t m0, std::size_t n0) {
  constexpr std::size_t V = B::size;
  B acc[R][NV];
  for (int r = 0; r < R; ++r)
    for (int v = 0; v < NV; ++v) {
      const std::size_t n = n0 + v * V;
      acc[r][v] = k0 > 0     ? B::load_unaligned(p.c + (m0 + r) * p.ldc + n)
                  : !p.init  ? B(0.0f)
                  : p.init_n ? B::load_unaligned(p.init + n)
                             : B(*p.init);
    }
  const float* a = p.a + m0 * p.a_m + k0 * p.a_k;
  // Wide tiles load their NV vectors of B first and broadcast one A(m, k) at a time; tall
  // ones (few rows, many vectors) broadcast their R values first and use each vector of B as
  // it is loaded, so that NV loaded vectors and NV x R accumulators never need registers at
  // once. Either way each accumulator adds its terms in k order: the same bits.
  constexpr bool kBroadcastFirst = NV > R;
  for (std::size_t k = k0; k < k1; ++k, a += p.a_k, b += ldb) {
    if constexpr (kBroadcastFirst) {
      B x[R];
      for (int r = 0; r < R; ++r)
        x[r] = B(a[r * p.a_m]);
      for (int v = 0; v < NV; ++v) {
        const B w = B::load_unaligned(b + v * V);
        for (int r = 0; r < R; ++r)
          acc[r][v] += x[r] * w;
      }
    } else {
      B w[NV];
      for (int v = 0; v < NV; ++v)
        w[v] = B::load_unaligned(b + v * V);
      for (int r = 0; r < R; ++r) {
        const B x(a[r * p.a_m]);
        for (int v = 0; v < NV; ++v)
          acc[r][v] += x * w[v];
      }
    }
  }
  for (int r = 0; r < R; ++r)
    for (int v = 0; v < NV; ++v)
      acc[r][v].store_unaligned(p.c + (m0 + r) * p.ldc + n0 + v * V);
}

// The batch a panel's blocks are transposed with, and the transposition. xsimd 13 transposes
// floats with shuffles on SSE, AVX and NEON, but on AVX-512 and wasm SIMD through memory, one
// element at a time: natively, dX at batch 1 ran at a twentieth of its arithmetic's speed. So
// 16-lane targets transpose 8 x 8 blocks with AVX's shuffles (the panel is only copied floats:
// how it is cut into blocks changes no value), and wasm uses log2(4) rounds of interleaves,
// which transpose V x V on any target: round r pairs row i with row i + V/2.
template <class B>
using TransposeBatch = std::conditional_t<(B::size > 8), xsimd::make_sized_batch_t<float, 8>, B>;

template <class T> void transpose_block(T* rows) {
#if XSIMD_WITH_WASM
  if constexpr (std::is_same_v<typename T::arch_type, xsimd::wasm>) {
    constexpr std::size_t V = T::size;
    for (std::size_t round = 1; round < V; round *= 2) {
      T next[V];
      for (std::size_t i = 0; i < V / 2; ++i) {
        next[2 * i] = xsimd::zip_lo(rows[i], rows[i + V / 2]);
        next[2 * i + 1] = xsimd::zip_hi(rows[i], rows[i + V / 2]);
      }
      std::copy_n(next, V, rows);
    }
    return;
  }
#endif
  xsimd::transpose(rows, rows + T::size);
}

// panel[(k - k0) * width + j] = B(k, n0 + j) for k0 <= k < k1, j < width (a multiple of V).
// Where B's columns are contiguous (b_k == 1, as for W^T and X^T), blocks are transposed in
// registers; the rest is copied one element at a time.
template <class B>
void pack_panel(const Product& p, std::size_t k0, std::size_t k1, std::size_t n0, std::size_t width,
                float* panel) {
  constexpr std::size_t V = B::size;
  std::size_t k = k0;
  if (p.b_n == 1) { // rows already contiguous: a copy
    for (; k < k1; ++k)
      for (std::size_t j = 0; j < width; j += V)
        B::load_unaligned(p.b + k * p.b_k + n0 + j).store_unaligned(panel + (k - k0) * width + j);
    return;
  }
  if (p.b_k == 1) {
    using T = TransposeBatch<B>;
    constexpr std::size_t TV = T::size; // divides V, hence width
    for (; k + TV <= k1; k += TV)
      for (std::size_t j = 0; j < width; j += TV) {
        T block[TV];
        for (std::size_t l = 0; l < TV; ++l)
          block[l] = T::load_unaligned(p.b + (n0 + j + l) * p.b_n + k);
        transpose_block(block);
        for (std::size_t l = 0; l < TV; ++l)
          block[l].store_unaligned(panel + (k - k0 + l) * width + j);
      }
  }
  for (; k < k1; ++k)
    for (std::size_t j = 0; j < width; ++j)
      panel[(k - k0) * width + j] = p.b[k * p.b_k + (n0 + j) * p.b_n];
}

template <class B> void product(const Product& p) {
  constexpr std::size_t V = B::size;
  constexpr int MR = Tile<B>::kRows;
  // The panel holds kSliceK rows of the default strip; a strip of more vectors (few rows) takes
  // proportionally fewer rows of K per slice. Each slice continues the sums in C, in k order.
  constexpr std::size_t kPanel = kSliceK * Tile<B>::kVecs * V;
  assert(p.N >= V);
  const std::size_t NR = Tile<B>::vecs_for(static_cast<int>(std::clamp<std::size_t>(p.M, 1, MR)));
  const std::size_t slice = kPanel / (NR * V);
  const bool pack = p.b_n != 1 || (p.M > MR && p.b_k >= kPackStride);
  alignas(64) float panel[kPanel]; // used when B's rows are strided
  // Rows m < M of columns n0 .. n0 + vecs * V - 1, terms k0 .. k1 - 1.
  auto strip = [&](std::size_t n0, std::size_t vecs, std::size_t k0, std::size_t k1) {
    const float* b = p.b + k0 * p.b_k + n0 * p.b_n;
    std::size_t ldb = p.b_k;
    if (pack) {
      pack_panel<B>(p, k0, k1, n0, vecs * V, panel);
      b = panel;
      ldb = vecs * V;
    }
    for (std::size_t m0 = 0; m0 < p.M; m0 += MR)
      with_count<MR>(std::min<std::size_t>(MR, p.M - m0), [&](auto R) {
        with_count<Tile<B>::vecs_for(R)>(
            vecs, [&](auto NV) { tile<B, R, NV>(p, b, ldb, k0, k1, m0, n0); });
      });
  };
  if (pack && p.N % V == 0 && p.K > slice) {
    // Slices of K outermost. Only where every strip is whole vectors: a partial last vector
    // is redone over columns an earlier strip already summed, which is right only when that
    // strip has finished all of K (the loop below).
    for (std::size_t k0 = 0; k0 < p.K; k0 += slice)
      for (std::size_t n0 = 0; n0 < p.N;) {
        const std::size_t vecs = std::min(NR, (p.N - n0) / V);
        strip(n0, vecs, k0, std::min(p.K, k0 + slice));
        n0 += vecs * V;
      }
    return;
  }
  // Column strips outermost: a strip of B (K x NR vectors) stays in cache for every row block.
  for (std::size_t n0 = 0; n0 < p.N;) {
    std::size_t vecs = std::min(NR, (p.N - n0) / V);
    if (vecs == 0) { // a partial vector: redo the last full one, ending at column N
      n0 = p.N - V;
      vecs = 1;
    }
    std::size_t k0 = 0;
    do { // once even when K == 0: C = init
      const std::size_t k1 = pack ? std::min(p.K, k0 + slice) : p.K;
      strip(n0, vecs, k0, k1);
      k0 = k1;
    } while (k0 < p.K);
    n0 += vecs * V;
  }
}

// The same sums one element at a time, for n narrower than any batch.
void product_by_element(const Product& p) {
  for (std::size_t m = 0; m < p.M; ++m)
    for (std::size_t n = 0; n < p.N; ++n) {
      float acc = p.init ? p.init[n * p.init_n] : 0.0f;
      for (std::size_t k = 0; k < p.K; ++k)
        acc += p.a[m * p.a_m + k * p.a_k] * p.b[k * p.b_k + n * p.b_n];
      p.c[m * p.ldc + n] = acc;
    }
}

void run(const Product& p) {
  const bool done = with_batch_for(p.N, [&](auto t) { product<typename decltype(t)::type>(p); });
  if (!done) product_by_element(p);
}

} // namespace

void dense_forward(const float* X, const float* W, const float* b, float* Z, std::size_t batch,
                   std::size_t in, std::size_t out) {
  if (out == 1) // Z^T = w^T X^T + b: vectorised over the samples
    run({W, 0, 1, X, 1, in, Z, 1, b, 0, 1, batch, in});
  else
    run({X, in, 1, W, out, 1, Z, out, b, 1, batch, out, in});
}

void dense_backward(const float* X, const float* W, const float* dZ, float* dX, float* dW,
                    float* db, std::size_t batch, std::size_t in, std::size_t out) {
  static const float one = 1.0f;
  if (out == 1) // dW^T = dZ^T X, [1 x in]: the same memory as dW [in x 1], vectorised over in
    run({dZ, 0, 1, X, in, 1, dW, in, nullptr, 0, 1, in, batch});
  else
    run({X, 1, in, dZ, out, 1, dW, out, nullptr, 0, in, out, batch});
  run({&one, 0, 0, dZ, out, 1, db, out, nullptr, 0, 1, out, batch});
  if (dX) run({dZ, out, 1, W, 1, out, dX, in, nullptr, 0, batch, in, out});
}

} // namespace leaky::simd
