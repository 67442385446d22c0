// What `train` and `sweep` share: reading the config, the data (generated or CSV) and a
// model from files, and the memory budget, with every failure as one line for the user.
#pragma once
#include "args.hpp"
#include "config_json.hpp"
#include "dataset.hpp"
#include "model_json.hpp"
#include "resource_limits.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace leaky::cli {

struct LoadedRun {
  RunConfig config;
  Dataset data;
  std::optional<Network> model;
  MemoryBudget budget;
  // The --data file's bytes_digest (none: generated data), read with the file itself.
  std::optional<std::uint64_t> csv_digest;
};

// --config (required), --data (CSV), --model, --memory-budget, and the numeric overrides
// --steps and --eval-every. On failure returns nullopt and sets `error` to one line.
std::optional<LoadedRun> load_run(const Args& args, std::string& error);

// The dataset a config describes, or a CSV file's (the config's data.csv options apply; its
// bytes' digest goes to `csv_digest`).
std::optional<Dataset> load_data(const RunConfig& config,
                                 const std::optional<std::string>& csv_path,
                                 std::optional<std::uint64_t>& csv_digest, std::string& error);

// The --memory-budget option's line for a command's help.
std::string memory_budget_help();

} // namespace leaky::cli
