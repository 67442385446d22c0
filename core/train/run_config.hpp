// The run config as plain structs: what one training run is made of. Its JSON form (one
// versioned schema that the CLI, the wasm worker and the page's URL state all speak) is read
// and written by schema/config_json.hpp; it looks like this:
//
// {
//   "version": 1,
//   "seed": 1,                 decides data (unless data.seed), weights, batch order, noise
//   "data": { "kind": "spiral", "points": 500, "noise": 0, "train_fraction": 0.5,
//             "input_min": -6, "input_max": 6, "seed": 7 (optional),
//             "features": { "x_squared": false, "x1x2": false, "sin": false,
//                           "omit": [] (columns left out, e.g. "x1", "sin(x2)") },
//             "csv": { "task": "binary_classification", "target_column": -1, "header": true } },
//   "network": { "activation": "leaky_relu", "alpha": 0.01,      defaults for every layer
//                "hidden": [ 8, { "units": 8, "activation": "prelu", "alpha": 0.25,
//                                 "prelu_per_unit": true },
//                 { "units": 4, "activation": "rrelu", "lower": 0.125, "upper": 0.333 } ] },
//   "loss": "auto",            auto: bce for classification, mse for regression
//   "init": { "weights": "he_normal", "bias": "constant", "bias_value": 0,
//             "gain": "own" (He's gain: each layer's own, or "relu" for every layer) },
//   "optimizer": { "kind": "momentum", "lr": 0.03, "momentum": 0.9, "nesterov": false },
//                  (adam reads "beta1": 0.9, "beta2": 0.999, "eps": 1e-8 instead)
//   "regularization": { "l1": 0, "l2": 0, "prelu_alpha": false },
//   "training": { "batch_size": 10, "steps": 1000, "epochs": 0 (0: use steps), "shuffle": true,
//                 "eval_every": 100, "near_dead_threshold": 0.01, "histogram_bins": 20,
//                 "histogram_range": 5, "target_loss": 0 (0: none), "dormant_tau": 0.1 }
// }
// A field the chosen kind does not read is refused rather than ignored (KindInfo,
// kOptimizers say which kinds read which): alpha, lower and upper, prelu_per_unit, momentum
// and nesterov, beta1, beta2 and eps.
#pragma once
#include "csv_import.hpp"
#include "dataset.hpp"
#include "init.hpp"
#include "network.hpp"
#include "optimizer.hpp"
#include "problem.hpp"
#include "range.hpp"
#include "stats.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace leaky {

struct CsvOptions {
  Task task = Task::binary_classification;
  int target_column = -1;
  std::optional<bool> header;
};

struct DataConfig {
  DatasetSpec spec;                  // spec.seed is filled from `seed` or the run seed
  std::optional<std::uint64_t> seed; // a data seed of its own: keeps the data while weights vary
  CsvOptions csv;                    // used when the CLI imports a CSV file instead
};

enum class LossChoice { auto_, mse, bce, softmax_ce };

struct LossChoiceInfo {
  LossChoice value;
  std::string_view name;
  std::string_view label;
};
inline constexpr std::array<LossChoiceInfo, 4> kLossChoices = {{
    {LossChoice::auto_, "auto", "auto: bce for classification, mse for regression"},
    {LossChoice::mse, "mse", "mean squared error"},
    {LossChoice::bce, "bce", "binary cross-entropy on a logit"},
    {LossChoice::softmax_ce, "softmax_ce", "softmax cross-entropy"},
}};
inline std::string_view loss_choice_name(LossChoice choice) {
  return entry_of(kLossChoices, choice).name;
}

struct RegularizationConfig {
  float l1 = 0.0f, l2 = 0.0f;
  bool prelu_alpha = false; // also penalize PReLU slopes
};

struct TrainingConfig {
  int batch_size = 10;
  std::int64_t steps = 1000;
  int epochs = 0; // > 0: overrides steps with epochs * ceil(train size / batch size)
  bool shuffle = true;
  int eval_every = 100;
  float near_dead_threshold = 0.01f;
  int histogram_bins = 20;
  float histogram_range = 5.0f;           // bins span [-range, range]; the end bins take the rest
  double target_loss = 0.0;               // > 0: report the first step where train loss <= it
  float dormant_tau = kDefaultDormantTau; // tau of tau-dormant (stats.hpp)
};

// The ranges of the config's numbers that no lower layer already defines.
inline constexpr Range kSeedRange = Range::whole(0, 9007199254740992.0); // 2^53: exact in JS
inline constexpr Range kBatchSizeRange = Range::whole(1, kMaxPoints);
inline constexpr Range kStepsRange = Range::whole(0, 1e9);
inline constexpr Range kEpochsRange = Range::whole(0, 1e6);
inline constexpr Range kEvalEveryRange = Range::whole(1, 1e9);
inline constexpr Range kNearDeadThresholdRange = Range::closed(0, 1);
inline constexpr Range kHistogramBinsRange = Range::whole(1, 200);
inline constexpr Range kHistogramRangeRange = Range::closed(1e-3, 1000);
inline constexpr Range kTargetLossRange = Range::closed(0, 1e30);

struct RunConfig {
  std::uint64_t seed = 1;
  DataConfig data;
  std::vector<HiddenLayerSpec> hidden;
  LossChoice loss = LossChoice::auto_;
  InitSpec init;
  OptimizerSpec optimizer;
  RegularizationConfig regularization;
  TrainingConfig training;
};

// The playground's default: spiral, 2 -> 8 -> 8 -> 1, leaky_relu alpha 0.01, SGD lr 0.03.
RunConfig default_config();

// The loss a config resolves to for a task ("auto": bce or mse); problems if they clash.
Loss resolve_loss(const RunConfig& config, Task task, Problems& problems);

// The network a config describes for a dataset (its columns, and its classes for softmax_ce).
NetworkSpec network_spec(const RunConfig& config, const Dataset& data, Loss loss);

// How a CSV file becomes this run's data: the config's data.csv options with its train
// fraction, input features and data seed (what the CLI's --data and the page's import use).
CsvSpec csv_spec(const RunConfig& config);

// Every number of the config schema by its path ("data.points", "network.hidden[].units",
// "optimizer.lr", ...) with its range: what the catalog exports to the CLI's help and the page.
struct FieldRange {
  std::string_view path;
  Range range;
};
const std::vector<FieldRange>& config_field_ranges();

} // namespace leaky
