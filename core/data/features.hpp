// Optional input features, appended after the base inputs (as in the TensorFlow Playground).
//
// A row [x1 .. xn] becomes [x1 .. xn, x1^2 .. xn^2, x1*x2, sin(x1) .. sin(xn)], each group
// present only when asked for. x1*x2 needs exactly two base inputs. Any of these columns can be
// left out by its positional name (`omit`: "x1", "x2^2", "sin(x1)", ...; xi is the i-th base
// input, whatever a CSV header calls it), so that a network can be given, say, x1^2 and x2^2
// without x1 and x2. Values are computed in float as written (x^2 and x1*x2 are single IEEE
// products; sin is portable::sin rounded to float), so a seed gives the same bits natively and
// in wasm.
#pragma once
#include "problem.hpp"

#include <span>
#include <string>
#include <vector>

namespace leaky {

struct Features {
  bool x_squared = false;        // x^2 for each base input
  bool x1x2 = false;             // x1 * x2 (two base inputs only)
  bool sin = false;              // sin(x) for each base input
  std::vector<std::string> omit; // positional names of columns left out

  bool operator==(const Features&) const = default;
};

// Every problem at once; fields are "features.x1x2", "features.omit[1]", ...: x1x2 needs two
// base inputs; each omitted name must be a column of the expansion, named once; at least one
// column must remain.
Problems validate(const Features& features, int base_inputs);

// The positional names of every column the groups produce, before omission:
// "x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)".
std::vector<std::string> positional_names(const Features& features, int base_inputs);

// Columns after expansion and omission (base inputs included unless omitted).
int expanded_inputs(const Features& features, int base_inputs);

// Names of the kept columns, from the base inputs' own names: "x1", "x1^2", "x1*x2",
// "sin(x2)" (or "age^2" for a CSV column named age).
std::vector<std::string> expanded_names(const Features& features,
                                        std::span<const std::string> base_names);

// Row-major [rows x base_inputs] -> [rows x expanded_inputs]; out.size() must be
// rows * expanded_inputs(features, base_inputs). Use it for any points fed to a network
// trained on expanded data, e.g. a heatmap grid. Precondition: validate() is empty.
void expand_features(const Features& features, int base_inputs, std::span<const float> x,
                     std::span<float> out);
std::vector<float> expand_features(const Features& features, int base_inputs,
                                   std::span<const float> x);

} // namespace leaky
