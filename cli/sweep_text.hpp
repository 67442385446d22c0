// A sweep's table for people, as `leaky-lab sweep` and `leaky-lab merge` print it: the same
// runs print the same text, whichever command and however many shards produced them.
#pragma once
#include "sweep_json.hpp"

#include <string>

namespace leaky::cli {

std::string sweep_table_text(const SweepTable& table, const SweepLineContext& context);

} // namespace leaky::cli
