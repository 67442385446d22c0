// Kinds, parameters, validation, and the choice between the SIMD and the scalar path.
#include "activation.hpp"

#include "json_writer.hpp"
#include "names.hpp"

#include <cmath>
#include <vector>

namespace leaky {

namespace {
constexpr std::array<KindInfo, kAllKinds.size()> kInfo = {{
    {"linear", "Linear (identity)", false, 0.0f, false},
    {"relu", "ReLU", false, 0.0f, false},
    {"leaky_relu", "Leaky ReLU", true, 0.01f, false},
    {"prelu", "PReLU (learned slope)", true, 0.25f, false},
    {"rrelu", "RReLU (random slope)", false, 0.0f, true},
    {"elu", "ELU", true, 1.0f, false},
    {"selu", "SELU", false, 0.0f, false},
    {"gelu", "GELU (exact, erf)", false, 0.0f, false},
    {"gelu_tanh", "GELU (tanh approximation)", false, 0.0f, false},
    {"silu", "SiLU / swish", false, 0.0f, false},
    {"tanh", "tanh", false, 0.0f, false},
    {"sigmoid", "sigmoid", false, 0.0f, false},
}};
} // namespace

const KindInfo& info(Kind kind) {
  return kInfo[static_cast<std::size_t>(kind)];
}

std::optional<Kind> parse_kind(std::string_view name) {
  for (Kind k : kAllKinds)
    if (info(k).name == name) return k;
  return std::nullopt;
}

std::string kind_names() {
  return names_of(kInfo);
}

std::string kind_names(bool KindInfo::*flag) {
  return names_of(kInfo, [flag](const KindInfo& i) { return i.*flag; });
}

Activation default_activation(Kind kind) {
  Activation act;
  act.kind = kind;
  act.alpha = info(kind).uses_alpha ? info(kind).default_alpha : 0.0f;
  return act;
}

float negative_slope(const Activation& act) {
  switch (act.kind) {
  case Kind::relu:
    return 0.0f;
  case Kind::leaky_relu:
  case Kind::prelu:
    return act.alpha;
  case Kind::rrelu:
    return (act.lower + act.upper) / 2.0f;
  default:
    return 1.0f;
  }
}

Problems validate(const Activation& act) {
  Problems problems;
  if (info(act.kind).uses_alpha && !std::isfinite(act.alpha))
    problems.push_back({"alpha", json::number(act.alpha),
                        "alpha must be a finite float32 number, |alpha| <= 3.4e38 (values "
                        "outside [0, 1) are allowed but unusual)"});
  if (info(act.kind).uses_bounds) {
    const bool lower_ok = std::isfinite(act.lower) && act.lower >= 0.0f;
    const bool upper_ok = std::isfinite(act.upper) && act.upper >= 0.0f;
    if (!lower_ok)
      problems.push_back({"lower", json::number(act.lower), "lower must be finite and >= 0"});
    if (!upper_ok)
      problems.push_back({"upper", json::number(act.upper), "upper must be finite and >= 0"});
    if (lower_ok && upper_ok && act.lower > act.upper)
      problems.push_back({"upper", json::number(act.upper),
                          "upper must be >= lower (" + json::number(act.lower) + ")"});
  }
  return problems;
}

void fill_rrelu_noise(const Activation& act, Rng& rng, std::span<float> noise) {
  for (float& r : noise)
    r = rng.uniform(act.lower, act.upper);
}

// With dense.cpp, the only places that turn a Kernels value into a path.
void forward(Kernels kernels, const Activation& act, std::span<const float> z, std::span<float> a,
             std::span<const float> noise) {
#if LEAKY_SIMD
  if (kernels == Kernels::simd) return simd::forward(act, z, a, noise);
#endif
  (void)kernels;
  scalar::forward(act, z, a, noise);
}

void backward(Kernels kernels, const Activation& act, std::span<const float> z,
              std::span<const float> g, std::span<float> dz, std::span<const float> noise) {
#if LEAKY_SIMD
  if (kernels == Kernels::simd) return simd::backward(act, z, g, dz, noise);
#endif
  (void)kernels;
  scalar::backward(act, z, g, dz, noise);
}

void derivative(Kernels kernels, const Activation& act, std::span<const float> z,
                std::span<float> df, std::span<const float> noise) {
  const std::vector<float> ones(z.size(), 1.0f);
  backward(kernels, act, z, ones, df, noise);
}

float prelu_alpha_grad(Kernels kernels, std::span<const float> z, std::span<const float> g) {
#if LEAKY_SIMD
  if (kernels == Kernels::simd) return simd::prelu_alpha_grad(z, g);
#endif
  (void)kernels;
  return scalar::prelu_alpha_grad(z, g);
}

} // namespace leaky
