#include "problem.hpp"

#include "json_writer.hpp"

namespace leaky {

std::string problems_to_json(const Problems& problems) {
  std::string out = "[";
  for (std::size_t i = 0; i < problems.size(); ++i) {
    const Problem& p = problems[i];
    if (i) out += ',';
    out += "{\"field\":" + json::quote(p.field) + ",\"value\":" + json::quote(p.value) +
           ",\"message\":" + json::quote(p.message) + "}";
  }
  return out + "]";
}

std::string problems_to_text(const Problems& problems) {
  std::string out;
  for (const Problem& p : problems) {
    if (!out.empty()) out += "; ";
    out += p.field + (p.value.empty() ? "" : " = " + p.value) + ": " + p.message;
  }
  return out;
}

} // namespace leaky
