// A validation problem: which field, what value it had, and what is allowed.
// Validation returns every problem at once so a user can fix a config in one go.
#pragma once
#include <string>
#include <vector>

namespace leaky {

// Text quoted from the input is made printable (text.hpp) where the problem is made, so that
// its JSON form (json::quote) holds the same strings.
struct Problem {
  std::string field;   // path of the field, e.g. "alpha" or "layers[2].units"
  std::string value;   // the offending value as text
  std::string message; // what is allowed, in words a user understands
};

using Problems = std::vector<Problem>;

// JSON array of {"field","value","message"} objects.
std::string problems_to_json(const Problems& problems);

// One line: "alpha = nan: alpha must be a finite number; ..." ("field: message" without a value)
std::string problems_to_text(const Problems& problems);

} // namespace leaky
