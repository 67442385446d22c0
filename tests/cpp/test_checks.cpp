#include "test_checks.hpp"

#include "config_json.hpp"

#include <doctest/doctest.h>

namespace leaky::test {

RunConfig config_from(const std::string& text) {
  ConfigResult parsed = parse_config(text);
  INFO(text);
  INFO(problems_to_text(parsed.problems));
  REQUIRE(parsed.ok());
  return parsed.config;
}

} // namespace leaky::test
