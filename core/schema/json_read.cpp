#include "json_read.hpp"

#include "json_writer.hpp"
#include "text.hpp"

#include <algorithm>
#include <cmath>

namespace leaky {

namespace {

// Builds the tree from nlohmann's SAX events (its own builder is internal to it), enforcing
// the limits as it goes: a document past one stops there, before anything more is built.
// The containers being filled are a stack of pointers: a child is finished before its
// parent gets another element, so no pointer is moved under it.
class TreeBuilder {
public:
  TreeBuilder(Json& root, const JsonLimits& limits) : root_(root), limits_(limits) {}

  bool null() { return add(Json(nullptr)); }
  bool boolean(bool v) { return add(Json(v)); }
  bool number_integer(Json::number_integer_t v) { return add(Json(v)); }
  bool number_unsigned(Json::number_unsigned_t v) { return add(Json(v)); }
  bool number_float(Json::number_float_t v, const Json::string_t&) { return add(Json(v)); }
  bool string(Json::string_t& v) {
    bytes_ += v.size();
    return add(Json(std::move(v)));
  }
  bool binary(Json::binary_t&) { return refuse("binary data is not JSON"); }
  bool start_object(std::size_t) { return open(Json::object()); }
  bool start_array(std::size_t) { return open(Json::array()); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }
  bool key(Json::string_t& k) {
    if (stack_.back().value->contains(k))
      return refuse(json::quote(path_to(k)) +
                    " is given twice: a key may appear once in an object");
    bytes_ += kMemberBytes + k.size();
    key_ = std::move(k);
    return true;
  }
  bool parse_error(std::size_t position, const std::string&, const Json::exception& error) {
    // "[json.exception.parse_error.101] parse error at line 3, column 5: syntax error ..."
    std::string m = printable(error.what()); // it quotes the last bytes read
    if (auto p = m.find("] "); p != std::string::npos) m = m.substr(p + 2);
    constexpr std::string_view kAt = "parse error at ";
    if (m.rfind(kAt, 0) == 0) {
      message_ = m.substr(kAt.size());
    } else { // "number overflow parsing '1e999'" comes without a place
      message_ = m;
      error_offset_ = position > 0 ? position - 1 : 0;
    }
    return false;
  }

  bool refused() const { return refused_; }
  const std::string& message() const { return message_; }
  // The byte where nlohmann found an error it did not place itself.
  const std::optional<std::size_t>& error_offset() const { return error_offset_; }

private:
  // What a tree costs beyond sizeof(Json) per value: a map node per object member, an
  // array's spare capacity and, while it grows, its old copy (two more values per value: a
  // 200 MB array of zeros peaked at 1.36x the tree counted with one), a container's header.
  static constexpr std::size_t kMemberBytes = 64;
  static constexpr std::size_t kContainerBytes = 48;

  struct Open {
    Json* value;
    std::string path; // for messages: "network.hidden[2]"
  };

  std::string path_to(const std::string& key) const {
    const std::string& at = stack_.back().path;
    return at.empty() ? key : at + "." + key;
  }

  // The path of the value about to be placed.
  std::string next_path() const {
    if (stack_.empty()) return "";
    const Open& parent = stack_.back();
    if (parent.value->is_array())
      return parent.path + "[" + std::to_string(parent.value->size()) + "]";
    return path_to(key_);
  }

  // Places v in the open container (or as the root); nullptr past the memory limit.
  Json* place(Json&& v) {
    const bool in_array = !stack_.empty() && stack_.back().value->is_array();
    bytes_ += sizeof(Json) * (in_array ? 3 : 1);
    if (bytes_ > limits_.max_tree_bytes) {
      refuse("it would take more than " +
             byte_size_text(static_cast<double>(limits_.max_tree_bytes)) + " of memory once read");
      return nullptr;
    }
    if (stack_.empty()) return &(root_ = std::move(v));
    Json& parent = *stack_.back().value;
    if (in_array) {
      parent.push_back(std::move(v));
      return &parent.back();
    }
    return &(parent[key_] = std::move(v));
  }

  bool add(Json&& v) { return place(std::move(v)) != nullptr; }

  bool open(Json&& container) {
    std::string path = next_path();
    if (static_cast<int>(stack_.size()) >= limits_.max_depth)
      return refuse("arrays and objects are nested deeper than " +
                    std::to_string(limits_.max_depth) + " levels (at " +
                    printable(path.substr(0, 40)) + (path.size() > 40 ? "..." : "") + "); " +
                    std::to_string(limits_.max_depth) + " is the limit");
    bytes_ += kContainerBytes;
    Json* placed = place(std::move(container));
    if (!placed) return false;
    stack_.push_back({placed, std::move(path)});
    return true;
  }

  bool close() {
    stack_.pop_back();
    return true;
  }

  bool refuse(const std::string& message) {
    message_ = message;
    refused_ = true;
    return false;
  }

  Json& root_;
  const JsonLimits& limits_;
  std::vector<Open> stack_;
  std::string key_, message_;
  std::optional<std::size_t> error_offset_;
  std::size_t bytes_ = 0;
  bool refused_ = false;
};

// "line 2, column 7" of a byte offset (both from 1).
std::string line_column(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  const std::size_t line_start = text.substr(0, offset).rfind('\n');
  const auto lines =
      std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n');
  const std::size_t column =
      line_start == std::string_view::npos ? offset + 1 : offset - line_start;
  return "line " + std::to_string(lines + 1) + ", column " + std::to_string(column);
}

// Appends v's JSON text to out, stopping once out is longer than `limit`, so that a large
// value costs no more than its first characters; false when cut.
bool append_brief(const Json& v, std::string& out, std::size_t limit) {
  if (v.is_string()) {
    out += json::quote(v.get_ref<const std::string&>().substr(0, limit));
  } else if (v.is_array() || v.is_object()) {
    out += v.is_array() ? '[' : '{';
    for (auto it = v.begin(); it != v.end(); ++it) {
      if (it != v.begin()) out += ',';
      if (v.is_object()) out += json::quote(it.key().substr(0, limit)) + ":";
      if (out.size() > limit || !append_brief(it.value(), out, limit)) return false;
    }
    out += v.is_array() ? ']' : '}';
  } else {
    out += v.dump(); // a number, true, false or null
  }
  return out.size() <= limit;
}

} // namespace

std::optional<Json> parse_json(std::string_view text, Problems& problems, const std::string& what,
                               const JsonLimits& limits) {
  if (text.size() > limits.max_text_bytes) {
    problems.push_back(
        {what, byte_size_text(static_cast<double>(text.size())),
         "is too large: at most " + byte_size_text(static_cast<double>(limits.max_text_bytes))});
    return std::nullopt;
  }
  Json result;
  TreeBuilder sax(result, limits);
  if (Json::sax_parse(text.begin(), text.end(), &sax, Json::input_format_t::json, true,
                      /*ignore_comments=*/true))
    return result;
  std::string message = sax.message();
  if (sax.error_offset()) message = line_column(text, *sax.error_offset()) + ": " + message;
  problems.push_back({what, "", (sax.refused() ? "" : "not valid JSON: ") + message});
  return std::nullopt;
}

std::string json_brief(const Json& value) {
  constexpr std::size_t kMax = 40;
  std::string s;
  if (append_brief(value, s, kMax)) return s;
  std::size_t cut = kMax - 3;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80)
    --cut; // not inside a UTF-8 sequence
  return s.substr(0, cut) + "...";
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
  const Json* v = member(key);
  if (!v) return;
  // Judged as the float it becomes, so that what is kept is what was checked (and what a
  // written config says reads back).
  const float f = to_float(v->is_number() ? v->get<double>() : std::nan(""));
  if (!range.contains(f)) {
    const bool rounded = v->is_number() && range.contains(v->get<double>());
    return problem(key, *v,
                   "must be " + range.describe() +
                       (rounded ? " (it is " + json::number(f) + " as a float32 number)" : ""));
  }
  target = f;
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

void FieldReader::unused(const char* key, const std::string& why) {
  if (const Json* v = member(key)) problem(key, *v, "has no effect: " + why);
}

void FieldReader::reject_unknown() {
  if (!is_object_) return;
  for (auto it = object_.begin(); it != object_.end(); ++it)
    if (std::find(seen_.begin(), seen_.end(), it.key()) == seen_.end())
      problems_.push_back(
          {path_of(printable(it.key()).c_str()), json_brief(it.value()), "is not a known field"});
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
    const float f = to_float(e.is_number() ? e.get<double>() : NAN);
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
