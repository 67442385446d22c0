// What happens to every hidden unit, measured on a fixed evaluation set in eval mode
// (docs/definitions.md, Statistics, is their home). Unit statistics use the training set (the
// data whose gradient can revive a unit); losses and accuracy use both sets.
//   activation rate  fraction of samples with z > 0
//   inactive         rate 0: z <= 0 on every sample
//   dead             inactive, and f'(z) = 0 on every sample (relu; alpha = 0; a saturated
//                    smooth unit): no gradient reaches its own weights and bias (in layer 2
//                    or deeper it can still revive when the layers before it change its input)
//   dormant          inactive but not dead (leaky/prelu/elu... with alpha != 0): gradient
//                    still flows
//   near-dead        rate below the threshold (default 0.01); includes inactive units
//   born dead        inactive at step 0
//   revival          a unit inactive at the previous evaluation and active now; counted per unit
//   collapsed        some hidden layer has every unit dead, so the output is constant
//   sparsity         fraction of (sample, unit) pairs whose output is exactly 0, for layers
//                    whose negative side is flat (relu, alpha = 0); for the others the
//                    fraction with z <= 0 (negative side), as `sparsity_kind` says
//   mean |gradient|  mean over a layer's weights of |dL/dW| on the whole training set
//   weight norm      Frobenius norm of the layer's W
//   histograms       pre-activations z in `bins` equal bins over [-range, range]; values
//                    outside go to the end bins
#pragma once
#include "dataset.hpp"
#include "loss.hpp"
#include "network.hpp"

#include <cstdint>
#include <optional>
#include <vector>

namespace leaky {

enum class UnitState : std::uint8_t { active, near_dead, dormant, dead };

struct StatsOptions {
  float near_dead_threshold = 0.01f;
  int histogram_bins = 20;
  float histogram_range = 5.0f;
};

struct LayerStats {
  int units = 0;
  std::vector<float> rate;             // per unit
  std::vector<UnitState> state;        // per unit
  std::vector<std::uint8_t> born_dead; // per unit
  std::vector<std::uint8_t> revived;   // per unit: revived at this evaluation
  std::vector<std::int32_t> revivals;  // per unit: revival events so far
  int inactive = 0, dead = 0, dormant = 0, near_dead = 0, born_dead_count = 0, revived_now = 0;
  double sparsity = 0.0;
  bool sparsity_is_zeros = true; // false: negative-side fraction
  double mean_abs_grad = 0.0, weight_norm = 0.0;
  std::vector<float> alpha;                  // PReLU slopes (1 or units), else empty
  std::vector<std::uint32_t> histogram;      // bins, the whole layer
  std::vector<std::uint32_t> unit_histogram; // units x bins
};

struct Evaluation {
  std::int64_t step = 0;
  int epoch = 0;
  double train_loss = 0.0, test_loss = 0.0, penalty = 0.0;
  std::optional<double> train_accuracy, test_accuracy; // classification only
  bool collapsed = false;
  std::vector<LayerStats> layers; // hidden layers
};

// Per-unit memory across evaluations (for born-dead and revivals).
struct UnitHistory {
  bool started = false;
  std::vector<std::vector<std::uint8_t>> inactive, born_dead; // per hidden layer, per unit
  std::vector<std::vector<std::int32_t>> revivals;
};

// Evaluates net on data in chunks of ws.capacity (ws.grad is overwritten), updating history.
Evaluation evaluate(const Network& net, const Dataset& data, Workspace& ws, Kernels kernels,
                    const StatsOptions& options, UnitHistory& history);

std::string_view unit_state_name(UnitState s);

} // namespace leaky
