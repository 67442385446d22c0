#include "json_writer.hpp"

#include "exact_decimal.hpp"
#include "text.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace leaky::json {

std::string quote(std::string_view s) {
  std::string out = "\"";
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = utf8_sequence(s, i);
    const auto c = static_cast<unsigned char>(s[i]);
    char buf[8];
    if (n == 0) {
      // JSON cannot hold a byte that is not UTF-8: it becomes the text \xNN, as printable().
      std::snprintf(buf, sizeof buf, "\\\\x%02x", c);
      out += buf;
      ++i;
      continue;
    }
    if (n > 1) {
      const auto next = static_cast<unsigned char>(s[i + 1]);
      if (c == 0xC2 && next < 0xA0) { // a C1 control character, as \u0080..\u009f
        std::snprintf(buf, sizeof buf, "\\u%04x", next);
        out += buf;
      } else {
        out.append(s.substr(i, n));
      }
      i += n;
      continue;
    }
    ++i;
    switch (c) {
    case '"':
      out += "\\\"";
      break;
    case '\\':
      out += "\\\\";
      break;
    case '\n':
      out += "\\n";
      break;
    case '\r':
      out += "\\r";
      break;
    case '\t':
      out += "\\t";
      break;
    default:
      if (c < 0x20 || c == 0x7F) {
        std::snprintf(buf, sizeof buf, "\\u%04x", c);
        out += buf;
      } else {
        out += static_cast<char>(c);
      }
    }
  }
  return out + "\"";
}

namespace {
const char* non_finite(double v) {
  if (std::isnan(v)) return "\"NaN\"";
  return v > 0 ? "\"Infinity\"" : "\"-Infinity\"";
}
} // namespace

// Negative zero as "-0.0": a reader that parses "-0" as the integer 0 (nlohmann/json does)
// would lose its sign, and model files promise bit-identical weights.
constexpr const char* kNegativeZero = "-0.0";

namespace {
// Whether v's mantissa is a power of two: only there is the interval of decimals that read
// back as v lopsided (the gap below v is half the gap above).
template <class T> bool lopsided_interval(T v) {
  int exponent = 0;
  return std::fabs(std::frexp(v, &exponent)) == static_cast<T>(0.5);
}

// Shortest "%.Ng" that reads back to the same value (0.2f prints as 0.2, not 0.200000003);
// for everyday magnitudes a plain form is preferred to an exponent when it also reads back
// exactly (10, not 1e+01).
// "%.Ng" comes from v's exact decimal expansion, computed once, and whether it reads back is
// decided exactly, as strtof or strtod would (exact_decimal.hpp). The smallest N is found in
// few tries: "%.Ng" is v rounded to N significant digits, and every N-digit decimal is also an
// (N+1)-digit one, so the rounding to N+1 digits is at least as close to v as the one to N.
// Where the interval that reads back as v is symmetric about v, reading back is therefore
// monotone in N and a bisection finds the smallest N; where it is lopsided (a power-of-two
// mantissa), every N is tried in turn, as before.
template <class T> std::string shortest(T v, int max_precision) {
  const ExactDecimal exact = exact_decimal(static_cast<double>(v));
  const ReadBackInterval interval = read_back_interval(v);
  char buf[40];
  int in_buf = 0; // the precision buf was last written with
  auto reads_back = [&](int precision) {
    in_buf = precision;
    format_g(exact, precision, buf, sizeof buf);
    return leaky::reads_back(exact, precision, interval);
  };
  int precision = 1;
  if (lopsided_interval(v)) {
    for (; precision < max_precision && !reads_back(precision); ++precision) {
    }
  } else {
    int hi = max_precision; // reads back: 9 digits always do for a float, 17 for a double
    while (precision < hi) {
      const int mid = (precision + hi) / 2;
      if (reads_back(mid))
        hi = mid;
      else
        precision = mid + 1;
    }
  }
  if (in_buf != precision) format_g(exact, precision, buf, sizeof buf);
  const double magnitude = std::fabs(static_cast<double>(v));
  if (std::strchr(buf, 'e') && magnitude >= 1e-4 && magnitude < 1e15) {
    char plain[40];
    for (int p = precision + 1; p <= max_precision; ++p) {
      format_g(exact, p, plain, sizeof plain);
      if (!std::strchr(plain, 'e') && leaky::reads_back(exact, p, interval)) return plain;
    }
  }
  return buf;
}
} // namespace

std::string number(float v) {
  if (!std::isfinite(v)) return non_finite(v);
  if (v == 0.0f) return std::signbit(v) ? kNegativeZero : "0";
  return shortest(v, 9);
}

std::string number(double v) {
  if (!std::isfinite(v)) return non_finite(v);
  if (v == 0.0) return std::signbit(v) ? kNegativeZero : "0";
  return shortest(v, 17);
}

std::string array(std::span<const float> values) {
  std::string out = "[";
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i) out += ',';
    out += number(values[i]);
  }
  return out + "]";
}

} // namespace leaky::json
