#include "trainer_json.hpp"

#include "json_writer.hpp"

namespace leaky {

std::string layout_to_json(const Trainer& t) {
  const Network& net = t.net;
  const Dataset& d = t.data;
  std::string out = "{\"inputs\":" + std::to_string(d.inputs) +
                    ",\"base_inputs\":" + std::to_string(d.base_inputs) +
                    ",\"task\":" + json::quote(task_name(d.task)) +
                    ",\"loss\":" + json::quote(loss_name(net.spec.loss)) +
                    ",\"total_steps\":" + std::to_string(t.total_steps) +
                    ",\"kernels\":" + json::quote(kernels_name(t.kernels)) +
                    ",\"domain_min\":" + json::array(d.domain_min) +
                    ",\"domain_max\":" + json::array(d.domain_max) + ",\"input_names\":[";
  for (std::size_t i = 0; i < d.input_names.size(); ++i) {
    if (i) out += ',';
    out += json::quote(d.input_names[i]);
  }
  out += "],\"layers\":[";
  for (std::size_t i = 0; i < net.layers.size(); ++i) {
    const LayerView& l = net.layers[i];
    if (i) out += ',';
    out += "{\"in\":" + std::to_string(l.in) + ",\"out\":" + std::to_string(l.out) +
           ",\"activation\":" + json::quote(info(l.act.kind).name) +
           ",\"alpha\":" + json::number(l.act.alpha) +
           ",\"output\":" + (l.is_output ? "true" : "false") + ",\"w\":" + std::to_string(l.w) +
           ",\"b\":" + std::to_string(l.b) + ",\"alpha_offset\":" + std::to_string(l.alpha) +
           ",\"alpha_count\":" + std::to_string(l.alpha_count) + "}";
  }
  return out + "]}";
}

namespace {

std::string rng_json(const Rng& r) {
  return "{\"state\":\"" + std::to_string(r.state) + "\",\"inc\":\"" + std::to_string(r.inc) +
         "\"}";
}

} // namespace

std::string resume_state_to_json(const Trainer& t) {
  std::string order = "[";
  for (std::size_t i = 0; i < t.order.size(); ++i) {
    if (i) order += ',';
    order += std::to_string(t.order[i]);
  }
  order += "]";
  return "{\"step\":" + std::to_string(t.step) + ",\"epoch\":" + std::to_string(t.epoch) +
         ",\"cursor\":" + std::to_string(t.cursor) + ",\"order\":" + order +
         ",\"shuffle\":" + (t.config.training.shuffle ? "true" : "false") +
         ",\"batch_rng\":" + rng_json(t.batch_rng) + ",\"noise_rng\":" + rng_json(t.noise_rng) +
         ",\"optimizer\":{\"kind\":" + json::quote(optimizer_name(t.config.optimizer.kind)) +
         ",\"t\":" + std::to_string(t.optimizer.t) + ",\"m\":" + json::array(t.optimizer.m) +
         ",\"v\":" + json::array(t.optimizer.v) + "}}";
}

std::string divergence_to_json(const Divergence& d, const std::string& advice) {
  return std::string("{\"diverged\":") + (d.diverged ? "true" : "false") +
         ",\"step\":" + std::to_string(d.step) + ",\"cause\":" + json::quote(d.cause) +
         ",\"advice\":" + json::quote(advice) + "}";
}

} // namespace leaky
