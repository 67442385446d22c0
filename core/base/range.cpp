#include "range.hpp"

#include "json_writer.hpp"

#include <cmath>

namespace leaky {

bool Range::contains(double v) const {
  if (!std::isfinite(v)) return false;
  if (min_open ? !(v > min) : !(v >= min)) return false;
  if (max_open ? !(v < max) : !(v <= max)) return false;
  return !integer || std::floor(v) == v;
}

float to_float(double v) {
  // Halfway between the largest float and the next power of two: from there on, round to
  // nearest gives infinity.
  constexpr double kOverflow = 3.4028235677973366e38;
  if (std::fabs(v) >= kOverflow) return v > 0 ? INFINITY : -INFINITY;
  return static_cast<float>(v); // NaN stays NaN
}

std::string Range::describe() const {
  if (min == -kFloatMax && max == kFloatMax) return "any finite float32 number";
  const std::string lo = json::number(min), hi = json::number(max);
  const std::string interval = (min_open ? "(" : "[") + lo + ", " + hi + (max_open ? ")" : "]");
  return (integer ? "a whole number within " : "a number within ") + interval;
}

} // namespace leaky
