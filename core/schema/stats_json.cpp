#include "stats_json.hpp"

#include "json_writer.hpp"

#include <charconv>

namespace leaky {

namespace {
// Integers through to_chars into one buffer: the per-unit histograms are most of a line.
template <class T> std::string int_array(const std::vector<T>& v) {
  std::string out;
  out.reserve(v.size() * 4 + 2);
  out += '[';
  char buf[24];
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (i) out += ',';
    out.append(buf, std::to_chars(buf, buf + sizeof buf, v[i]).ptr);
  }
  out += ']';
  return out;
}
std::string fraction(int count, int units) {
  return json::number(units ? static_cast<double>(count) / units : 0.0);
}
} // namespace

std::string evaluation_to_json(const Evaluation& ev, const Network& net,
                               const StatsJsonOptions& options) {
  std::string out;
  out.reserve(1024 + ev.layers.size() * 512);
  out += "{\"step\":" + std::to_string(ev.step) + ",\"epoch\":" + std::to_string(ev.epoch) +
         ",\"train_loss\":" + json::number(ev.train_loss) +
         ",\"test_loss\":" + json::number(ev.test_loss);
  if (ev.train_accuracy) out += ",\"train_accuracy\":" + json::number(*ev.train_accuracy);
  if (ev.test_accuracy) out += ",\"test_accuracy\":" + json::number(*ev.test_accuracy);
  const UnitTotals t = unit_totals(ev);
  out += ",\"penalty\":" + json::number(ev.penalty) +
         ",\"collapsed\":" + (ev.collapsed ? "true" : "false") +
         ",\"dead_fraction\":" + json::number(t.dead_fraction()) +
         ",\"dormant_fraction\":" + json::number(t.dormant_fraction()) +
         ",\"dormant_tau\":" + json::number(ev.dormant_tau) +
         ",\"tau_dormant_fraction\":" + json::number(t.tau_dormant_fraction()) + ",\"layers\":[";
  for (std::size_t i = 0; i < ev.layers.size(); ++i) {
    const LayerStats& s = ev.layers[i];
    const LayerView& l = net.layers[i];
    if (i) out += ',';
    out += std::string("{\"units\":") + std::to_string(s.units) +
           ",\"activation\":" + json::quote(info(l.act.kind).name);
    if (l.alpha_count)
      out += ",\"alpha\":" + json::array(s.alpha);
    else if (info(l.act.kind).uses_alpha)
      out += ",\"alpha\":" + json::number(l.act.alpha);
    out += ",\"inactive\":" + std::to_string(s.inactive) + ",\"dead\":" + std::to_string(s.dead) +
           ",\"dormant\":" + std::to_string(s.dormant) +
           ",\"near_dead\":" + std::to_string(s.near_dead) +
           ",\"born_dead\":" + std::to_string(s.born_dead_count) +
           ",\"revived\":" + std::to_string(s.revived_now) +
           ",\"inactive_fraction\":" + fraction(s.inactive, s.units) +
           ",\"dead_fraction\":" + fraction(s.dead, s.units) +
           ",\"dormant_fraction\":" + fraction(s.dormant, s.units) +
           ",\"near_dead_fraction\":" + fraction(s.near_dead, s.units) +
           ",\"tau_dormant\":" + std::to_string(s.tau_dormant_count) +
           ",\"tau_dormant_fraction\":" + fraction(s.tau_dormant_count, s.units) +
           ",\"sparsity\":" + json::number(s.sparsity) +
           ",\"sparsity_kind\":" + (s.sparsity_is_zeros ? "\"zeros\"" : "\"negative_side\"") +
           ",\"mean_abs_grad\":" + json::number(s.mean_abs_grad) +
           ",\"weight_norm\":" + json::number(s.weight_norm) +
           ",\"histogram_range\":" + json::number(options.histogram_range) +
           ",\"histogram\":" + int_array(s.histogram);
    if (options.per_unit) {
      out += ",\"rate\":" + json::array(s.rate) + ",\"state\":[";
      for (std::size_t k = 0; k < s.state.size(); ++k) {
        if (k) out += ',';
        out += json::quote(unit_state_name(s.state[k]));
      }
      out += "],\"born_dead_units\":" + int_array(s.born_dead) +
             ",\"revivals\":" + int_array(s.revivals) +
             ",\"dormant_score\":" + json::array(s.dormant_score) +
             ",\"tau_dormant_units\":" + int_array(s.tau_dormant);
    }
    if (options.unit_histograms) out += ",\"unit_histograms\":" + int_array(s.unit_histogram);
    out += "}";
  }
  return out + "]}";
}

} // namespace leaky
