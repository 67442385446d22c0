#include "network.hpp"

#include "dense.hpp"

#include <algorithm>
#include <cassert>

namespace leaky {

Network make_network(const NetworkSpec& spec) {
  Network net;
  net.spec = spec;
  std::size_t offset = 0;
  int in = spec.inputs;
  auto add = [&](int out, const Activation& act, bool is_output, bool per_unit) {
    LayerView l;
    l.in = in;
    l.out = out;
    l.act = act;
    l.is_output = is_output;
    l.w = offset;
    offset += static_cast<std::size_t>(in) * out;
    l.b = offset;
    offset += out;
    l.alpha = offset;
    l.alpha_count = act.kind == Kind::prelu ? (per_unit ? out : 1) : 0;
    offset += l.alpha_count;
    net.layers.push_back(l);
    in = out;
  };
  for (const HiddenLayerSpec& h : spec.hidden)
    add(h.units, h.act, false, h.prelu_per_unit);
  add(spec.outputs, default_activation(Kind::linear), true, false);
  net.params.assign(offset, 0.0f);
  for (const LayerView& l : net.layers)
    std::fill_n(net.params.begin() + l.alpha, l.alpha_count, l.act.alpha);
  return net;
}

Workspace make_workspace(const Network& net, std::size_t capacity) {
  Workspace ws;
  ws.capacity = capacity;
  std::size_t widest = static_cast<std::size_t>(net.spec.inputs);
  for (const LayerView& l : net.layers) {
    const std::size_t size = capacity * l.out;
    ws.z.emplace_back(l.is_output ? 0 : size); // the output layer writes only a
    ws.a.emplace_back(size);
    ws.noise.emplace_back(l.act.kind == Kind::rrelu ? size : 0);
    widest = std::max(widest, static_cast<std::size_t>(l.out));
  }
  ws.grad.assign(net.params.size(), 0.0f);
  ws.delta.assign(capacity * widest, 0.0f);
  ws.delta_prev.assign(capacity * widest, 0.0f);
  return ws;
}

Activation layer_activation(const Network& net, const LayerView& layer) {
  Activation act = layer.act;
  if (layer.alpha_count == 1) act.alpha = net.params[layer.alpha];
  return act;
}

namespace {

// PReLU with one slope per unit (column): plain loops, in the same order in both paths.
void prelu_per_unit_forward(const float* z, float* a, const float* alpha, std::size_t n,
                            std::size_t out) {
  for (std::size_t r = 0; r < n; ++r)
    for (std::size_t c = 0; c < out; ++c) {
      const float v = z[r * out + c];
      a[r * out + c] = v > 0.0f ? v : alpha[c] * v;
    }
}

// dz = g * f'(z) (in place allowed: g == dz) and dalpha[c] = sum over rows with z <= 0 of g z.
void prelu_per_unit_backward(const float* z, const float* g, float* dz, const float* alpha,
                             float* dalpha, std::size_t n, std::size_t out) {
  std::fill_n(dalpha, out, 0.0f);
  for (std::size_t r = 0; r < n; ++r)
    for (std::size_t c = 0; c < out; ++c) {
      const float v = z[r * out + c], gv = g[r * out + c];
      if (v <= 0.0f) dalpha[c] += gv * v;
      // The last branch is NaN's: NaN in, NaN out, as in activation.hpp.
      dz[r * out + c] = gv * (v > 0.0f ? 1.0f : (v <= 0.0f ? alpha[c] : v));
    }
}

} // namespace

const float* forward(const Network& net, const float* X, std::size_t n, Workspace& ws,
                     Kernels kernels, Mode mode, Rng* rng) {
  assert(n <= ws.capacity);
  ws.last_mode_train = mode == Mode::train && rng != nullptr;
  const float* input = X;
  const float* p = net.params.data();
  for (std::size_t i = 0; i < net.layers.size(); ++i) {
    const LayerView& l = net.layers[i];
    const std::size_t size = n * l.out;
    float* z = ws.z[i].data();
    float* a = ws.a[i].data();
    if (l.is_output) { // linear: its outputs are its pre-activations, written once
      dense_forward(kernels, input, p + l.w, p + l.b, a, n, l.in, l.out);
      break;
    }
    dense_forward(kernels, input, p + l.w, p + l.b, z, n, l.in, l.out);
    if (l.alpha_count > 1) {
      prelu_per_unit_forward(z, a, p + l.alpha, n, l.out);
    } else {
      Activation act = layer_activation(net, l);
      std::span<const float> noise;
      if (act.kind == Kind::rrelu && mode == Mode::train && rng) {
        act.training = true;
        fill_rrelu_noise(act, *rng, std::span<float>(ws.noise[i].data(), size));
        noise = std::span<const float>(ws.noise[i].data(), size);
      } else {
        act.training = false;
      }
      forward(kernels, act, {z, size}, {a, size}, noise);
    }
    input = a;
  }
  return ws.a.back().data();
}

void backward(const Network& net, const float* X, std::size_t n, Workspace& ws, Kernels kernels) {
  const float* p = net.params.data();
  float* grad = ws.grad.data();
  // ws.delta holds dL/dZ of the current layer (for the linear output layer, dL/doutputs).
  for (std::size_t i = net.layers.size(); i-- > 0;) {
    const LayerView& l = net.layers[i];
    const float* input = i == 0 ? X : ws.a[i - 1].data();
    float* dX = i == 0 ? nullptr : ws.delta_prev.data();
    dense_backward(kernels, input, p + l.w, ws.delta.data(), dX, grad + l.w, grad + l.b, n, l.in,
                   l.out);
    if (i == 0) break;
    // dL/dA of layer i-1 is in delta_prev; turn it into dL/dZ in place.
    const LayerView& below = net.layers[i - 1];
    const std::size_t size = n * below.out;
    const float* z = ws.z[i - 1].data();
    float* d = ws.delta_prev.data();
    if (below.alpha_count > 1) {
      prelu_per_unit_backward(z, d, d, p + below.alpha, grad + below.alpha, n, below.out);
    } else {
      Activation act = layer_activation(net, below);
      if (below.alpha_count == 1)
        grad[below.alpha] = prelu_alpha_grad(kernels, {z, size}, {d, size});
      std::span<const float> noise;
      // A train-mode forward leaves its RReLU slopes in ws.noise; backward uses the same ones.
      if (act.kind == Kind::rrelu && !ws.noise[i - 1].empty() && ws.last_mode_train) {
        act.training = true;
        noise = std::span<const float>(ws.noise[i - 1].data(), size);
      }
      backward(kernels, act, {z, size}, {d, size}, {d, size}, noise);
    }
    std::swap(ws.delta, ws.delta_prev);
  }
}

} // namespace leaky
