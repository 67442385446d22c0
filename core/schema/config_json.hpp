// The run config's JSON form (schema version 1; train/run_config.hpp shows the document).
// parse_config() reports every problem at once, each with the field's path, the value and
// the allowed range; config_to_json() writes every field back, defaults included, so that
// parse(write(c)) == c.
#pragma once
#include "problem.hpp"
#include "run_config.hpp"

#include <cstddef>
#include <string>
#include <string_view>

namespace leaky {

inline constexpr int kConfigVersion = 1;
// A config's text: a few hundred bytes in practice; anything near this is not a config.
inline constexpr std::size_t kMaxConfigBytes = std::size_t{1} << 20;

struct ConfigResult {
  RunConfig config;
  Problems problems;
  bool ok() const { return problems.empty(); }
};

ConfigResult parse_config(std::string_view json_text);
std::string config_to_json(const RunConfig& config);

} // namespace leaky
