#include "features.hpp"

#include "portable_math.hpp"

#include <cassert>

namespace leaky {

Problems validate(const Features& features, int base_inputs) {
  Problems problems;
  if (features.x1x2 && base_inputs != 2)
    problems.push_back(
        {"features.x1x2", "true",
         "x1*x2 needs exactly 2 inputs; this data has " + std::to_string(base_inputs)});
  return problems;
}

int expanded_inputs(const Features& features, int base_inputs) {
  int n = base_inputs;
  if (features.x_squared) n += base_inputs;
  if (features.x1x2 && base_inputs == 2) n += 1;
  if (features.sin) n += base_inputs;
  return n;
}

std::vector<std::string> expanded_names(const Features& features,
                                        std::span<const std::string> base_names) {
  std::vector<std::string> names(base_names.begin(), base_names.end());
  if (features.x_squared)
    for (const std::string& b : base_names)
      names.push_back(b + "^2");
  if (features.x1x2 && base_names.size() == 2) names.push_back(base_names[0] + "*" + base_names[1]);
  if (features.sin)
    for (const std::string& b : base_names)
      names.push_back("sin(" + b + ")");
  return names;
}

void expand_features(const Features& features, int base_inputs, std::span<const float> x,
                     std::span<float> out) {
  const auto n = static_cast<std::size_t>(base_inputs);
  const auto width = static_cast<std::size_t>(expanded_inputs(features, base_inputs));
  const std::size_t rows = n ? x.size() / n : 0;
  assert(rows * n == x.size() && out.size() == rows * width);
  for (std::size_t r = 0; r < rows; ++r) {
    const float* in = x.data() + r * n;
    float* o = out.data() + r * width;
    for (std::size_t i = 0; i < n; ++i)
      *o++ = in[i];
    if (features.x_squared)
      for (std::size_t i = 0; i < n; ++i)
        *o++ = in[i] * in[i];
    if (features.x1x2 && n == 2) *o++ = in[0] * in[1];
    if (features.sin)
      for (std::size_t i = 0; i < n; ++i)
        *o++ = static_cast<float>(portable::sin(static_cast<double>(in[i])));
  }
}

std::vector<float> expand_features(const Features& features, int base_inputs,
                                   std::span<const float> x) {
  const auto n = static_cast<std::size_t>(base_inputs);
  const std::size_t rows = n ? x.size() / n : 0;
  std::vector<float> out(rows * static_cast<std::size_t>(expanded_inputs(features, base_inputs)));
  expand_features(features, base_inputs, x, out);
  return out;
}

} // namespace leaky
