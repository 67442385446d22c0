#include "init_grid.hpp"

#include "init_probe.hpp"
#include "json_writer.hpp"

#include <algorithm>
#include <cmath>

namespace leaky {

const std::vector<FieldRange>& init_grid_field_ranges() {
  static const std::vector<FieldRange> fields = {
      {"depths", kGridListRange}, {"depths[]", kGridDepthRange}, {"widths", kGridListRange},
      {"widths[]", kUnitsRange},  {"seeds", kGridSeedsRange},
  };
  return fields;
}

namespace {

void check_list(const std::vector<int>& list, const char* name, const Range& each,
                Problems& problems) {
  if (!kGridListRange.contains(static_cast<double>(list.size())))
    problems.push_back({name, std::to_string(list.size()) + " entries",
                        "must list " + kGridListRange.describe() + " entries"});
  for (std::size_t i = 0; i < list.size(); ++i)
    if (!each.contains(list[i]))
      problems.push_back({std::string(name) + "[" + std::to_string(i) + "]",
                          std::to_string(list[i]), "must be " + each.describe()});
}

} // namespace

Problems validate(const InitGridSpec& spec) {
  Problems problems;
  check_list(spec.depths, "depths", kGridDepthRange, problems);
  check_list(spec.widths, "widths", kUnitsRange, problems);
  if (!kGridSeedsRange.contains(spec.seeds))
    problems.push_back(
        {"seeds", std::to_string(spec.seeds), "must be " + kGridSeedsRange.describe()});
  else if (!kSeedRange.contains(static_cast<double>(spec.config.seed) + spec.seeds - 1))
    problems.push_back(
        {"seeds", std::to_string(spec.seeds),
         "the last seed, seed + seeds - 1, must be at most " + json::number(kSeedRange.max)});
  if (spec.config.hidden.empty())
    problems.push_back(
        {"config.network.hidden", "[]", "needs a hidden layer: its activation is every cell's"});
  if (!problems.empty()) return problems;
  const double rows =
      train_rows(spec.config.data.spec.points, spec.config.data.spec.train_fraction);
  double work = 0.0;
  for (int d : spec.depths)
    for (int w : spec.widths)
      work += static_cast<double>(spec.seeds) * d * w * rows;
  if (work > kGridMaxWork)
    problems.push_back({"work", json::number(work) + " unit evaluations",
                        "seeds x depth x width x training rows, summed over the cells, must be "
                        "at most " +
                            json::number(kGridMaxWork) + ": ask for fewer seeds, cells or points"});
  return problems;
}

bool collapse_bounds_apply(const RunConfig& config) {
  if (config.hidden.empty()) return false;
  const Activation& act = config.hidden.front().act;
  const bool relu = act.kind == Kind::relu || (act.kind == Kind::leaky_relu && act.alpha == 0.0f);
  const bool zero_bias = config.init.bias == BiasInit::zero ||
                         (config.init.bias == BiasInit::constant && config.init.bias_value == 0.0f);
  const DatasetSpec& d = config.data.spec;
  const Features& f = d.features;
  const bool line = dataset_info(d.kind).inputs == 1 && d.input_min < 0.0f && d.input_max > 0.0f &&
                    !f.x_squared && !f.x1x2 && !f.sin;
  return relu && zero_bias && config.init.weights != WeightInit::rai && line;
}

CollapseBounds collapse_bounds(int depth, int width) {
  double alive = 1.0; // (1 - 2^-width)^depth: some unit positive at x = 1 in every layer
  for (int l = 0; l < depth; ++l)
    alive *= 1.0 - std::ldexp(1.0, -width);
  const double p = 1.0 - alive;
  return {std::max(0.0, 2.0 * p - 1.0), p};
}

InitGridResult run_init_grid(const InitGridSpec& spec, Kernels kernels) {
  InitGridResult result;
  result.problems = validate(spec);
  if (!result.problems.empty()) return result;
  HiddenLayerSpec layer = spec.config.hidden.front();
  for (int depth : spec.depths)
    for (int width : spec.widths) {
      RunConfig config = spec.config;
      layer.units = width;
      config.hidden.assign(static_cast<std::size_t>(depth), layer);
      InitProbeMade made = make_init_probe(config, kernels);
      if (!made.probe) {
        result.problems = std::move(made.problems);
        result.cells.clear();
        return result;
      }
      InitGridCell cell;
      if (collapse_bounds_apply(config)) cell.bounds = collapse_bounds(depth, width);
      cell.depth = depth;
      cell.width = width;
      for (int s = 0; s < spec.seeds; ++s) {
        const InitProbeResult& r =
            probe_seed(*made.probe, spec.config.seed + static_cast<std::uint64_t>(s));
        ++cell.networks;
        cell.collapsed += r.collapsed;
        cell.born_dead += r.born_dead;
        cell.dead += r.dead;
        cell.units += r.units;
      }
      result.cells.push_back(cell);
    }
  return result;
}

} // namespace leaky
