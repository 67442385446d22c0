// Everything the core knows by name, as one JSON document: the activation kinds, datasets,
// initializers, optimizers and losses with their parameters, and every number of the config
// schema with its range. The wasm module exports it to the page, the CLI prints it
// (`leaky-lab catalog`) and the tests read it, so that no list of names or bounds is
// written twice.
// {
//   "version": "0.1.0", "config_version": 1, "model_version": 1,
//   "activations": [{"name","label","alpha","default_alpha","lower_upper","default_lower",
//                    "default_upper"}],  alpha, lower_upper: whether the kind reads them
//   "datasets": [{"name","label","task","inputs"}],
//   "weight_inits": [{"name","label","draws_bias"}],  draws_bias: init.bias must stay "zero"
//   "bias_inits": [{"name","label","uses_value"}],
//   "optimizers": [{"name","label","uses_momentum","uses_moments"}],
//   "losses": [{"name","label"}],   the config's choices, "auto" first
//   "default_config": {...},          every field of the default config (config_json.hpp)
//   "limits": {"json_depth", "config_bytes", "model_bytes", "csv_bytes", "csv_columns",
//              "csv_values", "memory_budget_mib" (the CLI's default), "memory_budget_option",
//              "memory_budget_range", "browser_memory_budget_mib", "sweep_runs" (a range)},
//   "fields": {"data.points": {"min","max","min_open","max_open","integer","text"}, ...},
//   "init_grid_fields": {"depths[]": {...}, "seeds": {...}, ...},  the born-dead grid's
//   "init_grid_max_work": 4e9                                       (schema/init_grid_json.hpp)
//   "unit_map_fields": {"width": {...}, "height": {...}}, "unit_map_max_values": 4194304
// }
#pragma once
#include <string>

namespace leaky {

std::string catalog_to_json();

} // namespace leaky
