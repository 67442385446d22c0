#include "sweep_text.hpp"

#include "json_writer.hpp"

#include <cstdio>

namespace leaky::cli {

namespace {

// Decimals per metric: losses 4, fractions 3, counts 1, steps 0.
int precision(SweepMetric m) {
  switch (m) {
  case SweepMetric::train_loss:
  case SweepMetric::test_loss:
    return 4;
  case SweepMetric::revivals:
    return 1;
  case SweepMetric::steps_to_target:
    return 0;
  default:
    return 3;
  }
}

std::string cell(const MeanSe& m, int digits) {
  if (m.n == 0) return "-";
  char buf[96];
  if (m.n < 2)
    std::snprintf(buf, sizeof buf, "%.*f", digits, m.mean);
  else
    std::snprintf(buf, sizeof buf, "%.*f±%.*f", digits, m.mean, digits, m.se);
  return buf;
}

// Left-aligns to `width` columns counting characters, not bytes ("±" is two bytes).
std::string pad(const std::string& s, std::size_t width) {
  std::size_t shown = 0;
  for (unsigned char c : s)
    shown += (c & 0xC0) != 0x80;
  return s + std::string(width > shown ? width - shown : 1, ' ');
}

std::string level_of(const SweepRow& row, SweepFactor f) {
  for (const auto& [factor, text] : row.levels)
    if (factor == f) return text;
  return "-";
}

bool varied(const SweepTable& table, SweepFactor f) {
  for (SweepFactor v : table.varied)
    if (v == f) return true;
  return false;
}

bool shown(const SweepTable& table, SweepMetric m) {
  if (m == SweepMetric::test_accuracy) return table.classification;
  if (m == SweepMetric::steps_to_target) return table.any_target;
  return true;
}

} // namespace

std::string sweep_table_text(const SweepTable& table, const SweepLineContext& context) {
  std::string out = "\nSweep " + context.id + ": " + std::to_string(table.runs) + " of " +
                    std::to_string(context.runs) + " runs, " + std::to_string(table.steps) +
                    " steps each";
  // What every row shares, once.
  if (!table.rows.empty())
    for (const auto& [factor, text] : table.rows.front().levels)
      if (!varied(table, factor)) out += ", " + std::string(sweep_factor_name(factor)) + " " + text;
  out += "; data: " + context.data + "\n";

  std::vector<std::pair<std::string, std::size_t>> header = {{"alpha", 9}};
  for (SweepFactor f : table.varied)
    header.emplace_back(std::string(sweep_factor_name(f)), 12);
  for (const SweepMetricInfo& m : kSweepMetrics)
    if (shown(table, m.value)) header.emplace_back(std::string(m.label), 18);
  header.emplace_back("collapsed", 10);
  header.emplace_back("diverged", 9);
  if (table.any_target) header.emplace_back("reached", 8);
  std::string line;
  for (const auto& [name, width] : header)
    line += pad(name, width);
  out += line + "runs\n";

  for (const SweepRow& row : table.rows) {
    const std::string runs = "/" + std::to_string(row.runs);
    line = pad(row.alpha ? json::number(*row.alpha) : "-", 9);
    for (SweepFactor f : table.varied)
      line += pad(level_of(row, f), 12);
    for (std::size_t m = 0; m < kSweepMetrics.size(); ++m)
      if (shown(table, kSweepMetrics[m].value))
        line += pad(cell(row.metrics[m], precision(kSweepMetrics[m].value)), 18);
    line += pad(std::to_string(row.collapsed) + runs, 10);
    line += pad(std::to_string(row.diverged) + runs, 9);
    if (table.any_target) line += pad(std::to_string(row.reached) + runs, 8);
    line += std::to_string(row.runs);
    out += line + "\n";
  }
  return out +
         "(mean ± standard error of the mean over the seeds, the sample standard deviation "
         "/ √n; diverged runs are left out of every mean but born dead, runs that missed "
         "the target out of steps to target; tau-dormant: score ≤ " +
         (table.rows.empty() ? std::string("tau") : json::number(table.tau)) + ")\n";
}

} // namespace leaky::cli
