#include "harness.hpp"

#include "json_read.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>

namespace leaky::fuzz {

namespace {

// The detail of a failure stays one readable line.
std::string shorten(std::string_view s, std::size_t max = 300) {
  return s.size() <= max ? std::string(s) : std::string(s.substr(0, max)) + "...";
}

// Bytes >= 0x80 become '?': the JSON syntax is checked, not the text's encoding.
std::string ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (static_cast<unsigned char>(c) >= 0x80) c = '?';
  return out;
}

} // namespace

void fail(std::string_view property, std::string_view detail) {
  std::fprintf(stderr, "PROPERTY FAILED: %.*s: %s\n", static_cast<int>(property.size()),
               property.data(), shorten(detail).c_str());
  std::abort();
}

std::string first_field(const Problems& problems) {
  std::string out;
  bool in_index = false;
  for (char c : problems.empty() ? std::string() : problems.front().field) {
    in_index = c == '[' || (in_index && c != ']');
    if (!in_index && c != ']' &&
        (std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_'))
      out += c;
  }
  return out;
}

std::string first_difference(std::string_view a, std::string_view b) {
  const std::size_t at = static_cast<std::size_t>(
      std::mismatch(a.begin(), a.end(), b.begin(), b.end()).first - a.begin());
  const std::size_t from = at < 40 ? 0 : at - 40;
  return "at byte " + std::to_string(at) + ": ..." +
         shorten(a.substr(std::min(from, a.size())), 80) + " / ..." +
         shorten(b.substr(std::min(from, b.size())), 80);
}

void check_problems(const Problems& problems) {
  for (const Problem& p : problems)
    if (p.message.empty()) fail("problem-without-message", p.field + " = " + p.value);
  const std::string text = ascii(problems_to_json(problems));
  const Json doc = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_array() || doc.size() != problems.size())
    fail("problems-json-invalid", text);
  for (std::size_t i = 0; i < problems.size(); ++i) {
    const Problem& p = problems[i];
    const Json& item = doc[i];
    for (const auto& [key, value] : {std::pair{"field", &p.field}, std::pair{"value", &p.value},
                                     std::pair{"message", &p.message}}) {
      if (!item.contains(key) || !item[key].is_string() ||
          item[key].get<std::string>() != ascii(*value))
        fail("problems-json-differs",
             std::string(key) + " of problem " + std::to_string(i) + " in " + text);
    }
  }
}

} // namespace leaky::fuzz

// UBSan's reports carry a stack and the check's name (float-cast-overflow, ...) in every run
// of a harness, whoever starts it: scripts/fuzz.sh names kept inputs after that line.
extern "C" const char* __ubsan_default_options() {
  return "print_stacktrace=1:report_error_type=1";
}
