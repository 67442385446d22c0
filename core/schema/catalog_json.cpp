#include "catalog_json.hpp"

#include "config_json.hpp"
#include "csv_import.hpp"
#include "init_grid.hpp"
#include "json_read.hpp"
#include "json_writer.hpp"
#include "model_json.hpp"
#include "predict.hpp"
#include "resource_limits.hpp"
#include "run_config.hpp"
#include "sweep_table.hpp"
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

std::string fields_json(const std::vector<FieldRange>& fields) {
  std::string out = "{";
  for (const FieldRange& f : fields) {
    if (out.size() > 1) out += ',';
    out += json::quote(f.path) + ":" + range_json(f.range);
  }
  return out + "}";
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

std::string limits_json() {
  const auto bytes = [](std::size_t n) { return std::to_string(n); };
  return "{\"json_depth\":" + std::to_string(kMaxJsonDepth) +
         ",\"config_bytes\":" + bytes(kMaxConfigBytes) +
         ",\"model_bytes\":" + bytes(kMaxModelBytes) + ",\"csv_bytes\":" + bytes(kCsvMaxBytes) +
         ",\"csv_columns\":" + std::to_string(kCsvMaxColumns) +
         ",\"csv_values\":" + std::to_string(kCsvMaxValues) +
         ",\"memory_budget_mib\":" + std::to_string(kDefaultMemoryBudgetMiB) +
         ",\"memory_budget_option\":" + json::quote("--" + std::string(kMemoryBudgetOption)) +
         ",\"memory_budget_range\":" + range_json(kMemoryBudgetRange) +
         ",\"browser_memory_budget_mib\":" + std::to_string(kBrowserMemoryBudgetMiB) +
         ",\"sweep_runs\":" + range_json(kSweepRunsRange) +
         ",\"sweep_shard_runs\":" + range_json(kSweepShardRunsRange) + "}";
}

// What a sweep may vary and what its table reports (train/sweep_plan.hpp, sweep_table.hpp).
std::string sweep_json() {
  const auto none = [](const auto&) { return std::string(); };
  std::string alphas = "[";
  for (float a : kDefaultSweepAlphas) {
    if (alphas.size() > 1) alphas += ',';
    alphas += json::number(a);
  }
  return "{\"factors\":" + table_json(kSweepFactors, none) +
         ",\"metrics\":" + table_json(kSweepMetrics, none) + ",\"default_alphas\":" + alphas +
         "],\"seeds\":" + range_json(kSweepSeedsRange) +
         ",\"page_seeds\":" + range_json(kPageSweepSeedsRange) +
         ",\"levels\":" + range_json(kSweepLevelsRange) +
         ",\"depth\":" + range_json(kSweepDepthRange) +
         ",\"shards\":" + range_json(kSweepShardsRange) + "}";
}

} // namespace

std::string catalog_to_json() {
  const auto none = [](const auto&) { return std::string(); };
  std::string out = "{\"version\":" + json::quote(kVersion) +
                    ",\"config_version\":" + std::to_string(kConfigVersion) +
                    ",\"model_version\":" + std::to_string(kModelVersion);
  out += ",\"activations\":" + activations_json();
  out += ",\"datasets\":" + datasets_json();
  out += ",\"weight_inits\":" + table_json(kWeightInits, [](const WeightInitInfo& w) {
           return ",\"draws_bias\":" + boolean(w.draws_bias);
         });
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
  out += ",\"limits\":" + limits_json();
  out += ",\"sweep\":" + sweep_json();
  out += ",\"fields\":" + fields_json(config_field_ranges());
  out += ",\"init_grid_fields\":" + fields_json(init_grid_field_ranges());
  out += ",\"init_grid_max_work\":" + json::number(kGridMaxWork);
  out += ",\"unit_map_fields\":{\"width\":" + range_json(kUnitMapSideRange) +
         ",\"height\":" + range_json(kUnitMapSideRange) + "}";
  out += ",\"unit_map_max_values\":" + json::number(kMaxUnitMapValues);
  return out + "}";
}

} // namespace leaky
