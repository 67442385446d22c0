// A sweep as one JSON request, for the wasm module (the page's sweep mode); the CLI makes the
// same plan from its options. Request:
//   {"config": {a run config: its seed is the first seed, training.steps each run's steps},
//    "alpha": [0, 0.01, 0.1],                      optional: the alphas
//    "factors": {"activation": ["relu", "leaky_relu"], "depth": [1, 2], "width": [4, 8],
//                "init": ["he_normal"], "lr": [0.01, 0.1]},   optional, any of them
//    "seeds": 5}
// The data is generated, fixed when the config sets data.seed. Problems name their field
// ("config.optimizer.lr", "factors.depth[2]", "seeds").
#pragma once
#include "kernels.hpp"
#include "problem.hpp"
#include "resource_limits.hpp"
#include "sweep_plan.hpp"

#include <string>
#include <string_view>

namespace leaky {

struct SweepPlanRead {
  SweepPlan plan;
  Problems problems;
};
SweepPlanRead parse_sweep_plan(std::string_view request);

// {"id": sweep_id, "runs": n, "data": label} or {"problems": [...]}.
std::string sweep_plan_json(std::string_view request);

// Run `run` of the request's sweep to its end: its line (sweep_json.hpp), or
// {"problems": [...]} (a bad request or run number, a run past the memory budget).
std::string sweep_run_json(std::string_view request, double run, Kernels kernels,
                           const MemoryBudget& budget);

// The table (sweep_table_to_json) of run lines separated by newlines (blank lines skipped),
// or {"problems": [...]} naming the first bad line ("line 3: ...").
std::string sweep_table_json(std::string_view lines);

} // namespace leaky
