// Network-wide counts of an evaluation over every hidden unit: what the statistics JSON
// reports as network fractions and what a run's summary (run_summary.hpp) keeps.
#pragma once
#include "stats.hpp"

#include <string_view>

namespace leaky {

struct UnitTotals {
  int units = 0, dead = 0, dormant = 0, inactive = 0, near_dead = 0, born_dead = 0, revivals = 0,
      tau_dormant = 0;
  double sparse = 0.0;                       // each layer's sparsity times its units, summed
  bool zeros = false, negative_side = false; // which sparsity kinds the layers use
  double dead_fraction() const { return fraction(dead); }
  double dormant_fraction() const { return fraction(dormant); }
  double born_dead_fraction() const { return fraction(born_dead); }
  double tau_dormant_fraction() const { return fraction(tau_dormant); }
  // Sparsity over every hidden unit, and its kind: "zeros", "negative_side", or "mixed" when
  // layers of both kinds are averaged.
  double sparsity() const { return fraction(sparse); }
  std::string_view sparsity_kind() const;

private:
  double fraction(double count) const { return units ? count / units : 0.0; }
};

UnitTotals unit_totals(const Evaluation& ev);

} // namespace leaky
