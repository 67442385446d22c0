#include "init_grid_json.hpp"

#include "config_json.hpp"
#include "init_grid.hpp"
#include "json_read.hpp"
#include "json_writer.hpp"

#include <cmath>

namespace leaky {

namespace {

// A JSON array of whole numbers; ranges are validate()'s.
void read_int_list(FieldReader& top, const char* key, std::vector<int>& out, Problems& problems) {
  const Json* list = top.array(key);
  if (!list) {
    if (!top.has(key)) problems.push_back({key, "(missing)", "a list of whole numbers"});
    return;
  }
  for (std::size_t i = 0; i < list->size(); ++i) {
    const Json& v = (*list)[i];
    const double d = v.is_number() ? v.get<double>() : NAN;
    if (!(std::fabs(d) < 1e9) || std::floor(d) != d)
      problems.push_back({std::string(key) + "[" + std::to_string(i) + "]", json_brief(v),
                          "must be a whole number"});
    else
      out.push_back(static_cast<int>(d));
  }
}

std::string result_json(const InitGridSpec& spec, const InitGridResult& r) {
  std::string out = "{\"first_seed\":" + std::to_string(spec.config.seed) +
                    ",\"seeds\":" + std::to_string(spec.seeds) +
                    ",\"weights\":" + json::quote(weight_init_name(spec.config.init.weights)) +
                    ",\"bias\":" + json::quote(bias_init_name(spec.config.init.bias)) +
                    ",\"cells\":[";
  for (std::size_t i = 0; i < r.cells.size(); ++i) {
    const InitGridCell& c = r.cells[i];
    if (i) out += ',';
    out += "{\"depth\":" + std::to_string(c.depth) + ",\"width\":" + std::to_string(c.width) +
           ",\"networks\":" + std::to_string(c.networks) +
           ",\"collapsed\":" + std::to_string(c.collapsed) +
           ",\"born_dead\":" + std::to_string(c.born_dead) + ",\"dead\":" + std::to_string(c.dead) +
           ",\"units\":" + std::to_string(c.units);
    if (c.bounds)
      out += ",\"bounds\":{\"low\":" + json::number(c.bounds->low) +
             ",\"high\":" + json::number(c.bounds->high) + "}";
    out += "}";
  }
  return out + "]}";
}

std::string problems_json(const Problems& problems) {
  return "{\"problems\":" + problems_to_json(problems) + "}";
}

} // namespace

std::string init_grid_json(std::string_view request, Kernels kernels) {
  Problems problems;
  auto doc = parse_json(request, problems, "request");
  if (!doc) return problems_json(problems);
  FieldReader top(*doc, "", problems);
  if (!top.ok()) return problems_json(problems);
  InitGridSpec spec;
  if (const Json* config = top.object("config")) {
    ConfigResult parsed = parse_config(config->dump());
    for (Problem& p : parsed.problems) {
      p.field = "config" + (p.field.empty() ? "" : "." + p.field);
      problems.push_back(std::move(p));
    }
    spec.config = std::move(parsed.config);
  } else if (!top.has("config")) {
    problems.push_back({"config", "(missing)", "a run config (its data, init and activation)"});
  }
  read_int_list(top, "depths", spec.depths, problems);
  read_int_list(top, "widths", spec.widths, problems);
  // Any whole number here: validate() says what the grid allows, with the lists' bounds.
  top.number("seeds", spec.seeds, Range::whole(-2147483648.0, 2147483647.0));
  top.reject_unknown();
  // Every problem at once: the bounds too, except within a field already reported above
  // ("depths[1]" covers "depths", "config" covers "config.network.hidden").
  const auto base = [](const std::string& field) { return field.substr(0, field.find('[')); };
  const std::size_t read_problems = problems.size();
  for (Problem& p : validate(spec)) {
    bool repeated = false;
    for (std::size_t i = 0; i < read_problems; ++i) {
      const std::string& q = problems[i].field;
      repeated = repeated || base(q) == base(p.field) || p.field.rfind(q + ".", 0) == 0;
    }
    if (!repeated) problems.push_back(std::move(p));
  }
  if (!problems.empty()) return problems_json(problems);
  const InitGridResult result = run_init_grid(spec, kernels);
  if (!result.problems.empty()) return problems_json(result.problems);
  return result_json(spec, result);
}

} // namespace leaky
