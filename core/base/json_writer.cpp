#include "json_writer.hpp"

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
// Shortest "%.Ng" that reads back to the same value (0.2f prints as 0.2, not 0.200000003);
// for everyday magnitudes a plain form is preferred to an exponent when it also reads back
// exactly (10, not 1e+01).
template <class T, class Parse> std::string shortest(T v, int max_precision, Parse parse) {
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
} // namespace

std::string number(float v) {
  if (!std::isfinite(v)) return non_finite(v);
  if (v == 0.0f && std::signbit(v)) return kNegativeZero;
  return shortest(v, 9, [](const char* s) { return std::strtof(s, nullptr); });
}

std::string number(double v) {
  if (!std::isfinite(v)) return non_finite(v);
  if (v == 0.0 && std::signbit(v)) return kNegativeZero;
  return shortest(v, 17, [](const char* s) { return std::strtod(s, nullptr); });
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
