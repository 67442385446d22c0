// What the network predicts over the data's domain, for the decision-boundary heatmap
// (2-D inputs) and the fitted curve (1-D inputs).
//   2-D: a width x height grid of cell centres over [domain_min, domain_max] per input, row 0
//        at the top (largest x2), so the values can be drawn as an image as they are.
//   1-D: `width` evenly spaced points from domain_min to domain_max (both included).
// Values: bce, the probability of label 1 (sigmoid of the logit); mse, the prediction;
// softmax_ce, the probability of class 1. Input features are expanded as in training.
// Unit maps: every hidden unit's pre-activation z over such a grid, so that a page can draw
// where each unit fires (z > 0) as a thumbnail (2-D) or a strip (1-D).
#pragma once
#include "dataset.hpp"
#include "features.hpp"
#include "network.hpp"
#include "problem.hpp"
#include "range.hpp"

#include <vector>

namespace leaky {

struct Grid {
  int width = 0, height = 0; // height 1 for 1-D data
  std::vector<float> inputs; // [width*height x base inputs], the points predicted
  std::vector<float> values; // width*height
};

// The points of the grid (inputs filled, values sized). Precondition: 1 or 2 base inputs.
Grid make_grid(const Dataset& data, int width, int height);

// Fills grid.values; `scratch` holds the expanded inputs between calls (no allocation once
// sized), ws any workspace of the network (processed in chunks of ws.capacity).
void predict_grid(const Network& net, const Features& features, int base_inputs, Grid& grid,
                  Workspace& ws, Kernels kernels, std::vector<float>& scratch);

// Unit maps are thumbnails: each side within [1, 64], and at most kMaxUnitMapValues floats
// (hidden units x cells) in all, 16 MB.
inline constexpr Range kUnitMapSideRange = Range::whole(1, 64);
inline constexpr double kMaxUnitMapValues = 4194304; // 2^22

// Problems of a unit-map size for this network and data: "width", "height" (2-D data only),
// "cells" (too many values in all), "data" (not 1 or 2 base inputs).
Problems unit_map_problems(const Network& net, const Dataset& data, int width, int height);

// Every hidden unit's z over the grid into `out` [hidden units x cells], unit-major: layer
// 1's units first, then layer 2's, ..., each unit's map one run of `cells` floats in the
// grid's order (row 0 at the top). Same inputs, features and kernels as predict_grid; no
// allocation once `out` and `scratch` are sized. grid.values is left alone.
void unit_maps(const Network& net, const Features& features, int base_inputs, const Grid& grid,
               Workspace& ws, Kernels kernels, std::vector<float>& scratch,
               std::vector<float>& out);

// Network outputs [n x k] -> one displayed value per row, as above.
void output_values(Loss loss, const float* Y, std::size_t n, std::size_t k, float* out,
                   Kernels kernels);

} // namespace leaky
