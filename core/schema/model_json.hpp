// The model file: architecture, activations with their alphas, and every weight, as
// versioned JSON. Floats are written in shortest round-trip form, so export then import is
// bit-identical.
// {
//   "format": "leaky-lab-model", "version": 1, "inputs": 2, "loss": "bce",
//   "input_names": ["x1", "x2"],
//   "layers": [
//     { "units": 8, "activation": "leaky_relu", "alpha": 0.01,
//       "weights": [ in*units numbers, row-major [in x units]: weights[i*units + u] is the
//                    weight from input i to unit u ],
//       "bias": [ units numbers ],
//       "prelu_alpha": [ 1 or units numbers ]          (prelu only) },
//     ...,
//     { "units": 1, "activation": "linear", "weights": [...], "bias": [...] }   (the output)
//   ]
// }
#pragma once
#include "network.hpp"
#include "problem.hpp"
#include "resource_limits.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace leaky {

inline constexpr int kModelVersion = 1;
// A model file's text: the largest network's weights in shortest round-trip form fit.
inline constexpr std::size_t kMaxModelBytes = std::size_t{1} << 30;

std::string model_to_json(const Network& net, const std::vector<std::string>& input_names = {});

struct ModelResult {
  Network net;
  std::vector<std::string> input_names;
  Problems problems;
  bool ok() const { return problems.empty(); }
};

// Refused beyond kMaxModelBytes, or when the text and its parsed tree would take more than
// `memory_budget` bytes (a budget of resource_limits.hpp).
ModelResult parse_model(std::string_view json_text,
                        std::size_t memory_budget = MemoryBudget{}.bytes);

} // namespace leaky
