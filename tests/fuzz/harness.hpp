// What the harnesses share: how a broken property stops the run, and the checks every
// problem report must pass, whatever the input.
#pragma once
#include "problem.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace leaky::fuzz {

// Prints "PROPERTY FAILED: <property>: <detail>" and aborts: libFuzzer keeps the input, and
// scripts/fuzz.sh names it after the property.
[[noreturn]] void fail(std::string_view property, std::string_view detail);

// The first problem's field without indices ("network.hidden.alpha"): added to a property's
// name, it keeps failures of different fields apart.
std::string first_field(const Problems& problems);

// Where two texts first differ, with some context from each, for a failure's detail.
std::string first_difference(std::string_view a, std::string_view b);

// Every problem has a message, and problems_to_json() is JSON holding the same
// strings (bytes >= 0x80 aside: a CSV file's bytes need not be UTF-8).
void check_problems(const Problems& problems);

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

} // namespace leaky::fuzz
