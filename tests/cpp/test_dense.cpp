// Dense layers: the dispatching path (SIMD where built with it) and the scalar reference,
// against each other, against a double-precision reference, and the backward pass against
// central finite differences of L = sum(G .* Z) in double.
//
// Tolerance: a float sum of n terms in any order (lanes, tiles, FMA or not) is within
// gamma(n) * sum |terms| of the exact sum, gamma(n) = n u / (1 - n u), u = 2^-24 (Higham,
// "Accuracy and Stability of Numerical Algorithms", 3.1). So each path is held to gamma(n) *
// sum |terms| against double (exact products of floats, summed with negligible error), and
// the two paths to twice that against each other. n is in + 1 for Z (the bias is a term),
// batch for dW and db, out for dX. A missing, doubled or misplaced term is far outside it.
// Beyond the tolerance, dense.hpp promises that the SIMD path repeats the reference's float
// operations in its order: the two must agree bit for bit, and give the same bits in every
// build (a hash of the outputs, checked against a constant).
#include "dense.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

using namespace leaky;
using namespace leaky::test;

namespace {

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

double gamma(std::size_t n) {
  const double nu = static_cast<double>(n) * 0x1.0p-24;
  return nu / (1.0 - nu);
}

struct Shape {
  std::size_t batch, in, out;
};

std::string describe(Shape s) {
  return "batch=" + std::to_string(s.batch) + " in=" + std::to_string(s.in) +
         " out=" + std::to_string(s.out);
}

// A layer's inputs, random in [-1, 1) with exact zeros among them (see random_inputs).
struct Layer {
  Shape s;
  std::vector<float> X, W, b, G; // G = dZ
  Layer(Shape shape, std::uint64_t seed)
      : s(shape), X(random_inputs(s.batch * s.in, seed, 1.0f)),
        W(random_inputs(s.in * s.out, seed + 1, 1.0f)), b(random_inputs(s.out, seed + 2, 1.0f)),
        G(random_inputs(s.batch * s.out, seed + 3, 1.0f)) {}
};

// Outputs of one path; NaN-filled first, so that an unwritten or accumulated value shows.
struct Grads {
  std::vector<float> Z, dX, dW, db;
  explicit Grads(Shape s)
      : Z(s.batch * s.out, kNaN), dX(s.batch * s.in, kNaN), dW(s.in * s.out, kNaN),
        db(s.out, kNaN) {}
};

enum class Path { dispatch, scalar };

const char* name(Path path) {
  return path == Path::dispatch ? "dispatch" : "scalar";
}

Grads run(Path path, const Layer& l, bool with_dX = true) {
  Grads g(l.s);
  const auto [batch, in, out] = l.s;
  float* dX = with_dX ? g.dX.data() : nullptr;
  if (path == Path::dispatch) {
    dense_forward(best_kernels(), l.X.data(), l.W.data(), l.b.data(), g.Z.data(), batch, in, out);
    dense_backward(best_kernels(), l.X.data(), l.W.data(), l.G.data(), dX, g.dW.data(), g.db.data(),
                   batch, in, out);
  } else {
    scalar::dense_forward(l.X.data(), l.W.data(), l.b.data(), g.Z.data(), batch, in, out);
    scalar::dense_backward(l.X.data(), l.W.data(), l.G.data(), dX, g.dW.data(), g.db.data(), batch,
                           in, out);
  }
  return g;
}

// Exact values (double) and sum |terms| of every output, with the term count of each.
struct Reference {
  std::vector<double> Z, Zmag, dX, dXmag, dW, dWmag, db, dbmag;
  std::size_t nZ, ndX, ndW;
};

Reference reference(const Layer& l) {
  const auto [batch, in, out] = l.s;
  Reference r{std::vector<double>(batch * out),
              std::vector<double>(batch * out),
              std::vector<double>(batch * in),
              std::vector<double>(batch * in),
              std::vector<double>(in * out),
              std::vector<double>(in * out),
              std::vector<double>(out),
              std::vector<double>(out),
              in + 1,
              out,
              batch};
  for (std::size_t n = 0; n < batch; ++n)
    for (std::size_t o = 0; o < out; ++o) {
      double z = l.b[o], mag = std::fabs(l.b[o]);
      for (std::size_t i = 0; i < in; ++i) {
        const double t = static_cast<double>(l.X[n * in + i]) * l.W[i * out + o];
        z += t;
        mag += std::fabs(t);
      }
      r.Z[n * out + o] = z;
      r.Zmag[n * out + o] = mag;
    }
  for (std::size_t i = 0; i < in; ++i)
    for (std::size_t o = 0; o < out; ++o)
      for (std::size_t n = 0; n < batch; ++n) {
        const double t = static_cast<double>(l.X[n * in + i]) * l.G[n * out + o];
        r.dW[i * out + o] += t;
        r.dWmag[i * out + o] += std::fabs(t);
      }
  for (std::size_t o = 0; o < out; ++o)
    for (std::size_t n = 0; n < batch; ++n) {
      r.db[o] += l.G[n * out + o];
      r.dbmag[o] += std::fabs(l.G[n * out + o]);
    }
  for (std::size_t n = 0; n < batch; ++n)
    for (std::size_t i = 0; i < in; ++i)
      for (std::size_t o = 0; o < out; ++o) {
        const double t = static_cast<double>(l.G[n * out + o]) * l.W[i * out + o];
        r.dX[n * in + i] += t;
        r.dXmag[n * in + i] += std::fabs(t);
      }
  return r;
}

// The worst |got - want| / (k gamma(n) mag + slack) over a buffer, and where; <= 1 passes.
struct Worst {
  double ratio = 0.0;
  std::size_t at = 0;
  double got = 0.0, want = 0.0;
};

template <class Want>
Worst worst(const std::vector<float>& got, const Want& want, const std::vector<double>& mag,
            double k, std::size_t n, double slack = 0.0) {
  const double inf = std::numeric_limits<double>::infinity();
  Worst w;
  for (std::size_t j = 0; j < got.size(); ++j) {
    const double err = std::fabs(static_cast<double>(got[j]) - static_cast<double>(want[j]));
    const double tol = k * gamma(n) * mag[j] + slack;
    const double ratio = std::isnan(err) ? inf : err == 0.0 ? 0.0 : tol > 0.0 ? err / tol : inf;
    if (ratio > w.ratio) w = {ratio, j, got[j], static_cast<double>(want[j])};
  }
  return w;
}

std::size_t mismatches(const std::vector<float>& a, const std::vector<float>& b) {
  std::size_t n = 0;
  for (std::size_t j = 0; j < a.size(); ++j)
    n += !same_float(a[j], b[j]);
  return n;
}

#define CHECK_WORST(label, w)                                                                      \
  do {                                                                                             \
    const Worst w_ = (w);                                                                          \
    INFO(label, " worst at ", w_.at, ": ", w_.got, " vs ", w_.want, " (", w_.ratio, " x tol)");    \
    CHECK(w_.ratio <= 1.0);                                                                        \
  } while (0)

void check_layer(const Layer& l) {
  const Reference r = reference(l);
  const Grads fast = run(Path::dispatch, l), ref = run(Path::scalar, l);
  INFO(describe(l.s));
  for (Path path : {Path::dispatch, Path::scalar}) {
    const Grads& g = path == Path::dispatch ? fast : ref;
    INFO(name(path), " path against double");
    CHECK_WORST("Z", worst(g.Z, r.Z, r.Zmag, 1, r.nZ));
    CHECK_WORST("dW", worst(g.dW, r.dW, r.dWmag, 1, r.ndW));
    CHECK_WORST("db", worst(g.db, r.db, r.dbmag, 1, r.ndW));
    CHECK_WORST("dX", worst(g.dX, r.dX, r.dXmag, 1, r.ndX));
  }
  INFO("dispatch path against the scalar path");
  CHECK_WORST("Z", worst(fast.Z, ref.Z, r.Zmag, 2, r.nZ));
  CHECK_WORST("dW", worst(fast.dW, ref.dW, r.dWmag, 2, r.ndW));
  CHECK_WORST("db", worst(fast.db, ref.db, r.dbmag, 2, r.ndW));
  CHECK_WORST("dX", worst(fast.dX, ref.dX, r.dXmag, 2, r.ndX));
  // What dense.hpp promises beyond that: the SIMD path adds the same terms in the same order
  // as the reference, with no FMA, so it matches it bit for bit.
  CHECK(mismatches(fast.Z, ref.Z) == 0);
  CHECK(mismatches(fast.dW, ref.dW) == 0);
  CHECK(mismatches(fast.db, ref.db) == 0);
  CHECK(mismatches(fast.dX, ref.dX) == 0);
}

// L = sum(G .* Z) in double, Z = X W + b computed in double from the (perturbed) inputs.
double loss(const Layer& l, const std::vector<double>& X, const std::vector<double>& W,
            const std::vector<double>& b) {
  const auto [batch, in, out] = l.s;
  double L = 0.0;
  for (std::size_t n = 0; n < batch; ++n)
    for (std::size_t o = 0; o < out; ++o) {
      double z = b[o];
      for (std::size_t i = 0; i < in; ++i)
        z += X[n * in + i] * W[i * out + o];
      L += l.G[n * out + o] * z;
    }
  return L;
}

// Central differences of L over every entry of one of X, W, b (which = 0, 1, 2).
std::vector<double> finite_differences(const Layer& l, int which) {
  std::vector<double> X(l.X.begin(), l.X.end()), W(l.W.begin(), l.W.end()),
      b(l.b.begin(), l.b.end());
  std::vector<double>& p = which == 0 ? X : which == 1 ? W : b;
  std::vector<double> fd(p.size());
  const double h = 1e-3;
  for (std::size_t j = 0; j < p.size(); ++j) {
    const double keep = p[j];
    p[j] = keep + h;
    const double up = loss(l, X, W, b);
    p[j] = keep - h;
    const double down = loss(l, X, W, b);
    p[j] = keep;
    fd[j] = (up - down) / (2 * h);
  }
  return fd;
}

// FNV-1a over the bit patterns of every output, continuing from hash.
constexpr std::uint64_t kHashStart = 1469598103934665603ull;
std::uint64_t hash_outputs(std::uint64_t hash, const Grads& g) {
  for (const std::vector<float>* v : {&g.Z, &g.dW, &g.db, &g.dX})
    for (float f : *v) {
      std::uint32_t bits;
      std::memcpy(&bits, &f, sizeof bits);
      hash = (hash ^ bits) * 1099511628211ull;
    }
  return hash;
}

// Shapes of the reference workloads (W1, W2, W3), out == 1 layers, odd sizes, and sums longer
// than the SIMD path's 256-row panels of W^T (dX for out > 256) and X^T (Z for out == 1).
const std::vector<Shape> kNamedShapes = {
    {10, 2, 8},     {10, 8, 8},     {10, 8, 1},    {32, 2, 64}, {32, 64, 64}, {32, 64, 1},
    {64, 784, 256}, {64, 256, 256}, {64, 256, 10}, {7, 100, 1}, {5, 3, 1},    {1, 300, 17},
    {33, 37, 41},   {3, 1000, 5},   {100, 5, 33},  {2, 2, 2},   {64, 3, 3},   {16, 16, 16},
    {5, 9, 300},    {9, 600, 1},    {20, 6, 530}};

// Shapes where the SIMD path packs contiguous rows of B (W for Z, dZ for dW: out >= 512 with
// more than one block of rows), with slices of K outermost where N is whole vectors (Z with
// in > 256, dW with batch > 256, dX with out > 256) and strips outermost where it is not,
// at batches and widths that do not divide the tiles; and shapes just below the packing.
const std::vector<Shape> kPackedShapes = {{40, 1024, 1024}, {20, 600, 512}, {300, 9, 512},
                                          {12, 64, 520},    {13, 300, 517}, {9, 257, 256},
                                          {17, 513, 384},   {5, 270, 528},  {9, 700, 511}};

// Batches of 1 to 7, which take taller tiles (more vectors per row) than larger batches: widths
// that fill them (up to 12 vectors of 16 lanes), that leave a partial strip or vector, and sums
// longer than the smaller panel slices of those tiles (dX for out > 64 at batch 1 in wasm).
const std::vector<Shape> kFewRowShapes = {
    {1, 64, 64},  {1, 256, 256}, {1, 300, 517}, {1, 1024, 200}, {1, 70, 1000}, {2, 64, 200},
    {2, 130, 77}, {3, 40, 130},  {3, 600, 33},  {4, 100, 190},  {5, 33, 260},  {7, 520, 47},
    {1, 9, 193},  {2, 193, 9},   {6, 17, 101},  {1, 513, 1}};

} // namespace

TEST_CASE("dense: both paths match double, and each other, for every shape 1..19") {
  std::uint64_t seed = 1;
  for (std::size_t batch = 1; batch <= 19; ++batch)
    for (std::size_t in = 1; in <= 19; ++in)
      for (std::size_t out = 1; out <= 19; ++out)
        check_layer(Layer({batch, in, out}, seed += 4));
}

TEST_CASE("dense: both paths match double on the workload shapes (784x256 batch 64, ...)") {
  std::uint64_t seed = 100000;
  for (Shape s : kNamedShapes)
    check_layer(Layer(s, seed += 4));
}

TEST_CASE("dense: both paths match double on the shapes whose strips are packed") {
  std::uint64_t seed = 150000;
  for (Shape s : kPackedShapes)
    check_layer(Layer(s, seed += 4));
}

TEST_CASE("dense: both paths match double on batches of 1 to 7 (tall tiles)") {
  std::uint64_t seed = 170000;
  for (Shape s : kFewRowShapes)
    check_layer(Layer(s, seed += 4));
}

TEST_CASE("dense: backward matches central finite differences of sum(G .* Z) in double") {
  const std::vector<Shape> shapes = {{3, 5, 7},  {10, 8, 1}, {6, 19, 9}, {4, 2, 8},
                                     {5, 17, 3}, {2, 9, 20}, {1, 1, 1},  {9, 4, 16}};
  std::uint64_t seed = 200000;
  for (Shape s : shapes) {
    const Layer l(s, seed += 4);
    const Reference r = reference(l); // only for sum |terms|
    const std::vector<double> fdX = finite_differences(l, 0), fdW = finite_differences(l, 1),
                              fdb = finite_differences(l, 2);
    // The loss is linear in each parameter, so the differences are exact up to double
    // round-off (about 1e-16 * |L| / h, |L| < 1e3 here); a slack of 1e-9 covers it.
    const double slack = 1e-9;
    for (Path path : {Path::dispatch, Path::scalar}) {
      const Grads g = run(path, l);
      INFO(describe(s), " ", name(path), " path against finite differences");
      CHECK_WORST("dW", worst(g.dW, fdW, r.dWmag, 1, r.ndW, slack));
      CHECK_WORST("db", worst(g.db, fdb, r.dbmag, 1, r.ndW, slack));
      CHECK_WORST("dX", worst(g.dX, fdX, r.dXmag, 1, r.ndX, slack));
    }
  }
}

TEST_CASE("dense: dX == nullptr (first layer) leaves dW and db as they are with dX") {
  std::vector<Shape> shapes = kNamedShapes;
  shapes.insert(shapes.end(), {{4, 7, 2}, {4, 2, 1}, {19, 19, 19}, {6, 11, 5}});
  std::uint64_t seed = 300000;
  for (Shape s : shapes) {
    const Layer l(s, seed += 4);
    for (Path path : {Path::dispatch, Path::scalar}) {
      const Grads with = run(path, l), without = run(path, l, false);
      INFO(describe(s), " ", name(path));
      CHECK(without.dW == with.dW);
      CHECK(without.db == with.db);
      bool untouched = true; // dX was not passed: the NaN fill of the buffer stays
      for (float v : without.dX)
        untouched = untouched && std::isnan(v);
      CHECK(untouched);
    }
  }
}

TEST_CASE("dense: empty dimensions give empty sums (zeros) and the bias") {
  for (Path path : {Path::dispatch, Path::scalar}) {
    INFO(name(path));
    // batch = 0: dW and db are sums over no sample.
    for (std::size_t out : {1u, 3u, 8u, 17u}) {
      const Grads g = run(path, Layer({0, 5, out}, 7));
      for (float v : g.dW)
        CHECK(v == 0.0f);
      for (float v : g.db)
        CHECK(v == 0.0f);
    }
    // in = 0: Z is the bias on every row.
    for (std::size_t out : {1u, 3u, 8u, 17u}) {
      const Layer l({3, 0, out}, 8);
      const Grads g = run(path, l);
      for (std::size_t j = 0; j < g.Z.size(); ++j)
        CHECK(g.Z[j] == l.b[j % out]);
    }
    // out = 0: dX is a sum over no unit.
    const Grads g = run(path, Layer({4, 6, 0}, 9));
    for (float v : g.dX)
      CHECK(v == 0.0f);
  }
}

TEST_CASE("dense: the same bits natively and in wasm (a hash of every output)") {
  // Both paths are plain float multiplies and adds in a fixed order, so every build of every
  // target must produce these exact bits. The constant was taken from a native build.
  std::uint64_t hash = kHashStart;
  for (Shape s : {Shape{64, 256, 10}, Shape{10, 8, 1}, Shape{10, 2, 8}, Shape{13, 17, 19}}) {
    const Layer l(s, 400000 + s.in);
    for (Path path : {Path::dispatch, Path::scalar})
      hash = hash_outputs(hash, run(path, l));
  }
  CHECK(hash == 3721455077980849883ull);
}

// The hash of the dispatched path's outputs over shapes, their layers seeded seed + 4, + 8, ...
std::uint64_t dispatch_hash(const std::vector<Shape>& shapes, std::uint64_t seed) {
  std::uint64_t hash = kHashStart;
  for (Shape s : shapes)
    hash = hash_outputs(hash, run(Path::dispatch, Layer(s, seed += 4)));
  return hash;
}

TEST_CASE("dense: the same bits natively and in wasm where strips are packed, and at batches 1-7") {
  // As above, for kPackedShapes and for kFewRowShapes (tall tiles); the constants were taken
  // from a native build.
  CHECK(dispatch_hash(kPackedShapes, 500000) == 414145139616262504ull);
  CHECK(dispatch_hash(kFewRowShapes, 600000) == 4509899961506236628ull);
}
