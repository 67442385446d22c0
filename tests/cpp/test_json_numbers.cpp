// json::number finds the shortest "%.Ng" that reads back by bisection where that is safe,
// formatting from the exact decimal expansion (json_writer.cpp, exact_decimal.hpp): its text
// must equal, byte for byte, the plain scan N = 1, 2, ... with the C library's snprintf that
// it replaces, on random bit patterns, powers of two (lopsided intervals), short decimals,
// ties, and the values statistics produce (counts over sample sizes).
#include "exact_decimal.hpp"
#include "json_writer.hpp"
#include "rng.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <string>

using namespace leaky;

namespace {

template <class T, class Parse> std::string scan_reference(T v, int max_precision, Parse parse) {
  char buf[40];
  int precision = 1;
  for (; precision <= max_precision; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*g", precision, static_cast<double>(v));
    if (parse(buf) == v) break;
  }
  const double magnitude = std::fabs(static_cast<double>(v));
  if (std::strchr(buf, 'e') && magnitude >= 1e-4 && magnitude < 1e15) {
    char plain[40];
    for (int p = precision + 1; p <= max_precision; ++p) {
      std::snprintf(plain, sizeof plain, "%.*g", p, static_cast<double>(v));
      if (!std::strchr(plain, 'e') && parse(plain) == v) return plain;
    }
  }
  return buf;
}

std::string reference(float v) {
  if (!std::isfinite(v) || v == 0.0f) return json::number(v);
  return scan_reference(v, 9, [](const char* s) { return std::strtof(s, nullptr); });
}
std::string reference(double v) {
  if (!std::isfinite(v) || v == 0.0) return json::number(v);
  return scan_reference(v, 17, [](const char* s) { return std::strtod(s, nullptr); });
}

} // namespace

TEST_CASE("json::number equals the scan over every precision, floats and doubles") {
  Rng rng(11);
  int checked = 0;
  auto check_float = [&](float v) {
    if (!std::isfinite(v)) return;
    INFO(v);
    CHECK(json::number(v) == reference(v));
    ++checked;
  };
  auto check_double = [&](double v) {
    if (!std::isfinite(v)) return;
    INFO(v);
    CHECK(json::number(v) == reference(v));
    ++checked;
  };
  for (int i = 0; i < 20000; ++i) {
    const std::uint32_t bits = rng.next_u32();
    float f;
    std::memcpy(&f, &bits, sizeof f);
    check_float(f);
    const std::uint64_t dbits = (static_cast<std::uint64_t>(rng.next_u32()) << 32) | rng.next_u32();
    double d;
    std::memcpy(&d, &dbits, sizeof d);
    check_double(d);
  }
  for (int e = -149; e <= 127; ++e) {
    check_float(std::ldexp(1.0f, e));
    check_float(-std::ldexp(1.0f, e));
    check_float(std::nextafter(std::ldexp(1.0f, e), 0.0f));
  }
  for (int e = -1074; e <= 1023; ++e) {
    check_double(std::ldexp(1.0, e));
    check_double(std::nextafter(std::ldexp(1.0, e), 0.0));
  }
  for (int n = 1; n <= 1000; ++n)
    for (int k = 0; k <= n; k += 1 + n / 50) {
      check_float(static_cast<float>(k) / static_cast<float>(n));
      check_double(static_cast<double>(k) / n);
      check_float(static_cast<float>(k) * 0.01f);
    }
  check_float(std::numeric_limits<float>::max());
  check_float(std::numeric_limits<float>::denorm_min());
  check_double(std::numeric_limits<double>::max());
  check_double(0.1 + 0.2);
  check_double(1e15);
  check_double(123456789012345.0);
  CHECK(checked > 60000);
}

TEST_CASE("format_g is snprintf's %.*g, every precision, ties to even included") {
  Rng rng(5);
  int checked = 0;
  auto check = [&](double v) {
    if (!std::isfinite(v)) return;
    const ExactDecimal d = exact_decimal(v);
    for (int p = 1; p <= 19; ++p) {
      char mine[64], libc[64];
      format_g(d, p, mine, sizeof mine);
      std::snprintf(libc, sizeof libc, "%.*g", p, v);
      INFO(libc);
      CHECK(std::string(mine) == std::string(libc));
      ++checked;
    }
  };
  for (int i = 0; i < 4000; ++i) {
    const std::uint64_t bits = (static_cast<std::uint64_t>(rng.next_u32()) << 32) | rng.next_u32();
    double v;
    std::memcpy(&v, &bits, sizeof v);
    check(v);
    const std::uint32_t fbits = rng.next_u32();
    float f;
    std::memcpy(&f, &fbits, sizeof f);
    check(static_cast<double>(f));
    check(static_cast<double>(rng.uniform()) * 1000.0);
  }
  for (int j = 0; j <= 12; ++j) // k / 2^j: exact decimals with a final 5, ties at some precision
    for (int k = 0; k <= 4096; k += 1 + k / 64) {
      check(std::ldexp(static_cast<double>(k), -j));
      check(-std::ldexp(static_cast<double>(k), -j) * 1e6);
    }
  for (double v : {0.0, -0.0, 9.5, 99.5, 999.5, 9.9999999, 0.00012345, 0.0001, 1e-5, 123456.0, 1e15,
                   1e16, 1e100, 1e-300, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
                   0.30000000000000004, 3.4028234663852886e38})
    check(v);
  CHECK(checked > 200000);
}

TEST_CASE("reads_back agrees with strtof and strtod at every precision") {
  Rng rng(9);
  int checked = 0;
  auto check_float = [&](float v) {
    if (!std::isfinite(v) || v == 0.0f) return;
    const ExactDecimal d = exact_decimal(static_cast<double>(v));
    const ReadBackInterval interval = read_back_interval(v);
    for (int p = 1; p <= 9; ++p) {
      char text[64];
      std::snprintf(text, sizeof text, "%.*g", p, static_cast<double>(v));
      INFO(text);
      CHECK(reads_back(d, p, interval) == (std::strtof(text, nullptr) == v));
      ++checked;
    }
  };
  auto check_double = [&](double v) {
    if (!std::isfinite(v) || v == 0.0) return;
    const ExactDecimal d = exact_decimal(v);
    const ReadBackInterval interval = read_back_interval(v);
    for (int p = 1; p <= 17; ++p) {
      char text[64];
      std::snprintf(text, sizeof text, "%.*g", p, v);
      INFO(text);
      CHECK(reads_back(d, p, interval) == (std::strtod(text, nullptr) == v));
      ++checked;
    }
  };
  for (int i = 0; i < 5000; ++i) {
    const std::uint32_t fbits = rng.next_u32();
    float f;
    std::memcpy(&f, &fbits, sizeof f);
    check_float(f);
    const std::uint64_t bits = (static_cast<std::uint64_t>(rng.next_u32()) << 32) | rng.next_u32();
    double v;
    std::memcpy(&v, &bits, sizeof v);
    check_double(v);
  }
  for (int e = -149; e <= 127; ++e) {
    check_float(std::ldexp(1.0f, e));
    check_float(std::nextafter(std::ldexp(1.0f, e), 0.0f));
    check_float(std::nextafter(std::ldexp(1.0f, e), 1e30f));
  }
  for (int e = -1074; e <= 1023; e += 7) {
    check_double(std::ldexp(1.0, e));
    check_double(std::nextafter(std::ldexp(1.0, e), 0.0));
  }
  check_float(std::numeric_limits<float>::max());
  check_double(std::numeric_limits<double>::max());
  check_float(std::numeric_limits<float>::denorm_min());
  check_double(std::numeric_limits<double>::denorm_min());
  CHECK(checked > 100000);
}
