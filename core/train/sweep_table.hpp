// A sweep's table: its runs grouped by everything but the seed (their factors' levels and
// alpha), each group's metrics as mean, standard error and count. The one home of these
// statistics: `leaky-lab sweep` and `leaky-lab merge` print them, and the page gets them from
// the same function through wasm (in a worker).
#pragma once
#include "sweep_plan.hpp"

#include <array>
#include <cmath>
#include <span>
#include <string_view>

namespace leaky {

// Mean, standard error of the mean (sample standard deviation / sqrt(n)) and count; the
// standard error needs two values (NaN below), the mean one.
struct MeanSe {
  double mean = NAN, se = NAN;
  int n = 0;
};
MeanSe mean_se(std::span<const double> values);

// What the table reports per group. `name` is the run line's field.
enum class SweepMetric {
  train_loss,
  test_loss,
  test_accuracy,
  dead,
  dormant,
  tau_dormant,
  born_dead,
  revivals,
  sparsity,
  steps_to_target,
};
// Which runs a metric is over: those that did not diverge (what they end with), every run
// (born dead, measured at step 0), or those that reached the target loss.
enum class MetricRuns { finished, all, reached };
struct SweepMetricInfo {
  SweepMetric value;
  std::string_view name;
  std::string_view label;
  MetricRuns runs;
};
inline constexpr std::array<SweepMetricInfo, 10> kSweepMetrics = {{
    {SweepMetric::train_loss, "train_loss", "train loss", MetricRuns::finished},
    {SweepMetric::test_loss, "test_loss", "test loss", MetricRuns::finished},
    {SweepMetric::test_accuracy, "test_accuracy", "test accuracy", MetricRuns::finished},
    {SweepMetric::dead, "dead_fraction", "dead", MetricRuns::finished},
    {SweepMetric::dormant, "dormant_fraction", "dormant", MetricRuns::finished},
    {SweepMetric::tau_dormant, "tau_dormant_fraction", "tau-dormant", MetricRuns::finished},
    {SweepMetric::born_dead, "born_dead_fraction", "born dead", MetricRuns::all},
    {SweepMetric::revivals, "revivals", "revivals", MetricRuns::finished},
    {SweepMetric::sparsity, "sparsity", "sparsity", MetricRuns::finished},
    {SweepMetric::steps_to_target, "steps_to_target", "steps to target", MetricRuns::reached},
}};

// A metric of one run, or none (no accuracy for regression, the target not reached, or the
// run diverged before it could end with the value).
std::optional<double> metric_value(const RunSummary& s, SweepMetric m);

struct SweepRow {
  std::optional<float> alpha;
  std::vector<std::pair<SweepFactor, std::string>> levels;
  int runs = 0, collapsed = 0, diverged = 0, reached = 0;
  std::array<MeanSe, kSweepMetrics.size()> metrics;
  std::vector<std::uint64_t> seeds;
};

struct SweepTable {
  std::vector<SweepRow> rows; // in the order of their first run
  // Factors whose level differs between rows (the others are the same in every row).
  std::vector<SweepFactor> varied;
  bool classification = false;
  bool any_target = false;        // some run had a target loss
  std::int64_t steps = 0;         // the most steps any run took
  float tau = kDefaultDormantTau; // the first run's training.dormant_tau
  std::size_t runs = 0;
};

// Groups the records (any order; sorted by run here, so that the same runs give the same
// table bit for bit however they were split or ordered).
SweepTable sweep_table(std::vector<const SweepRecord*> records);

} // namespace leaky
