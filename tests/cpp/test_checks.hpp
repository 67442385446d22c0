// Helpers that check as they go, with doctest: apart from test_support.hpp, which the fuzz
// harnesses link without doctest.
#pragma once
#include "run_config.hpp"

#include <string>

namespace leaky::test {

// The config a JSON text describes; the test fails, showing the text and its problems, if
// it does not parse.
RunConfig config_from(const std::string& text);

} // namespace leaky::test
