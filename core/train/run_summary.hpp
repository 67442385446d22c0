// A run from its start to its end, and what a sweep keeps of it: the one home of a run's
// summary, which `leaky-lab sweep` writes as a JSON line (schema/sweep_json.hpp) and the page's
// sweep workers get from the same function through wasm. Statistics are evaluated at step 0,
// every eval_every steps and at the last step, as `leaky-lab train` does, so revivals count the
// same events in both.
#pragma once
#include "dataset.hpp"
#include "kernels.hpp"
#include "resource_limits.hpp"
#include "run_config.hpp"
#include "trainer.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace leaky {

struct RunSummary {
  // The last finite evaluation's (for a diverged run, the one before it diverged).
  std::int64_t steps = 0;
  double train_loss = 0.0, test_loss = 0.0;
  std::optional<double> train_accuracy, test_accuracy; // classification only
  // Over every hidden unit (stats.hpp): dead, dormant and tau-dormant at the last evaluation,
  // born dead at step 0; revival events summed over units and evaluations.
  double dead_fraction = 0.0, dormant_fraction = 0.0, tau_dormant_fraction = 0.0;
  double born_dead_fraction = 0.0;
  float dormant_tau = kDefaultDormantTau;
  int revivals = 0;
  // Fraction of (sample, hidden unit) outputs exactly 0 (layers with a flat negative side) or
  // with z <= 0 (the others), over every hidden unit; "zeros", "negative_side" or "mixed".
  double sparsity = 0.0;
  std::string sparsity_kind = "zeros";
  bool collapsed = false;
  double target_loss = 0.0;                    // training.target_loss; 0: none
  std::optional<std::int64_t> steps_to_target; // the first evaluated step at or below it
  Divergence divergence;
};

// The one loop of a run: evaluates `t` now, then trains it eval_every steps at a time to its
// last step, evaluating after each chunk, until it ends, diverges or `each` returns false.
// `each` gets every evaluation, also one that found the run diverged (t.divergence says so).
void train_evaluating(Trainer& t, const std::function<bool(Evaluation&&)>& each);

// Trains `t` to its last step (t.total_steps), evaluating as above, and summarizes it.
RunSummary run_to_end(Trainer& t);

struct RunOutcome {
  std::optional<RunSummary> summary;
  Problems problems; // make_trainer's, when the run could not be built
};

// Builds the run of `config` on `data` (make_trainer's checks) and runs it to its end.
RunOutcome run_config_to_end(const RunConfig& config, Dataset data, Kernels kernels,
                             const MemoryBudget& budget);

} // namespace leaky
