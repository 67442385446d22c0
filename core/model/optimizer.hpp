// Optimizers over the flat parameter block, as PyTorch defines them (docs/definitions.md,
// Optimizers and penalties):
//   sgd       w -= lr g
//   momentum  v = mu v + g;  w -= lr (nesterov ? g + mu v : v)
//   adam      m = b1 m + (1-b1) g;  v = b2 v + (1-b2) g^2;  w -= lr m^ / (sqrt(v^) + eps),
//             m^ = m / (1 - b1^t), v^ = v / (1 - b2^t)
// Penalties (L1, L2) are added to the gradient by penalize() before the step (coupled decay,
// as PyTorch's weight_decay), on the positions a mask selects (weights; biases never; PReLU
// slopes only if asked).
#pragma once
#include "names.hpp"
#include "range.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace leaky {

enum class OptimizerKind { sgd, momentum, adam };

struct OptimizerInfo {
  OptimizerKind value;
  std::string_view name;
  std::string_view label;
  bool uses_momentum; // reads momentum and nesterov
  bool uses_moments;  // reads beta1, beta2 and eps
};
inline constexpr std::array<OptimizerInfo, 3> kOptimizers = {{
    {OptimizerKind::sgd, "sgd", "SGD", false, false},
    {OptimizerKind::momentum, "momentum", "SGD with momentum", true, false},
    {OptimizerKind::adam, "adam", "Adam", false, true},
}};

inline std::string_view optimizer_name(OptimizerKind kind) {
  return entry_of(kOptimizers, kind).name;
}

struct OptimizerSpec {
  OptimizerKind kind = OptimizerKind::sgd;
  float lr = 0.03f;
  float momentum = 0.9f;
  bool nesterov = false;
  float beta1 = 0.9f, beta2 = 0.999f, eps = 1e-8f;
};

inline constexpr Range kLearningRateRange = Range::above(0, 10);
inline constexpr Range kMomentumRange = Range::below(0, 1);
inline constexpr Range kBetaRange = Range::below(0, 1);
inline constexpr Range kEpsRange = Range::closed(1e-30, 1);
inline constexpr Range kPenaltyRange = Range::closed(0, 10); // l1, l2

struct OptimizerState {
  std::vector<float> m, v; // momentum buffer (m) / Adam moments (m, v)
  std::int64_t t = 0;      // steps taken
};

OptimizerState make_optimizer_state(const OptimizerSpec& spec, std::size_t params);

// One step over params[0 .. n); returns whether every updated parameter is finite.
bool optimizer_step(const OptimizerSpec& spec, OptimizerState& state, float* params,
                    const float* grad, std::size_t n);

// grad += l1 sign(w) + l2 w where mask[i] is nonzero. (Loss adds l1 |w| + l2/2 w^2.)
void penalize(const float* params, float* grad, const std::uint8_t* mask, std::size_t n, float l1,
              float l2);

// The penalty term itself, for reporting: l1 sum|w| + l2/2 sum w^2 over the mask.
double penalty_value(const float* params, const std::uint8_t* mask, std::size_t n, float l1,
                     float l2);

} // namespace leaky
