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
//   dormant score    (Sokar et al. 2023, ReDo) a unit's mean |f(z)| over the samples divided
//                    by the mean of that over its layer's units; 0 for every unit of a layer
//                    whose outputs are all exactly 0. |f(z)| counts the negative side too:
//                    a leaky unit with z <= 0 everywhere still has a score of alpha |z|.
//   tau-dormant      dormant score <= tau (default 0.1; tau = 0: output exactly 0 on every
//                    sample). Reported beside the states above, not instead of them.
#pragma once
#include "dataset.hpp"
#include "loss.hpp"
#include "network.hpp"
#include "range.hpp"

#include <cstdint>
#include <optional>
#include <vector>

namespace leaky {

enum class UnitState : std::uint8_t { active, near_dead, dormant, dead };

// tau of tau-dormant: above 1 a unit at its layer's mean would count as dormant.
inline constexpr float kDefaultDormantTau = 0.1f;
inline constexpr Range kDormantTauRange = Range::closed(0, 1);

struct StatsOptions {
  float near_dead_threshold = 0.01f;
  int histogram_bins = 20;
  float histogram_range = 5.0f;
  float dormant_tau = kDefaultDormantTau;
};

struct LayerStats {
  int units = 0;
  std::vector<float> rate;               // per unit
  std::vector<UnitState> state;          // per unit
  std::vector<std::uint8_t> born_dead;   // per unit
  std::vector<std::uint8_t> revived;     // per unit: revived at this evaluation
  std::vector<std::int32_t> revivals;    // per unit: revival events so far
  std::vector<float> dormant_score;      // per unit
  std::vector<std::uint8_t> tau_dormant; // per unit: dormant_score <= tau
  int inactive = 0, dead = 0, dormant = 0, near_dead = 0, born_dead_count = 0, revived_now = 0,
      tau_dormant_count = 0;
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
  float dormant_tau = kDefaultDormantTau; // the tau of tau_dormant
  std::vector<LayerStats> layers;         // hidden layers
};

// Per-unit memory across evaluations (for born-dead and revivals).
struct UnitHistory {
  bool started = false;
  std::vector<std::vector<std::uint8_t>> inactive, born_dead; // per hidden layer, per unit
  std::vector<std::vector<std::int32_t>> revivals;
};

// The counts behind the states, for one chunk of n samples of a hidden layer's
// pre-activations z [n x units]: adds the samples with z > 0 to positive[unit] and those
// with f'(z) = 0 to zero_slope[unit]. Scratch buffers grow once, then are reused.
struct ActivityScratch {
  std::vector<float> slopes, ones;
};
void count_activity(const Network& net, const LayerView& l, const float* z, std::size_t n,
                    Kernels kernels, std::uint32_t* positive, std::uint32_t* zero_slope,
                    ActivityScratch& scratch);
// From those counts over all `samples`: the definitions above.
inline bool unit_inactive(std::uint32_t positive) {
  return positive == 0;
}
inline bool unit_dead(std::uint32_t positive, std::uint32_t zero_slope, std::size_t samples) {
  return positive == 0 && zero_slope == samples;
}

// Evaluates net on data in chunks of ws.capacity (ws.grad is overwritten), updating history.
Evaluation evaluate(const Network& net, const Dataset& data, Workspace& ws, Kernels kernels,
                    const StatsOptions& options, UnitHistory& history);

std::string_view unit_state_name(UnitState s);

} // namespace leaky
