// Randomized asymmetric initialization (init.hpp): where the Beta(2, 1) entry goes and the
// moments of both kinds of draw, checked statistically on fixed seeds (each bound is five
// standard errors or more, so a correct draw cannot fail it by chance, while a misplaced
// entry or a wrong scale misses it by far); how initialize() lays units out; the exact bits
// of a few draws (the same in the native and both wasm builds); and the config's rule that
// rai takes no bias init of its own.
#include "catalog_json.hpp"
#include "config_json.hpp"
#include "init.hpp"
#include "json_read.hpp"

#include "test_support.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <cstring>
#include <vector>

using namespace leaky;
using namespace leaky::test;

namespace {

struct Moments {
  double n = 0, sum = 0, sq = 0, quad = 0, at_most_half = 0, negative = 0, lo = 1e9, hi = -1e9;
  void add(double v) {
    n += 1;
    sum += v;
    sq += v * v;
    quad += v * v * v * v;
    at_most_half += v <= 0.5;
    negative += v < 0;
    lo = std::min(lo, v);
    hi = std::max(hi, v);
  }
  double mean() const { return sum / n; }
  double second() const { return sq / n; }
  double variance() const { return second() - mean() * mean(); }
  double kurtosis() const { return quad / n / (second() * second()); } // mean-0 draws
};

} // namespace

TEST_CASE("rai: the Beta(2, 1) entry is one of fan_in + 1 places, each equally likely") {
  // fan_in 4: 5 places; 50000 units give 10000 expected per place. Chi-square with 4
  // degrees of freedom: 25 has probability about 5e-5; a bias never chosen, or chosen twice
  // as often, gives thousands.
  constexpr int fan_in = 4, units = 50000;
  Rng rng(2024);
  std::vector<float> v(fan_in + 1);
  std::vector<int> places(fan_in + 1, 0);
  for (int u = 0; u < units; ++u) {
    const int k = rai_unit(rng, fan_in, v.data(), 1, &v[fan_in]);
    REQUIRE(k >= 0);
    REQUIRE(k <= fan_in);
    ++places[k];
  }
  double chi2 = 0;
  for (int c : places) {
    const double d = c - units / (fan_in + 1.0);
    chi2 += d * d / (units / (fan_in + 1.0));
  }
  CAPTURE(places[0]);
  CAPTURE(places[fan_in]);
  CHECK(chi2 < 25.0);
}

TEST_CASE("rai: Beta(2, 1) moments at the chosen place, N(0, sigma^2 / fan_in) elsewhere") {
  for (int fan_in : {1, 4, 64}) {
    CAPTURE(fan_in);
    const int units = 200000 / (fan_in + 1) + 20000;
    Rng rng(7 + fan_in);
    std::vector<float> v(fan_in + 1);
    Moments beta, normal_part;
    for (int u = 0; u < units; ++u) {
      const int k = rai_unit(rng, fan_in, v.data(), 1, &v[fan_in]);
      for (int p = 0; p <= fan_in; ++p)
        (p == k ? beta : normal_part).add(v[p]);
    }
    // Beta(2, 1): density 2x on [0, 1]; mean 2/3, E[x^2] = 1/2, P(x <= 1/2) = 1/4.
    const double n = beta.n;
    CHECK(beta.lo >= 0.0);
    CHECK(beta.hi <= 1.0);
    CHECK(std::fabs(beta.mean() - 2.0 / 3.0) < 5 * std::sqrt(1.0 / 18 / n) + 1e-4);
    CHECK(std::fabs(beta.second() - 0.5) < 5 * std::sqrt(1.0 / 12 / n) + 1e-4);
    CHECK(std::fabs(beta.at_most_half / n - 0.25) < 5 * std::sqrt(0.25 * 0.75 / n));
    // The normal part: mean 0, variance sigma^2 / fan_in, kurtosis 3, half negative.
    const double var = kRaiSigma * kRaiSigma / fan_in, m = normal_part.n;
    CHECK(std::fabs(normal_part.mean()) < 5 * std::sqrt(var / m));
    CHECK(normal_part.variance() == doctest::Approx(var).epsilon(5 * std::sqrt(2.0 / m)));
    CHECK(normal_part.kurtosis() == doctest::Approx(3.0).epsilon(5 * std::sqrt(24.0 / m) / 3));
    CHECK(std::fabs(normal_part.negative / m - 0.5) < 5 * std::sqrt(0.25 / m));
  }
}

TEST_CASE("rai: initialize() draws every layer unit by unit: column u of W, then bias u") {
  NetworkSpec spec;
  spec.inputs = 3;
  spec.hidden = {hidden_layer(5, Kind::relu), hidden_layer(4, Kind::prelu, 0.25f, true)};
  spec.outputs = 2;
  spec.loss = Loss::mse;
  InitSpec init;
  init.weights = WeightInit::rai;
  int bias_chosen = 0;
  for (std::uint64_t seed = 11; seed < 16; ++seed) {
    Network net = make_network(spec);
    Rng rng(seed);
    initialize(net, init, rng);
    Rng mirror(seed);
    std::vector<float> v;
    for (const LayerView& l : net.layers) { // the output layer too
      v.assign(l.in + 1, 0.0f);
      for (int u = 0; u < l.out; ++u) {
        bias_chosen += rai_unit(mirror, l.in, v.data(), 1, &v[l.in]) == l.in;
        for (int i = 0; i < l.in; ++i)
          CHECK(same_float(net.params[l.w + static_cast<std::size_t>(i) * l.out + u], v[i]));
        CHECK(same_float(net.params[l.b + u], v[l.in]));
      }
      for (std::size_t a = 0; a < l.alpha_count; ++a)
        CHECK(net.params[l.alpha + a] == 0.25f); // PReLU slopes are left alone
    }
    CHECK(mirror.state == rng.state); // the same draws, no more
  }
  CHECK(bias_chosen > 0); // some bias was the Beta entry, so that path was compared too
}

TEST_CASE("rai: the exact bits of the first draws (natively and in wasm alike)") {
  // Pins PCG32, the place draw, Box-Muller and the Beta(2, 1) transform: a change to any of
  // them, or a platform whose libm rounds differently, changes these bits.
  Rng rng(1, 0x696e6974ULL);
  float v[4];
  const int k0 = rai_unit(rng, 3, v, 1, &v[3]);
  const std::vector<float> first(v, v + 4);
  const int k1 = rai_unit(rng, 3, v, 1, &v[3]);
  const std::vector<float> second(v, v + 4);
  CHECK(k0 == 2); // the third weight is the Beta(2, 1) entry
  CHECK(k1 == 0);
  CHECK(first ==
        std::vector<float>{0x1.1095acp-3f, 0x1.226a12p-3f, 0x1.9ae102p-1f, -0x1.cd3342p-8f});
  CHECK(second ==
        std::vector<float>{0x1.eff184p-2f, -0x1.6dc052p-7f, 0x1.71426cp-5f, 0x1.2d5684p-3f});
}

TEST_CASE("rai in a config: bias must stay zero; the catalog says rai draws its biases") {
  ConfigResult ok = parse_config(R"({"version":1,"init":{"weights":"rai"}})");
  CHECK(ok.ok());
  CHECK(ok.config.init.weights == WeightInit::rai);
  for (const char* bias : {"constant", "pytorch"}) {
    ConfigResult bad = parse_config(
        std::string(R"({"version":1,"init":{"weights":"rai","bias":")") + bias + R"("}})");
    REQUIRE(bad.problems.size() == 1);
    CHECK(bad.problems[0].field == "init.bias");
    CHECK(bad.problems[0].value == bias);
    CHECK(bad.problems[0].message.find("leave init.bias at zero") != std::string::npos);
  }
  Problems problems;
  auto catalog = parse_json(catalog_to_json(), problems);
  REQUIRE(catalog);
  bool found = false;
  for (const Json& w : (*catalog)["weight_inits"]) {
    CHECK(w["draws_bias"] == (w["name"] == "rai"));
    found = found || w["name"] == "rai";
  }
  CHECK(found);
}
