// Optional input features, appended after the base inputs (as in the TensorFlow Playground).
//
// A row [x1 .. xn] becomes [x1 .. xn, x1^2 .. xn^2, x1*x2, sin(x1) .. sin(xn)], each group
// present only when asked for. x1*x2 needs exactly two base inputs. Values are computed in
// float as written (x^2 and x1*x2 are single IEEE products; sin is portable::sin rounded to
// float), so a seed gives the same bits natively and in wasm.
#pragma once
#include "problem.hpp"

#include <span>
#include <string>
#include <vector>

namespace leaky {

struct Features {
  bool x_squared = false; // x^2 for each base input
  bool x1x2 = false;      // x1 * x2 (two base inputs only)
  bool sin = false;       // sin(x) for each base input
};

// Every problem at once; fields are "features.x1x2" etc.
Problems validate(const Features& features, int base_inputs);

// Columns after expansion (base inputs included).
int expanded_inputs(const Features& features, int base_inputs);

// Names of the expanded columns: "x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)".
std::vector<std::string> expanded_names(const Features& features,
                                        std::span<const std::string> base_names);

// Row-major [rows x base_inputs] -> [rows x expanded_inputs]; out.size() must be
// rows * expanded_inputs(features, base_inputs). Use it for any points fed to a network
// trained on expanded data, e.g. a heatmap grid.
void expand_features(const Features& features, int base_inputs, std::span<const float> x,
                     std::span<float> out);
std::vector<float> expand_features(const Features& features, int base_inputs,
                                   std::span<const float> x);

} // namespace leaky
