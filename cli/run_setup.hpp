// What `train` and `sweep` share: reading the config, the data (generated or CSV) and a
// model from files, with every failure as one line for the user.
#pragma once
#include "args.hpp"
#include "config_json.hpp"
#include "dataset.hpp"
#include "model_json.hpp"

#include <optional>
#include <string>

namespace leaky::cli {

// The file's bytes, or nullopt with `error` set ("cannot read 'x.json': No such file ...").
std::optional<std::string> read_file(const std::string& path, std::string& error);

struct LoadedRun {
  RunConfig config;
  Dataset data;
  std::optional<Network> model;
};

// --config (required), --data (CSV), --model, and the numeric overrides --steps,
// --eval-every and --seed. On failure returns nullopt and sets `error` to one line.
std::optional<LoadedRun> load_run(const Args& args, std::string& error);

// The dataset a config describes, or a CSV file's (the config's data.csv options apply).
std::optional<Dataset> load_data(const RunConfig& config,
                                 const std::optional<std::string>& csv_path, std::string& error);

} // namespace leaky::cli
