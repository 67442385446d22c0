#include "predict.hpp"

#include <algorithm>
#include <cmath>

namespace leaky {

Grid make_grid(const Dataset& data, int width, int height) {
  Grid g;
  g.width = width;
  const int base = data.base_inputs;
  g.height = base == 2 ? height : 1;
  const std::size_t cells = static_cast<std::size_t>(g.width) * g.height;
  g.inputs.resize(cells * base);
  g.values.assign(cells, 0.0f);
  const float x0 = data.domain_min[0], x1 = data.domain_max[0];
  if (base == 1) {
    for (int i = 0; i < width; ++i)
      g.inputs[i] =
          width == 1 ? x0 : x0 + (x1 - x0) * static_cast<float>(i) / static_cast<float>(width - 1);
    return g;
  }
  const float y0 = data.domain_min[1], y1 = data.domain_max[1];
  for (int r = 0; r < g.height; ++r)
    for (int c = 0; c < g.width; ++c) {
      const std::size_t i = static_cast<std::size_t>(r) * g.width + c;
      g.inputs[i * 2] =
          x0 + (x1 - x0) * (static_cast<float>(c) + 0.5f) / static_cast<float>(g.width);
      g.inputs[i * 2 + 1] =
          y1 - (y1 - y0) * (static_cast<float>(r) + 0.5f) / static_cast<float>(g.height);
    }
  return g;
}

void output_values(Loss loss, const float* Y, std::size_t n, std::size_t k, float* out,
                   Kernels kernels) {
  for (std::size_t i = 0; i < n; ++i) {
    const float* row = Y + i * k;
    switch (loss) {
    case Loss::mse:
      out[i] = row[0];
      break;
    case Loss::bce:
      out[i] = row[0]; // the logit; squashed below, a whole span at a time (SIMD)
      break;
    case Loss::softmax_ce: {
      const float m = *std::max_element(row, row + k);
      float z = 0.0f;
      for (std::size_t c = 0; c < k; ++c)
        z += std::exp(row[c] - m);
      out[i] = k > 1 ? std::exp(row[1] - m) / z : 1.0f;
      break;
    }
    }
  }
  if (loss == Loss::bce) forward(kernels, default_activation(Kind::sigmoid), {out, n}, {out, n});
}

namespace {

// The grid's points with the training features appended, into scratch [cells x inputs].
void expand_grid(const Network& net, const Features& features, int base_inputs, const Grid& grid,
                 std::vector<float>& scratch) {
  const std::size_t cells = grid.values.size();
  scratch.resize(cells * static_cast<std::size_t>(net.spec.inputs));
  expand_features(features, base_inputs, grid.inputs, scratch);
}

} // namespace

void predict_grid(const Network& net, const Features& features, int base_inputs, Grid& grid,
                  Workspace& ws, Kernels kernels, std::vector<float>& scratch) {
  expand_grid(net, features, base_inputs, grid, scratch);
  const std::size_t cells = grid.values.size();
  const std::size_t inputs = static_cast<std::size_t>(net.spec.inputs);
  const std::size_t k = static_cast<std::size_t>(net.spec.outputs);
  for (std::size_t start = 0; start < cells; start += ws.capacity) {
    const std::size_t n = std::min(ws.capacity, cells - start);
    const float* Y = forward(net, scratch.data() + start * inputs, n, ws, kernels, Mode::eval);
    output_values(net.spec.loss, Y, n, k, grid.values.data() + start, kernels);
  }
}

Problems unit_map_problems(const Network& net, const Dataset& data, int width, int height) {
  Problems problems;
  if (data.base_inputs != 1 && data.base_inputs != 2)
    return {{"data", std::to_string(data.base_inputs) + " base inputs",
             "unit maps need data with 1 or 2 base inputs"}};
  if (!kUnitMapSideRange.contains(width))
    problems.push_back({"width", std::to_string(width), "must be " + kUnitMapSideRange.describe()});
  if (data.base_inputs == 2 && !kUnitMapSideRange.contains(height))
    problems.push_back(
        {"height", std::to_string(height), "must be " + kUnitMapSideRange.describe()});
  if (!problems.empty()) return problems;
  double units = 0;
  for (std::size_t i = 0; i < net.hidden_count(); ++i)
    units += net.layers[i].out;
  const double cells = static_cast<double>(width) * (data.base_inputs == 2 ? height : 1);
  if (units * cells > kMaxUnitMapValues)
    problems.push_back({"cells", std::to_string(static_cast<long long>(cells)),
                        "hidden units x cells must be at most " +
                            std::to_string(static_cast<long long>(kMaxUnitMapValues)) + " (" +
                            std::to_string(static_cast<long long>(units)) +
                            " hidden units here): ask for a smaller map"});
  return problems;
}

void unit_maps(const Network& net, const Features& features, int base_inputs, const Grid& grid,
               Workspace& ws, Kernels kernels, std::vector<float>& scratch,
               std::vector<float>& out) {
  expand_grid(net, features, base_inputs, grid, scratch);
  const std::size_t cells = grid.values.size();
  const std::size_t inputs = static_cast<std::size_t>(net.spec.inputs);
  std::size_t units = 0;
  for (std::size_t i = 0; i < net.hidden_count(); ++i)
    units += static_cast<std::size_t>(net.layers[i].out);
  out.resize(units * cells);
  for (std::size_t start = 0; start < cells; start += ws.capacity) {
    const std::size_t n = std::min(ws.capacity, cells - start);
    forward(net, scratch.data() + start * inputs, n, ws, kernels, Mode::eval);
    // z is [n x units] per layer; each unit's map is a column of it, written as a row.
    float* unit_row = out.data();
    for (std::size_t i = 0; i < net.hidden_count(); ++i) {
      const std::size_t u = static_cast<std::size_t>(net.layers[i].out);
      const float* z = ws.z[i].data();
      for (std::size_t k = 0; k < u; ++k, unit_row += cells)
        for (std::size_t r = 0; r < n; ++r)
          unit_row[start + r] = z[r * u + k];
    }
  }
}

} // namespace leaky
