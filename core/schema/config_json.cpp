#include "config_json.hpp"

#include "csv_import.hpp"
#include "json_read.hpp"
#include "json_writer.hpp"

#include <cmath>

namespace leaky {

namespace {

std::vector<std::string> names_of_kinds() {
  std::vector<std::string> out;
  for (Kind k : kAllKinds)
    out.emplace_back(info(k).name);
  return out;
}

std::vector<std::string> names_of_datasets() {
  std::vector<std::string> out;
  for (DatasetKind k : kAllDatasetKinds)
    out.emplace_back(dataset_info(k).name);
  return out;
}

// alpha, lower, upper and prelu_per_unit: read where the layer's kind has them (KindInfo),
// refused where it has not.
void read_activation_parameters(FieldReader& r, HiddenLayerSpec& layer) {
  const KindInfo& kind = info(layer.act.kind);
  const std::string name(kind.name);
  if (kind.uses_alpha)
    r.number("alpha", layer.act.alpha, kAlphaRange);
  else
    r.unused("alpha",
             name + " has no alpha (only " + kind_names(&KindInfo::uses_alpha) + " have one)");
  for (auto [key, target] : {std::pair{"lower", &layer.act.lower}, {"upper", &layer.act.upper}}) {
    if (kind.uses_bounds)
      r.number(key, *target, kRreluBoundRange);
    else
      r.unused(key, name + " has no lower and upper bounds (only " +
                        kind_names(&KindInfo::uses_bounds) + " has)");
  }
  if (layer.act.kind == Kind::prelu)
    r.boolean("prelu_per_unit", layer.prelu_per_unit);
  else
    r.unused("prelu_per_unit",
             name + " learns no slopes (only " + std::string(info(Kind::prelu).name) + " does)");
}

// The activation named by `r`'s "activation" member, if given; its kind's default parameters
// when it differs from the one `layer` has.
void read_activation_kind(FieldReader& r, HiddenLayerSpec& layer) {
  std::string kind(info(layer.act.kind).name);
  const bool given = r.has("activation");
  r.choice("activation", kind, names_of_kinds());
  if (auto k = parse_kind(kind); k && given && *k != layer.act.kind) {
    const Activation d = default_activation(*k);
    layer.act.kind = *k;
    layer.act.alpha = d.alpha;
  }
}

// One hidden layer: an integer (units, with the network's defaults) or an object.
HiddenLayerSpec read_layer(const Json& value, const std::string& path, const HiddenLayerSpec& base,
                           Problems& problems) {
  HiddenLayerSpec layer = base;
  if (value.is_number()) {
    const double d = value.get<double>();
    if (!kUnitsRange.contains(d))
      problems.push_back({path, json_brief(value), "units must be " + kUnitsRange.describe()});
    else
      layer.units = static_cast<int>(d);
    return layer;
  }
  FieldReader r(value, path, problems);
  if (!r.ok()) return layer;
  r.number("units", layer.units, kUnitsRange);
  read_activation_kind(r, layer);
  read_activation_parameters(r, layer);
  r.reject_unknown();
  return layer;
}

void read_network(FieldReader& top, RunConfig& c, Problems& problems) {
  const Json* net = top.object("network");
  if (!net) return;
  FieldReader r(*net, "network", problems);
  HiddenLayerSpec base;
  base.act = c.hidden.empty() ? default_activation(Kind::leaky_relu) : c.hidden.front().act;
  // The network's activation sets every layer's defaults, its own kind's parameters included.
  read_activation_kind(r, base);
  if (r.has("activation")) base.act = default_activation(base.act.kind);
  read_activation_parameters(r, base);
  if (const Json* hidden = r.array("hidden")) {
    if (!kHiddenLayersRange.contains(static_cast<double>(hidden->size()))) {
      problems.push_back({"network.hidden", json_brief(*hidden),
                          "the number of hidden layers must be " + kHiddenLayersRange.describe()});
    } else {
      c.hidden.clear();
      for (std::size_t i = 0; i < hidden->size(); ++i)
        c.hidden.push_back(
            read_layer((*hidden)[i], "network.hidden[" + std::to_string(i) + "]", base, problems));
    }
  } else {
    for (HiddenLayerSpec& h : c.hidden) {
      h.act = base.act;
      h.prelu_per_unit = base.prelu_per_unit;
    }
  }
  r.reject_unknown();
  for (std::size_t i = 0; i < c.hidden.size(); ++i) {
    for (Problem& p : validate(c.hidden[i].act)) {
      p.field = "network.hidden[" + std::to_string(i) + "]." + p.field;
      problems.push_back(std::move(p));
    }
  }
}

void read_data(FieldReader& top, RunConfig& c, Problems& problems) {
  const Json* data = top.object("data");
  if (!data) return;
  FieldReader r(*data, "data", problems);
  DatasetSpec& s = c.data.spec;
  std::string kind(dataset_info(s.kind).name);
  r.choice("kind", kind, names_of_datasets());
  if (auto k = parse_dataset_kind(kind)) s.kind = *k;
  r.number("points", s.points, kPointsRange);
  r.number("noise", s.noise, kNoiseRange);
  r.number("train_fraction", s.train_fraction, kTrainFractionRange);
  r.number("input_min", s.input_min, kInputBoundRange);
  r.number("input_max", s.input_max, kInputBoundRange);
  if (r.has("seed")) {
    std::uint64_t seed = 0;
    r.number("seed", seed, kSeedRange);
    c.data.seed = seed;
  }
  if (const Json* f = r.object("features")) {
    FieldReader fr(*f, "data.features", problems);
    fr.boolean("x_squared", s.features.x_squared);
    fr.boolean("x1x2", s.features.x1x2);
    fr.boolean("sin", s.features.sin);
    if (const Json* omit = fr.array("omit")) {
      for (std::size_t i = 0; i < omit->size(); ++i) {
        const Json& name = (*omit)[i];
        if (name.is_string())
          s.features.omit.push_back(name.get<std::string>());
        else
          problems.push_back({"data.features.omit[" + std::to_string(i) + "]", json_brief(name),
                              "must be a column name such as \"x1\" or \"sin(x2)\""});
      }
    }
    fr.reject_unknown();
  }
  if (const Json* csv = r.object("csv")) {
    FieldReader cr(*csv, "data.csv", problems);
    std::string task(task_name(c.data.csv.task));
    cr.choice("task", task, {"binary_classification", "regression"});
    if (auto t = parse_task(task)) c.data.csv.task = *t;
    cr.number("target_column", c.data.csv.target_column, kCsvTargetColumnRange);
    if (cr.has("header")) {
      bool header = false;
      cr.boolean("header", header);
      c.data.csv.header = header;
    }
    cr.reject_unknown();
  }
  r.reject_unknown();
}

} // namespace

ConfigResult parse_config(std::string_view json_text) {
  ConfigResult result;
  result.config = default_config();
  RunConfig& c = result.config;
  Problems& problems = result.problems;
  JsonLimits limits;
  limits.max_text_bytes = kMaxConfigBytes;
  auto doc = parse_json(json_text, problems, "config", limits);
  if (!doc) return result;
  FieldReader top(*doc, "", problems);
  if (!top.ok()) return result;

  int version = kConfigVersion;
  top.number("version", version, Range::whole(kConfigVersion, kConfigVersion));
  if (!top.has("version"))
    problems.push_back({"version", "(missing)", "must be 1 (the schema version this build reads)"});
  top.number("seed", c.seed, kSeedRange);
  read_data(top, c, problems);
  read_network(top, c, problems);

  std::string loss(loss_choice_name(c.loss));
  top.choice("loss", loss, name_list(kLossChoices));
  if (auto l = find_by_name(kLossChoices, loss)) c.loss = *l;

  if (const Json* init = top.object("init")) {
    FieldReader r(*init, "init", problems);
    std::string w(weight_init_name(c.init.weights)), b(bias_init_name(c.init.bias));
    r.choice("weights", w, name_list(kWeightInits));
    r.choice("bias", b, name_list(kBiasInits));
    if (auto e = find_by_name(kWeightInits, w)) c.init.weights = *e;
    if (auto e = find_by_name(kBiasInits, b)) c.init.bias = *e;
    if (entry_of(kBiasInits, c.init.bias).uses_value)
      r.number("bias_value", c.init.bias_value, kBiasValueRange);
    else
      r.unused(
          "bias_value",
          "init.bias " + std::string(bias_init_name(c.init.bias)) + " does not read it (only " +
              names_of(kBiasInits, [](const BiasInitInfo& i) { return i.uses_value; }) + " does)");
    std::string gain(he_gain_name(c.init.gain));
    r.choice("gain", gain, name_list(kHeGains));
    if (auto e = find_by_name(kHeGains, gain)) c.init.gain = *e;
    r.reject_unknown();
    for (Problem& p : validate(c.init)) {
      p.field = "init." + p.field;
      problems.push_back(std::move(p));
    }
  }

  if (const Json* opt = top.object("optimizer")) {
    FieldReader r(*opt, "optimizer", problems);
    OptimizerSpec& o = c.optimizer;
    std::string kind(optimizer_name(o.kind));
    r.choice("kind", kind, name_list(kOptimizers));
    if (auto e = find_by_name(kOptimizers, kind)) o.kind = *e;
    r.number("lr", o.lr, kLearningRateRange);
    // The other numbers belong to some kinds only (kOptimizers says which).
    const OptimizerInfo& traits = entry_of(kOptimizers, o.kind);
    const std::string with =
        "optimizer.kind " + std::string(traits.name) + " does not read it (only ";
    if (traits.uses_momentum) {
      r.number("momentum", o.momentum, kMomentumRange);
      r.boolean("nesterov", o.nesterov);
    } else {
      const std::string why =
          with + names_of(kOptimizers, [](const OptimizerInfo& i) { return i.uses_momentum; }) +
          " does)";
      r.unused("momentum", why);
      r.unused("nesterov", why);
    }
    for (auto [key, target, range] : {std::tuple{"beta1", &o.beta1, kBetaRange},
                                      {"beta2", &o.beta2, kBetaRange},
                                      {"eps", &o.eps, kEpsRange}}) {
      if (traits.uses_moments)
        r.number(key, *target, range);
      else
        r.unused(key, with + names_of(kOptimizers, [](const OptimizerInfo& i) {
                        return i.uses_moments;
                      }) + " does)");
    }
    r.reject_unknown();
  }

  if (const Json* reg = top.object("regularization")) {
    FieldReader r(*reg, "regularization", problems);
    r.number("l1", c.regularization.l1, kPenaltyRange);
    r.number("l2", c.regularization.l2, kPenaltyRange);
    r.boolean("prelu_alpha", c.regularization.prelu_alpha);
    r.reject_unknown();
  }

  if (const Json* tr = top.object("training")) {
    FieldReader r(*tr, "training", problems);
    TrainingConfig& t = c.training;
    r.number("batch_size", t.batch_size, kBatchSizeRange);
    r.number("steps", t.steps, kStepsRange);
    r.number("epochs", t.epochs, kEpochsRange);
    r.boolean("shuffle", t.shuffle);
    r.number("eval_every", t.eval_every, kEvalEveryRange);
    r.number("near_dead_threshold", t.near_dead_threshold, kNearDeadThresholdRange);
    r.number("histogram_bins", t.histogram_bins, kHistogramBinsRange);
    r.number("histogram_range", t.histogram_range, kHistogramRangeRange);
    r.number("target_loss", t.target_loss, kTargetLossRange);
    r.number("dormant_tau", t.dormant_tau, kDormantTauRange);
    r.reject_unknown();
  }
  top.reject_unknown();

  c.data.spec.seed = c.data.seed.value_or(c.seed);
  for (Problem& p : validate(c.data.spec)) {
    // Range problems already reported by the reader are not repeated.
    bool repeated = false;
    for (const Problem& q : problems)
      repeated = repeated || q.field == "data." + p.field;
    if (!repeated) {
      p.field = "data." + p.field;
      problems.push_back(std::move(p));
    }
  }
  return result;
}

namespace {
std::string activation_fields(const Activation& a) {
  std::string out = "\"activation\":" + json::quote(info(a.kind).name);
  if (info(a.kind).uses_alpha) out += ",\"alpha\":" + json::number(a.alpha);
  if (info(a.kind).uses_bounds)
    out += ",\"lower\":" + json::number(a.lower) + ",\"upper\":" + json::number(a.upper);
  return out;
}
std::string boolean(bool b) {
  return b ? "true" : "false";
}
} // namespace

std::string config_to_json(const RunConfig& c) {
  const DatasetSpec& d = c.data.spec;
  std::string out =
      "{\"version\":" + std::to_string(kConfigVersion) + ",\"seed\":" + std::to_string(c.seed);
  out += ",\"data\":{\"kind\":" + json::quote(dataset_info(d.kind).name) +
         ",\"points\":" + std::to_string(d.points) + ",\"noise\":" + json::number(d.noise) +
         ",\"train_fraction\":" + json::number(d.train_fraction) +
         ",\"input_min\":" + json::number(d.input_min) +
         ",\"input_max\":" + json::number(d.input_max);
  if (c.data.seed) out += ",\"seed\":" + std::to_string(*c.data.seed);
  out += ",\"features\":{\"x_squared\":" + boolean(d.features.x_squared) +
         ",\"x1x2\":" + boolean(d.features.x1x2) + ",\"sin\":" + boolean(d.features.sin) +
         ",\"omit\":[";
  for (std::size_t i = 0; i < d.features.omit.size(); ++i)
    out += (i ? "," : "") + json::quote(d.features.omit[i]);
  out += "]}";
  out += ",\"csv\":{\"task\":" + json::quote(task_name(c.data.csv.task)) +
         ",\"target_column\":" + std::to_string(c.data.csv.target_column);
  if (c.data.csv.header) out += ",\"header\":" + boolean(*c.data.csv.header);
  out += "}}";
  out += ",\"network\":{\"hidden\":[";
  for (std::size_t i = 0; i < c.hidden.size(); ++i) {
    const HiddenLayerSpec& h = c.hidden[i];
    if (i) out += ',';
    out += "{\"units\":" + std::to_string(h.units) + "," + activation_fields(h.act);
    if (h.act.kind == Kind::prelu) out += ",\"prelu_per_unit\":" + boolean(h.prelu_per_unit);
    out += "}";
  }
  out += "]}";
  out += ",\"loss\":" + json::quote(loss_choice_name(c.loss));
  out += ",\"init\":{\"weights\":" + json::quote(weight_init_name(c.init.weights)) +
         ",\"bias\":" + json::quote(bias_init_name(c.init.bias));
  if (entry_of(kBiasInits, c.init.bias).uses_value)
    out += ",\"bias_value\":" + json::number(c.init.bias_value);
  out += ",\"gain\":" + json::quote(he_gain_name(c.init.gain)) + "}";
  const OptimizerSpec& o = c.optimizer;
  const OptimizerInfo& traits = entry_of(kOptimizers, o.kind);
  out += ",\"optimizer\":{\"kind\":" + json::quote(traits.name) + ",\"lr\":" + json::number(o.lr);
  if (traits.uses_momentum)
    out += ",\"momentum\":" + json::number(o.momentum) + ",\"nesterov\":" + boolean(o.nesterov);
  if (traits.uses_moments)
    out += ",\"beta1\":" + json::number(o.beta1) + ",\"beta2\":" + json::number(o.beta2) +
           ",\"eps\":" + json::number(o.eps);
  out += "}";
  out += ",\"regularization\":{\"l1\":" + json::number(c.regularization.l1) +
         ",\"l2\":" + json::number(c.regularization.l2) +
         ",\"prelu_alpha\":" + boolean(c.regularization.prelu_alpha) + "}";
  const TrainingConfig& t = c.training;
  out += ",\"training\":{\"batch_size\":" + std::to_string(t.batch_size) +
         ",\"steps\":" + std::to_string(t.steps) + ",\"epochs\":" + std::to_string(t.epochs) +
         ",\"shuffle\":" + boolean(t.shuffle) + ",\"eval_every\":" + std::to_string(t.eval_every) +
         ",\"near_dead_threshold\":" + json::number(t.near_dead_threshold) +
         ",\"histogram_bins\":" + std::to_string(t.histogram_bins) +
         ",\"histogram_range\":" + json::number(t.histogram_range) +
         ",\"target_loss\":" + json::number(t.target_loss) +
         ",\"dormant_tau\":" + json::number(t.dormant_tau) + "}}";
  return out;
}

} // namespace leaky
