// Minimal JSON writing: the core emits configs, stats and CLI output as JSON text.
// Floats are printed in their shortest round-trip form; non-finite numbers, which JSON
// cannot hold, are written as the strings "NaN", "Infinity" and "-Infinity"; negative zero
// as -0.0, so that readers which parse -0 as an integer keep its sign.
#pragma once
#include <span>
#include <string>
#include <string_view>

namespace leaky::json {

// A JSON string; control characters escaped, bytes that are not UTF-8 as the text \xNN.
std::string quote(std::string_view s);
std::string number(double v);
std::string number(float v);
std::string array(std::span<const float> values);

} // namespace leaky::json
