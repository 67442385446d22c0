// Activation functions: the kinds, their parameters, validation, and the span kernels.
//
// Semantics (PyTorch's unless noted; docs/definitions.md, "Activations", is their home):
//   relu        f = z>0 ? z : 0                f' = z>0 ? 1 : 0          (f'(0) = 0)
//   leaky_relu  f = z>0 ? z : alpha*z          f' = z>0 ? 1 : alpha      (f'(0) = alpha;
//                                                                        never max(z, alpha*z))
//   prelu       as leaky_relu, alpha learned   dL/dalpha = sum over z<=0 of g*z
//   rrelu       training: alpha ~ U(lower, upper) per element; eval: alpha = (lower+upper)/2
//   elu         f = z>0 ? z : alpha(e^z - 1)   f' = z>0 ? 1 : alpha e^z  (f'(0) = alpha)
//   selu        lambda * elu with alpha = 1.6732632..., lambda = 1.0507009...
//   gelu        z * Phi(z) (exact, erf);  gelu_tanh: the tanh approximation
//   silu        z * sigmoid(z);  tanh;  sigmoid;  linear: f = z, f' = 1
// Non-finite inputs: NaN in gives NaN out, for f and f', every kind. Infinities give the
// limits (relu(-inf) = 0, elu(-inf) = -alpha, gelu(-inf) = silu(-inf) = -0, sigmoid(-inf)
// = 0, ...), except where IEEE arithmetic itself says NaN: leaky_relu(-inf) = alpha * -inf,
// which is NaN for alpha = 0, as in PyTorch.
#pragma once
#include "kernels.hpp"
#include "problem.hpp"
#include "rng.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace leaky {

enum class Kind : std::uint8_t {
  linear,
  relu,
  leaky_relu,
  prelu,
  rrelu,
  elu,
  selu,
  gelu,
  gelu_tanh,
  silu,
  tanh,
  sigmoid,
};

inline constexpr std::array<Kind, 12> kAllKinds = {
    Kind::linear, Kind::relu, Kind::leaky_relu, Kind::prelu, Kind::rrelu, Kind::elu,
    Kind::selu,   Kind::gelu, Kind::gelu_tanh,  Kind::silu,  Kind::tanh,  Kind::sigmoid};

struct KindInfo {
  std::string_view name;  // the table name, as the CLI and configs spell it
  std::string_view label; // for people
  bool uses_alpha;        // leaky_relu, prelu, elu
  float default_alpha;
  bool uses_bounds; // rrelu's lower and upper
};

const KindInfo& info(Kind kind);
std::optional<Kind> parse_kind(std::string_view name);
std::string kind_names(); // "linear, relu, ..." for error messages and help
// The kinds whose flag is set: kind_names(&KindInfo::uses_alpha) is "leaky_relu, prelu, elu".
std::string kind_names(bool KindInfo::*flag);

inline constexpr float kSeluLambda = 1.0507009873554804934193349852946f;
inline constexpr float kSeluAlpha = 1.6732632423543772848170429916717f;
inline constexpr float kRreluLower = 1.0f / 8.0f;
inline constexpr float kRreluUpper = 1.0f / 3.0f;

struct Activation {
  Kind kind = Kind::relu;
  float alpha = 0.01f;       // leaky_relu slope, prelu current slope, elu scale
  float lower = kRreluLower; // rrelu
  float upper = kRreluUpper; // rrelu
  bool training = false;     // rrelu: random slopes (training) or their mean (eval)
};

// The kind with its default parameters (alpha 0.01 leaky, 0.25 prelu, 1 elu).
Activation default_activation(Kind kind);

// RReLU in training mode: its slopes come per element from a noise span.
inline bool uses_noise(const Activation& act) {
  return act.kind == Kind::rrelu && act.training;
}

// The slope used for z <= 0 by the piecewise-linear kinds in eval mode.
float negative_slope(const Activation& act);

// Every problem at once: alpha must be finite; rrelu needs finite 0 <= lower <= upper.
Problems validate(const Activation& act);

// a[i] = f(z[i]), on the given path. RReLU in training mode takes its per-element slopes
// from `noise` (fill it with fill_rrelu_noise first), so that backward can use the same slopes.
void forward(Kernels kernels, const Activation& act, std::span<const float> z, std::span<float> a,
             std::span<const float> noise = {});

// dz[i] = g[i] * f'(z[i]).
void backward(Kernels kernels, const Activation& act, std::span<const float> z,
              std::span<const float> g, std::span<float> dz, std::span<const float> noise = {});

// f'(z[i]) alone (backward with g = 1).
void derivative(Kernels kernels, const Activation& act, std::span<const float> z,
                std::span<float> df, std::span<const float> noise = {});

// PReLU's gradient for its shared slope: sum over z <= 0 of g * z.
float prelu_alpha_grad(Kernels kernels, std::span<const float> z, std::span<const float> g);

// RReLU training noise: one slope ~ U(lower, upper) per element, drawn for every element
// whatever its sign, so the stream depends only on the seed and the length.
void fill_rrelu_noise(const Activation& act, Rng& rng, std::span<float> noise);

// The scalar reference path: plain loops over the formulas in activation_math.hpp.
namespace scalar {
void forward(const Activation& act, std::span<const float> z, std::span<float> a,
             std::span<const float> noise = {});
void backward(const Activation& act, std::span<const float> z, std::span<const float> g,
              std::span<float> dz, std::span<const float> noise = {});
float prelu_alpha_grad(std::span<const float> z, std::span<const float> g);
} // namespace scalar

#if LEAKY_SIMD
// The xsimd path: the same formulas on batches, tails through a zero-padded batch.
namespace simd {
void forward(const Activation& act, std::span<const float> z, std::span<float> a,
             std::span<const float> noise = {});
void backward(const Activation& act, std::span<const float> z, std::span<const float> g,
              std::span<float> dz, std::span<const float> noise = {});
float prelu_alpha_grad(std::span<const float> z, std::span<const float> g);
} // namespace simd
#endif

} // namespace leaky
