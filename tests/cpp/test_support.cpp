#include "test_support.hpp"

#include "rng.hpp"

#include <cmath>
#include <cstring>

namespace leaky::test {

bool is_piecewise_linear(Kind kind) {
  switch (kind) {
  case Kind::linear:
  case Kind::relu:
  case Kind::leaky_relu:
  case Kind::prelu:
  case Kind::rrelu:
    return true;
  default:
    return false;
  }
}

std::vector<Activation> activations_to_test() {
  std::vector<Activation> out;
  for (Kind k : kAllKinds) {
    if (info(k).uses_alpha) {
      for (float a : kAlphas) {
        Activation act = default_activation(k);
        act.alpha = a;
        out.push_back(act);
      }
    } else {
      out.push_back(default_activation(k));
    }
    if (k == Kind::rrelu) {
      Activation act = default_activation(k);
      act.training = true;
      out.push_back(act);
    }
  }
  return out;
}

HiddenLayerSpec hidden_layer(int units, Kind kind, std::optional<float> alpha, bool per_unit) {
  HiddenLayerSpec h;
  h.units = units;
  h.act = default_activation(kind);
  if (alpha && info(kind).uses_alpha) h.act.alpha = *alpha;
  h.prelu_per_unit = per_unit;
  return h;
}

std::string describe(const Activation& act) {
  return std::string(info(act.kind).name) + " alpha=" + std::to_string(act.alpha) +
         (act.training ? " training" : "");
}

namespace {
std::int64_t ordered(float f) {
  std::int32_t bits;
  std::memcpy(&bits, &f, sizeof bits);
  return bits < 0 ? -static_cast<std::int64_t>(bits & 0x7fffffff) : bits;
}
} // namespace

std::uint32_t ulp_distance(float a, float b) {
  if (std::isnan(a) && std::isnan(b)) return 0;
  if (std::isnan(a) || std::isnan(b)) return UINT32_MAX;
  if (a == b) return 0;
  const std::int64_t d = ordered(a) - ordered(b);
  return static_cast<std::uint32_t>(d < 0 ? -d : d);
}

bool same_float(float a, float b) {
  if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b);
  return std::memcmp(&a, &b, sizeof a) == 0;
}

bool within_bound(float simd, float scalar) {
  if (ulp_distance(simd, scalar) <= kUlpBound) return true;
  return std::isfinite(simd) && std::isfinite(scalar) &&
         std::fabs(simd - scalar) <= kUlpBound * 0x1.0p-23f;
}

std::vector<float> random_inputs(std::size_t n, std::uint64_t seed, float range) {
  Rng rng(seed);
  std::vector<float> out(n);
  for (std::size_t i = 0; i < n; ++i)
    out[i] = i % 7 == 3 ? 0.0f : rng.uniform(-range, range);
  return out;
}

} // namespace leaky::test
