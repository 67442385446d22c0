// Reading JSON configs and models without exceptions (the wasm product build has none):
// parse errors carry their line and column, and a FieldReader collects every problem of a
// document at once, each with the field's path, the value and what is allowed.
#pragma once
#include "problem.hpp"
#include "range.hpp"

// nlohmann's no-exception mode comes from core/CMakeLists.txt, for every file alike: a define
// here would miss files that include nlohmann before this header.
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace leaky {

using Json = nlohmann::json;

// Parses text; on a syntax error returns nullopt and adds one problem naming line and column.
std::optional<Json> parse_json(std::string_view text, Problems& problems,
                               const std::string& what = "json");

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

// A JSON value as short text for messages ("\"abc\"", "1e+40", "[...]").
std::string json_brief(const Json& value);

// Reads a JSON array of finite numbers into floats; reports the first bad element.
bool read_float_array(const Json& value, const std::string& path, std::vector<float>& out,
                      Problems& problems);

} // namespace leaky
