// An allowed range of a number: the one description that validation, error messages, the
// CLI's help, the wasm module's catalog and the page's controls all take their bounds from.
#pragma once
#include <string>

namespace leaky {

struct Range {
  double min = 0.0, max = 0.0;
  bool min_open = false; // excludes min
  bool max_open = false; // excludes max
  bool integer = false;  // whole numbers only

  static constexpr Range closed(double lo, double hi) { return {lo, hi, false, false, false}; }
  static constexpr Range above(double lo, double hi) { return {lo, hi, true, false, false}; }
  static constexpr Range below(double lo, double hi) { return {lo, hi, false, true, false}; }
  static constexpr Range open(double lo, double hi) { return {lo, hi, true, true, false}; }
  static constexpr Range whole(double lo, double hi) { return {lo, hi, false, false, true}; }

  // Finite, within the bounds, and whole where asked.
  bool contains(double v) const;
  // "a whole number within [1, 1024]", "a number within (0, 10]", "a number within [0, 1]".
  std::string describe() const;
};

// Any finite float32 number (|v| <= 3.4028235e38).
inline constexpr double kFloatMax = 3.4028234663852886e38;
inline constexpr Range kAnyFiniteFloat = Range::closed(-kFloatMax, kFloatMax);

// v rounded to float32 as IEEE 754 does (to nearest; past the largest float, to infinity),
// without the undefined behaviour of a C++ cast of a value beyond float's range. A float
// field is checked against its range after this rounding: 1e-50 is 0 as a float, and
// 0.99999999 is 1.
float to_float(double v);

} // namespace leaky
