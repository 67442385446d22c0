// Text from the outside (files, options, JSON strings) shown back to a person: control
// characters and invalid UTF-8 would garble a terminal or a JSON reader, so every message
// that quotes input passes through printable() (the CLI) or json::quote() (JSON).
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace leaky {

// The length (1 to 4) of the well-formed UTF-8 sequence starting at s[i], or 0 when the
// bytes there are not one (a stray continuation byte, an overlong form, a surrogate, ...).
std::size_t utf8_sequence(std::string_view s, std::size_t i);

// s with every control character (C0, DEL, C1) and every byte of invalid UTF-8 written as
// \xNN (\n, \r and \t as such); valid UTF-8 otherwise unchanged. printable(printable(s)) ==
// printable(s).
std::string printable(std::string_view s);

// A size for messages: "300 bytes", "512 KiB", "1.5 MiB", "12 GiB" (3 digits at least).
std::string byte_size_text(double bytes);

} // namespace leaky
