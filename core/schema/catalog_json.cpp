#include "catalog_json.hpp"

#include "config_json.hpp"
#include "json_writer.hpp"
#include "model_json.hpp"
#include "run_config.hpp"
#include "version.hpp"

namespace leaky {

namespace {

std::string boolean(bool b) {
  return b ? "true" : "false";
}

std::string range_json(const Range& r) {
  return "{\"min\":" + json::number(r.min) + ",\"max\":" + json::number(r.max) +
         ",\"min_open\":" + boolean(r.min_open) + ",\"max_open\":" + boolean(r.max_open) +
         ",\"integer\":" + boolean(r.integer) + ",\"text\":" + json::quote(r.describe()) + "}";
}

template <class Table, class Extra> std::string table_json(const Table& table, Extra extra) {
  std::string out = "[";
  for (const auto& e : table) {
    if (out.size() > 1) out += ',';
    out +=
        "{\"name\":" + json::quote(e.name) + ",\"label\":" + json::quote(e.label) + extra(e) + "}";
  }
  return out + "]";
}

std::string activations_json() {
  std::string out = "[";
  for (Kind k : kAllKinds) {
    const KindInfo& i = info(k);
    if (out.size() > 1) out += ',';
    out += "{\"name\":" + json::quote(i.name) + ",\"label\":" + json::quote(i.label) +
           ",\"alpha\":" + boolean(i.uses_alpha) +
           ",\"default_alpha\":" + json::number(i.default_alpha) +
           ",\"lower_upper\":" + boolean(i.uses_bounds) +
           ",\"default_lower\":" + json::number(kRreluLower) +
           ",\"default_upper\":" + json::number(kRreluUpper) + "}";
  }
  return out + "]";
}

std::string datasets_json() {
  std::string out = "[";
  for (DatasetKind k : kAllDatasetKinds) {
    const DatasetInfo& i = dataset_info(k);
    if (out.size() > 1) out += ',';
    out += "{\"name\":" + json::quote(i.name) + ",\"label\":" + json::quote(i.label) +
           ",\"task\":" + json::quote(task_name(i.task)) +
           ",\"inputs\":" + std::to_string(i.inputs) + "}";
  }
  return out + "]";
}

} // namespace

std::string catalog_to_json() {
  const auto none = [](const auto&) { return std::string(); };
  std::string out = "{\"version\":" + json::quote(kVersion) +
                    ",\"config_version\":" + std::to_string(kConfigVersion) +
                    ",\"model_version\":" + std::to_string(kModelVersion);
  out += ",\"activations\":" + activations_json();
  out += ",\"datasets\":" + datasets_json();
  out += ",\"weight_inits\":" + table_json(kWeightInits, none);
  out += ",\"he_gains\":" + table_json(kHeGains, none);
  out += ",\"bias_inits\":" + table_json(kBiasInits, [](const BiasInitInfo& b) {
           return ",\"uses_value\":" + boolean(b.uses_value);
         });
  out += ",\"optimizers\":" + table_json(kOptimizers, [](const OptimizerInfo& o) {
           return ",\"uses_momentum\":" + boolean(o.uses_momentum) +
                  ",\"uses_moments\":" + boolean(o.uses_moments);
         });
  out += ",\"losses\":" + table_json(kLossChoices, none);
  out += ",\"default_config\":" + config_to_json(default_config());
  out += ",\"fields\":{";
  bool first = true;
  for (const FieldRange& f : config_field_ranges()) {
    if (!first) out += ',';
    first = false;
    out += json::quote(f.path) + ":" + range_json(f.range);
  }
  return out + "}}";
}

} // namespace leaky
