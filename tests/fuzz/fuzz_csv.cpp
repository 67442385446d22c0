// The CSV import: any bytes give a dataset or a well-formed list of problems, under several
// import options (the input is the file alone, so that seeds are plain CSV files). A dataset
// has the promised sizes: its training and test rows add up to the file's data rows (its
// non-blank lines, less the header), split as train_rows() says; it has the file's columns
// less the target, expanded by the features, with one name each; its labels are 0 and 1,
// both present, for binary classification; and every value is finite.
#include "csv_import.hpp"
#include "harness.hpp"

#include <algorithm>
#include <cmath>

using namespace leaky;

namespace {

const CsvSpec kSpecs[] = {
    {.task = Task::binary_classification, .target_column = -1, .seed = 1},
    {.task = Task::regression,
     .target_column = 1,
     .header = true,
     .train_fraction = 0.8f,
     .features = {.x_squared = true, .sin = true},
     .seed = 2},
    {.task = Task::binary_classification,
     .target_column = 2,
     .header = false,
     .train_fraction = 0.1f,
     .features = {.x1x2 = true},
     .seed = 3},
    {.task = Task::regression,
     .target_column = -2,
     .features = {.x_squared = true, .x1x2 = true, .sin = true},
     .seed = 4},
};

// Blank lines as the import skips them: only spaces, tabs and '\r' (csv_import.cpp).
long non_blank_lines(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  long count = 0;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    const std::size_t end = std::min(text.find('\n', pos), text.size());
    const std::string_view line = text.substr(pos, end - pos);
    if (line.find_first_not_of(" \t\r") != std::string_view::npos) ++count;
    pos = end + 1;
  }
  return count;
}

void check(bool ok, const char* property, const std::string& detail) {
  if (!ok) fuzz::fail(property, detail);
}

// Names the first non-finite value of x (rows of d.inputs columns) or of y (target).
void check_finite(const std::vector<float>& v, const Dataset& d, bool target, const char* set) {
  const auto bad = std::find_if(v.begin(), v.end(), [](float f) { return !std::isfinite(f); });
  if (bad == v.end()) return;
  const auto i = static_cast<std::size_t>(bad - v.begin());
  const std::size_t columns = target ? 1 : d.input_names.size();
  const std::size_t column = i % columns;
  const bool feature = !target && column >= static_cast<std::size_t>(d.base_inputs);
  fuzz::fail(feature ? "csv-feature-not-finite" : "csv-not-finite",
             std::string(set) + " row " + std::to_string(i / columns) + ", column " +
                 (target ? d.target_name : d.input_names[column]) + ": " + std::to_string(*bad));
}

void check_dataset(std::string_view text, const CsvSpec& spec, const CsvImport& in) {
  const Dataset& d = in.dataset;
  const long rows = non_blank_lines(text) - (in.had_header ? 1 : 0);
  const int train = d.train_size(), test = d.test_size();
  const std::string sizes = std::to_string(train) + " + " + std::to_string(test) + " rows of " +
                            std::to_string(rows) + ", " + std::to_string(in.columns) + " columns";
  check(train + test == rows && train == train_rows(static_cast<int>(rows), spec.train_fraction),
        "csv-rows", sizes);
  check(in.target_column >= 1 && in.target_column <= in.columns, "csv-target-column", sizes);
  const int base = in.columns - 1;
  const int inputs = expanded_inputs(spec.features, base);
  check(d.base_inputs == base && d.inputs == inputs && d.outputs == 1 &&
            d.input_names.size() == static_cast<std::size_t>(inputs) &&
            d.domain_min.size() == static_cast<std::size_t>(base) &&
            d.domain_max.size() == static_cast<std::size_t>(base),
        "csv-columns", sizes + ", " + std::to_string(d.inputs) + " inputs");
  check(d.x_train.size() == static_cast<std::size_t>(train) * inputs &&
            d.x_test.size() == static_cast<std::size_t>(test) * inputs,
        "csv-x-size", sizes);
  check_finite(d.x_train, d, false, "training");
  check_finite(d.x_test, d, false, "test");
  check_finite(d.y_train, d, true, "training");
  check_finite(d.y_test, d, true, "test");
  if (spec.task == Task::binary_classification) {
    bool zero = false, one = false, other = false;
    for (const auto* y : {&d.y_train, &d.y_test})
      for (float v : *y) {
        zero = zero || v == 0.0f;
        one = one || v == 1.0f;
        other = other || (v != 0.0f && v != 1.0f);
      }
    check(zero && one && !other && in.class_values[0] < in.class_values[1], "csv-labels", sizes);
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fuzz::as_text(data, size);
  for (const CsvSpec& s : kSpecs) {
    const CsvImport in = import_csv(text, s);
    fuzz::check_problems(in.problems);
    if (in.ok()) check_dataset(text, s, in);
  }
  return 0;
}
