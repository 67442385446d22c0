#include "model_json.hpp"

#include "json_read.hpp"
#include "json_writer.hpp"

#include <span>

namespace leaky {

std::string model_to_json(const Network& net, const std::vector<std::string>& input_names) {
  std::string out = "{\"format\":\"leaky-lab-model\",\"version\":" + std::to_string(kModelVersion) +
                    ",\"inputs\":" + std::to_string(net.spec.inputs) +
                    ",\"loss\":" + json::quote(loss_name(net.spec.loss));
  if (!input_names.empty()) {
    out += ",\"input_names\":[";
    for (std::size_t i = 0; i < input_names.size(); ++i) {
      if (i) out += ',';
      out += json::quote(input_names[i]);
    }
    out += "]";
  }
  out += ",\"layers\":[";
  const float* p = net.params.data();
  for (std::size_t i = 0; i < net.layers.size(); ++i) {
    const LayerView& l = net.layers[i];
    const Activation act = l.act;
    if (i) out += ',';
    out += std::string("{\"units\":") + std::to_string(l.out) +
           ",\"activation\":" + json::quote(info(act.kind).name);
    if (info(act.kind).uses_alpha && act.kind != Kind::prelu)
      out += ",\"alpha\":" + json::number(act.alpha);
    if (info(act.kind).uses_bounds)
      out += ",\"lower\":" + json::number(act.lower) + ",\"upper\":" + json::number(act.upper);
    out += ",\"weights\":" + json::array({p + l.w, static_cast<std::size_t>(l.in) * l.out});
    out += ",\"bias\":" + json::array({p + l.b, static_cast<std::size_t>(l.out)});
    if (l.alpha_count) out += ",\"prelu_alpha\":" + json::array({p + l.alpha, l.alpha_count});
    out += "}";
  }
  return out + "]}";
}

ModelResult parse_model(std::string_view json_text, std::size_t memory_budget) {
  ModelResult result;
  Problems& problems = result.problems;
  JsonLimits limits;
  limits.max_text_bytes = kMaxModelBytes;
  // The text and its tree share the budget; the tree is the larger (a float's few bytes of
  // text become a 16-byte value).
  limits.max_tree_bytes = memory_budget > json_text.size() ? memory_budget - json_text.size() : 0;
  auto doc = parse_json(json_text, problems, "model", limits);
  if (!doc) return result;
  FieldReader top(*doc, "", problems);
  if (!top.ok()) return result;
  std::string format;
  top.choice("format", format, {"leaky-lab-model"});
  if (!top.has("format"))
    problems.push_back({"format", "(missing)", "must be \"leaky-lab-model\""});
  int version = 0;
  top.number("version", version, Range::whole(kModelVersion, kModelVersion));
  if (!top.has("version")) problems.push_back({"version", "(missing)", "must be 1"});
  NetworkSpec spec;
  constexpr Range inputs_range = Range::whole(1, kMaxInputs);
  top.number("inputs", spec.inputs, inputs_range);
  if (!top.has("inputs"))
    problems.push_back({"inputs", "(missing)", "must be " + inputs_range.describe()});
  std::string loss = "mse";
  top.choice("loss", loss, name_list(kLosses));
  if (!top.has("loss"))
    problems.push_back({"loss", "(missing)", "must be one of: " + names_of(kLosses)});
  spec.loss = find_by_name(kLosses, loss).value_or(Loss::mse);
  if (const Json* names = top.array("input_names"))
    for (const Json& n : *names)
      result.input_names.push_back(n.is_string() ? n.get<std::string>() : json_brief(n));

  struct LayerData {
    std::vector<float> weights, bias, alpha;
  };
  std::vector<LayerData> values;
  const Json* layers = top.array("layers");
  if (!layers || layers->empty() ||
      layers->size() > static_cast<std::size_t>(kMaxHiddenLayers + 1)) {
    problems.push_back({"layers", layers ? json_brief(*layers) : "(missing)",
                        "must list 1 to " + std::to_string(kMaxHiddenLayers + 1) +
                            " layers (hidden layers, then the output layer)"});
    top.reject_unknown();
    return result;
  }
  int in = spec.inputs;
  for (std::size_t i = 0; i < layers->size(); ++i) {
    const std::string path = "layers[" + std::to_string(i) + "]";
    const bool is_output = i + 1 == layers->size();
    FieldReader r((*layers)[i], path, problems);
    if (!r.ok()) return result;
    int units = 1;
    r.number("units", units, is_output ? Range::whole(1, kMaxOutputs) : kUnitsRange);
    std::string kind = is_output ? "linear" : "relu";
    std::vector<std::string> kinds;
    for (Kind k : kAllKinds)
      kinds.emplace_back(info(k).name);
    r.choice("activation", kind, is_output ? std::vector<std::string>{"linear"} : kinds);
    HiddenLayerSpec h;
    h.units = units;
    h.act = default_activation(parse_kind(kind).value_or(Kind::relu));
    r.number("alpha", h.act.alpha, kAlphaRange);
    r.number("lower", h.act.lower, kRreluBoundRange);
    r.number("upper", h.act.upper, kRreluBoundRange);
    LayerData d;
    const std::size_t expect_w = static_cast<std::size_t>(in) * units;
    if (const Json* w = r.array("weights")) {
      if (read_float_array(*w, path + ".weights", d.weights, problems) &&
          d.weights.size() != expect_w)
        problems.push_back({path + ".weights", std::to_string(d.weights.size()) + " numbers",
                            "must hold inputs x units = " + std::to_string(expect_w) + " numbers"});
    } else {
      problems.push_back({path + ".weights", "(missing)", "the layer's weights are required"});
    }
    if (const Json* b = r.array("bias")) {
      if (read_float_array(*b, path + ".bias", d.bias, problems) &&
          d.bias.size() != static_cast<std::size_t>(units))
        problems.push_back({path + ".bias", std::to_string(d.bias.size()) + " numbers",
                            "must hold " + std::to_string(units) + " numbers (one per unit)"});
    } else {
      problems.push_back({path + ".bias", "(missing)", "the layer's biases are required"});
    }
    if (h.act.kind == Kind::prelu) {
      const Json* a = r.array("prelu_alpha");
      if (!a) {
        problems.push_back({path + ".prelu_alpha", "(missing)", "a prelu layer needs its slopes"});
      } else if (read_float_array(*a, path + ".prelu_alpha", d.alpha, problems)) {
        if (d.alpha.size() == static_cast<std::size_t>(units) && units > 1)
          h.prelu_per_unit = true;
        else if (d.alpha.size() != 1)
          problems.push_back(
              {path + ".prelu_alpha", std::to_string(d.alpha.size()) + " numbers",
               "must hold 1 (per layer) or " + std::to_string(units) + " (per unit) numbers"});
        if (!d.alpha.empty()) h.act.alpha = d.alpha[0];
      }
    }
    for (Problem& p : validate(h.act)) {
      p.field = path + "." + p.field;
      problems.push_back(std::move(p));
    }
    r.reject_unknown();
    if (is_output)
      spec.outputs = units;
    else
      spec.hidden.push_back(h);
    values.push_back(std::move(d));
    in = units;
  }
  if (spec.loss == Loss::bce && spec.outputs != 1)
    problems.push_back(
        {"layers", std::to_string(spec.outputs) + " outputs", "a bce model has exactly 1 output"});
  top.reject_unknown();
  if (!problems.empty()) return result;

  result.net = make_network(spec);
  for (std::size_t i = 0; i < values.size(); ++i) {
    const LayerView& l = result.net.layers[i];
    std::copy(values[i].weights.begin(), values[i].weights.end(), result.net.params.begin() + l.w);
    std::copy(values[i].bias.begin(), values[i].bias.end(), result.net.params.begin() + l.b);
    std::copy(values[i].alpha.begin(), values[i].alpha.end(), result.net.params.begin() + l.alpha);
  }
  return result;
}

} // namespace leaky
