// The one syntax of numbers written as text outside JSON (CLI options, CSV fields): plain
// decimals, [+-] (digits [. digits] | . digits) [(e|E) [+-] digits]. No hexadecimal, no
// surrounding spaces, no inf or nan words, no locale's decimal comma: what strtod accepts
// beyond this is refused, so "0x10" or " 5" never pass for numbers.
#pragma once
#include <optional>
#include <string_view>

namespace leaky {

bool decimal_syntax(std::string_view s);

// [+-] nan, inf or infinity in any case: named so that a message can say "not finite" where
// it would otherwise say "not a number".
bool non_finite_word(std::string_view s);

// The double nearest to s (possibly infinite, for "1e999"), or nullopt when s is not decimal.
std::optional<double> parse_decimal(std::string_view s);

} // namespace leaky
