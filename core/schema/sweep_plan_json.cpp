#include "sweep_plan_json.hpp"

#include "config_json.hpp"
#include "json_read.hpp"
#include "json_writer.hpp"
#include "sweep_json.hpp"

#include <cmath>

namespace leaky {

namespace {

std::string problems_json(const Problems& problems) {
  return "{\"problems\":" + problems_to_json(problems) + "}";
}

// One factor's list from the request: names (activation, init) or numbers.
void read_levels(const Json& list, SweepLevels& f, const std::string& path, Problems& problems) {
  for (std::size_t i = 0; i < list.size(); ++i) {
    const Json& v = list[i];
    const std::string at = path + "[" + std::to_string(i) + "]";
    if (f.factor == SweepFactor::activation || f.factor == SweepFactor::init) {
      const std::string name = v.is_string() ? v.get<std::string>() : "";
      if (f.factor == SweepFactor::activation) {
        if (auto k = parse_kind(name))
          f.kinds.push_back(*k);
        else
          problems.push_back({at, json_brief(v), "must be one of " + kind_names()});
      } else if (auto w = find_by_name(kWeightInits, name)) {
        f.inits.push_back(*w);
      } else {
        problems.push_back({at, json_brief(v), "must be one of " + names_of(kWeightInits)});
      }
    } else if (v.is_number()) {
      const double d = v.get<double>();
      f.numbers.push_back(f.factor == SweepFactor::lr ? to_float(d) : d);
    } else {
      problems.push_back({at, json_brief(v), "must be a number"});
    }
  }
}

} // namespace

SweepPlanRead parse_sweep_plan(std::string_view request) {
  SweepPlanRead out;
  Problems& problems = out.problems;
  SweepPlan& plan = out.plan;
  auto doc = parse_json(request, problems, "request");
  if (!doc) return out;
  FieldReader top(*doc, "", problems);
  if (!top.ok()) return out;
  if (const Json* config = top.object("config")) {
    ConfigResult parsed = parse_config(config->dump());
    for (Problem& p : parsed.problems) {
      p.field = "config" + (p.field.empty() ? "" : "." + p.field);
      problems.push_back(std::move(p));
    }
    plan.base = std::move(parsed.config);
  } else if (!top.has("config")) {
    problems.push_back({"config", "(missing)", "a run config"});
  }
  if (const Json* alphas = top.array("alpha"))
    for (std::size_t i = 0; i < alphas->size(); ++i) {
      const Json& v = (*alphas)[i];
      if (v.is_number())
        plan.alphas.push_back(to_float(v.get<double>()));
      else
        problems.push_back(
            {"alpha[" + std::to_string(i) + "]", json_brief(v), "must be a finite number"});
    }
  if (const Json* factors = top.object("factors")) {
    FieldReader fr(*factors, "factors", problems);
    for (const SweepFactorInfo& info : kSweepFactors) {
      const std::string name(info.name);
      if (const Json* list = fr.array(name.c_str())) {
        SweepLevels f;
        f.factor = info.value;
        read_levels(*list, f, "factors." + name, problems);
        plan.factors.push_back(std::move(f));
      }
    }
    fr.reject_unknown();
  }
  top.number("seeds", plan.seeds, Range::whole(-2147483648.0, 2147483647.0));
  top.reject_unknown();
  if (!problems.empty()) return out;
  plan.fixed_data = plan.base.data.seed.has_value();
  plan.data_label = generated_data_label(plan.base, plan.fixed_data);
  for (Problem& p : validate(plan)) {
    if (find_by_name(kSweepFactors, p.field.substr(0, p.field.find('['))))
      p.field = "factors." + p.field;
    problems.push_back(std::move(p));
  }
  return out;
}

std::string sweep_plan_json(std::string_view request) {
  const SweepPlanRead read = parse_sweep_plan(request);
  if (!read.problems.empty()) return problems_json(read.problems);
  const std::size_t runs =
      sweep_groups(read.plan).size() * static_cast<std::size_t>(read.plan.seeds);
  return "{\"id\":" + json::quote(sweep_id(read.plan)) + ",\"runs\":" + std::to_string(runs) +
         ",\"data\":" + json::quote(read.plan.data_label) + "}";
}

std::string sweep_run_json(std::string_view request, double run, Kernels kernels,
                           const MemoryBudget& budget) {
  const SweepPlanRead read = parse_sweep_plan(request);
  if (!read.problems.empty()) return problems_json(read.problems);
  const std::vector<SweepGroup> groups = sweep_groups(read.plan);
  const std::size_t runs = groups.size() * static_cast<std::size_t>(read.plan.seeds);
  if (!(run >= 0 && run < static_cast<double>(runs)) || std::floor(run) != run)
    return problems_json({{"run", json::number(run),
                           "must be a whole number within [0, " + std::to_string(runs - 1) + "]"}});
  const std::size_t index = static_cast<std::size_t>(run);
  // The fixed data is generated here for every run: it costs little beside training.
  std::optional<Dataset> fixed;
  if (read.plan.fixed_data) fixed = make_dataset(read.plan.base.data.spec);
  SweepRunOutcome r =
      run_sweep_run(read.plan, groups, index, fixed ? &*fixed : nullptr, kernels, budget);
  if (!r.record) return problems_json(r.problems);
  return sweep_line(*r.record, {sweep_id(read.plan), runs, read.plan.data_label});
}

std::string sweep_table_json(std::string_view lines) {
  std::vector<SweepRecord> records;
  std::size_t number = 0;
  while (!lines.empty()) {
    const std::size_t end = lines.find('\n');
    const std::string_view line = lines.substr(0, end);
    lines = end == std::string_view::npos ? std::string_view() : lines.substr(end + 1);
    ++number;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    SweepLineRead read = parse_sweep_line(line);
    if (!read.record) {
      Problems named;
      for (Problem& p : read.problems)
        named.push_back({"line " + std::to_string(number) + (p.field.empty() ? "" : "." + p.field),
                         p.value, p.message});
      return problems_json(named);
    }
    records.push_back(std::move(*read.record));
  }
  std::vector<const SweepRecord*> pointers;
  for (const SweepRecord& r : records)
    pointers.push_back(&r);
  return sweep_table_to_json(sweep_table(pointers));
}

} // namespace leaky
