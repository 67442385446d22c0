// Derivatives against central finite differences in double precision, away from kinks:
// first the formulas themselves (in double), then the float kernels both paths run.
#include "activation.hpp"
#include "activation_math.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <vector>

using namespace leaky;
using namespace leaky::test;

namespace {

double central_difference(const Activation& act, double z) {
  const double h = 1e-6 * std::max(1.0, std::fabs(z));
  return (math::value<double>(act, z + h) - math::value<double>(act, z - h)) / (2 * h);
}

// Points in [-6, 6], none within 1e-3 of the kink at 0.
std::vector<double> grid() {
  std::vector<double> out;
  for (double z = -6.0; z <= 6.0; z += 0.0625)
    if (std::fabs(z) > 1e-3) out.push_back(z + 0.0123);
  return out;
}

} // namespace

TEST_CASE("each formula's derivative matches a central difference (double)") {
  for (const Activation& act : activations_to_test()) {
    if (act.training) continue; // noise slopes are checked in the values test
    for (double z : grid()) {
      const double fd = central_difference(act, z);
      const double an = math::slope<double>(act, z);
      INFO(describe(act), " z=", z, " analytic=", an, " fd=", fd);
      CHECK(std::fabs(an - fd) <= 1e-7 * std::max(1.0, std::fabs(fd)));
    }
  }
}

TEST_CASE("the float kernels' derivatives match the double finite differences") {
  const std::vector<double> zs = grid();
  std::vector<float> z(zs.begin(), zs.end()), df(z.size()), df_ref(z.size());
  const std::vector<float> ones(z.size(), 1.0f);
  for (const Activation& act : activations_to_test()) {
    if (act.training) continue;
    derivative(best_kernels(), act, z, df);
    scalar::backward(act, z, ones, df_ref);
    for (std::size_t i = 0; i < z.size(); ++i) {
      const double fd = central_difference(act, z[i]); // at the float input exactly
      INFO(describe(act), " z=", z[i], " simd=", df[i], " scalar=", df_ref[i], " fd=", fd);
      const double tol = 2e-6 * std::max(1.0, std::fabs(fd));
      CHECK(std::fabs(df[i] - fd) <= tol);
      CHECK(std::fabs(df_ref[i] - fd) <= tol);
    }
  }
}

TEST_CASE("prelu: dL/dalpha = sum over z<=0 of g*z matches a finite difference in alpha") {
  const auto z = random_inputs(257, 21);
  const auto g = random_inputs(257, 22, 2.0f);
  for (float a : kAlphas) {
    // L(alpha) = sum_i g_i f(z_i; alpha) through the core's own formula, in double. L is
    // linear in alpha, so the difference quotient over the two float alphas is exact.
    auto loss = [&](float alpha) {
      Activation act = default_activation(Kind::prelu);
      act.alpha = alpha;
      double sum = 0.0;
      for (std::size_t i = 0; i < z.size(); ++i)
        sum += g[i] * math::value<double>(act, z[i]);
      return sum;
    };
    const float hi = a + 1e-3f, lo = a - 1e-3f;
    const double fd = (loss(hi) - loss(lo)) / (static_cast<double>(hi) - lo);
    INFO("alpha=", a);
    CHECK(prelu_alpha_grad(best_kernels(), z, g) == doctest::Approx(fd).epsilon(1e-5));
    CHECK(scalar::prelu_alpha_grad(z, g) == doctest::Approx(fd).epsilon(1e-6));
  }
}
