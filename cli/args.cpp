#include "args.hpp"

#include "decimal.hpp"

#include <cmath>

namespace leaky::cli {

std::optional<std::string> Args::get(const std::string& name) const {
  auto it = values.find(name);
  if (it == values.end()) return std::nullopt;
  return it->second;
}

std::optional<std::string> parse_args(int argc, char** argv, int first,
                                      const std::vector<OptionSpec>& specs, Args& out) {
  for (int i = first; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg.rfind("--", 0) != 0) return "unexpected argument '" + arg + "'";
    std::string name = arg.substr(2);
    std::optional<std::string> inline_value;
    if (auto eq = name.find('='); eq != std::string::npos) {
      inline_value = name.substr(eq + 1);
      name = name.substr(0, eq);
    }
    const OptionSpec* spec = nullptr;
    for (const OptionSpec& s : specs)
      if (s.name == name) spec = &s;
    if (!spec) return "unknown option '--" + name + "'";
    if (!spec->takes_value) {
      if (inline_value) return "option '--" + name + "' takes no value";
      out.values[name] = "";
    } else if (inline_value) {
      out.values[name] = *inline_value;
    } else if (i + 1 < argc) {
      out.values[name] = argv[++i];
    } else {
      return "option '--" + name + "' needs a value";
    }
  }
  return std::nullopt;
}

std::optional<double> parse_number(const std::string& text, bool non_finite) {
  if (non_finite && non_finite_word(text)) {
    const bool sign = text[0] == '-' || text[0] == '+';
    if (text[sign] == 'n' || text[sign] == 'N') return std::nan("");
    return text[0] == '-' ? -HUGE_VAL : HUGE_VAL;
  }
  return parse_decimal(text);
}

std::optional<std::string> whole_number_option(const Args& args, const char* name,
                                               const Range& range, double& out) {
  auto text = args.get(name);
  if (!text) return std::nullopt;
  auto v = parse_number(*text);
  if (!v || !range.contains(*v))
    return "--" + std::string(name) + " must be " + range.describe() + ", got '" + *text + "'";
  out = *v;
  return std::nullopt;
}

std::optional<std::vector<double>> parse_number_list(const std::string& text, bool non_finite) {
  std::vector<double> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = text.find(',', start);
    const std::string item =
        text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    auto v = parse_number(item, non_finite);
    if (!v) return std::nullopt;
    out.push_back(*v);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

} // namespace leaky::cli
