#include "text.hpp"

#include <cstdio>

namespace leaky {

std::size_t utf8_sequence(std::string_view s, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = byte(i);
  if (c < 0x80) return 1;
  std::size_t n = 0;
  unsigned char lo = 0x80, hi = 0xBF; // the allowed range of the second byte (RFC 3629)
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    if (c == 0xE0) lo = 0xA0; // no overlong forms
    if (c == 0xED) hi = 0x9F; // no surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F; // nothing above U+10FFFF
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
  for (std::size_t k = 2; k < n; ++k)
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
  return n;
}

std::string printable(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  const auto escape = [&](unsigned char c) {
    if (c == '\n') return void(out += "\\n");
    if (c == '\r') return void(out += "\\r");
    if (c == '\t') return void(out += "\\t");
    char buf[8];
    std::snprintf(buf, sizeof buf, "\\x%02x", c);
    out += buf;
  };
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = utf8_sequence(s, i);
    const auto c = static_cast<unsigned char>(s[i]);
    // C1 controls (U+0080..U+009F) are two bytes, 0xC2 then 0x80..0x9F.
    const bool c1 = n == 2 && c == 0xC2 && static_cast<unsigned char>(s[i + 1]) < 0xA0;
    if (n == 0 || (n == 1 && (c < 0x20 || c == 0x7F)) || c1) {
      for (std::size_t k = 0; k < (c1 ? 2 : 1); ++k)
        escape(static_cast<unsigned char>(s[i + k]));
      i += c1 ? 2 : 1;
    } else {
      out.append(s.substr(i, n));
      i += n;
    }
  }
  return out;
}

std::string byte_size_text(double bytes) {
  const char* units[] = {"bytes", "KiB", "MiB", "GiB", "TiB"};
  int u = 0;
  for (; u < 4 && bytes >= 1024; ++u)
    bytes /= 1024;
  char buf[32];
  std::snprintf(buf, sizeof buf, bytes >= 100 ? "%.0f %s" : "%.3g %s", bytes, units[u]);
  return buf;
}

} // namespace leaky
