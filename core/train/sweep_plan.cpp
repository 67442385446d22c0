#include "sweep_plan.hpp"

#include "json_writer.hpp"

#include <cmath>

namespace leaky {

std::size_t SweepLevels::size() const {
  switch (factor) {
  case SweepFactor::activation:
    return kinds.size();
  case SweepFactor::init:
    return inits.size();
  default:
    return numbers.size();
  }
}

std::string SweepLevels::text(std::size_t i) const {
  switch (factor) {
  case SweepFactor::activation:
    return std::string(info(kinds[i]).name);
  case SweepFactor::init:
    return std::string(weight_init_name(inits[i]));
  case SweepFactor::lr:
    return json::number(static_cast<float>(numbers[i]));
  default:
    return json::number(numbers[i]);
  }
}

namespace {

// The config of one combination of levels (alpha and seed not yet set).
RunConfig apply_levels(const SweepPlan& plan, const std::vector<std::size_t>& levels) {
  RunConfig c = plan.base;
  for (std::size_t k = 0; k < plan.factors.size(); ++k) {
    const SweepLevels& f = plan.factors[k];
    const std::size_t i = levels[k];
    switch (f.factor) {
    case SweepFactor::activation:
      for (HiddenLayerSpec& h : c.hidden) {
        // A layer that already has the kind keeps its parameters (an rrelu's bounds, say), as
        // the page's settings do; another kind starts from its defaults.
        if (h.act.kind == f.kinds[i]) continue;
        h.act = default_activation(f.kinds[i]);
        h.prelu_per_unit = false;
      }
      break;
    case SweepFactor::depth: {
      const HiddenLayerSpec first = c.hidden.front(); // validate() asks for one
      c.hidden.assign(static_cast<std::size_t>(f.numbers[i]), first);
      break;
    }
    case SweepFactor::width:
      for (HiddenLayerSpec& h : c.hidden)
        h.units = static_cast<int>(f.numbers[i]);
      break;
    case SweepFactor::init:
      c.init.weights = f.inits[i];
      break;
    case SweepFactor::lr:
      c.optimizer.lr = static_cast<float>(f.numbers[i]);
      break;
    }
  }
  return c;
}

bool reads_alpha(const RunConfig& c) {
  return config_alpha(c).has_value();
}

// Calls visit(levels) for every combination of levels, the first factor varying slowest.
template <class Visit> void for_each_combination(const SweepPlan& plan, Visit visit) {
  std::vector<std::size_t> levels(plan.factors.size(), 0);
  while (true) {
    visit(levels);
    std::size_t k = plan.factors.size();
    while (k > 0) {
      --k;
      if (++levels[k] < plan.factors[k].size()) break;
      levels[k] = 0;
      if (k == 0) return;
    }
    if (plan.factors.empty()) return;
  }
}

void check_number(const SweepLevels& f, const Range& range, Problems& problems) {
  for (std::size_t i = 0; i < f.numbers.size(); ++i)
    if (!range.contains(f.numbers[i]))
      problems.push_back({std::string(sweep_factor_name(f.factor)) + "[" + std::to_string(i) + "]",
                          json::number(f.numbers[i]), "must be " + range.describe()});
}

} // namespace

std::string generated_data_label(const RunConfig& config, bool fixed) {
  const DatasetSpec& d = config.data.spec;
  return std::string(dataset_info(d.kind).name) + " (generated: " + std::to_string(d.points) +
         " points, " + (fixed ? "data seed " + std::to_string(d.seed) : "from each run's seed") +
         ")";
}

std::optional<float> config_alpha(const RunConfig& config) {
  for (const HiddenLayerSpec& h : config.hidden)
    if (info(h.act.kind).uses_alpha) return h.act.alpha;
  return std::nullopt;
}

Problems validate(const SweepPlan& plan) {
  Problems problems;
  const auto count = [](std::size_t n) { return std::to_string(n) + " values"; };
  if (!plan.alphas.empty() && !kSweepLevelsRange.contains(static_cast<double>(plan.alphas.size())))
    problems.push_back({"alpha", count(plan.alphas.size()),
                        "the alphas must be " + kSweepLevelsRange.describe() + " in number"});
  for (std::size_t i = 0; i < plan.alphas.size(); ++i)
    if (!kAlphaRange.contains(plan.alphas[i]))
      problems.push_back({"alpha[" + std::to_string(i) + "]", json::number(plan.alphas[i]),
                          "must be " + kAlphaRange.describe()});
  double combinations = 1;
  for (const SweepLevels& f : plan.factors) {
    const std::string name(sweep_factor_name(f.factor));
    combinations *= static_cast<double>(f.size());
    if (plan.base.hidden.empty() && f.factor != SweepFactor::init && f.factor != SweepFactor::lr)
      problems.push_back({name, "", "the config has no hidden layer for it to change"});
    if (!kSweepLevelsRange.contains(static_cast<double>(f.size())))
      problems.push_back(
          {name, count(f.size()),
           "a factor's values must be " + kSweepLevelsRange.describe() + " in number"});
    switch (f.factor) {
    case SweepFactor::depth:
      check_number(f, kSweepDepthRange, problems);
      break;
    case SweepFactor::width:
      check_number(f, kUnitsRange, problems);
      break;
    case SweepFactor::lr:
      check_number(f, kLearningRateRange, problems);
      break;
    case SweepFactor::init:
      for (std::size_t i = 0; i < f.inits.size(); ++i) {
        InitSpec init = plan.base.init;
        init.weights = f.inits[i];
        for (const Problem& p : validate(init))
          problems.push_back({name + "[" + std::to_string(i) + "]", f.text(i),
                              "init." + p.field + " = " + p.value + ": " + p.message});
      }
      break;
    case SweepFactor::activation:
      break;
    }
  }
  if (!kSweepSeedsRange.contains(plan.seeds))
    problems.push_back(
        {"seeds", std::to_string(plan.seeds), "must be " + kSweepSeedsRange.describe()});
  else if (!kSeedRange.contains(static_cast<double>(plan.base.seed) + plan.seeds - 1))
    problems.push_back({"seeds", std::to_string(plan.seeds),
                        "the last seed, seed + seeds - 1, must be " + kSeedRange.describe()});
  if (!problems.empty()) return problems;

  // Count the groups only once the combinations are known to be few enough to visit.
  const double alphas = plan.alphas.empty() ? 1.0 : static_cast<double>(plan.alphas.size());
  double runs = combinations * alphas * plan.seeds;
  if (combinations <= kSweepRunsRange.max) {
    double groups = 0;
    for_each_combination(plan, [&](const std::vector<std::size_t>& levels) {
      groups += reads_alpha(apply_levels(plan, levels)) ? alphas : 1.0;
    });
    runs = groups * plan.seeds;
  }
  if (!kSweepRunsRange.contains(runs))
    problems.push_back({"runs", json::number(runs),
                        "a sweep's runs (combinations x alphas x seeds; one alpha for a network "
                        "that reads none) must be " +
                            kSweepRunsRange.describe()});
  return problems;
}

std::vector<SweepGroup> sweep_groups(const SweepPlan& plan) {
  std::vector<SweepGroup> groups;
  for_each_combination(plan, [&](const std::vector<std::size_t>& levels) {
    if (plan.alphas.empty() || !reads_alpha(apply_levels(plan, levels))) {
      groups.push_back({levels, std::nullopt});
      return;
    }
    for (std::size_t a = 0; a < plan.alphas.size(); ++a)
      groups.push_back({levels, a});
  });
  return groups;
}

RunConfig sweep_run_config(const SweepPlan& plan, const SweepGroup& group, std::uint64_t seed) {
  RunConfig c = apply_levels(plan, group.levels);
  if (group.alpha)
    for (HiddenLayerSpec& h : c.hidden)
      if (info(h.act.kind).uses_alpha) h.act.alpha = plan.alphas[*group.alpha];
  c.seed = seed;
  if (!plan.fixed_data) c.data.spec.seed = seed;
  return c;
}

SweepIdentity sweep_identity(const SweepPlan& plan, const std::vector<SweepGroup>& groups,
                             std::size_t run) {
  const std::size_t seeds = static_cast<std::size_t>(plan.seeds);
  const SweepGroup& group = groups[run / seeds];
  SweepIdentity id;
  id.run = run;
  id.seed = plan.base.seed + run % seeds;
  const RunConfig c = sweep_run_config(plan, group, id.seed);
  id.alpha = config_alpha(c);
  bool one_kind = !c.hidden.empty();
  for (const HiddenLayerSpec& h : c.hidden)
    one_kind = one_kind && h.act.kind == c.hidden.front().act.kind;
  if (one_kind)
    id.levels.emplace_back(SweepFactor::activation, std::string(info(c.hidden[0].act.kind).name));
  for (std::size_t k = 0; k < plan.factors.size(); ++k)
    if (plan.factors[k].factor != SweepFactor::activation)
      id.levels.emplace_back(plan.factors[k].factor, plan.factors[k].text(group.levels[k]));
  return id;
}

SweepRunOutcome run_sweep_run(const SweepPlan& plan, const std::vector<SweepGroup>& groups,
                              std::size_t run, const Dataset* fixed, Kernels kernels,
                              const MemoryBudget& budget) {
  SweepRunOutcome out;
  SweepIdentity id = sweep_identity(plan, groups, run);
  const RunConfig config =
      sweep_run_config(plan, groups[run / static_cast<std::size_t>(plan.seeds)], id.seed);
  RunOutcome r =
      run_config_to_end(config, fixed ? *fixed : make_dataset(config.data.spec), kernels, budget);
  if (!r.summary) {
    out.problems = std::move(r.problems);
    return out;
  }
  out.record = SweepRecord{std::move(id), std::move(*r.summary)};
  return out;
}

} // namespace leaky
