#include "csv_import.hpp"

#include "decimal.hpp"
#include "json_writer.hpp"
#include "text.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>
#include <vector>

namespace leaky {

namespace {

bool is_space(char c, char delimiter) {
  return c == ' ' || (c == '\t' && delimiter != '\t');
}

bool is_blank(std::string_view line) {
  return std::all_of(line.begin(), line.end(),
                     [](char c) { return c == ' ' || c == '\t' || c == '\r'; });
}

// The offending text, shortened and made printable for a message (control characters and
// bytes that are not UTF-8 escaped as \xNN: they are kept so in the problem itself).
std::string excerpt(std::string_view s) {
  constexpr std::size_t kMax = 40;
  if (s.size() <= kMax) return printable(s);
  return printable(s.substr(0, kMax)) + "...";
}

std::string where(long line) {
  return "line " + std::to_string(line);
}

std::string where(long line, std::size_t column) {
  return where(line) + ", column " + std::to_string(column);
}

// ',' if the line has one outside quotes, else ';', else a tab (else ',': one column).
char detect_delimiter(std::string_view line) {
  bool quoted = false, semicolon = false, tab = false;
  for (char c : line) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == ',') return ',';
    semicolon = semicolon || c == ';';
    tab = tab || c == '\t';
  }
  if (semicolon) return ';';
  return tab ? '\t' : ',';
}

struct SplitError {
  std::size_t column = 0;
  std::string message;
};

// Splits one line into trimmed, unquoted fields, keeping at most `max_fields` of them: a long
// line costs its own bytes at most, however many delimiters it holds. Returns the number of
// fields on the line (which may exceed fields.size()), or 0 on a quoting error.
std::size_t split(std::string_view line, char delimiter, std::size_t max_fields,
                  std::vector<std::string>& fields, SplitError& error) {
  fields.clear();
  const std::size_t n = line.size();
  std::size_t i = 0, count = 0;
  for (;;) {
    const bool keep = count < max_fields;
    while (i < n && is_space(line[i], delimiter))
      ++i;
    std::string field;
    if (i < n && line[i] == '"') {
      ++i;
      bool closed = false;
      while (i < n) {
        if (line[i] != '"') {
          if (keep) field += line[i];
          ++i;
        } else if (i + 1 < n && line[i + 1] == '"') {
          if (keep) field += '"';
          i += 2;
        } else {
          ++i;
          closed = true;
          break;
        }
      }
      if (!closed) {
        error = {count + 1, "a quote is not closed on this line"};
        return 0;
      }
      while (i < n && is_space(line[i], delimiter))
        ++i;
      if (i < n && line[i] != delimiter) {
        error = {count + 1, "text after the closing quote"};
        return 0;
      }
    } else {
      const std::size_t start = i;
      while (i < n && line[i] != delimiter)
        ++i;
      std::size_t end = i;
      while (end > start && is_space(line[end - 1], delimiter))
        --end;
      if (keep) field.assign(line.substr(start, end - start));
    }
    if (keep) fields.push_back(std::move(field));
    ++count;
    if (i >= n) return count;
    ++i; // the delimiter
  }
}

enum class Parse { ok, empty, not_number, not_finite, out_of_range };

// strtof rounds correctly (glibc and musl alike); the syntax is checked first, so that
// strtof's extras (hex, inf, nan, leading spaces, a locale's decimal comma) never apply.
Parse parse_number(std::string_view s, float& out) {
  if (s.empty()) return Parse::empty;
  if (non_finite_word(s)) return Parse::not_finite;
  if (!decimal_syntax(s)) return Parse::not_number;
  const std::string copy(s);
  char* end = nullptr;
  const float v = std::strtof(copy.c_str(), &end);
  if (end != copy.c_str() + copy.size()) return Parse::not_number;
  if (!std::isfinite(v)) return Parse::out_of_range;
  out = v;
  return Parse::ok;
}

std::string parse_message(Parse result, std::string_view s) {
  switch (result) {
  case Parse::empty:
    return "empty field: every field of a data row must be a number";
  case Parse::not_finite:
    return "'" + excerpt(s) + "' is not a finite number";
  case Parse::out_of_range:
    return "'" + excerpt(s) + "' is out of float range (magnitude up to 3.4e38)";
  default:
    return "'" + excerpt(s) + "' is not a number";
  }
}

// Line problems, at most kCsvMaxProblems listed.
struct Report {
  Problems& problems;
  long count = 0;
  void add(Problem p) {
    if (count++ < kCsvMaxProblems) problems.push_back(std::move(p));
  }
  void finish() {
    if (count > kCsvMaxProblems)
      problems.push_back(
          {"file", std::to_string(count),
           "and " + std::to_string(count - kCsvMaxProblems) + " more problems like these"});
  }
};

} // namespace

CsvImport import_csv(std::string_view text, const CsvSpec& spec) {
  CsvImport out;
  if (text.size() > kCsvMaxBytes) {
    out.problems.push_back(
        {"file", byte_size_text(static_cast<double>(text.size())),
         "a CSV file may have at most " + byte_size_text(static_cast<double>(kCsvMaxBytes))});
    return out;
  }
  // A NUL byte is in no text file: binary data, or text in UTF-16 (one NUL per ASCII letter).
  if (const std::size_t nul = text.find('\0'); nul != std::string_view::npos) {
    out.problems.push_back({"file", "a NUL byte at byte " + std::to_string(nul + 1),
                            "not a text file (a CSV file is text in UTF-8 or ASCII)"});
    return out;
  }
  Report report{out.problems};
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);

  std::vector<std::string> fields, names;
  std::vector<float> values; // [rows x columns], rows without problems only
  std::vector<long> row_lines;
  std::size_t columns = 0;
  long first_line = 0, data_lines = 0;
  char delimiter = ',';
  bool stop = false;

  std::size_t pos = 0;
  long line_number = 0;
  while (!stop && pos <= text.size()) {
    const std::size_t newline = std::min(text.find('\n', pos), text.size());
    std::string_view line = text.substr(pos, newline - pos);
    pos = newline + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (is_blank(line)) continue;

    const bool first = first_line == 0;
    if (first) {
      first_line = line_number;
      delimiter = detect_delimiter(line);
    }
    SplitError split_error;
    // The first line may have up to kCsvMaxColumns fields; the others as many as it has
    // (one more is kept, to see that there are too many).
    const std::size_t max_fields = first ? kCsvMaxColumns + 1 : columns + 1;
    const std::size_t count = split(line, delimiter, max_fields, fields, split_error);
    if (count == 0) {
      report.add({where(line_number, split_error.column), excerpt(line), split_error.message});
      if (first) stop = true; // no column count to check the rest against
      continue;
    }

    if (first) {
      columns = count;
      if (columns < 2) {
        report.add({where(line_number), excerpt(line),
                    "one column (no ',', ';' or tab found): a CSV needs at least 2, the "
                    "inputs and the target"});
        stop = true;
        continue;
      }
      if (columns > static_cast<std::size_t>(kCsvMaxColumns)) {
        report.add({where(line_number), std::to_string(columns) + " columns",
                    "at most " + std::to_string(kCsvMaxColumns) + " columns"});
        stop = true;
        continue;
      }
      bool header = false;
      if (spec.header) {
        header = *spec.header;
      } else {
        float ignored = 0;
        for (const std::string& f : fields) {
          const Parse p = parse_number(f, ignored);
          header = header || p == Parse::not_number; // "" is a missing number
        }
      }
      out.had_header = header;
      if (header) {
        names = fields;
        continue;
      }
    } else if (count != columns) {
      report.add({where(line_number), std::to_string(count) + " fields",
                  std::to_string(count) + " fields where line " + std::to_string(first_line) +
                      " has " + std::to_string(columns)});
      continue;
    }

    if (++data_lines > kMaxPoints) {
      report.add({where(line_number), "",
                  "more than " + std::to_string(kMaxPoints) +
                      " data rows: " + std::to_string(kMaxPoints) + " is the limit"});
      stop = true;
      continue;
    }
    if (static_cast<long>(values.size() + columns) > kCsvMaxValues) {
      report.add({where(line_number), "",
                  "more than " + std::to_string(kCsvMaxValues) + " numbers: the limit"});
      stop = true;
      continue;
    }
    bool row_ok = true;
    const std::size_t row_start = values.size();
    for (std::size_t c = 0; c < columns; ++c) {
      float v = 0;
      const Parse p = parse_number(fields[c], v);
      if (p != Parse::ok) {
        report.add({where(line_number, c + 1), excerpt(fields[c]), parse_message(p, fields[c])});
        row_ok = false;
      }
      values.push_back(v);
    }
    if (row_ok) {
      row_lines.push_back(line_number);
    } else {
      values.resize(row_start);
    }
  }
  report.finish();

  // The target column.
  out.columns = static_cast<int>(columns);
  const int n_columns = static_cast<int>(columns);
  int target = -1; // 0-based, -1 unknown
  if (columns >= 2) {
    const int t = spec.target_column;
    if (t >= 1 && t <= n_columns)
      target = t - 1;
    else if (t <= -1 && t >= -n_columns)
      target = n_columns + t;
    else
      out.problems.push_back({"target_column", std::to_string(t),
                              "target_column must be from 1 to " + std::to_string(n_columns) +
                                  ", or from -" + std::to_string(n_columns) +
                                  " to -1 counting from the end (the file has " +
                                  std::to_string(n_columns) + " columns)"});
    out.target_column = target + 1;
  }

  const bool file_ok = out.problems.empty();
  const auto rows = static_cast<long>(row_lines.size());
  if (file_ok && !stop && rows < 2)
    out.problems.push_back(
        {"file", std::to_string(rows) + " data rows",
         rows == 0 ? (first_line == 0 ? "the file is empty" : "the file has no data rows")
                   : "one data row: at least 2 are needed, for a training and a test set"});

  // Binary classification: two distinct target values, read as 0 (smaller) and 1.
  std::array<float, 2> classes = {0.0f, 0.0f};
  if (file_ok && target >= 0 && rows >= 2 && spec.task == Task::binary_classification) {
    int distinct = 0;
    for (long r = 0; r < rows; ++r) {
      const float v =
          values[static_cast<std::size_t>(r) * columns + static_cast<std::size_t>(target)];
      if (distinct > 0 && v == classes[0]) continue;
      if (distinct > 1 && v == classes[1]) continue;
      if (distinct < 2) {
        classes[static_cast<std::size_t>(distinct++)] = v;
        continue;
      }
      out.problems.push_back(
          {where(row_lines[static_cast<std::size_t>(r)], static_cast<std::size_t>(target) + 1),
           json::number(v),
           "a third distinct target value: binary classification takes two (this column "
           "already has " +
               json::number(classes[0]) + " and " + json::number(classes[1]) + ")"});
      break;
    }
    if (distinct == 1)
      out.problems.push_back({"target_column", std::to_string(target + 1),
                              "column " + std::to_string(target + 1) + " holds the single value " +
                                  json::number(classes[0]) +
                                  ": binary classification needs two distinct values"});
    if (classes[1] < classes[0]) std::swap(classes[0], classes[1]);
    out.class_values = classes;
  }

  for (const Problem& p :
       validate_train_fraction(spec.train_fraction, rows >= 2 ? static_cast<int>(rows) : 0))
    out.problems.push_back(p);
  // Past the column limit (refused above) the features are not checked: naming every column
  // would cost the memory the limit is there to save.
  if (columns >= 2 && columns <= static_cast<std::size_t>(kCsvMaxColumns))
    for (const Problem& p : validate(spec.features, n_columns - 1))
      out.problems.push_back(p);
  if (!out.problems.empty()) return out;

  // Inputs in file order without the target; names from the header or x1, x2, ...
  const std::size_t inputs = columns - 1;
  const auto t = static_cast<std::size_t>(target);
  std::vector<float> x, y;
  x.reserve(static_cast<std::size_t>(rows) * inputs);
  y.reserve(static_cast<std::size_t>(rows));
  Dataset& d = out.dataset;
  d.task = spec.task;
  d.domain_min.assign(inputs, 0.0f);
  d.domain_max.assign(inputs, 0.0f);
  for (std::size_t r = 0; r < static_cast<std::size_t>(rows); ++r) {
    const float* row = values.data() + r * columns;
    std::size_t i = 0;
    for (std::size_t c = 0; c < columns; ++c) {
      if (c == t) continue;
      x.push_back(row[c]);
      d.domain_min[i] = r == 0 ? row[c] : std::min(d.domain_min[i], row[c]);
      d.domain_max[i] = r == 0 ? row[c] : std::max(d.domain_max[i], row[c]);
      ++i;
    }
    float target_value = row[t];
    if (spec.task == Task::binary_classification)
      target_value = target_value == classes[1] ? 1.0f : 0.0f;
    y.push_back(target_value);
  }

  std::vector<std::string> base_names;
  for (std::size_t c = 0; c < columns; ++c) {
    if (c == t) continue;
    const bool named = c < names.size() && !names[c].empty();
    base_names.push_back(named ? names[c] : "x" + std::to_string(base_names.size() + 1));
  }
  const bool target_named = t < names.size() && !names[t].empty();
  d.target_name = target_named                               ? names[t]
                  : spec.task == Task::binary_classification ? "label"
                                                             : "y";
  Rng rng(spec.seed, kDatasetStream);
  shuffle_split(d, x, y, base_names, spec.features, spec.train_fraction, rng);
  // Finite inputs can still make a feature overflow (3.4e38 squared).
  for (const std::vector<float>* set : {&d.x_train, &d.x_test})
    for (std::size_t i = 0; i < set->size(); ++i) {
      if (std::isfinite((*set)[i])) continue;
      const std::string& name = d.input_names[i % static_cast<std::size_t>(d.inputs)];
      out.problems.push_back({"features", name,
                              "the feature " + name + " is " + json::number((*set)[i]) +
                                  " on some row, beyond float32: scale the inputs, or leave "
                                  "the feature out"});
      out.dataset = Dataset{};
      return out;
    }
  return out;
}

} // namespace leaky
