// Embind bindings for sweeps (schema/sweep_plan_json.hpp): the page's sweep workers run one
// run of a plan to its end and get the same JSON line `leaky-lab sweep` writes; the table of
// means and standard errors comes from the same core function as the CLI's. Requests and
// answers are JSON text; bad input comes back as {"problems": [...]}.
#include "resource_limits.hpp"
#include "sweep_plan_json.hpp"

#include <emscripten/bind.h>

#include <string>

namespace {

// {"id","runs","data"} of a plan request, or its problems.
std::string sweep_plan(const std::string& request) {
  return leaky::sweep_plan_json(request);
}

// Run `run` of the request's plan, within the page's memory budget.
std::string sweep_run(const std::string& request, double run) {
  return leaky::sweep_run_json(request, run, leaky::best_kernels(), leaky::kBrowserMemoryBudget);
}

// The table of run lines separated by newlines.
std::string sweep_table(const std::string& lines) {
  return leaky::sweep_table_json(lines);
}

} // namespace

EMSCRIPTEN_BINDINGS(leaky_sweep) {
  emscripten::function("sweepPlan", &sweep_plan);
  emscripten::function("sweepRun", &sweep_run);
  emscripten::function("sweepTable", &sweep_table);
}
