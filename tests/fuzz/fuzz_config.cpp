// The config parser: any text gives a config or a well-formed list of problems; a config it
// accepts writes back to text that parses to the same config, which writes back to the very
// same text (parse -> write -> parse -> write: the two texts equal byte for byte).
#include "config_json.hpp"
#include "harness.hpp"

using namespace leaky;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const ConfigResult first = parse_config(fuzz::as_text(data, size));
  fuzz::check_problems(first.problems);
  if (!first.ok()) return 0;
  const std::string written = config_to_json(first.config);
  const ConfigResult second = parse_config(written);
  if (!second.ok())
    fuzz::fail("config-rewrite-rejected-" + fuzz::first_field(second.problems),
               problems_to_text(second.problems) + " in " + written);
  const std::string rewritten = config_to_json(second.config);
  if (rewritten != written)
    fuzz::fail("config-rewrite-differs", fuzz::first_difference(written, rewritten));
  return 0;
}
