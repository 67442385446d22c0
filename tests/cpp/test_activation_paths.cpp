// The SIMD path against the scalar reference, over every tail length and random data.
#include "activation.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <vector>

using namespace leaky;
using namespace leaky::test;

namespace {

// Compares the best path (SIMD where built with it), through the dispatch, with the scalar
// reference called directly.
void check_paths(const Activation& act, const std::vector<float>& z, const std::vector<float>& g,
                 const std::vector<float>& noise) {
  const std::size_t n = z.size();
  std::vector<float> a_fast(n), a_ref(n), d_fast(n), d_ref(n);
  forward(best_kernels(), act, z, a_fast, noise);
  scalar::forward(act, z, a_ref, noise);
  backward(best_kernels(), act, z, g, d_fast, noise);
  scalar::backward(act, z, g, d_ref, noise);
  const bool exact = is_piecewise_linear(act.kind);
  for (std::size_t i = 0; i < n; ++i) {
    INFO(describe(act), " n=", n, " i=", i, " z=", z[i], " f: ", a_fast[i], " vs ", a_ref[i],
         " dz: ", d_fast[i], " vs ", d_ref[i]);
    if (exact) {
      CHECK(same_float(a_fast[i], a_ref[i]));
      CHECK(same_float(d_fast[i], d_ref[i]));
    } else {
      CHECK(within_bound(a_fast[i], a_ref[i]));
      CHECK(within_bound(d_fast[i], d_ref[i]));
    }
  }
}

std::vector<float> noise_for(const Activation& act, std::size_t n, std::uint64_t seed) {
  if (!(act.kind == Kind::rrelu && act.training)) return {};
  std::vector<float> noise(n);
  Rng rng(seed);
  fill_rrelu_noise(act, rng, noise);
  return noise;
}

} // namespace

TEST_CASE("SIMD path equals the scalar path for every length 0..67 (every tail)") {
  for (const Activation& act : activations_to_test()) {
    for (std::size_t n = 0; n <= 67; ++n) {
      const auto z = random_inputs(n, 1000 + n);
      const auto g = random_inputs(n, 2000 + n, 3.0f);
      check_paths(act, z, g, noise_for(act, n, 3000 + n));
    }
  }
}

TEST_CASE("SIMD path equals the scalar path on long random spans, wide ranges included") {
  for (const Activation& act : activations_to_test()) {
    for (float range : {1.0f, 8.0f, 100.0f, 1e4f}) {
      const auto z = random_inputs(4099, 7, range);
      const auto g = random_inputs(4099, 8, 2.0f);
      check_paths(act, z, g, noise_for(act, z.size(), 9));
    }
  }
}

TEST_CASE("SIMD path equals the scalar path on special values") {
  const float inf = std::numeric_limits<float>::infinity();
  const float nan = std::numeric_limits<float>::quiet_NaN();
  const std::vector<float> z = {0.0f,   -0.0f,   inf,     -inf,  nan,   1e-30f, -1e-30f,
                                1e-40f, -1e-40f, 1e4f,    -1e4f, 88.7f, -88.7f, 20.0f,
                                -20.0f, 200.0f,  -200.0f, 1e30f, -1e30f};
  const std::vector<float> g(z.size(), 1.0f);
  for (const Activation& act : activations_to_test())
    check_paths(act, z, g, noise_for(act, z.size(), 1));
}

TEST_CASE("prelu alpha gradient: SIMD sum agrees with the scalar reference") {
  for (std::size_t n : {0u, 1u, 3u, 4u, 5u, 17u, 64u, 1000u, 100003u}) {
    const auto z = random_inputs(n, 11 + n);
    const auto g = random_inputs(n, 12 + n, 2.0f);
    double exact = 0.0;
    for (std::size_t i = 0; i < n; ++i)
      if (z[i] <= 0.0f) exact += static_cast<double>(g[i]) * z[i];
    double magnitude = 0.0;
    for (std::size_t i = 0; i < n; ++i)
      magnitude += std::fabs(static_cast<double>(g[i]) * z[i]);
    INFO("n=", n);
    // Float lane sums against a double sum: within 1e-4 of the sum of |terms|.
    CHECK(std::fabs(prelu_alpha_grad(best_kernels(), z, g) - exact) <= 1e-4 * magnitude + 1e-6);
    CHECK(std::fabs(scalar::prelu_alpha_grad(z, g) - exact) <= 1e-6 * magnitude + 1e-6);
  }
}
