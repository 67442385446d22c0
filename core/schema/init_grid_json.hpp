// The born-dead grid (train/init_grid.hpp) as JSON in and out, for the wasm module: one call
// runs a whole grid.
// Request: {"config": {a run config}, "depths": [2, 3, ..., 20], "widths": [2, 3, 4, 5, 10],
//           "seeds": 1000}
//   every cell's network is depth x [width] units of the config's first hidden layer's
//   activation; the seeds are config.seed, config.seed + 1, ...
// Result: {"first_seed": s, "seeds": n, "weights": "he_normal", "bias": "zero",
//          "cells": [{"depth", "width", "networks", "collapsed", "born_dead", "dead",
//                     "units", "bounds": {"low", "high"}}]}   depth-major, as init_grid.hpp;
//          bounds (on the chance of collapse) only where collapse_bounds_apply()
// or, when the request has problems: {"problems": [{"field", "value", "message"}]}, config
// fields as "config.<path>".
#pragma once
#include "kernels.hpp"

#include <string>
#include <string_view>

namespace leaky {

std::string init_grid_json(std::string_view request, Kernels kernels);

} // namespace leaky
