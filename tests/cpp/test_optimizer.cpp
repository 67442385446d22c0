// Each optimizer's update against steps computed by hand (the arithmetic is in the comments),
// and the L1/L2 penalties with their mask. The optimizers run in float, the hand numbers are
// exact decimals: a relative 1e-6 separates float round-off from a wrong formula.
#include "optimizer.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <vector>

using namespace leaky;

namespace {

doctest::Approx near(double v) {
  return doctest::Approx(v).epsilon(1e-6);
}

OptimizerSpec spec_of(OptimizerKind kind, float lr) {
  OptimizerSpec s;
  s.kind = kind;
  s.lr = lr;
  return s;
}

} // namespace

TEST_CASE("optimizer state: sgd keeps none, momentum one buffer, adam two") {
  CHECK(make_optimizer_state(spec_of(OptimizerKind::sgd, 0.1f), 5).m.empty());
  const OptimizerState mom = make_optimizer_state(spec_of(OptimizerKind::momentum, 0.1f), 5);
  CHECK(mom.m == std::vector<float>(5, 0.0f));
  CHECK(mom.v.empty());
  const OptimizerState adam = make_optimizer_state(spec_of(OptimizerKind::adam, 0.1f), 5);
  CHECK(adam.m == std::vector<float>(5, 0.0f));
  CHECK(adam.v == std::vector<float>(5, 0.0f));
  CHECK(adam.t == 0);
}

TEST_CASE("sgd: w -= lr g") {
  const OptimizerSpec s = spec_of(OptimizerKind::sgd, 0.1f);
  OptimizerState st = make_optimizer_state(s, 3);
  std::vector<float> w = {1.0f, -2.0f, 0.5f};
  const std::vector<float> g1 = {0.5f, -1.0f, 0.0f}, g2 = {0.25f, 2.0f, -4.0f};
  optimizer_step(s, st, w.data(), g1.data(), 3);
  // 1 - 0.1*0.5 = 0.95;  -2 - 0.1*(-1) = -1.9;  0.5 - 0 = 0.5
  CHECK(w[0] == near(0.95));
  CHECK(w[1] == near(-1.9));
  CHECK(w[2] == 0.5f);
  optimizer_step(s, st, w.data(), g2.data(), 3);
  // 0.95 - 0.025 = 0.925;  -1.9 - 0.2 = -2.1;  0.5 + 0.4 = 0.9
  CHECK(w[0] == near(0.925));
  CHECK(w[1] == near(-2.1));
  CHECK(w[2] == near(0.9));
  CHECK(st.t == 2);
}

TEST_CASE("momentum: v = mu v + g; w -= lr v (PyTorch's form)") {
  OptimizerSpec s = spec_of(OptimizerKind::momentum, 0.1f);
  s.momentum = 0.9f;
  OptimizerState st = make_optimizer_state(s, 2);
  // Two parameters: the second sees the same gradients negated, so updates are mirrored.
  std::vector<float> w = {1.0f, -1.0f};
  const float gs[3] = {1.0f, 0.5f, -2.0f};
  const double expected_v[3] = {1.0, 1.4, -0.74};
  const double expected_w[3] = {0.9, 0.76, 0.834};
  // v1 = 1;                 w = 1    - 0.1 * 1     = 0.9
  // v2 = 0.9*1 + 0.5 = 1.4; w = 0.9  - 0.1 * 1.4   = 0.76
  // v3 = 0.9*1.4 - 2 = -0.74; w = 0.76 + 0.1 * 0.74 = 0.834
  for (int k = 0; k < 3; ++k) {
    const float g[2] = {gs[k], -gs[k]};
    optimizer_step(s, st, w.data(), g, 2);
    CAPTURE(k);
    CHECK(st.m[0] == near(expected_v[k]));
    CHECK(w[0] == near(expected_w[k]));
    CHECK(w[1] == near(-expected_w[k]));
  }
}

TEST_CASE("nesterov momentum: v = mu v + g; w -= lr (g + mu v)") {
  OptimizerSpec s = spec_of(OptimizerKind::momentum, 0.1f);
  s.momentum = 0.9f;
  s.nesterov = true;
  OptimizerState st = make_optimizer_state(s, 1);
  float w = 1.0f;
  const float gs[3] = {1.0f, 0.5f, -2.0f};
  // v1 = 1;     w = 1     - 0.1 * (1  + 0.9*1)       = 1     - 0.19    = 0.81
  // v2 = 1.4;   w = 0.81  - 0.1 * (0.5 + 0.9*1.4)    = 0.81  - 0.176   = 0.634
  // v3 = -0.74; w = 0.634 - 0.1 * (-2 + 0.9*(-0.74)) = 0.634 + 0.2666  = 0.9006
  const double expected[3] = {0.81, 0.634, 0.9006};
  for (int k = 0; k < 3; ++k) {
    optimizer_step(s, st, &w, &gs[k], 1);
    CAPTURE(k);
    CHECK(w == near(expected[k]));
  }
  CHECK(st.m[0] == near(-0.74));
}

TEST_CASE("adam: bias-corrected moments, eps outside the square root") {
  OptimizerSpec s = spec_of(OptimizerKind::adam, 0.1f);
  s.beta1 = 0.9f;
  s.beta2 = 0.999f;
  s.eps = 1e-8f;
  OptimizerState st = make_optimizer_state(s, 1);
  float w = 1.0f;
  // t = 1, g = 0.5:  m = 0.1*0.5 = 0.05;  v = 0.001*0.25 = 0.00025
  //   m^ = 0.05/(1-0.9) = 0.5;  v^ = 0.00025/(1-0.999) = 0.25;  sqrt(v^) = 0.5
  //   w = 1 - 0.1 * 0.5/(0.5 + 1e-8) = 0.900000002
  // t = 2, g = -1:   m = 0.9*0.05 - 0.1 = -0.055;  v = 0.999*0.00025 + 0.001 = 0.00124975
  //   m^ = -0.055/(1-0.81) = -0.28947368;  v^ = 0.00124975/(1-0.998001) = 0.62518759
  //   sqrt(v^) = 0.79068805;  w = 0.9 + 0.1 * 0.28947368/0.79068805 = 0.93661035
  // t = 3, g = 0.25: m = 0.9*(-0.055) + 0.025 = -0.0245;
  //   v = 0.999*0.00124975 + 0.001*0.0625 = 0.00131100025
  //   m^ = -0.0245/(1-0.729) = -0.09040590;  v^ = 0.00131100025/(1-0.997002999) = 0.43743737
  //   sqrt(v^) = 0.66139049;  w = 0.93661035 + 0.1 * 0.09040590/0.66139049 = 0.95027942
  const float gs[3] = {0.5f, -1.0f, 0.25f};
  const double m[3] = {0.05, -0.055, -0.0245};
  const double v[3] = {0.00025, 0.00124975, 0.00131100025};
  const double expected[3] = {0.900000002, 0.9366103542405654, 0.9502794203389762};
  for (int k = 0; k < 3; ++k) {
    optimizer_step(s, st, &w, &gs[k], 1);
    CAPTURE(k);
    CHECK(st.t == k + 1);
    CHECK(st.m[0] == near(m[k]));
    CHECK(st.v[0] == near(v[k]));
    CHECK(w == near(expected[k]));
  }
}

TEST_CASE("adam's first step is lr * g / (|g| + eps) per coordinate, whatever the scale of g") {
  OptimizerSpec s = spec_of(OptimizerKind::adam, 0.1f);
  OptimizerState st = make_optimizer_state(s, 4);
  std::vector<float> w = {0.0f, 0.0f, 0.0f, 0.0f};
  const std::vector<float> g = {1000.0f, -0.001f, 0.0f, 1e-9f};
  optimizer_step(s, st, w.data(), g.data(), 4);
  CHECK(w[0] == near(-0.1));
  CHECK(w[1] == near(0.1));
  CHECK(w[2] == 0.0f); // 0 / (0 + eps)
  // |g| = 1e-9 is comparable to eps = 1e-8: 0.1 * 1e-9 / (1e-9 + 1e-8) = 0.1 / 11. With
  // eps inside the square root the step would be 0.1 * 1e-9 / sqrt(1e-18 + 1e-8) ~ 1e-6.
  CHECK(w[3] == doctest::Approx(-0.1 / 11.0).epsilon(1e-4));
}

TEST_CASE("optimizer_step reports whether every parameter it wrote is finite") {
  // The trainer's only check of the update: a finite step says true; a NaN gradient, or (SGD,
  // momentum) a step that overflows, at any position including a vector's tail, says false.
  for (OptimizerKind kind : {OptimizerKind::sgd, OptimizerKind::momentum, OptimizerKind::adam})
    for (std::size_t bad : {0u, 4u, 8u})
      for (bool overflow : {false, true}) {
        if (overflow && kind == OptimizerKind::adam) continue; // its step is at most about lr
        INFO(optimizer_name(kind), " bad position ", bad, overflow ? " overflow" : " NaN");
        const OptimizerSpec s = spec_of(kind, 1.0f);
        OptimizerState st = make_optimizer_state(s, 9);
        std::vector<float> w(9, 1.0f), g(9, 0.5f);
        CHECK(optimizer_step(s, st, w.data(), g.data(), 9));
        if (overflow) {
          w[bad] = 3e38f;
          g[bad] = -3e38f;
        } else {
          g[bad] = std::nanf("");
        }
        CHECK_FALSE(optimizer_step(s, st, w.data(), g.data(), 9));
      }
}

TEST_CASE("penalize: grad += l1 sign(w) + l2 w on the masked positions only") {
  const std::vector<float> w = {0.5f, -2.0f, 0.0f, 3.0f};
  const std::vector<std::uint8_t> mask = {1, 1, 1, 0};
  std::vector<float> g = {1.0f, 1.0f, 1.0f, 1.0f};
  penalize(w.data(), g.data(), mask.data(), 4, 0.1f, 0.01f);
  CHECK(g[0] == near(1.0 + 0.1 + 0.01 * 0.5));  // 1.105
  CHECK(g[1] == near(1.0 - 0.1 + 0.01 * -2.0)); // 0.88
  CHECK(g[2] == 1.0f);                          // sign(0) = 0, and 0.01 * 0
  CHECK(g[3] == 1.0f);                          // not in the mask
  // l1 alone and l2 alone.
  std::vector<float> g1 = {0.0f, 0.0f, 0.0f, 0.0f}, g2 = g1;
  penalize(w.data(), g1.data(), mask.data(), 4, 0.1f, 0.0f);
  CHECK(g1 == std::vector<float>{0.1f, -0.1f, 0.0f, 0.0f});
  penalize(w.data(), g2.data(), mask.data(), 4, 0.0f, 0.5f);
  CHECK(g2 == std::vector<float>{0.25f, -1.0f, 0.0f, 0.0f});
  // No penalty: the gradient is untouched.
  std::vector<float> g0 = {1.0f, 2.0f, 3.0f, 4.0f};
  penalize(w.data(), g0.data(), mask.data(), 4, 0.0f, 0.0f);
  CHECK(g0 == std::vector<float>{1.0f, 2.0f, 3.0f, 4.0f});
}

TEST_CASE("penalty_value: l1 sum|w| + l2/2 sum w^2 over the mask, and penalize is its gradient") {
  const std::vector<float> w = {0.5f, -2.0f, 0.0f, 3.0f};
  const std::vector<std::uint8_t> mask = {1, 1, 1, 0};
  // 0.1 * (0.5 + 2 + 0) + 0.01/2 * (0.25 + 4 + 0) = 0.25 + 0.02125 = 0.27125
  CHECK(penalty_value(w.data(), mask.data(), 4, 0.1f, 0.01f) == near(0.27125));
  CHECK(penalty_value(w.data(), mask.data(), 4, 0.0f, 0.0f) == 0.0);
  const std::vector<std::uint8_t> all = {1, 1, 1, 1};
  // + 0.1 * 3 + 0.005 * 9 = 0.27125 + 0.345 = 0.61625
  CHECK(penalty_value(w.data(), all.data(), 4, 0.1f, 0.01f) == near(0.61625));

  // d(penalty)/dw by a central difference equals what penalize adds (w away from 0).
  const std::vector<float> v = {0.75f, -1.25f, 2.5f};
  const std::vector<std::uint8_t> m3 = {1, 1, 1};
  std::vector<float> g(3, 0.0f);
  penalize(v.data(), g.data(), m3.data(), 3, 0.3f, 0.2f);
  for (std::size_t i = 0; i < 3; ++i) {
    std::vector<float> up = v, down = v;
    const float h = 0.0625f; // exact in float; the penalty is quadratic, so the quotient is exact
    up[i] += h;
    down[i] -= h;
    const double fd = (penalty_value(up.data(), m3.data(), 3, 0.3f, 0.2f) -
                       penalty_value(down.data(), m3.data(), 3, 0.3f, 0.2f)) /
                      (2.0 * h);
    CAPTURE(i);
    CHECK(g[i] == doctest::Approx(fd).epsilon(1e-6));
  }
}
