// An Evaluation as one JSON object (the CLI's metrics lines; later the worker's messages).
// Beside the states: "dormant_tau" (the tau used) and "tau_dormant_fraction" over every
// hidden unit; per layer "tau_dormant" (count) and "tau_dormant_fraction", and with per_unit
// "dormant_score" and "tau_dormant_units" (1 where the score is <= tau).
#pragma once
#include "network.hpp"
#include "stats.hpp"

#include <string>

namespace leaky {

struct StatsJsonOptions {
  bool per_unit = true;         // rate, state, revivals, born_dead per unit
  bool unit_histograms = false; // units x bins counts (large)
  float histogram_range = 5.0f;
};

std::string evaluation_to_json(const Evaluation& ev, const Network& net,
                               const StatsJsonOptions& options = {});

// Network-wide fractions over every hidden unit.
struct UnitTotals {
  int units = 0, dead = 0, dormant = 0, inactive = 0, near_dead = 0, born_dead = 0, revivals = 0,
      tau_dormant = 0;
  double dead_fraction() const { return units ? static_cast<double>(dead) / units : 0.0; }
  double dormant_fraction() const { return units ? static_cast<double>(dormant) / units : 0.0; }
  double born_dead_fraction() const { return units ? static_cast<double>(born_dead) / units : 0.0; }
  double tau_dormant_fraction() const {
    return units ? static_cast<double>(tau_dormant) / units : 0.0;
  }
};
UnitTotals unit_totals(const Evaluation& ev);

} // namespace leaky
