// Networks at initialization, fast: for one config and many seeds, what a run would report
// at step 0 (make_trainer, then evaluate()): which hidden units are born dead (inactive),
// which are dead, and whether the network is collapsed (stats.hpp's definitions, on the
// training set). Only forward passes: no losses, gradients or histograms.
//
// A seed s stands for the run with config.seed = s, exactly as `leaky-lab sweep` makes it:
// the initial weights from Rng(s, kInitStream), and the data from s too unless the data is
// fixed (a dataset given, or config.data.seed). Everything is allocated when the probe is
// made; probing a seed allocates nothing, except to generate that seed's data when the data
// is not fixed.
#pragma once
#include "network.hpp"
#include "problem.hpp"
#include "run_config.hpp"
#include "stats.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace leaky {

struct InitProbeResult {
  bool collapsed = false;
  int units = 0, born_dead = 0, dead = 0;               // over every hidden unit
  std::vector<int> born_dead_per_layer, dead_per_layer; // per hidden layer
  double born_dead_fraction() const { return units ? static_cast<double>(born_dead) / units : 0.0; }
  double dead_fraction() const { return units ? static_cast<double>(dead) / units : 0.0; }
};

struct InitProbe {
  RunConfig config;
  Kernels kernels = Kernels::simd;
  std::optional<Dataset> fixed; // the data of every seed, when fixed
  Dataset data;                 // this seed's data, when not fixed
  Network net;
  Workspace ws;
  std::vector<std::uint32_t> positive, zero_slope; // per hidden unit, layer after layer
  ActivityScratch scratch;
  InitProbeResult result;
};

struct InitProbeMade {
  std::unique_ptr<InitProbe> probe;
  Problems problems; // those make_trainer would report for this config and data
};

// `fixed`, when given, is the data of every seed (a CSV import, say).
InitProbeMade make_init_probe(const RunConfig& config, Kernels kernels,
                              const Dataset* fixed = nullptr);

// The network of seed `seed` at step 0; the result lives in probe.result until the next call.
const InitProbeResult& probe_seed(InitProbe& probe, std::uint64_t seed);

} // namespace leaky
