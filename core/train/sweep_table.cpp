#include "sweep_table.hpp"

#include "json_writer.hpp"

#include <algorithm>
#include <map>

namespace leaky {

MeanSe mean_se(std::span<const double> values) {
  MeanSe m;
  m.n = static_cast<int>(values.size());
  if (values.empty()) return m;
  double sum = 0;
  for (double x : values)
    sum += x;
  m.mean = sum / m.n;
  if (m.n < 2) return m;
  double squares = 0;
  for (double x : values)
    squares += (x - m.mean) * (x - m.mean);
  m.se = std::sqrt(squares / (m.n - 1)) / std::sqrt(static_cast<double>(m.n));
  return m;
}

std::optional<double> metric_value(const RunSummary& s, SweepMetric m) {
  const SweepMetricInfo& info = entry_of(kSweepMetrics, m);
  if (info.runs == MetricRuns::finished && s.divergence.diverged) return std::nullopt;
  switch (m) {
  case SweepMetric::train_loss:
    return s.train_loss;
  case SweepMetric::test_loss:
    return s.test_loss;
  case SweepMetric::test_accuracy:
    return s.test_accuracy;
  case SweepMetric::dead:
    return s.dead_fraction;
  case SweepMetric::dormant:
    return s.dormant_fraction;
  case SweepMetric::tau_dormant:
    return s.tau_dormant_fraction;
  case SweepMetric::born_dead:
    return s.born_dead_fraction;
  case SweepMetric::revivals:
    return static_cast<double>(s.revivals);
  case SweepMetric::sparsity:
    return s.sparsity;
  case SweepMetric::steps_to_target:
    if (!s.steps_to_target) return std::nullopt;
    return static_cast<double>(*s.steps_to_target);
  }
  return std::nullopt;
}

namespace {

// Everything but the seed, as one string.
std::string group_key(const SweepIdentity& id) {
  std::string key = id.alpha ? json::number(*id.alpha) : std::string("-");
  for (const auto& [factor, text] : id.levels)
    key += "|" + std::string(sweep_factor_name(factor)) + "=" + text;
  return key;
}

} // namespace

SweepTable sweep_table(std::vector<const SweepRecord*> records) {
  std::sort(records.begin(), records.end(),
            [](const SweepRecord* a, const SweepRecord* b) { return a->id.run < b->id.run; });
  SweepTable table;
  table.runs = records.size();
  if (!records.empty()) table.tau = records.front()->summary.dormant_tau;
  std::map<std::string, std::size_t> row_of;
  std::vector<std::vector<const SweepRecord*>> members;
  for (const SweepRecord* r : records) {
    auto [it, fresh] = row_of.emplace(group_key(r->id), table.rows.size());
    if (fresh) {
      SweepRow row;
      row.alpha = r->id.alpha;
      row.levels = r->id.levels;
      table.rows.push_back(std::move(row));
      members.emplace_back();
    }
    members[it->second].push_back(r);
    const RunSummary& s = r->summary;
    table.classification = table.classification || s.test_accuracy.has_value();
    table.any_target = table.any_target || s.target_loss > 0;
    table.steps = std::max(table.steps, s.steps);
  }
  for (std::size_t i = 0; i < table.rows.size(); ++i) {
    SweepRow& row = table.rows[i];
    for (const SweepRecord* r : members[i]) {
      ++row.runs;
      row.collapsed += r->summary.collapsed;
      row.diverged += r->summary.divergence.diverged;
      row.reached += r->summary.steps_to_target.has_value();
      row.seeds.push_back(r->id.seed);
    }
    for (std::size_t m = 0; m < kSweepMetrics.size(); ++m) {
      std::vector<double> values;
      for (const SweepRecord* r : members[i])
        if (auto v = metric_value(r->summary, kSweepMetrics[m].value)) values.push_back(*v);
      row.metrics[m] = mean_se(values);
    }
  }
  // A factor varies when some row's level of it differs from the first row's.
  for (const SweepFactorInfo& f : kSweepFactors) {
    const auto level = [&](const SweepRow& row) -> std::optional<std::string> {
      for (const auto& [factor, text] : row.levels)
        if (factor == f.value) return text;
      return std::nullopt;
    };
    for (const SweepRow& row : table.rows)
      if (level(row) != level(table.rows.front())) {
        table.varied.push_back(f.value);
        break;
      }
  }
  return table;
}

} // namespace leaky
