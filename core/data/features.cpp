#include "features.hpp"

#include "portable_math.hpp"

#include <algorithm>
#include <cassert>

namespace leaky {

namespace {

// Names of the full expansion from `base` names (positional or a CSV header's).
std::vector<std::string> names_from(const Features& features, std::span<const std::string> base) {
  std::vector<std::string> names(base.begin(), base.end());
  if (features.x_squared)
    for (const std::string& b : base)
      names.push_back(b + "^2");
  if (features.x1x2 && base.size() == 2) names.push_back(base[0] + "*" + base[1]);
  if (features.sin)
    for (const std::string& b : base)
      names.push_back("sin(" + b + ")");
  return names;
}

std::vector<std::string> positional_base(int base_inputs) {
  std::vector<std::string> base;
  for (int i = 0; i < base_inputs; ++i)
    base.push_back("x" + std::to_string(i + 1));
  return base;
}

// Which columns of the full expansion stay, in order.
std::vector<bool> kept(const Features& features, int base_inputs) {
  const std::vector<std::string> names = positional_names(features, base_inputs);
  std::vector<bool> keep(names.size(), true);
  for (std::size_t i = 0; i < names.size(); ++i)
    keep[i] =
        std::find(features.omit.begin(), features.omit.end(), names[i]) == features.omit.end();
  return keep;
}

} // namespace

std::vector<std::string> positional_names(const Features& features, int base_inputs) {
  const std::vector<std::string> base = positional_base(base_inputs);
  return names_from(features, base);
}

Problems validate(const Features& features, int base_inputs) {
  Problems problems;
  if (features.x1x2 && base_inputs != 2)
    problems.push_back(
        {"features.x1x2", "true",
         "x1*x2 needs exactly 2 inputs; this data has " + std::to_string(base_inputs)});
  const std::vector<std::string> names = positional_names(features, base_inputs);
  std::string list;
  for (const std::string& n : names)
    list += (list.empty() ? "" : ", ") + n;
  for (std::size_t i = 0; i < features.omit.size(); ++i) {
    const std::string& o = features.omit[i];
    const std::string field = "features.omit[" + std::to_string(i) + "]";
    if (std::find(names.begin(), names.end(), o) == names.end())
      problems.push_back({field, o, "must name one of this data's columns: " + list});
    else if (std::find(features.omit.begin(), features.omit.begin() + i, o) !=
             features.omit.begin() + i)
      problems.push_back({field, o, "names a column already omitted"});
  }
  if (problems.empty() && expanded_inputs(features, base_inputs) == 0)
    problems.push_back({"features.omit", std::to_string(features.omit.size()) + " columns",
                        "leaves the network no input: keep at least one of " + list});
  return problems;
}

int expanded_inputs(const Features& features, int base_inputs) {
  const std::vector<bool> keep = kept(features, base_inputs);
  return static_cast<int>(std::count(keep.begin(), keep.end(), true));
}

std::vector<std::string> expanded_names(const Features& features,
                                        std::span<const std::string> base_names) {
  const std::vector<std::string> all = names_from(features, base_names);
  const std::vector<bool> keep = kept(features, static_cast<int>(base_names.size()));
  std::vector<std::string> out;
  for (std::size_t i = 0; i < all.size(); ++i)
    if (keep[i]) out.push_back(all[i]);
  return out;
}

void expand_features(const Features& features, int base_inputs, std::span<const float> x,
                     std::span<float> out) {
  const auto n = static_cast<std::size_t>(base_inputs);
  const std::vector<bool> keep = kept(features, base_inputs);
  const auto width = static_cast<std::size_t>(std::count(keep.begin(), keep.end(), true));
  const std::size_t rows = n ? x.size() / n : 0;
  assert(rows * n == x.size() && out.size() == rows * width);
  std::vector<float> full(keep.size());
  for (std::size_t r = 0; r < rows; ++r) {
    const float* in = x.data() + r * n;
    float* f = full.data();
    for (std::size_t i = 0; i < n; ++i)
      *f++ = in[i];
    if (features.x_squared)
      for (std::size_t i = 0; i < n; ++i)
        *f++ = in[i] * in[i];
    if (features.x1x2 && n == 2) *f++ = in[0] * in[1];
    if (features.sin)
      for (std::size_t i = 0; i < n; ++i)
        *f++ = static_cast<float>(portable::sin(static_cast<double>(in[i])));
    float* o = out.data() + r * width;
    for (std::size_t c = 0; c < full.size(); ++c)
      if (keep[c]) *o++ = full[c];
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
