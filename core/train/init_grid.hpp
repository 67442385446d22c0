// Born dead, over a grid: for every (depth, width) cell, networks of `depth` hidden layers of
// `width` units (the config's first hidden layer's activation), one per seed config.seed,
// config.seed + 1, ..., probed at initialization (init_probe.hpp) under the config's init.
// Per cell: how many networks were collapsed, and how many hidden units were born dead and
// dead, summed over the seeds. Seed s of a cell is exactly `leaky-lab sweep --steps 0`'s
// run of seed s for that config with hidden = depth x [width].
#pragma once
#include "kernels.hpp"
#include "problem.hpp"
#include "range.hpp"
#include "run_config.hpp"

#include <cstdint>
#include <optional>
#include <vector>

namespace leaky {

struct InitGridSpec {
  RunConfig config; // data, init, activation (hidden[0]'s), seed (the first seed)
  std::vector<int> depths, widths;
  int seeds = 1000;
};

inline constexpr Range kGridDepthRange = Range::whole(1, kMaxHiddenLayers);
inline constexpr Range kGridListRange = Range::whole(1, 64); // entries of depths, of widths
inline constexpr Range kGridSeedsRange = Range::whole(1, 100000);
// The most work one grid may ask for, in hidden-unit evaluations: one network of the deepest
// depth per width and seed, so seeds x deepest depth x width x training rows, summed over
// the widths. About a minute of one core in wasm at most.
inline constexpr double kGridMaxWork = 4e9;

// The grid's numbers by path, as config_field_ranges() (the catalog exports both).
const std::vector<FieldRange>& init_grid_field_ranges();

// Every problem of the request at once (fields "depths", "depths[2]", "widths", "seeds",
// "config.network.hidden", "work"); the config's own problems are make_trainer's.
Problems validate(const InitGridSpec& spec);

// Where the chance of collapse at initialization is known in closed form: ReLU units (or
// leaky_relu with alpha 0), zero biases, weights from a symmetric distribution (every init
// but rai), 1-D inputs without features on an interval around 0. Positive homogeneity then
// makes a network collapsed exactly when its last hidden layer is all zero at x = 1 and at
// x = -1, and each of those happens with p = 1 - (1 - 2^-width)^depth, so
// P(collapsed) lies in [max(0, 2p - 1), p] (docs/definitions.md, Born dead at initialization).
struct CollapseBounds {
  double low = 0.0, high = 0.0;
};
bool collapse_bounds_apply(const RunConfig& config);
CollapseBounds collapse_bounds(int depth, int width);

struct InitGridCell {
  int depth = 0, width = 0;
  int networks = 0;                     // seeds probed
  int collapsed = 0;                    // networks with some hidden layer entirely dead
  std::int64_t born_dead = 0;           // hidden units inactive at step 0, over every network
  std::int64_t dead = 0;                // of those, dead (f'(z) = 0 throughout)
  std::int64_t units = 0;               // hidden units, over every network
  std::optional<CollapseBounds> bounds; // where collapse_bounds_apply()
};

struct InitGridResult {
  std::vector<InitGridCell> cells; // depth-major: depths[0] with every width, then depths[1]..
  Problems problems;
};

// Precondition: the config parsed without problems. Cells in the order above.
InitGridResult run_init_grid(const InitGridSpec& spec, Kernels kernels);

} // namespace leaky
