// An Evaluation as one JSON object (the CLI's metrics lines; later the worker's messages).
// Beside the states: "dormant_tau" (the tau used) and "tau_dormant_fraction" over every
// hidden unit; per layer "tau_dormant" (count) and "tau_dormant_fraction", and with per_unit
// "dormant_score" and "tau_dormant_units" (1 where the score is <= tau).
#pragma once
#include "network.hpp"
#include "stats.hpp"
#include "unit_totals.hpp"

#include <string>

namespace leaky {

struct StatsJsonOptions {
  bool per_unit = true;         // rate, state, revivals, born_dead per unit
  bool unit_histograms = false; // units x bins counts (large)
  float histogram_range = 5.0f;
};

std::string evaluation_to_json(const Evaluation& ev, const Network& net,
                               const StatsJsonOptions& options = {});

} // namespace leaky
