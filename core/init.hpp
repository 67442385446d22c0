// Weight and bias initializers over the flat parameter block, drawing from the run's Rng.
//   he_normal     N(0, gain^2 / fan_in)        gain = sqrt(2 / (1 + a^2)), a = the layer's
//   he_uniform    U(-gain sqrt(3/fan_in), +..)   negative slope (0 relu, alpha leaky/prelu,
//                                                (l+u)/2 rrelu; 0 for the other kinds, as
//                                                PyTorch's default; 1 for the linear output)
//   xavier_normal N(0, 2 / (fan_in + fan_out));  xavier_uniform U(+-sqrt(6 / (fan_in + fan_out)))
//   lecun_normal  N(0, 1 / fan_in)  (for SELU)
//   pytorch       U(+-1/sqrt(fan_in)) for weights, as nn.Linear's default
// Biases: zero, constant (a value), or pytorch (U(+-1/sqrt(fan_in)), as nn.Linear).
// Normal draws use Box-Muller in double, rounded to float, so native and wasm builds agree.
#pragma once
#include "network.hpp"
#include "rng.hpp"

#include <string_view>

namespace leaky {

enum class WeightInit {
  he_normal,
  he_uniform,
  xavier_normal,
  xavier_uniform,
  lecun_normal,
  pytorch
};
enum class BiasInit { zero, constant, pytorch };

std::string_view weight_init_name(WeightInit init);
std::string_view bias_init_name(BiasInit init);

struct InitSpec {
  WeightInit weights = WeightInit::he_normal;
  BiasInit bias = BiasInit::zero;
  float bias_value = 0.0f; // for BiasInit::constant
};

// He's gain for a layer: sqrt(2 / (1 + a^2)) with a as above.
double he_gain(const LayerView& layer);

// Draws every layer's weights, then its biases, layer by layer. PReLU slopes are left alone.
void initialize(Network& net, const InitSpec& spec, Rng& rng);

// One standard normal draw (Box-Muller on two uniforms, computed in double).
double normal(Rng& rng);

} // namespace leaky
