// CSV import: a file's text (the caller reads the file) into a shuffled, split Dataset.
//
// Format:
// - Text (a NUL byte anywhere refuses the file as binary).
// - One row per line; "\n" or "\r\n"; a UTF-8 byte order mark is skipped. Blank lines
//   (spaces only) are skipped anywhere, but still counted in line numbers.
// - Delimiter: ',' if the first line has one, else ';' if it has one, else a tab.
// - Fields may be surrounded by spaces (and tabs, unless tab is the delimiter) and may be
//   quoted ("..." with "" for a quote; no line breaks inside quotes).
// - Every field of a data row must be a decimal number: [+-]digits[.digits][e[+-]digits]
//   (or .digits), finite and within float range (|v| <= 3.4e38). nan and inf are refused.
// - An optional header line: forced with CsvSpec::header, otherwise detected (the first
//   line is a header iff one of its fields is not a number). Header fields name the
//   columns; without a header, inputs are named x1, x2, ... and the target y (or label).
// - At least 2 columns, at most kCsvMaxColumns; at least 2 and at most kMaxPoints (100000)
//   data rows; at most kCsvMaxValues (10^7) numbers in all; at most kCsvMaxBytes of text.
//   Every row has as many fields as the first line; a line is checked field by field as it
//   is split, so a line of a million delimiters costs no more than its own bytes.
// - The target is one column; every other column is an input (in file order). Features
//   (features.hpp) must stay finite too: x^2 of 3.4e38 is refused.
//   Binary classification: the target column must hold exactly two distinct values; the
//   smaller becomes label 0, the larger label 1 (so 0/1 stays 0/1, and -1/1 or 1/2 work).
//
// Errors name the place: problems have field "line 7, column 3" (or "line 7" for a whole
// row, "file", or a CsvSpec field such as "target_column"), the offending text as value,
// and a message; at most kCsvMaxProblems line problems are listed, then one counting the
// rest. Lines and columns count from 1.
#pragma once
#include "dataset.hpp"

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace leaky {

inline constexpr int kCsvMaxColumns = 1000;
inline constexpr long kCsvMaxValues = 10'000'000;
inline constexpr int kCsvMaxProblems = 20;
inline constexpr std::size_t kCsvMaxBytes = std::size_t{256} << 20;
// CsvSpec::target_column: 1-based, negative from the end, never 0.
inline constexpr Range kCsvTargetColumnRange = Range::whole(-kCsvMaxColumns, kCsvMaxColumns);

struct CsvSpec {
  Task task = Task::regression;
  // 1-based column of the target; negative counts from the end (-1 = last, the default).
  int target_column = -1;
  std::optional<bool> header; // unset: detect
  float train_fraction = 0.5f;
  Features features;
  std::uint64_t seed = 0; // shuffles the rows (PCG32 stream kDatasetStream) before the split
};

struct CsvImport {
  Dataset dataset; // meaningful only when problems is empty
  Problems problems;
  bool had_header = false;
  int columns = 0;       // in the file
  int target_column = 0; // 1-based, resolved
  // Binary classification: the file's values that became labels 0 and 1.
  std::array<float, 2> class_values = {0.0f, 1.0f};

  bool ok() const { return problems.empty(); }
};

CsvImport import_csv(std::string_view text, const CsvSpec& spec);

} // namespace leaky
