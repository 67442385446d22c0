// Command-line options: `--name value`, `--name=value` and bare flags. A value may start
// with '-' (as in --x -2,0,1), because each option declares whether it takes a value.
#pragma once
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace leaky::cli {

struct OptionSpec {
  std::string name; // without the leading "--"
  bool takes_value;
};

struct Args {
  std::map<std::string, std::string> values; // option -> value ("" for flags)
  bool has(const std::string& name) const { return values.count(name) != 0; }
  std::optional<std::string> get(const std::string& name) const;
};

// Parses argv[first..]; on an unknown option or a missing value, returns the one-line error.
std::optional<std::string> parse_args(int argc, char** argv, int first,
                                      const std::vector<OptionSpec>& specs, Args& out);

// Whole-string number parsing: "1.5" yes, "1.5x" and "" no.
std::optional<double> parse_number(const std::string& text);

// A whole-number option within [lo, hi]: absent leaves `out` unchanged; a bad value returns
// the one-line error ("--seeds must be a whole number within [1, 10000], got 'x'").
std::optional<std::string> whole_number_option(const Args& args, const char* name, double lo,
                                               double hi, double& out);

// "a,b,c" -> numbers; nullopt names no position, the caller says which option failed.
std::optional<std::vector<double>> parse_number_list(const std::string& text);

} // namespace leaky::cli
