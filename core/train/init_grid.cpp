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
  const int deepest = *std::max_element(spec.depths.begin(), spec.depths.end());
  double work = 0.0;
  for (int w : spec.widths)
    work += static_cast<double>(spec.seeds) * deepest * w * rows;
  if (work > kGridMaxWork)
    problems.push_back({"work", json::number(work) + " unit evaluations",
                        "seeds x deepest depth x width x training rows, summed over the widths, "
                        "must be at most " +
                            json::number(kGridMaxWork) +
                            ": ask for fewer seeds, widths or points, or less depth"});
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
  // initialize() draws layer after layer, and no layer's draws depend on the layers after
  // it: the first d hidden layers of seed s's deepest network are, bit for bit, seed s's
  // network of depth d (with the same width). So one network per (width, seed), of the
  // deepest depth asked for, answers every depth.
  const int deepest = *std::max_element(spec.depths.begin(), spec.depths.end());
  const std::size_t widths = spec.widths.size();
  result.cells.resize(spec.depths.size() * widths);
  HiddenLayerSpec layer = spec.config.hidden.front();
  for (std::size_t di = 0; di < spec.depths.size(); ++di)
    for (std::size_t wi = 0; wi < widths; ++wi) {
      InitGridCell& cell = result.cells[di * widths + wi];
      cell.depth = spec.depths[di];
      cell.width = spec.widths[wi];
      if (collapse_bounds_apply(spec.config)) cell.bounds = collapse_bounds(cell.depth, cell.width);
    }
  std::vector<std::int64_t> born_dead_upto(deepest + 1, 0), dead_upto(deepest + 1, 0);
  for (std::size_t wi = 0; wi < widths; ++wi) {
    const int width = spec.widths[wi];
    RunConfig config = spec.config;
    layer.units = width;
    config.hidden.assign(static_cast<std::size_t>(deepest), layer);
    InitProbeMade made = make_init_probe(config, kernels);
    if (!made.probe) {
      result.problems = std::move(made.problems);
      result.cells.clear();
      return result;
    }
    for (int s = 0; s < spec.seeds; ++s) {
      const InitProbeResult& r =
          probe_seed(*made.probe, spec.config.seed + static_cast<std::uint64_t>(s));
      int first_collapsed = deepest + 1; // the depth at which some layer is all dead
      for (int l = 0; l < deepest; ++l) {
        born_dead_upto[l + 1] = born_dead_upto[l] + r.born_dead_per_layer[l];
        dead_upto[l + 1] = dead_upto[l] + r.dead_per_layer[l];
        if (r.dead_per_layer[l] == width && first_collapsed > deepest) first_collapsed = l + 1;
      }
      for (std::size_t di = 0; di < spec.depths.size(); ++di) {
        InitGridCell& cell = result.cells[di * widths + wi];
        ++cell.networks;
        cell.collapsed += first_collapsed <= cell.depth;
        cell.born_dead += born_dead_upto[cell.depth];
        cell.dead += dead_upto[cell.depth];
        cell.units += static_cast<std::int64_t>(cell.depth) * width;
      }
    }
  }
  return result;
}

} // namespace leaky
