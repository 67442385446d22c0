// Reading JSON configs and models without exceptions (the wasm product build has none):
// parse errors carry their line and column, and a FieldReader collects every problem of a
// document at once, each with the field's path, the value and what is allowed.
// Documents are strict JSON plus comments (// and /* */, for hand-written configs); a key
// given twice in one object is refused (JSON leaves it open; taking the last one would hide
// a mistake), and so is nesting deeper than kMaxJsonDepth.
#pragma once
#include "problem.hpp"
#include "range.hpp"

// nlohmann's no-exception mode comes from core/CMakeLists.txt, for every file alike: a define
// here would miss files that include nlohmann before this header.
#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace leaky {

using Json = nlohmann::json;

// Arrays and objects within each other: deep enough for every document of the schema (a
// config or model nests 4 levels), shallow enough that no reader ever recurses far.
inline constexpr int kMaxJsonDepth = 64;

struct JsonLimits {
  std::size_t max_text_bytes = SIZE_MAX; // the document's length
  std::size_t max_tree_bytes = SIZE_MAX; // the parsed tree's estimated memory
  int max_depth = kMaxJsonDepth;
};

// Parses text; on a syntax error or a limit returns nullopt and adds one problem (with line
// and column where there is one). `what` names the document in it ("config", "model").
std::optional<Json> parse_json(std::string_view text, Problems& problems,
                               const std::string& what = "json", const JsonLimits& limits = {});

// Typed, range-checked access to the members of one JSON object. Missing members keep their
// defaults; wrong types, out-of-range values and unknown members are reported as problems.
class FieldReader {
public:
  FieldReader(const Json& object, std::string path, Problems& problems);

  bool ok() const { return is_object_; }
  bool has(const char* key) const;

  // Numbers within a range (range.hpp), whole numbers where the range says so.
  void number(const char* key, double& target, const Range& range);
  void number(const char* key, float& target, const Range& range);
  void number(const char* key, int& target, const Range& range);
  void number(const char* key, std::int64_t& target, const Range& range);
  void number(const char* key, std::uint64_t& target, const Range& range);
  void boolean(const char* key, bool& target);
  // A string that must be one of `allowed`.
  void choice(const char* key, std::string& target, const std::vector<std::string>& allowed);
  // A nested object (nullptr when missing or not an object, reported in the latter case).
  const Json* object(const char* key);
  // A nested array (nullptr when missing or not an array, reported in the latter case).
  const Json* array(const char* key);

  // A member the chosen kind does not read: reported when present ("has no effect: " + why),
  // since silently ignoring it would run something other than what the document says.
  void unused(const char* key, const std::string& why);

  // Reports every member not read through this reader: catches typos like "learning_rte".
  void reject_unknown();

  std::string path_of(const char* key) const;
  void problem(const char* key, const Json& value, const std::string& message);

private:
  const Json* member(const char* key);
  const Json& object_;
  std::string path_;
  Problems& problems_;
  bool is_object_;
  std::vector<std::string> seen_;
};

// A JSON value as short text for messages ("\"abc\"", "1e+40", "[[1,2],[3,...").
std::string json_brief(const Json& value);

// Reads a JSON array of finite numbers into floats; reports the first bad element.
bool read_float_array(const Json& value, const std::string& path, std::vector<float>& out,
                      Problems& problems);

} // namespace leaky
