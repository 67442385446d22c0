#include "portable_math.hpp"

#include <cmath>
#include <limits>
#include <utility>

// Two roundings for a*b+c, never one fused (see portable_math.hpp).
#if defined(__clang__)
#pragma clang fp contract(off)
#elif defined(__GNUC__)
#pragma GCC optimize("fp-contract=off")
#endif

namespace leaky::portable {

namespace {

constexpr double kTwoOverPi = 0x1.45f306dc9c883p-1;
// pi/2 in three pieces (fdlibm's pio2_1, pio2_2, pio2_2t): the first two have 33
// significant bits, so k * piece is exact for |k| < 2^20 and x - k*pi/2 loses nothing.
constexpr double kPio2a = 0x1.921fb544p+0;
constexpr double kPio2b = 0x1.0b4611a6p-34;
constexpr double kPio2c = 0x1.3198a2e037073p-69;

// Taylor series on |r| <= pi/4 + a little: the first omitted terms (r^19/19!, r^20/20!)
// are below 1e-19.
double sin_poly(double r) {
  const double r2 = r * r;
  double p = 2.8114572543455206e-15; // 1/17!
  p = p * r2 - 7.647163731819816e-13;
  p = p * r2 + 1.6059043836821613e-10;
  p = p * r2 - 2.505210838544172e-08;
  p = p * r2 + 2.7557319223985893e-06;
  p = p * r2 - 0.0001984126984126984;
  p = p * r2 + 0.008333333333333333;
  p = p * r2 - 0.16666666666666666;
  return r + r * (r2 * p);
}

double cos_poly(double r) {
  const double r2 = r * r;
  double p = 1.5619206968586225e-16; // 1/18!
  p = p * r2 - 4.779477332387385e-14;
  p = p * r2 + 1.1470745597729725e-11;
  p = p * r2 - 2.08767569878681e-09;
  p = p * r2 + 2.755731922398589e-07;
  p = p * r2 - 2.48015873015873e-05;
  p = p * r2 + 0.001388888888888889;
  p = p * r2 - 0.041666666666666664;
  p = p * r2 + 0.5;
  return 1.0 - r2 * p;
}

// x = k*pi/2 + r with |r| <= ~pi/4; returns r and k mod 4.
std::pair<double, int> reduce(double x) {
  const double k = std::round(x * kTwoOverPi);
  const double r = ((x - k * kPio2a) - k * kPio2b) - k * kPio2c;
  const auto quadrant = static_cast<int>(static_cast<std::int64_t>(k) & 3);
  return {r, quadrant};
}

} // namespace

double sin(double x) {
  if (!(std::fabs(x) <= kTrigLimit)) return std::isnan(x) || std::isinf(x) ? NAN : std::sin(x);
  const auto [r, q] = reduce(x);
  switch (q) {
  case 0:
    return sin_poly(r);
  case 1:
    return cos_poly(r);
  case 2:
    return -sin_poly(r);
  default:
    return -cos_poly(r);
  }
}

double cos(double x) {
  if (!(std::fabs(x) <= kTrigLimit)) return std::isnan(x) || std::isinf(x) ? NAN : std::cos(x);
  const auto [r, q] = reduce(x);
  switch (q) {
  case 0:
    return cos_poly(r);
  case 1:
    return -sin_poly(r);
  case 2:
    return -cos_poly(r);
  default:
    return sin_poly(r);
  }
}

double log(double x) {
  if (std::isnan(x) || x < 0) return NAN;
  if (x == 0) return -std::numeric_limits<double>::infinity();
  if (std::isinf(x)) return x;
  // x = m * 2^e with m in [sqrt(1/2), sqrt(2)); frexp is exact.
  int e = 0;
  double m = std::frexp(x, &e);
  if (m < 0x1.6a09e667f3bcdp-1) {
    m *= 2.0;
    e -= 1;
  }
  // ln m = 2 atanh(z), z = (m-1)/(m+1), |z| <= 0.172: terms to z^21 leave < 1e-18.
  const double z = (m - 1.0) / (m + 1.0);
  const double z2 = z * z;
  double p = 0.09523809523809523; // 2/21
  p = p * z2 + 0.10526315789473684;
  p = p * z2 + 0.11764705882352941;
  p = p * z2 + 0.13333333333333333;
  p = p * z2 + 0.15384615384615385;
  p = p * z2 + 0.18181818181818182;
  p = p * z2 + 0.2222222222222222;
  p = p * z2 + 0.2857142857142857;
  p = p * z2 + 0.4;
  p = p * z2 + 0.6666666666666666;
  const double ln_m = 2.0 * z + z * (z2 * p);
  // ln 2 in two pieces (fdlibm's ln2_hi, ln2_lo): e * ln2_hi is exact.
  const double de = static_cast<double>(e);
  return de * 0x1.62e42feep-1 + (de * 0x1.a39ef35793c76p-33 + ln_m);
}

double uniform(Rng& rng, double lo, double hi) {
  return lo + (hi - lo) * static_cast<double>(rng.uniform());
}

std::uint32_t below(Rng& rng, std::uint32_t n) {
  std::uint64_t m = static_cast<std::uint64_t>(rng.next_u32()) * n;
  auto low = static_cast<std::uint32_t>(m);
  if (low < n) {
    const std::uint32_t threshold = (0u - n) % n;
    while (low < threshold) {
      m = static_cast<std::uint64_t>(rng.next_u32()) * n;
      low = static_cast<std::uint32_t>(m);
    }
  }
  return static_cast<std::uint32_t>(m >> 32);
}

double normal(Rng& rng) {
  double v1 = 0, s = 0;
  do {
    v1 = 2.0 * static_cast<double>(rng.uniform()) - 1.0;
    const double v2 = 2.0 * static_cast<double>(rng.uniform()) - 1.0;
    s = v1 * v1 + v2 * v2;
  } while (s > 1.0 || s == 0.0);
  return std::sqrt(-2.0 * log(s) / s) * v1;
}

void shuffle(Rng& rng, std::span<std::uint32_t> indices) {
  for (std::size_t i = indices.size(); i > 1; --i) {
    const std::uint32_t j = below(rng, static_cast<std::uint32_t>(i));
    std::swap(indices[i - 1], indices[j]);
  }
}

} // namespace leaky::portable
