#include "config.hpp"

#include "csv_import.hpp"
#include "json_read.hpp"
#include "json_writer.hpp"

#include <cmath>

namespace leaky {

namespace {

constexpr std::uint64_t kMaxSeed = 9007199254740992ULL; // 2^53: exact in a JS number

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

template <class E, class NameFn>
std::optional<E> enum_from(const std::string& s, std::initializer_list<E> all, NameFn name) {
  for (E e : all)
    if (name(e) == s) return e;
  return std::nullopt;
}

std::string_view loss_choice_name(LossChoice c) {
  switch (c) {
  case LossChoice::auto_:
    return "auto";
  case LossChoice::mse:
    return "mse";
  case LossChoice::bce:
    return "bce";
  case LossChoice::softmax_ce:
    return "softmax_ce";
  }
  return "auto";
}

// One hidden layer: an integer (units, with the network's defaults) or an object.
HiddenLayerSpec read_layer(const Json& value, const std::string& path, const HiddenLayerSpec& base,
                           Problems& problems) {
  HiddenLayerSpec layer = base;
  if (value.is_number()) {
    const double d = value.get<double>();
    if (!(std::floor(d) == d && d >= 1 && d <= kMaxUnits))
      problems.push_back(
          {path, json_brief(value), "units must be a whole number within [1, 1024]"});
    else
      layer.units = static_cast<int>(d);
    return layer;
  }
  FieldReader r(value, path, problems);
  if (!r.ok()) return layer;
  r.integer("units", layer.units, 1, kMaxUnits);
  std::string kind(info(layer.act.kind).name);
  const bool kind_given = r.has("activation");
  r.choice("activation", kind, names_of_kinds());
  if (auto k = parse_kind(kind); k && kind_given && *k != layer.act.kind) {
    const Activation d = default_activation(*k);
    layer.act.kind = *k;
    layer.act.alpha = d.alpha;
  }
  r.number("alpha", layer.act.alpha, -3.4e38, 3.4e38);
  r.number("lower", layer.act.lower, 0, 3.4e38);
  r.number("upper", layer.act.upper, 0, 3.4e38);
  r.boolean("prelu_per_unit", layer.prelu_per_unit);
  r.reject_unknown();
  return layer;
}

void read_network(FieldReader& top, RunConfig& c, Problems& problems) {
  const Json* net = top.object("network");
  if (!net) return;
  FieldReader r(*net, "network", problems);
  HiddenLayerSpec base;
  base.act = c.hidden.empty() ? default_activation(Kind::leaky_relu) : c.hidden.front().act;
  std::string kind(info(base.act.kind).name);
  const bool kind_given = r.has("activation");
  r.choice("activation", kind, names_of_kinds());
  if (auto k = parse_kind(kind); k && kind_given) base.act = default_activation(*k);
  r.number("alpha", base.act.alpha, -3.4e38, 3.4e38);
  r.number("lower", base.act.lower, 0, 3.4e38);
  r.number("upper", base.act.upper, 0, 3.4e38);
  r.boolean("prelu_per_unit", base.prelu_per_unit);
  if (const Json* hidden = r.array("hidden")) {
    if (hidden->size() > static_cast<std::size_t>(kMaxHiddenLayers)) {
      problems.push_back(
          {"network.hidden", json_brief(*hidden), "at most 16 hidden layers (0 to 16)"});
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
  r.integer("points", s.points, 2, kMaxPoints);
  r.number("noise", s.noise, 0, kMaxNoise);
  r.number("train_fraction", s.train_fraction, 0, 1);
  r.number("input_min", s.input_min, -kInputLimit, kInputLimit);
  r.number("input_max", s.input_max, -kInputLimit, kInputLimit);
  if (r.has("seed")) {
    std::uint64_t seed = 0;
    r.integer("seed", seed, 0, kMaxSeed);
    c.data.seed = seed;
  }
  if (const Json* f = r.object("features")) {
    FieldReader fr(*f, "data.features", problems);
    fr.boolean("x_squared", s.features.x_squared);
    fr.boolean("x1x2", s.features.x1x2);
    fr.boolean("sin", s.features.sin);
    fr.reject_unknown();
  }
  if (const Json* csv = r.object("csv")) {
    FieldReader cr(*csv, "data.csv", problems);
    std::string task(task_name(c.data.csv.task));
    cr.choice("task", task, {"binary_classification", "regression"});
    if (auto t = parse_task(task)) c.data.csv.task = *t;
    cr.integer("target_column", c.data.csv.target_column, -kCsvMaxColumns, kCsvMaxColumns);
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

RunConfig default_config() {
  RunConfig c;
  c.data.spec.kind = DatasetKind::spiral;
  c.data.spec.points = 500;
  HiddenLayerSpec h;
  h.units = 8;
  h.act = default_activation(Kind::leaky_relu);
  c.hidden = {h, h};
  return c;
}

ConfigResult parse_config(std::string_view json_text) {
  ConfigResult result;
  result.config = default_config();
  RunConfig& c = result.config;
  Problems& problems = result.problems;
  auto doc = parse_json(json_text, problems, "config");
  if (!doc) return result;
  FieldReader top(*doc, "", problems);
  if (!top.ok()) return result;

  int version = kConfigVersion;
  top.integer("version", version, kConfigVersion, kConfigVersion);
  if (!top.has("version"))
    problems.push_back({"version", "(missing)", "must be 1 (the schema version this build reads)"});
  top.integer("seed", c.seed, 0, kMaxSeed);
  read_data(top, c, problems);
  read_network(top, c, problems);

  std::string loss(loss_choice_name(c.loss));
  top.choice("loss", loss, {"auto", "mse", "bce", "softmax_ce"});
  for (LossChoice l : {LossChoice::auto_, LossChoice::mse, LossChoice::bce, LossChoice::softmax_ce})
    if (loss_choice_name(l) == loss) c.loss = l;

  if (const Json* init = top.object("init")) {
    FieldReader r(*init, "init", problems);
    std::string w(weight_init_name(c.init.weights)), b(bias_init_name(c.init.bias));
    r.choice(
        "weights", w,
        {"he_normal", "he_uniform", "xavier_normal", "xavier_uniform", "lecun_normal", "pytorch"});
    r.choice("bias", b, {"zero", "constant", "pytorch"});
    if (auto e =
            enum_from(w,
                      {WeightInit::he_normal, WeightInit::he_uniform, WeightInit::xavier_normal,
                       WeightInit::xavier_uniform, WeightInit::lecun_normal, WeightInit::pytorch},
                      weight_init_name))
      c.init.weights = *e;
    if (auto e =
            enum_from(b, {BiasInit::zero, BiasInit::constant, BiasInit::pytorch}, bias_init_name))
      c.init.bias = *e;
    r.number("bias_value", c.init.bias_value, -100, 100);
    r.reject_unknown();
  }

  if (const Json* opt = top.object("optimizer")) {
    FieldReader r(*opt, "optimizer", problems);
    OptimizerSpec& o = c.optimizer;
    std::string kind(optimizer_name(o.kind));
    r.choice("kind", kind, {"sgd", "momentum", "adam"});
    if (auto e = enum_from(kind, {OptimizerKind::sgd, OptimizerKind::momentum, OptimizerKind::adam},
                           optimizer_name))
      o.kind = *e;
    if (r.has("lr")) {
      double lr = o.lr;
      r.number("lr", lr, -1e300, 1e300); // type and finiteness; the range is (0, 10]
      if (lr <= 0.0 || lr > 10.0)
        problems.push_back({"optimizer.lr", json::number(lr), "must be > 0 and <= 10"});
      else
        o.lr = static_cast<float>(lr);
    }
    r.number("momentum", o.momentum, 0, 0.999999);
    r.boolean("nesterov", o.nesterov);
    r.number("beta1", o.beta1, 0, 0.999999);
    r.number("beta2", o.beta2, 0, 0.999999);
    r.number("eps", o.eps, 1e-30, 1);
    r.reject_unknown();
  }

  if (const Json* reg = top.object("regularization")) {
    FieldReader r(*reg, "regularization", problems);
    r.number("l1", c.regularization.l1, 0, 10);
    r.number("l2", c.regularization.l2, 0, 10);
    r.boolean("prelu_alpha", c.regularization.prelu_alpha);
    r.reject_unknown();
  }

  if (const Json* tr = top.object("training")) {
    FieldReader r(*tr, "training", problems);
    TrainingConfig& t = c.training;
    r.integer("batch_size", t.batch_size, 1, kMaxPoints);
    double steps = static_cast<double>(t.steps);
    if (r.has("steps")) {
      int s = 0;
      r.integer("steps", s, 0, 1000000000);
      steps = s;
    }
    t.steps = static_cast<std::int64_t>(steps);
    r.integer("epochs", t.epochs, 0, 1000000);
    r.boolean("shuffle", t.shuffle);
    r.integer("eval_every", t.eval_every, 1, 1000000000);
    r.number("near_dead_threshold", t.near_dead_threshold, 0, 1);
    r.integer("histogram_bins", t.histogram_bins, 1, 200);
    r.number("histogram_range", t.histogram_range, 1e-3, 1000);
    r.number("target_loss", t.target_loss, 0, 1e30);
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

Loss resolve_loss(const RunConfig& config, Task task, Problems& problems) {
  switch (config.loss) {
  case LossChoice::auto_:
    return task == Task::regression ? Loss::mse : Loss::bce;
  case LossChoice::mse:
    return Loss::mse;
  case LossChoice::bce:
  case LossChoice::softmax_ce:
    if (task == Task::regression) {
      problems.push_back({"loss", std::string(loss_choice_name(config.loss)),
                          "a classification loss needs a classification dataset; use mse or auto"});
      return Loss::mse;
    }
    return config.loss == LossChoice::bce ? Loss::bce : Loss::softmax_ce;
  }
  return Loss::mse;
}

NetworkSpec network_spec(const RunConfig& config, const Dataset& data, Loss loss) {
  NetworkSpec spec;
  spec.inputs = data.inputs;
  spec.hidden = config.hidden;
  spec.loss = loss;
  spec.outputs = loss == Loss::softmax_ce ? data.classes : 1;
  return spec;
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
         ",\"x1x2\":" + boolean(d.features.x1x2) + ",\"sin\":" + boolean(d.features.sin) + "}";
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
         ",\"bias\":" + json::quote(bias_init_name(c.init.bias)) +
         ",\"bias_value\":" + json::number(c.init.bias_value) + "}";
  const OptimizerSpec& o = c.optimizer;
  out += ",\"optimizer\":{\"kind\":" + json::quote(optimizer_name(o.kind)) +
         ",\"lr\":" + json::number(o.lr) + ",\"momentum\":" + json::number(o.momentum) +
         ",\"nesterov\":" + boolean(o.nesterov) + ",\"beta1\":" + json::number(o.beta1) +
         ",\"beta2\":" + json::number(o.beta2) + ",\"eps\":" + json::number(o.eps) + "}";
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
         ",\"target_loss\":" + json::number(t.target_loss) + "}}";
  return out;
}

} // namespace leaky
