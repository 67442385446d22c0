#include "model_fit.hpp"

#include "json_writer.hpp"

namespace leaky {

namespace {

std::string describe(const HiddenLayerSpec& h) {
  const KindInfo& kind = info(h.act.kind);
  std::string out = std::to_string(h.units) + " " + std::string(kind.name) + " units";
  if (h.act.kind == Kind::prelu) return out + (h.prelu_per_unit ? ", a slope per unit" : "");
  if (kind.uses_alpha) out += ", alpha " + json::number(h.act.alpha);
  if (kind.uses_bounds)
    out += ", lower " + json::number(h.act.lower) + ", upper " + json::number(h.act.upper);
  return out;
}

std::string units_list(const std::vector<HiddenLayerSpec>& hidden) {
  std::string out;
  for (const HiddenLayerSpec& h : hidden)
    out += (out.empty() ? "" : ", ") + std::to_string(h.units);
  return out.empty() ? "none" : out;
}

} // namespace

Problems model_fit_problems(const Network& model, const NetworkSpec& wanted) {
  Problems problems;
  const NetworkSpec& has = model.spec;
  if (has.inputs != wanted.inputs)
    problems.push_back({"model.inputs", std::to_string(has.inputs),
                        "the model takes " + std::to_string(has.inputs) +
                            " inputs but the data has " + std::to_string(wanted.inputs) +
                            " columns"});
  if (has.loss != wanted.loss)
    problems.push_back({"model.loss", std::string(loss_name(has.loss)),
                        "the model was trained with " + std::string(loss_name(has.loss)) +
                            " but this run uses " + std::string(loss_name(wanted.loss))});
  else if (has.outputs != wanted.outputs)
    problems.push_back({"model.layers", std::to_string(has.outputs) + " outputs",
                        "this run's data needs " + std::to_string(wanted.outputs)});
  if (has.hidden.size() != wanted.hidden.size()) {
    problems.push_back(
        {"model.layers",
         std::to_string(has.hidden.size()) + " hidden layers: " + units_list(has.hidden),
         "the config's network.hidden has " + std::to_string(wanted.hidden.size()) + ": " +
             units_list(wanted.hidden) + "; a model fits only the config it was trained with"});
    return problems;
  }
  for (std::size_t i = 0; i < has.hidden.size(); ++i) {
    const std::string a = describe(has.hidden[i]), b = describe(wanted.hidden[i]);
    if (a != b)
      problems.push_back({"model.layers[" + std::to_string(i) + "]", a,
                          "the config's network.hidden[" + std::to_string(i) + "] is " + b});
  }
  return problems;
}

} // namespace leaky
