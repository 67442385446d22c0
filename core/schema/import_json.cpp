#include "import_json.hpp"

#include "json_writer.hpp"

namespace leaky {

namespace {

std::string names_json(const std::vector<std::string>& names) {
  std::string out = "[";
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i) out += ',';
    out += json::quote(names[i]);
  }
  return out + "]";
}

} // namespace

std::string csv_import_to_json(const CsvImport& imported) {
  if (!imported.ok()) return "{\"problems\":" + problems_to_json(imported.problems) + "}";
  const Dataset& d = imported.dataset;
  const long train = d.train_size(), test = d.test_size();
  std::string out = "{\"problems\":[],\"rows\":" + std::to_string(train + test) +
                    ",\"train_rows\":" + std::to_string(train) +
                    ",\"test_rows\":" + std::to_string(test) +
                    ",\"columns\":" + std::to_string(imported.columns) +
                    ",\"inputs\":" + std::to_string(d.base_inputs) +
                    ",\"target_column\":" + std::to_string(imported.target_column) +
                    ",\"target_name\":" + json::quote(d.target_name) +
                    ",\"had_header\":" + (imported.had_header ? "true" : "false") +
                    ",\"task\":" + json::quote(task_name(d.task));
  if (d.task == Task::binary_classification)
    out += ",\"class_values\":" + json::array(imported.class_values);
  return out + ",\"input_names\":" + names_json(d.input_names) + "}";
}

std::string model_summary_to_json(const ModelResult& model) {
  if (!model.ok()) return "{\"problems\":" + problems_to_json(model.problems) + "}";
  const NetworkSpec& spec = model.net.spec;
  std::string out = "{\"problems\":[],\"inputs\":" + std::to_string(spec.inputs) +
                    ",\"loss\":" + json::quote(loss_name(spec.loss)) +
                    ",\"outputs\":" + std::to_string(spec.outputs) +
                    ",\"input_names\":" + names_json(model.input_names) + ",\"layers\":[";
  for (std::size_t i = 0; i < spec.hidden.size(); ++i) {
    const HiddenLayerSpec& h = spec.hidden[i];
    const KindInfo& k = info(h.act.kind);
    if (i) out += ',';
    out += "{\"units\":" + std::to_string(h.units) + ",\"activation\":" + json::quote(k.name);
    if (k.uses_alpha) out += ",\"alpha\":" + json::number(h.act.alpha);
    if (k.uses_bounds)
      out += ",\"lower\":" + json::number(h.act.lower) + ",\"upper\":" + json::number(h.act.upper);
    if (h.act.kind == Kind::prelu)
      out += std::string(",\"prelu_per_unit\":") + (h.prelu_per_unit ? "true" : "false");
    out += "}";
  }
  return out + "]}";
}

} // namespace leaky
