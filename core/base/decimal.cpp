#include "decimal.hpp"

#include <cstdlib>
#include <string>

namespace leaky {

namespace {
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
} // namespace

bool decimal_syntax(std::string_view s) {
  std::size_t i = 0;
  const std::size_t n = s.size();
  if (i < n && (s[i] == '+' || s[i] == '-')) ++i;
  std::size_t digits = 0;
  while (i < n && is_digit(s[i]))
    ++i, ++digits;
  if (i < n && s[i] == '.') {
    ++i;
    while (i < n && is_digit(s[i]))
      ++i, ++digits;
  }
  if (digits == 0) return false;
  if (i < n && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < n && (s[i] == '+' || s[i] == '-')) ++i;
    std::size_t exponent_digits = 0;
    while (i < n && is_digit(s[i]))
      ++i, ++exponent_digits;
    if (exponent_digits == 0) return false;
  }
  return i == n;
}

bool non_finite_word(std::string_view s) {
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) s.remove_prefix(1);
  if (s.size() > 8) return false;
  std::string lower;
  for (char c : s)
    lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return lower == "nan" || lower == "inf" || lower == "infinity";
}

std::optional<double> parse_decimal(std::string_view s) {
  if (!decimal_syntax(s)) return std::nullopt;
  const std::string copy(s); // strtod needs the terminating zero
  return std::strtod(copy.c_str(), nullptr);
}

} // namespace leaky
