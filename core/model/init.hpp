// Weight and bias initializers over the flat parameter block, drawing from the run's Rng
// (docs/definitions.md, Initializers, has their exact distributions and sources).
//   he_normal     N(0, gain^2 / fan_in)        gain = sqrt(2 / (1 + a^2)), a = the layer's
//   he_uniform    U(-gain sqrt(3/fan_in), +..)   negative slope (0 relu, alpha leaky/prelu,
//                                                (l+u)/2 rrelu, 1 linear; 0 for the other
//                                                kinds, as PyTorch's default); the output
//                                                layer takes the last hidden layer's gain;
//                                                init.gain "relu": sqrt(2) for every layer
//   xavier_normal N(0, 2 / (fan_in + fan_out));  xavier_uniform U(+-sqrt(6 / (fan_in + fan_out)))
//   lecun_normal  N(0, 1 / fan_in)  (for SELU)
//   pytorch       U(+-1/sqrt(fan_in)) for weights, as nn.Linear's default
//   rai           randomized asymmetric initialization (Lu, Shin, Su, Karniadakis 2020,
//                 arXiv 1903.06733): per unit, one of its fan_in + 1 parameters (weights and
//                 bias), chosen uniformly, from Beta(2, 1); the others from
//                 N(0, kRaiSigma^2 / fan_in). Every layer, the output layer included.
// Biases: zero, constant (a value), or pytorch (U(+-1/sqrt(fan_in)), as nn.Linear). rai draws
// the biases itself, so it takes only bias "zero" (the default), which it then ignores.
// Normal draws use Box-Muller in double, rounded to float, so native and wasm builds agree.
#pragma once
#include "network.hpp"
#include "rng.hpp"

#include "names.hpp"
#include "problem.hpp"
#include "range.hpp"

#include <array>
#include <string_view>

namespace leaky {

enum class WeightInit {
  he_normal,
  he_uniform,
  xavier_normal,
  xavier_uniform,
  lecun_normal,
  pytorch,
  rai
};
enum class BiasInit { zero, constant, pytorch };

struct WeightInitInfo {
  WeightInit value;
  std::string_view name;  // as configs and the CLI spell it
  std::string_view label; // for people
  bool draws_bias;        // draws the biases itself: init.bias must stay "zero"
};
inline constexpr std::array<WeightInitInfo, 7> kWeightInits = {{
    {WeightInit::he_normal, "he_normal", "He (Kaiming) normal", false},
    {WeightInit::he_uniform, "he_uniform", "He (Kaiming) uniform", false},
    {WeightInit::xavier_normal, "xavier_normal", "Xavier (Glorot) normal", false},
    {WeightInit::xavier_uniform, "xavier_uniform", "Xavier (Glorot) uniform", false},
    {WeightInit::lecun_normal, "lecun_normal", "LeCun normal", false},
    {WeightInit::pytorch, "pytorch", "PyTorch nn.Linear default", false},
    {WeightInit::rai, "rai", "Randomized asymmetric (RAI, Lu et al. 2020)", true},
}};

// RAI's standard deviation factor: its normal draws are N(0, kRaiSigma^2 / fan_in).
inline constexpr double kRaiSigma = 0.6007;

struct BiasInitInfo {
  BiasInit value;
  std::string_view name;
  std::string_view label;
  bool uses_value; // reads init.bias_value
};
inline constexpr std::array<BiasInitInfo, 3> kBiasInits = {{
    {BiasInit::zero, "zero", "zero", false},
    {BiasInit::constant, "constant", "a constant (bias_value)", true},
    {BiasInit::pytorch, "pytorch", "PyTorch nn.Linear default", false},
}};

inline constexpr Range kBiasValueRange = Range::closed(-100, 100);

// Whose gain He's schemes use. "relu" gives every hidden layer ReLU's gain whatever its
// activation, so runs that differ only in activation start from the same weights (the same
// draws, not only the same seed): what comparing activations side by side needs.
enum class HeGain { own, relu };

struct HeGainInfo {
  HeGain value;
  std::string_view name;
  std::string_view label;
};
inline constexpr std::array<HeGainInfo, 2> kHeGains = {{
    {HeGain::own, "own", "each layer's own, sqrt(2 / (1 + a^2))"},
    {HeGain::relu, "relu",
     "ReLU's, sqrt(2), for every layer: the same weights for every activation"},
}};

inline std::string_view weight_init_name(WeightInit init) {
  return entry_of(kWeightInits, init).name;
}
inline std::string_view bias_init_name(BiasInit init) {
  return entry_of(kBiasInits, init).name;
}
inline std::string_view he_gain_name(HeGain gain) {
  return entry_of(kHeGains, gain).name;
}

struct InitSpec {
  WeightInit weights = WeightInit::he_normal;
  BiasInit bias = BiasInit::zero;
  float bias_value = 0.0f;   // for BiasInit::constant
  HeGain gain = HeGain::own; // he_normal and he_uniform only
};

// He's gain for a layer: sqrt(2 / (1 + a^2)) with a as above; HeGain::relu: sqrt(2) for a
// hidden layer (an output layer drawn as its own gain layer, without hidden layers, keeps 1:
// its input is not rectified).
double he_gain(const LayerView& layer, HeGain gain = HeGain::own);

// Problems of the combination (field "bias"): a weight init that draws the biases itself
// with a bias init other than "zero".
Problems validate(const InitSpec& spec);

// Draws every layer's weights, then its biases, layer by layer (rai: unit by unit, see
// rai_unit). PReLU slopes are left alone. No layer's draws depend on the layers after it, so
// a deeper network of the same widths starts with the same layers (the born-dead grid
// relies on it).
void initialize(Network& net, const InitSpec& spec, Rng& rng);

// One unit's RAI parameters: k = rng.next_below(fan_in + 1) picks the Beta(2, 1) entry, then
// parameter p = 0 .. fan_in (weights, then the bias) is drawn in turn: sqrt(u) for p = k
// (Beta(2, 1)'s inverse CDF; in [0, 1]), kRaiSigma / sqrt(fan_in) * normal() otherwise.
// Weight p goes to w[p * stride], the bias to *b. Returns k (fan_in: the bias).
int rai_unit(Rng& rng, int fan_in, float* w, std::size_t stride, float* b);

// One standard normal draw (Box-Muller on two uniforms, computed in double).
double normal(Rng& rng);

} // namespace leaky
