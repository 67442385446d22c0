#include "memory_estimate.hpp"

#include "text.hpp"
#include "trainer.hpp"

#include <algorithm>
#include <numeric>

namespace leaky {

namespace {

constexpr double kFloat = sizeof(float);
// Strings, small vectors and structures whose size does not grow with the config.
constexpr double kFixedBytes = 256 * 1024;
// Room for what the parts leave out: vectors that grow past their size, a statistic added
// later. Measured runs take 75-97% of the parts before it (test_resources.cpp).
constexpr double kMargin = 1.25;

// make_workspace's buffers for `rows` samples: z and a per layer (and RReLU's noise), two
// deltas as wide as the widest layer, and a gradient as large as the parameters.
double workspace_bytes(const NetworkSpec& spec, double rows, double params) {
  double units = spec.outputs * 2.0, widest = std::max(spec.inputs, spec.outputs);
  for (const HiddenLayerSpec& h : spec.hidden) {
    units += h.units * (h.act.kind == Kind::rrelu ? 3.0 : 2.0);
    widest = std::max<double>(widest, h.units);
  }
  return kFloat * (rows * (units + 2 * widest) + params);
}

std::string count_text(double n) {
  return std::to_string(static_cast<long long>(n));
}

} // namespace

double MemoryEstimate::total() const {
  return std::accumulate(parts.begin(), parts.end(), 0.0,
                         [](double sum, const MemoryPart& p) { return sum + p.bytes; });
}

const MemoryPart& MemoryEstimate::largest() const {
  return *std::max_element(
      parts.begin(), parts.end(),
      [](const MemoryPart& a, const MemoryPart& b) { return a.bytes < b.bytes; });
}

MemoryEstimate estimate_memory(const RunConfig& config, const Dataset& data,
                               const MemoryExtras& extras) {
  Problems ignored;
  const NetworkSpec spec = network_spec(config, data, resolve_loss(config, data.task, ignored));
  double params = 0, hidden_units = 0, widest = 0;
  int in = spec.inputs;
  for (const HiddenLayerSpec& h : spec.hidden) {
    const double slopes = h.act.kind != Kind::prelu ? 0 : h.prelu_per_unit ? h.units : 1;
    params += static_cast<double>(in) * h.units + h.units + slopes;
    hidden_units += h.units;
    widest = std::max<double>(widest, h.units);
    in = h.units;
  }
  params += static_cast<double>(in) * spec.outputs + spec.outputs;
  const double train_rows = data.train_size(), test_rows = data.test_size();
  const double rows = train_rows + test_rows;
  const double columns = data.inputs + data.outputs;
  const double bins = config.training.histogram_bins;
  const std::string units_text = count_text(hidden_units) + " hidden units";

  MemoryEstimate e;
  // The parameters, the update's gradient, the evaluation's gradient and its sum, the L1/L2
  // mask (a byte each) and the optimizer's moments.
  const double moments = config.optimizer.kind == OptimizerKind::adam       ? 2
                         : config.optimizer.kind == OptimizerKind::momentum ? 1
                                                                            : 0;
  e.parts.push_back(
      {"the parameters, their gradients and the optimizer's state",
       "network.hidden, optimizer.kind",
       count_text(params) + " parameters, " + std::string(optimizer_name(config.optimizer.kind)),
       params * (kFloat * (4 + moments + (extras.model_copy ? 1 : 0)) + 1)});
  // The training batch: the workspace less its gradient (counted above) and the gathered rows.
  const double batch = std::min<double>(config.training.batch_size, train_rows);
  e.parts.push_back({"the training batch", "training.batch_size, network.hidden",
                     count_text(batch) + " rows x " + units_text,
                     workspace_bytes(spec, batch, 0) + kFloat * batch * columns});
  // Evaluation: its workspace and per layer the unit counters, histograms (a counter per
  // unit and bin, kept twice: counted, then reported) and the per-unit text of a report.
  const double eval_rows = std::min<double>(kEvalChunk, std::max(train_rows, test_rows));
  e.parts.push_back({"the statistics", "training.histogram_bins, network.hidden",
                     units_text + " x " + count_text(bins) + " histogram bins",
                     workspace_bytes(spec, eval_rows, 0) + 2 * kFloat * eval_rows * widest +
                         hidden_units * (2 * 4 * bins + 64) + hidden_units * (bins * 12 + 64) * 2});
  // The data (generation builds it in up to three copies) and the batch order.
  e.parts.push_back({"the data", "data.points",
                     count_text(rows) + " rows x " + count_text(columns) + " columns",
                     kFloat * rows * (3 * columns + 1)});
  if (extras.prediction_rows > 0 || extras.grid_points > 0)
    e.parts.push_back(
        {"the predictions drawn", "network.hidden",
         count_text(static_cast<double>(extras.prediction_rows)) + " rows x " + units_text,
         workspace_bytes(spec, static_cast<double>(extras.prediction_rows), params) +
             kFloat * static_cast<double>(extras.grid_points) * (data.inputs + 3)});
  for (MemoryPart& p : e.parts)
    p.bytes *= kMargin;
  e.parts.push_back({"fixed overhead", "", "", kFixedBytes});
  return e;
}

Problems check_memory(const MemoryEstimate& estimate, const MemoryBudget& budget,
                      std::size_t copies) {
  const double need = estimate.total() * static_cast<double>(copies);
  if (need <= static_cast<double>(budget.bytes)) return {};
  const MemoryPart& big = estimate.largest();
  std::string message = copies > 1
                            ? std::to_string(copies) + " runs at once would need about " +
                                  byte_size_text(need) + " of memory (" +
                                  byte_size_text(estimate.total()) + " each)"
                            : "the run would need about " + byte_size_text(need) + " of memory";
  message +=
      ", more than " +
      std::string(budget.fixed ? "the page's fixed memory budget of " : "the memory budget of ") +
      byte_size_text(static_cast<double>(budget.bytes));
  if (!budget.fixed) message += " (--" + std::string(kMemoryBudgetOption) + " sets it, in MiB)";
  std::string fields = big.fields;
  if (auto comma = fields.find(", "); comma != std::string::npos) fields.replace(comma, 2, " or ");
  message +=
      "; the largest part is " + big.what + " (" + byte_size_text(big.bytes) + "): lower " + fields;
  return {{big.fields, big.value, message}};
}

} // namespace leaky
