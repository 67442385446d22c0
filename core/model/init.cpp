#include "init.hpp"

#include <cmath>

namespace leaky {

double normal(Rng& rng) {
  // 1 - u keeps the logarithm's argument in (0, 1].
  const double u1 = 1.0 - static_cast<double>(rng.next_u32()) * 0x1.0p-32;
  const double u2 = static_cast<double>(rng.next_u32()) * 0x1.0p-32;
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586476925286766559 * u2);
}

double he_gain(const LayerView& layer, HeGain gain) {
  if (gain == HeGain::relu && !layer.is_output) return std::sqrt(2.0);
  double a = 0.0;
  switch (layer.act.kind) {
  case Kind::relu:
    a = 0.0;
    break;
  case Kind::leaky_relu:
  case Kind::prelu:
  case Kind::rrelu:
    a = negative_slope(layer.act);
    break;
  case Kind::linear:
    a = 1.0;
    break;
  default:
    a = 0.0;
  }
  return std::sqrt(2.0 / (1.0 + a * a));
}

namespace {
double uniform_symmetric(Rng& rng, double bound) {
  const double u = static_cast<double>(rng.next_u32()) * 0x1.0p-32; // [0, 1)
  return (2.0 * u - 1.0) * bound;
}
} // namespace

Problems validate(const InitSpec& spec) {
  const WeightInitInfo& w = entry_of(kWeightInits, spec.weights);
  if (w.draws_bias && spec.bias != BiasInit::zero)
    return {{"bias", std::string(bias_init_name(spec.bias)),
             std::string(w.name) +
                 " draws every bias itself (one of each unit's fan_in + 1 parameters): leave "
                 "init.bias at zero"}};
  return {};
}

int rai_unit(Rng& rng, int fan_in, float* w, std::size_t stride, float* b) {
  const auto k = static_cast<int>(rng.next_below(static_cast<std::uint32_t>(fan_in) + 1));
  const double sd = kRaiSigma / std::sqrt(static_cast<double>(fan_in));
  for (int p = 0; p <= fan_in; ++p) {
    const double v =
        p == k ? std::sqrt(static_cast<double>(rng.next_u32()) * 0x1.0p-32) : sd * normal(rng);
    (p < fan_in ? w[static_cast<std::size_t>(p) * stride] : *b) = static_cast<float>(v);
  }
  return k;
}

void initialize(Network& net, const InitSpec& spec, Rng& rng) {
  for (std::size_t li = 0; li < net.layers.size(); ++li) {
    const LayerView& l = net.layers[li];
    // The linear output layer takes the He gain of the layer before it, as a PyTorch loop of
    // kaiming_normal_ over every nn.Linear does (docs/definitions.md, Initializers).
    const LayerView& gain_layer = l.is_output && li > 0 ? net.layers[li - 1] : l;
    const double fan_in = l.in, fan_out = l.out;
    float* w = net.params.data() + l.w;
    if (spec.weights == WeightInit::rai) {
      for (int u = 0; u < l.out; ++u)
        rai_unit(rng, l.in, w + u, static_cast<std::size_t>(l.out), net.params.data() + l.b + u);
      continue;
    }
    // Each scale once per layer (the born-dead grid initializes millions of weights), as
    // the same expressions, so the same bits.
    const double he = he_gain(gain_layer, spec.gain), root = std::sqrt(fan_in);
    const double he_sd = he / root, he_bound = he * std::sqrt(3.0 / fan_in);
    const double xavier_sd = std::sqrt(2.0 / (fan_in + fan_out));
    const double xavier_bound = std::sqrt(6.0 / (fan_in + fan_out));
    const std::size_t count = static_cast<std::size_t>(l.in) * l.out;
    for (std::size_t i = 0; i < count; ++i) {
      double v = 0.0;
      switch (spec.weights) {
      case WeightInit::he_normal:
        v = he_sd * normal(rng);
        break;
      case WeightInit::he_uniform:
        v = uniform_symmetric(rng, he_bound);
        break;
      case WeightInit::xavier_normal:
        v = xavier_sd * normal(rng);
        break;
      case WeightInit::xavier_uniform:
        v = uniform_symmetric(rng, xavier_bound);
        break;
      case WeightInit::lecun_normal:
        v = normal(rng) / root;
        break;
      case WeightInit::pytorch:
        v = uniform_symmetric(rng, 1.0 / root);
        break;
      case WeightInit::rai: // drawn unit by unit above
        break;
      }
      w[i] = static_cast<float>(v);
    }
    float* b = net.params.data() + l.b;
    for (int i = 0; i < l.out; ++i) {
      switch (spec.bias) {
      case BiasInit::zero:
        b[i] = 0.0f;
        break;
      case BiasInit::constant:
        b[i] = spec.bias_value;
        break;
      case BiasInit::pytorch:
        b[i] = static_cast<float>(uniform_symmetric(rng, 1.0 / root));
        break;
      }
    }
  }
}

} // namespace leaky
