// Configs for the C++ tests, from JSON text. Apart from test_support (which the fuzz
// harnesses share) because it reports through doctest.
#pragma once
#include "run_config.hpp"

#include <string>

namespace leaky::test {

// The config a JSON text describes; fails the test (naming its problems) when it is not valid.
RunConfig config_from(const std::string& text);

} // namespace leaky::test
