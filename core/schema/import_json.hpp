// What importing a file gave, as JSON, for a page that checks a file before it runs on it:
// the problems (each naming its line and column, or its field), or a summary of what is in it.
#pragma once
#include "csv_import.hpp"
#include "model_json.hpp"

#include <string>

namespace leaky {

// {"problems":[...]} when the file was refused, else {"problems":[], "rows", "train_rows",
//  "test_rows", "columns", "inputs" (base inputs: the columns but the target),
//  "target_column" (1-based), "target_name", "had_header", "task",
//  "class_values" ([smaller, larger]: binary classification only), "input_names"}
std::string csv_import_to_json(const CsvImport& imported);

// {"problems":[...]} when the model was refused, else {"problems":[], "inputs", "loss",
//  "outputs", "input_names", "layers":[{"units","activation","alpha","lower","upper",
//  "prelu_per_unit"}]} with one entry per hidden layer (alpha, lower, upper only where the
//  activation reads them).
std::string model_summary_to_json(const ModelResult& model);

} // namespace leaky
