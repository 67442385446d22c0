// Command-line options: `--name value`, `--name=value` and bare flags. A value may start
// with '-' (as in --x -2,0,1), because each option declares whether it takes a value.
#pragma once
#include "range.hpp"

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

// Whole-string number parsing in the decimal syntax of decimal.hpp: "1.5" and "-2e3" yes;
// "1.5x", "", " 5", "0x10" no; "nan", "inf", "-infinity" only where `non_finite` says so.
std::optional<double> parse_number(const std::string& text, bool non_finite = false);

// A whole-number option within `range` (a Range::whole): absent leaves `out` unchanged; a bad
// value returns the one-line error ("--seeds must be a whole number within [1, 10000], got 'x'").
std::optional<std::string> whole_number_option(const Args& args, const char* name,
                                               const Range& range, double& out);

// "a,b,c" -> numbers; nullopt names no position, the caller says which option failed.
std::optional<std::vector<double>> parse_number_list(const std::string& text,
                                                     bool non_finite = false);

} // namespace leaky::cli
