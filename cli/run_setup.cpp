#include "run_setup.hpp"

#include "csv_import.hpp"
#include "files.hpp"
#include "run_config.hpp"
#include "sweep_json.hpp"

namespace leaky::cli {

std::string memory_budget_help() {
  return "  --" + std::string(kMemoryBudgetOption) +
         " MiB  refuse a run whose estimated memory is larger (default " +
         std::to_string(kDefaultMemoryBudgetMiB) + ", " + kMemoryBudgetRange.describe() + ")\n";
}

std::optional<Dataset> load_data(const RunConfig& config,
                                 const std::optional<std::string>& csv_path,
                                 std::optional<std::uint64_t>& csv_digest, std::string& error) {
  if (!csv_path) return make_dataset(config.data.spec);
  auto text = read_file("data", *csv_path, kCsvMaxBytes, "a CSV file", error);
  if (!text) return std::nullopt;
  csv_digest = bytes_digest(*text);
  CsvImport imported = import_csv(*text, csv_spec(config));
  if (!imported.ok()) {
    error = "--data '" + *csv_path + "': " + problems_to_text(imported.problems);
    return std::nullopt;
  }
  return std::move(imported.dataset);
}

std::optional<LoadedRun> load_run(const Args& args, std::string& error) {
  auto config_path = args.get("config");
  if (!config_path) {
    error = "--config is required (a run config JSON file; see README)";
    return std::nullopt;
  }
  auto text = read_file("config", *config_path, kMaxConfigBytes, "a config", error);
  if (!text) return std::nullopt;
  ConfigResult parsed = parse_config(*text);
  if (!parsed.ok()) {
    error = "--config '" + *config_path + "': " + problems_to_text(parsed.problems);
    return std::nullopt;
  }
  LoadedRun run;
  run.config = parsed.config;
  double v = 0;
  const std::string budget_option(kMemoryBudgetOption);
  if (args.has(budget_option)) {
    if (auto bad = whole_number_option(args, budget_option.c_str(), kMemoryBudgetRange, v)) {
      error = *bad;
      return std::nullopt;
    }
    run.budget.bytes = static_cast<std::size_t>(v) * kMebibyte;
  }
  if (args.has("steps")) {
    if (auto bad = whole_number_option(args, "steps", kStepsRange, v)) {
      error = *bad;
      return std::nullopt;
    }
    run.config.training.steps = static_cast<std::int64_t>(v);
    run.config.training.epochs = 0;
  }
  if (args.has("eval-every")) {
    if (auto bad = whole_number_option(args, "eval-every", kEvalEveryRange, v)) {
      error = *bad;
      return std::nullopt;
    }
    run.config.training.eval_every = static_cast<int>(v);
  }
  auto data = load_data(run.config, args.get("data"), run.csv_digest, error);
  if (!data) return std::nullopt;
  run.data = std::move(*data);
  if (auto model_path = args.get("model")) {
    auto model_text = read_file("model", *model_path, kMaxModelBytes, "a model file", error);
    if (!model_text) return std::nullopt;
    ModelResult m = parse_model(*model_text, run.budget.bytes);
    if (!m.ok()) {
      error = "--model '" + *model_path + "': " + problems_to_text(m.problems);
      return std::nullopt;
    }
    run.model = std::move(m.net);
  }
  return run;
}

} // namespace leaky::cli
