#include "json_read.hpp"

#include "json_writer.hpp"

#include <algorithm>
#include <cmath>

namespace leaky {

namespace {

// nlohmann's DOM builder, with the parse error's position kept instead of thrown.
class PositionedDomParser {
public:
  explicit PositionedDomParser(Json& result) : dom_(result, false) {}
  using number_integer_t = Json::number_integer_t;
  using number_unsigned_t = Json::number_unsigned_t;
  using number_float_t = Json::number_float_t;
  using string_t = Json::string_t;
  using binary_t = Json::binary_t;

  bool null() { return dom_.null(); }
  bool boolean(bool v) { return dom_.boolean(v); }
  bool number_integer(number_integer_t v) { return dom_.number_integer(v); }
  bool number_unsigned(number_unsigned_t v) { return dom_.number_unsigned(v); }
  bool number_float(number_float_t v, const string_t& s) { return dom_.number_float(v, s); }
  bool string(string_t& v) { return dom_.string(v); }
  bool binary(binary_t& v) { return dom_.binary(v); }
  bool start_object(std::size_t n) { return dom_.start_object(n); }
  bool key(string_t& v) { return dom_.key(v); }
  bool end_object() { return dom_.end_object(); }
  bool start_array(std::size_t n) { return dom_.start_array(n); }
  bool end_array() { return dom_.end_array(); }
  bool parse_error(std::size_t, const std::string& token,
                   const nlohmann::detail::exception& error) {
    message_ = error.what();
    token_ = token;
    failed_ = true;
    return false;
  }

  bool failed() const { return failed_; }
  const std::string& message() const { return message_; }

private:
  nlohmann::detail::json_sax_dom_parser<Json> dom_;
  bool failed_ = false;
  std::string message_, token_;
};

// "[json.exception.parse_error.101] parse error at line 3, column 5: syntax error ..." ->
// "line 3, column 5: syntax error ..."
std::string tidy_parse_message(const std::string& raw) {
  std::string m = raw;
  if (auto p = m.find("] "); p != std::string::npos) m = m.substr(p + 2);
  if (m.rfind("parse error at ", 0) == 0) m = m.substr(15);
  return m;
}

} // namespace

std::optional<Json> parse_json(std::string_view text, Problems& problems, const std::string& what) {
  Json result;
  PositionedDomParser sax(result);
  const bool ok = Json::sax_parse(text.begin(), text.end(), &sax,
                                  nlohmann::detail::input_format_t::json, true, true);
  if (!ok || sax.failed()) {
    problems.push_back({what, "", "not valid JSON: " + tidy_parse_message(sax.message())});
    return std::nullopt;
  }
  return result;
}

std::string json_brief(const Json& value) {
  std::string s = value.dump();
  if (s.size() > 40) s = s.substr(0, 37) + "...";
  return s;
}

FieldReader::FieldReader(const Json& object, std::string path, Problems& problems)
    : object_(object), path_(std::move(path)), problems_(problems), is_object_(object.is_object()) {
  if (!is_object_)
    problems_.push_back(
        {path_.empty() ? "(document)" : path_, json_brief(object), "must be a JSON object"});
}

std::string FieldReader::path_of(const char* key) const {
  return path_.empty() ? std::string(key) : path_ + "." + key;
}

void FieldReader::problem(const char* key, const Json& value, const std::string& message) {
  problems_.push_back({path_of(key), json_brief(value), message});
}

bool FieldReader::has(const char* key) const {
  return is_object_ && object_.contains(key);
}

const Json* FieldReader::member(const char* key) {
  seen_.emplace_back(key);
  if (!is_object_) return nullptr;
  auto it = object_.find(key);
  return it == object_.end() ? nullptr : &*it;
}

void FieldReader::number(const char* key, double& target, const Range& range) {
  const Json* v = member(key);
  if (!v) return;
  const double d = v->is_number() ? v->get<double>() : std::nan("");
  if (!range.contains(d)) return problem(key, *v, "must be " + range.describe());
  target = d;
}

void FieldReader::number(const char* key, float& target, const Range& range) {
  double d = target;
  number(key, d, range);
  target = static_cast<float>(d);
}

void FieldReader::number(const char* key, int& target, const Range& range) {
  double d = target;
  number(key, d, range);
  target = static_cast<int>(d);
}

void FieldReader::number(const char* key, std::int64_t& target, const Range& range) {
  double d = static_cast<double>(target);
  number(key, d, range);
  target = static_cast<std::int64_t>(d);
}

void FieldReader::number(const char* key, std::uint64_t& target, const Range& range) {
  const Json* v = member(key);
  if (!v) return;
  // Compared as integers: a double cannot tell 2^53 from 2^53 + 1.
  if (v->is_number_unsigned()) {
    const auto u = v->get<std::uint64_t>();
    if (u < static_cast<std::uint64_t>(range.min) || u > static_cast<std::uint64_t>(range.max))
      return problem(key, *v, "must be " + range.describe());
    target = u;
    return;
  }
  const double d = v->is_number() ? v->get<double>() : std::nan("");
  if (!range.contains(d)) return problem(key, *v, "must be " + range.describe());
  target = static_cast<std::uint64_t>(d);
}

void FieldReader::boolean(const char* key, bool& target) {
  const Json* v = member(key);
  if (!v) return;
  if (!v->is_boolean()) return problem(key, *v, "must be true or false");
  target = v->get<bool>();
}

void FieldReader::choice(const char* key, std::string& target,
                         const std::vector<std::string>& allowed) {
  const Json* v = member(key);
  if (!v) return;
  std::string list;
  for (const std::string& a : allowed)
    list += (list.empty() ? "" : ", ") + a;
  if (!v->is_string()) return problem(key, *v, "must be one of: " + list);
  const std::string s = v->get<std::string>();
  if (std::find(allowed.begin(), allowed.end(), s) == allowed.end())
    return problem(key, *v, "must be one of: " + list);
  target = s;
}

const Json* FieldReader::object(const char* key) {
  const Json* v = member(key);
  if (!v || v->is_null()) return nullptr;
  if (!v->is_object()) {
    problem(key, *v, "must be a JSON object");
    return nullptr;
  }
  return v;
}

const Json* FieldReader::array(const char* key) {
  const Json* v = member(key);
  if (!v || v->is_null()) return nullptr;
  if (!v->is_array()) {
    problem(key, *v, "must be a JSON array");
    return nullptr;
  }
  return v;
}

void FieldReader::reject_unknown() {
  if (!is_object_) return;
  for (auto it = object_.begin(); it != object_.end(); ++it)
    if (std::find(seen_.begin(), seen_.end(), it.key()) == seen_.end())
      problems_.push_back(
          {path_of(it.key().c_str()), json_brief(it.value()), "is not a known field"});
}

bool read_float_array(const Json& value, const std::string& path, std::vector<float>& out,
                      Problems& problems) {
  if (!value.is_array()) {
    problems.push_back({path, json_brief(value), "must be an array of numbers"});
    return false;
  }
  out.clear();
  out.reserve(value.size());
  for (std::size_t i = 0; i < value.size(); ++i) {
    const Json& e = value[i];
    const double d = e.is_number() ? e.get<double>() : NAN;
    const auto f = static_cast<float>(d);
    if (!std::isfinite(f)) {
      problems.push_back(
          {path + "[" + std::to_string(i) + "]", json_brief(e), "must be a finite float32 number"});
      return false;
    }
    out.push_back(f);
  }
  return true;
}

} // namespace leaky
