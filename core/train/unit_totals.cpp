#include "unit_totals.hpp"

namespace leaky {

std::string_view UnitTotals::sparsity_kind() const {
  if (zeros && negative_side) return "mixed";
  return negative_side ? "negative_side" : "zeros";
}

UnitTotals unit_totals(const Evaluation& ev) {
  UnitTotals t;
  for (const LayerStats& l : ev.layers) {
    t.units += l.units;
    t.dead += l.dead;
    t.dormant += l.dormant;
    t.inactive += l.inactive;
    t.near_dead += l.near_dead;
    t.born_dead += l.born_dead_count;
    t.tau_dormant += l.tau_dormant_count;
    for (int r : l.revivals)
      t.revivals += r;
    t.sparse += l.sparsity * l.units;
    (l.sparsity_is_zeros ? t.zeros : t.negative_side) = true;
  }
  return t;
}

} // namespace leaky
