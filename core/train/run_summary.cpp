#include "run_summary.hpp"

#include "unit_totals.hpp"

#include <algorithm>
#include <utility>

namespace leaky {

namespace {

RunSummary summarize(const Evaluation& first, const Evaluation& last, const Trainer& t) {
  RunSummary s;
  const UnitTotals at_start = unit_totals(first), at_end = unit_totals(last);
  s.steps = last.step;
  s.train_loss = last.train_loss;
  s.test_loss = last.test_loss;
  s.train_accuracy = last.train_accuracy;
  s.test_accuracy = last.test_accuracy;
  s.dead_fraction = at_end.dead_fraction();
  s.dormant_fraction = at_end.dormant_fraction();
  s.tau_dormant_fraction = at_end.tau_dormant_fraction();
  s.born_dead_fraction = at_start.born_dead_fraction();
  s.dormant_tau = last.dormant_tau;
  s.revivals = at_end.revivals;
  s.sparsity = at_end.sparsity();
  s.sparsity_kind = at_end.sparsity_kind();
  s.collapsed = last.collapsed;
  s.target_loss = t.config.training.target_loss;
  s.steps_to_target = t.target_reached_at;
  s.divergence = t.divergence;
  return s;
}

} // namespace

void train_evaluating(Trainer& t, const std::function<bool(Evaluation&&)>& each) {
  if (!each(evaluate(t))) return;
  while (t.step < t.total_steps && !t.divergence.diverged) {
    train(t, std::min<std::int64_t>(t.config.training.eval_every, t.total_steps - t.step));
    if (t.divergence.diverged) return;
    if (!each(evaluate(t))) return;
  }
}

RunSummary run_to_end(Trainer& t) {
  std::optional<Evaluation> first, last;
  train_evaluating(t, [&](Evaluation&& ev) {
    if (!first)
      first = std::move(ev);
    else if (!t.divergence.diverged)
      last = std::move(ev); // a diverged one is not kept
    return true;
  });
  return summarize(*first, last ? *last : *first, t);
}

RunOutcome run_config_to_end(const RunConfig& config, Dataset data, Kernels kernels,
                             const MemoryBudget& budget) {
  RunOutcome out;
  TrainerResult made = make_trainer(config, std::move(data), kernels, nullptr, budget);
  if (!made.trainer) {
    out.problems = std::move(made.problems);
    return out;
  }
  out.summary = run_to_end(*made.trainer);
  return out;
}

} // namespace leaky
