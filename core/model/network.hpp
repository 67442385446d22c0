// A multilayer perceptron over one flat parameter block (llm.c style): every layer's
// weights W [in x out] (dense.hpp's layout), bias [out] and, for PReLU, its slopes live in
// `params`, at offsets recorded in LayerView. Gradients use the same layout, so optimizers
// and penalties are loops over flat spans.
#pragma once
#include "activation.hpp"
#include "names.hpp"
#include "range.hpp"
#include "rng.hpp"

#include <array>
#include <cstddef>
#include <string_view>
#include <vector>

namespace leaky {

// Deep, narrow networks (depth 20 and more) are where ReLU networks collapse at birth.
inline constexpr int kMaxHiddenLayers = 32;
inline constexpr int kMaxUnits = 1024;
inline constexpr int kMaxInputs = 4096;
inline constexpr int kMaxOutputs = 1024;
inline constexpr Range kHiddenLayersRange = Range::whole(0, kMaxHiddenLayers);
inline constexpr Range kUnitsRange = Range::whole(1, kMaxUnits);
// An activation's alpha: any finite float32 (values outside [0, 1) are allowed but unusual);
// RReLU's lower and upper bounds: finite and >= 0.
inline constexpr Range kAlphaRange = kAnyFiniteFloat;
inline constexpr Range kRreluBoundRange = Range::closed(0, kFloatMax);

// The loss decides the output: mse -> linear outputs; bce -> one logit (binary labels 0/1);
// softmax_ce -> one logit per class (labels are class indices).
enum class Loss { mse, bce, softmax_ce };

struct LossInfo {
  Loss value;
  std::string_view name;
  std::string_view label;
};
inline constexpr std::array<LossInfo, 3> kLosses = {{
    {Loss::mse, "mse", "mean squared error"},
    {Loss::bce, "bce", "binary cross-entropy on a logit"},
    {Loss::softmax_ce, "softmax_ce", "softmax cross-entropy"},
}};

inline std::string_view loss_name(Loss loss) {
  return entry_of(kLosses, loss).name;
}

struct HiddenLayerSpec {
  int units = 8;
  Activation act;
  bool prelu_per_unit = false; // prelu only: one slope per unit instead of one per layer
};

struct NetworkSpec {
  int inputs = 2;
  std::vector<HiddenLayerSpec> hidden;
  int outputs = 1;
  Loss loss = Loss::bce;
};

struct LayerView {
  int in = 0, out = 0;
  Activation act; // the output layer's is linear
  bool is_output = false;
  std::size_t w = 0, b = 0;    // offsets of W [in x out] and bias [out] in params
  std::size_t alpha = 0;       // offset of the PReLU slopes
  std::size_t alpha_count = 0; // 0 (not prelu), 1 (per layer) or out (per unit)
};

struct Network {
  NetworkSpec spec;
  std::vector<LayerView> layers; // hidden layers, then the output layer
  std::vector<float> params;     // the flat block

  std::size_t hidden_count() const { return layers.size() - 1; }
};

// Zero weights and biases; PReLU slopes at their spec's alpha. Precondition: a valid spec.
Network make_network(const NetworkSpec& spec);

enum class Mode { eval, train };

// Buffers for batches of up to `capacity` samples, allocated once.
struct Workspace {
  std::size_t capacity = 0;
  std::vector<std::vector<float>> z, a;  // per layer, [capacity x out]; z empty for the output
  std::vector<std::vector<float>> noise; // per layer, RReLU training slopes
  std::vector<float> grad;               // same layout as Network::params
  std::vector<float> delta, delta_prev;  // [capacity x widest layer]
  bool last_mode_train = false;          // whether ws.noise holds the last forward's slopes
};
Workspace make_workspace(const Network& net, std::size_t capacity);

// The layer's activation with a per-layer PReLU slope read from params.
Activation layer_activation(const Network& net, const LayerView& layer);

// Forward pass of n <= capacity samples X [n x inputs]. Fills ws.z and ws.a for every hidden
// layer and ws.a for the (linear) output layer, whose ws.z is empty, and returns the outputs
// [n x outputs] (logits, or predictions for mse). In train mode, RReLU layers draw fresh
// slopes from `rng`.
const float* forward(const Network& net, const float* X, std::size_t n, Workspace& ws,
                     Kernels kernels, Mode mode = Mode::eval, Rng* rng = nullptr);

// Backward pass after forward() on the same X: given dL/d(outputs) [n x outputs] in
// ws.delta, overwrites ws.grad with dL/dparams.
void backward(const Network& net, const float* X, std::size_t n, Workspace& ws, Kernels kernels);

} // namespace leaky
