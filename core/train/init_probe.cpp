#include "init_probe.hpp"

#include "init.hpp"
#include "trainer.hpp"

#include <algorithm>

namespace leaky {

namespace {

// The evaluation's chunk (trainer.cpp): results do not depend on it, memory does.
constexpr std::size_t kChunk = 512;

Dataset data_for_seed(const RunConfig& config, std::uint64_t seed) {
  DatasetSpec spec = config.data.spec;
  spec.seed = seed;
  return make_dataset(spec);
}

} // namespace

InitProbeMade make_init_probe(const RunConfig& config, Kernels kernels, const Dataset* fixed) {
  InitProbeMade made;
  const bool is_fixed = fixed || config.data.seed;
  Dataset data = fixed      ? *fixed
                 : is_fixed ? data_for_seed(config, *config.data.seed)
                            : data_for_seed(config, config.seed);
  // make_trainer checks the config against the data and builds the network: the probe then
  // takes the same checks and the same network as a run.
  TrainerResult t = make_trainer(config, std::move(data), kernels);
  if (!t.trainer) {
    made.problems = std::move(t.problems);
    return made;
  }
  auto p = std::make_unique<InitProbe>();
  p->config = config;
  p->kernels = kernels;
  p->net = std::move(t.trainer->net);
  const auto rows = static_cast<std::size_t>(t.trainer->data.train_size());
  if (is_fixed) p->fixed = std::move(t.trainer->data);
  p->ws = make_workspace(p->net, std::min(kChunk, rows));
  int units = 0;
  for (std::size_t i = 0; i < p->net.hidden_count(); ++i)
    units += p->net.layers[i].out;
  p->positive.assign(static_cast<std::size_t>(units), 0);
  p->zero_slope.assign(static_cast<std::size_t>(units), 0);
  p->result.units = units;
  p->result.born_dead_per_layer.assign(p->net.hidden_count(), 0);
  p->result.dead_per_layer.assign(p->net.hidden_count(), 0);
  made.probe = std::move(p);
  return made;
}

const InitProbeResult& probe_seed(InitProbe& p, std::uint64_t seed) {
  if (!p.fixed) p.data = data_for_seed(p.config, seed);
  const Dataset& data = p.fixed ? *p.fixed : p.data;
  Rng init_rng(seed, kInitStream);
  initialize(p.net, p.config.init, init_rng);

  std::fill(p.positive.begin(), p.positive.end(), 0u);
  std::fill(p.zero_slope.begin(), p.zero_slope.end(), 0u);
  const std::size_t hidden = p.net.hidden_count();
  const auto inputs = static_cast<std::size_t>(data.inputs);
  const auto rows = static_cast<std::size_t>(data.train_size());
  for (std::size_t start = 0; start < rows; start += p.ws.capacity) {
    const std::size_t n = std::min(p.ws.capacity, rows - start);
    forward(p.net, data.x_train.data() + start * inputs, n, p.ws, p.kernels, Mode::eval);
    std::size_t offset = 0;
    for (std::size_t i = 0; i < hidden; ++i) {
      const LayerView& l = p.net.layers[i];
      count_activity(p.net, l, p.ws.z[i].data(), n, p.kernels, p.positive.data() + offset,
                     p.zero_slope.data() + offset, p.scratch);
      offset += static_cast<std::size_t>(l.out);
    }
  }

  InitProbeResult& r = p.result;
  r.collapsed = false;
  r.born_dead = r.dead = 0;
  std::size_t offset = 0;
  for (std::size_t i = 0; i < hidden; ++i) {
    const int units = p.net.layers[i].out;
    int born_dead = 0, dead = 0;
    for (int k = 0; k < units; ++k, ++offset) {
      born_dead += unit_inactive(p.positive[offset]); // inactive at step 0
      dead += unit_dead(p.positive[offset], p.zero_slope[offset], rows);
    }
    r.born_dead_per_layer[i] = born_dead;
    r.dead_per_layer[i] = dead;
    r.born_dead += born_dead;
    r.dead += dead;
    r.collapsed = r.collapsed || dead == units;
  }
  return r;
}

} // namespace leaky
