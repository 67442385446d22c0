// Exact values: the table of docs/definitions.md, Activations, at z = 0, known points, the
// alphas the issue names, infinities, NaN and huge inputs; RReLU's slopes; validation.
#include "activation.hpp"
#include "json_writer.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <vector>

using namespace leaky;
using namespace leaky::test;

namespace {

const float kInf = std::numeric_limits<float>::infinity();
const float kNaN = std::numeric_limits<float>::quiet_NaN();

struct Both {
  float f, df;
};

// One point through the dispatching (SIMD) path, and through the scalar path.
Both fast(const Activation& act, float z) {
  std::vector<float> zv = {z}, f(1), df(1);
  forward(best_kernels(), act, zv, f);
  derivative(best_kernels(), act, zv, df);
  return {f[0], df[0]};
}
Both reference(const Activation& act, float z) {
  std::vector<float> zv = {z}, f(1), df(1), one = {1.0f};
  scalar::forward(act, zv, f);
  scalar::backward(act, zv, one, df);
  return {f[0], df[0]};
}

Activation make(Kind kind, float alpha) {
  Activation act = default_activation(kind);
  act.alpha = alpha;
  return act;
}

// NaN matches NaN, infinities match exactly, finite values to a relative 2e-6.
bool close(float got, float want) {
  if (std::isnan(want)) return std::isnan(got);
  if (std::isinf(want)) return got == want;
  return got == doctest::Approx(want).epsilon(2e-6);
}

// Checks f(z) and f'(z) in both paths.
void expect(const Activation& act, float z, float f, float df) {
  for (const Both& got : {fast(act, z), reference(act, z)}) {
    INFO(describe(act), " z=", z, " got f=", got.f, " df=", got.df, " want ", f, ", ", df);
    CHECK(close(got.f, f));
    CHECK(close(got.df, df));
  }
}

} // namespace

TEST_CASE("values and derivatives at z = 0 follow the table") {
  expect(default_activation(Kind::linear), 0.0f, 0.0f, 1.0f);
  expect(default_activation(Kind::relu), 0.0f, 0.0f, 0.0f); // relu'(0) = 0
  for (float a : kAlphas) {
    expect(make(Kind::leaky_relu, a), 0.0f, 0.0f, a); // leaky'(0) = alpha
    expect(make(Kind::prelu, a), 0.0f, 0.0f, a);
    expect(make(Kind::elu, a), 0.0f, 0.0f, a); // elu'(0) = alpha, as PyTorch
  }
  expect(default_activation(Kind::rrelu), 0.0f, 0.0f, (kRreluLower + kRreluUpper) / 2);
  expect(default_activation(Kind::selu), 0.0f, 0.0f, kSeluLambda * kSeluAlpha);
  expect(default_activation(Kind::gelu), 0.0f, 0.0f, 0.5f);
  expect(default_activation(Kind::gelu_tanh), 0.0f, 0.0f, 0.5f);
  expect(default_activation(Kind::silu), 0.0f, 0.0f, 0.5f);
  expect(default_activation(Kind::tanh), 0.0f, 0.0f, 1.0f);
  expect(default_activation(Kind::sigmoid), 0.0f, 0.5f, 0.25f);
}

TEST_CASE("leaky_relu is z>0 ? z : alpha*z for every alpha, never max(z, alpha*z)") {
  for (float a : kAlphas) {
    for (float z : {-3.0f, -2.0f, -0.5f, -1e-3f, 1e-3f, 0.5f, 1.5f, 7.0f}) {
      const float f = z > 0 ? z : a * z;
      const float df = z > 0 ? 1.0f : a;
      const Both got = fast(make(Kind::leaky_relu, a), z);
      INFO("alpha=", a, " z=", z);
      CHECK(same_float(got.f, f)); // exact: one multiply
      CHECK(same_float(got.df, df));
    }
  }
  // The cases max() gets wrong: alpha > 1 and alpha < 0.
  expect(make(Kind::leaky_relu, 1.5f), -2.0f, -3.0f, 1.5f);
  expect(make(Kind::leaky_relu, 1.5f), 2.0f, 2.0f, 1.0f);
  expect(make(Kind::leaky_relu, -0.5f), -2.0f, 1.0f, -0.5f);
  expect(make(Kind::leaky_relu, 0.2f), -2.0f, -0.4f, 0.2f);
  expect(make(Kind::leaky_relu, 1.0f), -2.0f, -2.0f, 1.0f); // alpha 1 is linear
  expect(make(Kind::leaky_relu, 0.0f), -2.0f, 0.0f, 0.0f);  // alpha 0 is relu
}

TEST_CASE("known points of the smooth activations") {
  expect(default_activation(Kind::elu), -1.0f, std::expm1(-1.0f), std::exp(-1.0f));
  expect(make(Kind::elu, 0.5f), -2.0f, 0.5f * std::expm1(-2.0f), 0.5f * std::exp(-2.0f));
  expect(default_activation(Kind::elu), 3.0f, 3.0f, 1.0f);
  expect(default_activation(Kind::selu), 1.0f, kSeluLambda, kSeluLambda);
  expect(default_activation(Kind::selu), -1.0f, kSeluLambda * kSeluAlpha * std::expm1(-1.0f),
         kSeluLambda * kSeluAlpha * std::exp(-1.0f));
  // Phi(1) = 0.841344746..., phi(1) = 0.241970724...
  expect(default_activation(Kind::gelu), 1.0f, 0.8413447461f, 0.8413447461f + 0.2419707245f);
  expect(default_activation(Kind::gelu), -1.0f, -0.1586552539f, 0.1586552539f - 0.2419707245f);
  // gelu_tanh(1) = 0.5 (1 + tanh(sqrt(2/pi) 1.044715)) = 0.8411919906
  expect(default_activation(Kind::gelu_tanh), 1.0f, 0.8411919906f, 1.0829640838f);
  expect(default_activation(Kind::silu), 1.0f, 0.7310585786f, 0.9276705118f);
  expect(default_activation(Kind::tanh), 0.5f, 0.4621171573f, 0.7864477329f);
  expect(default_activation(Kind::sigmoid), 2.0f, 0.8807970780f, 0.1049935854f);
}

TEST_CASE("infinities give the limits; NaN in gives NaN out, for f and f'") {
  for (const Activation& act : activations_to_test()) {
    if (act.training) continue;
    for (const Both& got : {fast(act, kNaN), reference(act, kNaN)}) {
      INFO(describe(act));
      CHECK(std::isnan(got.f));
      CHECK(std::isnan(got.df));
    }
  }
  expect(default_activation(Kind::linear), -kInf, -kInf, 1.0f);
  expect(default_activation(Kind::relu), -kInf, 0.0f, 0.0f);
  expect(default_activation(Kind::relu), kInf, kInf, 1.0f);
  expect(make(Kind::leaky_relu, 0.2f), -kInf, -kInf, 0.2f);
  expect(make(Kind::leaky_relu, 0.0f), -kInf, kNaN, 0.0f); // 0 * -inf, as IEEE and PyTorch
  expect(make(Kind::leaky_relu, 0.2f), kInf, kInf, 1.0f);
  expect(make(Kind::elu, 0.7f), -kInf, -0.7f, 0.0f);
  expect(make(Kind::elu, 0.7f), kInf, kInf, 1.0f);
  expect(default_activation(Kind::selu), -kInf, -kSeluLambda * kSeluAlpha, 0.0f);
  for (Kind k : {Kind::gelu, Kind::gelu_tanh, Kind::silu}) {
    expect(default_activation(k), -kInf, 0.0f, 0.0f);
    expect(default_activation(k), kInf, kInf, 1.0f);
  }
  expect(default_activation(Kind::tanh), -kInf, -1.0f, 0.0f);
  expect(default_activation(Kind::tanh), kInf, 1.0f, 0.0f);
  expect(default_activation(Kind::sigmoid), -kInf, 0.0f, 0.0f);
  expect(default_activation(Kind::sigmoid), kInf, 1.0f, 0.0f);
}

TEST_CASE("no overflow for |z| up to 1e4 in elu, selu, sigmoid, silu, gelu") {
  const Kind kinds[] = {Kind::elu,  Kind::selu,      Kind::sigmoid, Kind::silu,
                        Kind::gelu, Kind::gelu_tanh, Kind::tanh};
  std::vector<float> z;
  for (float m : {1.0f, 10.0f, 50.0f, 88.0f, 89.0f, 100.0f, 500.0f, 1000.0f, 5000.0f, 1e4f}) {
    z.push_back(m);
    z.push_back(-m);
  }
  for (Kind k : kinds) {
    const Activation act = default_activation(k);
    std::vector<float> f(z.size()), df(z.size()), f_ref(z.size()), df_ref(z.size());
    const std::vector<float> ones(z.size(), 1.0f);
    forward(best_kernels(), act, z, f);
    derivative(best_kernels(), act, z, df);
    scalar::forward(act, z, f_ref);
    scalar::backward(act, z, ones, df_ref);
    for (std::size_t i = 0; i < z.size(); ++i) {
      INFO(info(k).name, " z=", z[i]);
      CHECK(std::isfinite(f[i]));
      CHECK(std::isfinite(df[i]));
      CHECK(std::isfinite(f_ref[i]));
      CHECK(std::isfinite(df_ref[i]));
    }
  }
  expect(default_activation(Kind::elu), -1e4f, -1.0f, 0.0f);
  expect(default_activation(Kind::sigmoid), 1e4f, 1.0f, 0.0f);
  expect(default_activation(Kind::sigmoid), -1e4f, 0.0f, 0.0f);
  expect(default_activation(Kind::silu), 1e4f, 1e4f, 1.0f);
  expect(default_activation(Kind::gelu), -1e4f, 0.0f, 0.0f);
  expect(default_activation(Kind::gelu), 1e4f, 1e4f, 1.0f);
}

TEST_CASE("rrelu: eval slope is (lower+upper)/2; training slopes lie in [lower, upper]") {
  Activation act = default_activation(Kind::rrelu);
  act.lower = 0.1f;
  act.upper = 0.4f;
  expect(act, -2.0f, -0.5f, 0.25f);
  expect(act, 2.0f, 2.0f, 1.0f);

  act.training = true;
  const std::size_t n = 200000;
  std::vector<float> z(n, -1.0f), noise(n), f(n), df(n);
  Rng rng(5);
  fill_rrelu_noise(act, rng, noise);
  forward(best_kernels(), act, z, f, noise);
  derivative(best_kernels(), act, z, df, noise);
  double sum = 0.0;
  bool in_range = true, consistent = true;
  for (std::size_t i = 0; i < n; ++i) {
    in_range = in_range && noise[i] >= act.lower && noise[i] <= act.upper;
    consistent = consistent && f[i] == -noise[i] && df[i] == noise[i]; // same slope both ways
    sum += noise[i];
  }
  CHECK(in_range);
  CHECK(consistent);
  // Mean of U(l, u) is (l+u)/2 with standard error (u-l)/sqrt(12 n) = 1.9e-4; allow 5 of them.
  CHECK(std::fabs(sum / n - 0.25) < 5 * 0.3 / std::sqrt(12.0 * n));
  // Positive inputs keep slope 1 in training mode too.
  std::vector<float> zp(n, 3.0f);
  forward(best_kernels(), act, zp, f, noise);
  derivative(best_kernels(), act, zp, df, noise);
  CHECK(f[n / 2] == 3.0f);
  CHECK(df[n / 2] == 1.0f);
}

TEST_CASE("validation names the field, the value and the allowed range") {
  Activation act = make(Kind::leaky_relu, kNaN);
  Problems p = validate(act);
  REQUIRE(p.size() == 1);
  CHECK(p[0].field == "alpha");
  CHECK(p[0].value == "\"NaN\"");
  CHECK(p[0].message.find("finite") != std::string::npos);
  CHECK(validate(make(Kind::leaky_relu, kInf)).size() == 1);
  CHECK(validate(make(Kind::leaky_relu, 1.5f)).empty()); // allowed, only flagged in the UI
  CHECK(validate(make(Kind::relu, kNaN)).empty());       // relu has no alpha

  act = default_activation(Kind::rrelu);
  act.lower = 0.5f;
  act.upper = 0.2f;
  p = validate(act);
  REQUIRE(p.size() == 1);
  CHECK(p[0].field == "upper");
  act.lower = -1.0f;
  act.upper = kNaN;
  CHECK(validate(act).size() == 2); // every problem at once
  CHECK(problems_to_json(validate(act)).find("\"field\":\"lower\"") != std::string::npos);
}

TEST_CASE("kind names round-trip; unknown names are rejected") {
  for (Kind k : kAllKinds)
    CHECK(parse_kind(info(k).name) == k);
  CHECK_FALSE(parse_kind("leaky"));
  CHECK_FALSE(parse_kind(""));
  CHECK(kind_names().find("gelu_tanh") != std::string::npos);
}

TEST_CASE("JSON numbers are shortest round-trip; non-finite become strings") {
  CHECK(json::number(0.2f) == "0.2");
  CHECK(json::number(-0.4f) == "-0.4");
  CHECK(json::number(1e-7f) == "1e-07");
  CHECK(json::number(kNaN) == "\"NaN\"");
  CHECK(json::number(-kInf) == "\"-Infinity\"");
  CHECK(json::number(0.1) == "0.1");
  CHECK(json::quote("a\"b\n") == "\"a\\\"b\\n\"");
}

TEST_CASE("PCG32 gives the reference stream, natively and in wasm alike") {
  // pcg32_srandom(42, 54) from the PCG reference implementation (pcg32-demo).
  Rng rng(42, 54);
  const std::uint32_t expected[] = {0xa15c02b7, 0x7b47f409, 0xba1d3330,
                                    0x83d2f293, 0xbfa4784b, 0xcbed606e};
  for (std::uint32_t e : expected)
    CHECK(rng.next_u32() == e);
  Rng u(7);
  for (int i = 0; i < 1000; ++i) {
    const float x = u.uniform();
    CHECK((x >= 0.0f && x < 1.0f));
  }
}

TEST_CASE("next_below draws what the plain rejection loop draws (every seed's shuffle stays)") {
  // The definition: reject r below (2^32 - bound) % bound, then take r % bound. next_below
  // skips the threshold when r >= bound; its draws and the stream after them must not change.
  auto reference = [](Rng& rng, std::uint32_t bound) {
    const std::uint32_t threshold = (0u - bound) % bound;
    std::uint32_t r;
    do
      r = rng.next_u32();
    while (r < threshold);
    return r % bound;
  };
  // Small bounds (a shuffle's), and large ones where a draw is below the threshold often
  // (2^31 + 1: nearly half of the draws are rejected).
  for (std::uint32_t bound : {1u, 2u, 3u, 7u, 250u, 1000u, 65537u, 0x80000001u, 0xfffffffbu}) {
    Rng a(11, bound), b(11, bound);
    for (int i = 0; i < 2000; ++i) {
      const std::uint32_t x = a.next_below(bound), y = reference(b, bound);
      CHECK(x == y);
      CHECK(x < bound);
      if (x != y) break;
    }
    CHECK(a.state == b.state);
  }
}
