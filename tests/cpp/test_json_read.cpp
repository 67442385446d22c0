// Reading JSON from hostile hands (json_read.hpp): nesting up to the documented limit and
// no further, duplicate keys, comments, byte order marks, the tree's memory, numbers out of
// range, and messages that stay printable whatever bytes the document holds.
#include "config_json.hpp"
#include "csv_import.hpp"
#include "json_read.hpp"
#include "json_writer.hpp"
#include "model_json.hpp"
#include "text.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace leaky;

namespace {

std::string nested(int depth, const std::string& inside = "1") {
  return std::string(depth, '[') + inside + std::string(depth, ']');
}

bool contains(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

// Well-formed UTF-8 with no control character but the ones JSON escapes.
bool printable_utf8(const std::string& s) {
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = utf8_sequence(s, i);
    if (n == 0 || (n == 1 && static_cast<unsigned char>(s[i]) < 0x20)) return false;
    i += n;
  }
  return true;
}

// problems_to_json holds the problems' own strings: they are printable from the start.
bool json_holds_the_same(const Problems& problems) {
  const Json doc = Json::parse(problems_to_json(problems), nullptr, false);
  if (!doc.is_array() || doc.size() != problems.size()) return false;
  for (std::size_t i = 0; i < problems.size(); ++i)
    if (doc[i]["field"] != problems[i].field || doc[i]["value"] != problems[i].value ||
        doc[i]["message"] != problems[i].message)
      return false;
  return true;
}

} // namespace

TEST_CASE("json: nesting up to kMaxJsonDepth parses; one level more is refused, naming it") {
  Problems ok;
  const auto at_limit = parse_json(nested(kMaxJsonDepth), ok);
  CHECK(at_limit.has_value());
  CHECK(ok.empty());

  Problems deep;
  CHECK_FALSE(parse_json(nested(kMaxJsonDepth + 1), deep, "config").has_value());
  REQUIRE(deep.size() == 1);
  CHECK(deep[0].field == "config");
  CHECK(contains(deep[0].message, "deeper than 64 levels"));
  CHECK(contains(deep[0].message, "64 is the limit"));

  // Far deeper (once a stack overflow in the CLI): the same one problem, found at level 65.
  Problems far;
  CHECK_FALSE(parse_json(nested(200000), far).has_value());
  REQUIRE(far.size() == 1);
  CHECK(contains(far[0].message, "deeper than 64"));
  // Objects count too, and the path says where.
  std::string objects = "{\"seed\":";
  for (int i = 0; i < 70; ++i)
    objects += "{\"a\":";
  Problems in_object;
  CHECK_FALSE(parse_json(objects + "1" + std::string(71, '}'), in_object).has_value());
  REQUIRE(in_object.size() == 1);
  CHECK(contains(in_object[0].message, "(at seed.a.a.a"));
}

TEST_CASE("json: a key given twice in one object is refused with its path") {
  ConfigResult r = parse_config(R"({"version":1,"training":{"steps":5,"steps":6}})");
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].field == "config");
  CHECK(contains(r.problems[0].message, "\"training.steps\" is given twice"));
  // The same key in two objects is fine.
  CHECK(parse_config(R"({"version":1,"data":{"seed":2},"seed":3})").ok());
}

TEST_CASE("json: comments are accepted; a byte order mark and CRLF line ends too") {
  CHECK(parse_config("// a hand-written config\n{\"version\":1, /* the default seed */ \"seed\":1}")
            .ok());
  CHECK(parse_config("\xEF\xBB\xBF{\"version\":1}").ok());
  CHECK(parse_config("{\r\n\"version\":1,\r\n\"seed\":2\r\n}\r\n").ok());
}

TEST_CASE("json: syntax errors and overflowing numbers carry a line and column") {
  ConfigResult broken = parse_config("{\n \"seed\": 1,\n}");
  REQUIRE(broken.problems.size() == 1);
  CHECK(contains(broken.problems[0].message, "not valid JSON: line 3, column 1"));
  ConfigResult overflow = parse_config("{\"version\":1,\n\"seed\":1e999}");
  REQUIRE(overflow.problems.size() == 1);
  CHECK(contains(overflow.problems[0].message, "line 2, column"));
  CHECK(contains(overflow.problems[0].message, "1e999"));
  for (const char* empty : {"", " ", "\xEF\xBB\xBF", "nul", "{\"version\":1", "\x01\x02\x03"}) {
    ConfigResult r = parse_config(empty);
    CHECK_FALSE(r.ok());
    CHECK(r.problems.size() == 1);
  }
}

TEST_CASE("json: the text and the tree are bounded") {
  ConfigResult big = parse_config("{\"version\":1}" + std::string(kMaxConfigBytes, ' '));
  REQUIRE(big.problems.size() == 1);
  CHECK(contains(big.problems[0].message, "at most 1 MiB"));
  // A model of 65,552 numbers: 131 KB of text, a tree of about 2 MiB.
  const auto zeros = [](int n) {
    std::string out = "[0";
    for (int i = 1; i < n; ++i)
      out += ",0";
    return out + "]";
  };
  const std::string model = R"({"format":"leaky-lab-model","version":1,"inputs":4096,"loss":"mse",
    "layers":[{"units":16,"activation":"relu","weights":)" +
                            zeros(4096 * 16) + R"(,"bias":)" + zeros(16) +
                            R"(},{"units":1,"activation":"linear","weights":)" + zeros(16) +
                            R"(,"bias":[0]}]})";
  ModelResult tight = parse_model(model, std::size_t{1} << 20);
  REQUIRE(tight.problems.size() == 1);
  CHECK(contains(tight.problems[0].message, "of memory once read"));
  CHECK(parse_model(model).ok());
}

TEST_CASE("json: control characters and invalid UTF-8 never reach a message raw") {
  const std::string evil = "\x1b[31m\xff\xfe\xc0\xaf\xed\xa0\x80\xc2\x9b"
                           "ok";
  CHECK(printable(evil) == "\\x1b[31m\\xff\\xfe\\xc0\\xaf\\xed\\xa0\\x80\\xc2\\x9bok");
  CHECK(printable(printable(evil)) == printable(evil));
  CHECK(printable("α ≤ 1, naïve\ttab") == "α ≤ 1, naïve\\ttab");
  // JSON output stays valid UTF-8 with every control character escaped.
  const std::string quoted = json::quote(evil);
  CHECK(printable_utf8(quoted));
  CHECK(contains(quoted, "\\u001b[31m\\\\xff"));
  CHECK(contains(quoted, "\\u009b"));

  // A document whose strings carry escapes: the problem's value shows them escaped.
  ConfigResult r = parse_config(R"({"version":1,"optimizer":{"kind":"\u001b[2J\u0000"}})");
  REQUIRE(r.problems.size() == 1);
  CHECK(printable_utf8(problems_to_json(r.problems)));
  CHECK(printable(problems_to_text(r.problems)) == problems_to_text(r.problems));
  // Invalid UTF-8 in the document: nlohmann names the byte; the message escapes it.
  ConfigResult bytes = parse_config("{\"version\":1,\"optimizer\":{\"kind\":\"\xff\"}}");
  REQUIRE(bytes.problems.size() == 1);
  CHECK(printable_utf8(problems_to_json(bytes.problems)));
  CHECK(contains(problems_to_text(bytes.problems), "\\xff"));
  CHECK(json_holds_the_same(bytes.problems));
  // Unknown keys with control characters, CSV fields with any bytes: the same.
  CHECK(json_holds_the_same(parse_config(R"({"version":1,"\u001b[1m\u0085":1})").problems));
  const CsvImport csv = import_csv("a,b\nx\x01,\xff\xfe y\n", CsvSpec{});
  REQUIRE(csv.problems.size() == 2);
  CHECK(csv.problems[1].value == "\\xff\\xfe y");
  CHECK(json_holds_the_same(csv.problems));
}

TEST_CASE("json: a value in a message is short, however large or deep the value") {
  Problems p;
  auto doc =
      parse_json("{\"hidden\":" + nested(60, "\"" + std::string(100000, 'x') + "\"") + "}", p);
  REQUIRE(doc);
  const std::string brief = json_brief((*doc)["hidden"]);
  CHECK(brief.size() <= 40);
  CHECK(brief.substr(brief.size() - 3) == "...");
  CHECK(json_brief(Json(std::string(1000, 'x'))).size() <= 40);
  CHECK(json_brief(Json::parse("[1,2]")) == "[1,2]");
  // Cut at a character, not inside one.
  const std::string greek = json_brief(Json(std::string(30, 'a') + "ααααααααα"));
  CHECK(printable_utf8(greek));
}
