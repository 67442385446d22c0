// A sweep: one base config run over a grid of alpha values, other factors and seeds. The CLI
// (`leaky-lab sweep`) and the page's sweep mode make the same plan and number its runs the same
// way, so run i is the same config, bit for bit, wherever it runs; a slice of the runs (a
// shard) can run on another machine and be merged afterwards.
//
// Runs are numbered factor combination by combination (the factors in kSweepFactors order, the
// first varying slowest), then alpha, then seed (fastest): a group is one combination with one
// alpha, and holds `seeds` runs, seeds base.seed, base.seed + 1, ... A combination whose
// network reads no alpha (relu everywhere, say) makes one group, not one per alpha: its runs
// would be the same whatever the alpha.
#pragma once
#include "dataset.hpp"
#include "init.hpp"
#include "names.hpp"
#include "range.hpp"
#include "resource_limits.hpp"
#include "run_config.hpp"
#include "run_summary.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace leaky {

// What a sweep may vary besides alpha and the seed.
enum class SweepFactor { activation, depth, width, init, lr };

struct SweepFactorInfo {
  SweepFactor value;
  std::string_view name; // the option (--depth), the link's and the JSON line's field
  std::string_view label;
};
inline constexpr std::array<SweepFactorInfo, 5> kSweepFactors = {{
    {SweepFactor::activation, "activation", "activation of every hidden layer"},
    {SweepFactor::depth, "depth", "hidden layers (copies of the first)"},
    {SweepFactor::width, "width", "units of every hidden layer"},
    {SweepFactor::init, "init", "weight initializer"},
    {SweepFactor::lr, "lr", "learning rate"},
}};
inline std::string_view sweep_factor_name(SweepFactor f) {
  return entry_of(kSweepFactors, f).name;
}

inline constexpr Range kSweepSeedsRange = Range::whole(1, 10000);
// The page's seeds: its runs share one tab's cores.
inline constexpr Range kPageSweepSeedsRange = Range::whole(1, 50);
// The alphas a sweep runs when none are given (the page's starting grid, the CLI's default):
// zero (ReLU), the frameworks' defaults (PyTorch 0.01, TensorFlow 0.2, Keras 0.3), the decades
// between and the identity.
inline constexpr std::array<float, 10> kDefaultSweepAlphas = {0.0f, 0.001f, 0.003f, 0.01f, 0.03f,
                                                              0.1f, 0.2f,   0.3f,   0.5f,  1.0f};
// --shard K/N: N slices of a sweep.
inline constexpr Range kSweepShardsRange = Range::whole(1, 10000);
// Entries of one list (the alphas, or one factor's values).
inline constexpr Range kSweepLevelsRange = Range::whole(1, 1000);
// A depth of 0 leaves no hidden unit to measure.
inline constexpr Range kSweepDepthRange = Range::whole(1, kMaxHiddenLayers);

// The values of one factor: kinds, initializers or numbers (depth and width whole, lr a
// float), as the factor says.
struct SweepLevels {
  SweepFactor factor = SweepFactor::activation;
  std::vector<Kind> kinds;
  std::vector<WeightInit> inits;
  std::vector<double> numbers;
  std::size_t size() const;
  // "relu", "he_normal", "3", "0.03": the line's and the table's text of level i.
  std::string text(std::size_t i) const;
};

struct SweepPlan {
  RunConfig base;
  std::vector<float> alphas;        // empty: every run keeps the config's alpha
  std::vector<SweepLevels> factors; // in kSweepFactors order, each factor at most once
  int seeds = 1;
  // One dataset for every run (the config's data.seed, or a CSV file); otherwise each run
  // generates its data from its own seed.
  bool fixed_data = false;
  std::string data_label;        // what the data is, for people ("xor (generated, ...)")
  std::uint64_t data_digest = 0; // a CSV file's bytes (FNV-1a 64), 0 for generated data
};

// The label of generated data: "xor (generated: 400 points, data seed 7)", or "... from each
// run's seed" when the data is not fixed.
std::string generated_data_label(const RunConfig& config, bool fixed);

// Every problem of the plan at once: list lengths, levels, seeds, the number of runs, and
// each factor level that would make a bad config (an initializer that draws its own biases
// with init.bias constant, say). Fields: "alpha", "seeds", "runs", "<factor>[i]".
Problems validate(const SweepPlan& plan);

// One group: a level of each factor (indices into plan.factors[k]) and an index into
// plan.alphas, or none when the combination's network reads no alpha or the plan has none.
struct SweepGroup {
  std::vector<std::size_t> levels;
  std::optional<std::size_t> alpha;
};

// Every group in run order (precondition: validate(plan) is empty). Runs: groups x seeds.
std::vector<SweepGroup> sweep_groups(const SweepPlan& plan);

// The config of the run of `group` with seed `seed`.
RunConfig sweep_run_config(const SweepPlan& plan, const SweepGroup& group, std::uint64_t seed);

// Whether any hidden layer of the config reads alpha; its first such layer's alpha.
std::optional<float> config_alpha(const RunConfig& config);

// The runs of shard k (1-based) of n: those whose index is k - 1 modulo n, so that every
// shard gets runs of every group, whatever their cost.
inline bool in_shard(std::size_t run, std::size_t k, std::size_t n) {
  return run % n == k - 1;
}

// Who a run is: its place in the sweep, its seed, its alpha (none: its network reads none)
// and its factors' levels as text (the run's activation always, when its hidden layers share
// one; the other factors when the sweep varies them).
struct SweepIdentity {
  std::size_t run = 0;
  std::uint64_t seed = 0;
  std::optional<float> alpha;
  std::vector<std::pair<SweepFactor, std::string>> levels;
};

struct SweepRecord {
  SweepIdentity id;
  RunSummary summary;
};

SweepIdentity sweep_identity(const SweepPlan& plan, const std::vector<SweepGroup>& groups,
                             std::size_t run);

// Runs run `run` of the plan to its end. `fixed` is the data of every run when
// plan.fixed_data (nullptr otherwise: the run generates its own).
struct SweepRunOutcome {
  std::optional<SweepRecord> record;
  Problems problems;
};
SweepRunOutcome run_sweep_run(const SweepPlan& plan, const std::vector<SweepGroup>& groups,
                              std::size_t run, const Dataset* fixed, Kernels kernels,
                              const MemoryBudget& budget);

} // namespace leaky
