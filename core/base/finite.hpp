// Finiteness tests that vectorize. A float is NaN or infinite exactly when its exponent bits
// are all ones. Or-ing integer tests has no order to respect, so the compiler vectorizes the
// loops that use them (a float sum would not be, without fast-math).
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace leaky {

// 1 if x is NaN or infinite, else 0.
inline std::uint32_t non_finite_bit(float x) {
  std::uint32_t bits;
  std::memcpy(&bits, &x, sizeof bits);
  return static_cast<std::uint32_t>((bits & 0x7f800000u) == 0x7f800000u);
}

inline bool all_finite(const float* p, std::size_t n) {
  std::uint32_t bad = 0;
  for (std::size_t i = 0; i < n; ++i)
    bad |= non_finite_bit(p[i]);
  return bad == 0;
}

} // namespace leaky
