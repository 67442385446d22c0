// The xsimd path for dense layers. Every product of a layer is one of two register-blocked
// kernels over xsimd batches (SSE/AVX/AVX-512 natively, wasm SIMD128 under em++ -msimd128):
//   broadcast: C(m, n) = init[n] + sum_k A(m, k) B(k, n), vectorised over n: each step loads
//              a few vectors of a row of B and multiplies them by one broadcast scalar of A
//              per row of the tile. Z = X W + b, dW = X^T dZ, db = 1^T dZ.
//   dot:       C(m, n) = sum_k A(m, k) B(n, k), vectorised over k: dot products of
//              contiguous rows, summed horizontally at the end. dX = dZ W^T.
// A vectorised dimension shorter than the default batch (AVX-512's 16 lanes natively) takes
// the widest narrower batch the target has. Partial vectors: the broadcast kernel recomputes
// the last full vector ending at the row's end (the overlapped columns get the same values
// again); the dot kernel loads the last vector ending at the row's end and zeroes the lanes it
// already summed. Layers narrower than the narrowest batch (out = 2 or 3 here, or in < 4 when
// out == 1) go to the scalar reference; out == 1 vectorises over in instead.
#include "dense.hpp"

#include <xsimd/xsimd.hpp>

#include <algorithm>
#include <cassert>
#include <type_traits>
#include <utility>

namespace leaky::simd {

namespace {

constexpr std::size_t kNarrowest = 4; // lanes of the narrowest batch tried (SSE, wasm)

// The float batch with exactly N lanes on this target, or void.
template <std::size_t N> struct Sized { using type = xsimd::make_sized_batch_t<float, N>; };
#if XSIMD_WITH_FMA3_AVX2
// make_sized_batch names AVX-VNNI for 8 lanes where the CPU has it, whose fma is a multiply
// and an add; FMA3 on AVX2 has the fused instruction.
template <> struct Sized<8> { using type = xsimd::batch<float, xsimd::fma3<xsimd::avx2>>; };
#endif

// Calls f(std::type_identity<B>{}) for the widest batch B with at most n lanes; false when n
// is narrower than every batch.
template <std::size_t Lanes = xsimd::batch<float>::size, class F>
bool with_batch_for(std::size_t n, F&& f) {
  if constexpr (Lanes < kNarrowest) {
    return false;
  } else {
    using B = std::conditional_t<Lanes == xsimd::batch<float>::size, xsimd::batch<float>,
                                 typename Sized<Lanes>::type>;
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
// or columns become a compile-time count, so that its accumulators stay in registers.
template <int Max, class F> void with_count(std::size_t n, F&& f) {
  [&]<int... I>(std::integer_sequence<int, I...>) {
    ((n == I + 1 ? (f(std::integral_constant<int, I + 1>{}), 0) : 0), ...);
  }
  (std::make_integer_sequence<int, Max>{});
}

// Tile shapes (rows x vectors of accumulators), per batch width. Wasm has 16 xmm registers
// under V8 on x86-64 and no FMA; AVX-512 has 32 registers.
template <class B> struct Tile {
  static constexpr bool kWide = B::size >= 16;
  static constexpr int kBcastRows = 4;
  static constexpr int kBcastVecs = kWide ? 3 : 2;
  static constexpr int kDotRows = 2;
  static constexpr int kDotCols = 4;
};

// ---- broadcast kernel -------------------------------------------------------------------

// C(m, n) = init[n] (0 when init is null) + sum_k A(m, k) B(k, n), for m < M, n < N, k < K:
//   A(m, k) = a[m * a_m + k * a_k]   any strides: X (in, 1), X^T (1, in), a broadcast 1 (0, 0)
//   B(k, n) = b[k * ldb + n]         rows contiguous over n
//   C(m, n) = c[m * ldc + n]
struct Broadcast {
  const float* a;
  std::size_t a_m, a_k;
  const float* b;
  std::size_t ldb;
  float* c;
  std::size_t ldc;
  const float* init;
  std::size_t M, N, K;
};

template <class B, int R, int NV>
void broadcast_tile(const Broadcast& p, std::size_t m0, std::size_t n0) {
  constexpr std::size_t V = B::size;
  B acc[R][NV];
  for (int v = 0; v < NV; ++v) {
    const B start = p.init ? B::load_unaligned(p.init + n0 + v * V) : B(0.0f);
    for (int r = 0; r < R; ++r)
      acc[r][v] = start;
  }
  const float* a = p.a + m0 * p.a_m;
  const float* b = p.b + n0;
  for (std::size_t k = 0; k < p.K; ++k, a += p.a_k, b += p.ldb) {
    B w[NV];
    for (int v = 0; v < NV; ++v)
      w[v] = B::load_unaligned(b + v * V);
    for (int r = 0; r < R; ++r) {
      const B x(a[r * p.a_m]);
      for (int v = 0; v < NV; ++v)
        acc[r][v] = xsimd::fma(x, w[v], acc[r][v]);
    }
  }
  for (int r = 0; r < R; ++r)
    for (int v = 0; v < NV; ++v)
      acc[r][v].store_unaligned(p.c + (m0 + r) * p.ldc + n0 + v * V);
}

template <class B> void broadcast(const Broadcast& p) {
  constexpr std::size_t V = B::size;
  constexpr int MR = Tile<B>::kBcastRows, NR = Tile<B>::kBcastVecs;
  assert(p.N >= V);
  // Column strips outermost: a strip of B (K x NR vectors) stays in cache for every row block.
  for (std::size_t n0 = 0; n0 < p.N;) {
    std::size_t vecs = std::min<std::size_t>(NR, (p.N - n0) / V);
    if (vecs == 0) { // a partial vector: redo the last full one, ending at column N
      n0 = p.N - V;
      vecs = 1;
    }
    for (std::size_t m0 = 0; m0 < p.M; m0 += MR)
      with_count<MR>(std::min<std::size_t>(MR, p.M - m0), [&](auto R) {
        with_count<NR>(vecs, [&](auto NV) { broadcast_tile<B, R, NV>(p, m0, n0); });
      });
    n0 += vecs * V;
  }
}

// ---- dot kernel -------------------------------------------------------------------------

// C(m, n) = sum_k A(m, k) B(n, k), for m < M, n < N, k < K:
//   A(m, k) = a[m * lda + k], B(n, k) = b[n * ldb + k]   rows contiguous over k
//   C(m, n) = c[m * ldc + n]
struct Dot {
  const float* a;
  std::size_t lda;
  const float* b;
  std::size_t ldb;
  float* c;
  std::size_t ldc;
  std::size_t M, N, K;
};

alignas(64) constexpr float kLane[16] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};

template <class B, int R, int NC> void dot_tile(const Dot& p, std::size_t m0, std::size_t n0) {
  constexpr std::size_t V = B::size;
  static_assert(V <= 16);
  B acc[R][NC];
  for (int r = 0; r < R; ++r)
    for (int c = 0; c < NC; ++c)
      acc[r][c] = B(0.0f);
  const float* a = p.a + m0 * p.lda;
  const float* b = p.b + n0 * p.ldb;
  auto step = [&](std::size_t k, auto load) {
    B x[R], w[NC];
    for (int r = 0; r < R; ++r)
      x[r] = load(a + r * p.lda + k);
    for (int c = 0; c < NC; ++c)
      w[c] = load(b + c * p.ldb + k);
    for (int r = 0; r < R; ++r)
      for (int c = 0; c < NC; ++c)
        acc[r][c] = xsimd::fma(x[r], w[c], acc[r][c]);
  };
  std::size_t k = 0;
  for (; k + V <= p.K; k += V)
    step(k, [](const float* q) { return B::load_unaligned(q); });
  if (k < p.K) { // the last V values of each row, lanes before k (already summed) zeroed
    const std::size_t start = p.K - V;
    const auto fresh = B::load_unaligned(kLane) >= B(static_cast<float>(k - start));
    step(start,
         [&](const float* q) { return xsimd::select(fresh, B::load_unaligned(q), B(0.0f)); });
  }
  for (int r = 0; r < R; ++r) {
    float* out = p.c + (m0 + r) * p.ldc + n0;
    if constexpr (NC == V) {
      xsimd::haddp(acc[r]).store_unaligned(out);
    } else {
      for (int c = 0; c < NC; ++c)
        out[c] = xsimd::reduce_add(acc[r][c]);
    }
  }
}

template <class B> void dot(const Dot& p) {
  constexpr int MR = Tile<B>::kDotRows, NC = Tile<B>::kDotCols;
  assert(p.K >= B::size);
  // Column blocks outermost: NC rows of B stay in cache while every row of A passes.
  for (std::size_t n0 = 0; n0 < p.N; n0 += NC)
    for (std::size_t m0 = 0; m0 < p.M; m0 += MR)
      with_count<MR>(std::min<std::size_t>(MR, p.M - m0), [&](auto R) {
        with_count<NC>(std::min<std::size_t>(NC, p.N - n0),
                       [&](auto C) { dot_tile<B, R, C>(p, m0, n0); });
      });
}

} // namespace

void dense_forward(const float* X, const float* W, const float* b, float* Z, std::size_t batch,
                   std::size_t in, std::size_t out) {
  bool done = false;
  if (out == 1) { // Z = X w + b: one dot product per sample, over in
    done = with_batch_for(in, [&](auto t) {
      using B = typename decltype(t)::type;
      dot<B>({X, in, W, in, Z, 1, batch, 1, in});
      for (std::size_t n = 0; n < batch; ++n)
        Z[n] += b[0];
    });
  } else {
    done = with_batch_for(out, [&](auto t) {
      using B = typename decltype(t)::type;
      broadcast<B>({X, in, 1, W, out, Z, out, b, batch, out, in});
    });
  }
  if (!done) scalar::dense_forward(X, W, b, Z, batch, in, out);
}

void dense_backward(const float* X, const float* W, const float* dZ, float* dX, float* dW,
                    float* db, std::size_t batch, std::size_t in, std::size_t out) {
  static const float one = 1.0f;
  bool done = false;
  if (out == 1) { // vectorised over in
    done = with_batch_for(in, [&](auto t) {
      using B = typename decltype(t)::type;
      // dW^T = dZ^T X: [1 x in], the same memory as dW [in x 1].
      broadcast<B>({dZ, 0, 1, X, in, dW, in, nullptr, 1, in, batch});
      // dX = dZ w^T: an outer product, K = 1.
      if (dX) broadcast<B>({dZ, 1, 0, W, 0, dX, in, nullptr, batch, in, 1});
      float sum = 0.0f;
      for (std::size_t n = 0; n < batch; ++n)
        sum += dZ[n];
      db[0] = sum;
    });
  } else {
    done = with_batch_for(out, [&](auto t) {
      using B = typename decltype(t)::type;
      broadcast<B>({X, 1, in, dZ, out, dW, out, nullptr, in, out, batch});  // dW = X^T dZ
      broadcast<B>({&one, 0, 0, dZ, out, db, out, nullptr, 1, out, batch}); // db = 1^T dZ
      if (dX) dot<B>({dZ, out, W, out, dX, in, batch, in, out});            // dX = dZ W^T
    });
  }
  if (!done) scalar::dense_backward(X, W, dZ, dX, dW, db, batch, in, out);
}

} // namespace leaky::simd
