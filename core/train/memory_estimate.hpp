// How much memory a run will take, estimated from its config and data before anything big
// is allocated, so that a run too large for its budget is refused with the fields that make
// it large instead of ending in an out-of-memory abort. The estimate follows what
// make_trainer, make_workspace, train and evaluate allocate, and errs high: a test holds it
// above the allocations it measures and within a small factor of them.
#pragma once
#include "dataset.hpp"
#include "problem.hpp"
#include "resource_limits.hpp"
#include "run_config.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace leaky {

// What a front end keeps beside the Trainer.
struct MemoryExtras {
  bool model_copy = false;         // the model the run started from
  std::size_t prediction_rows = 0; // a prediction workspace of this many rows (the heatmap)
  std::size_t grid_points = 0;     // the points it predicts
};

struct MemoryPart {
  std::string what;   // "the training batch"
  std::string fields; // the config fields that drive it: "training.batch_size, network.hidden"
  std::string value;  // their values: "99000 rows x 16384 hidden units"
  double bytes = 0;
};

struct MemoryEstimate {
  std::vector<MemoryPart> parts;
  double total() const;
  const MemoryPart& largest() const;
};

// Precondition: `data` is the run's data and `config` valid for it (its loss resolves).
MemoryEstimate estimate_memory(const RunConfig& config, const Dataset& data,
                               const MemoryExtras& extras = {});

// A problem naming the largest part's fields when `copies` runs at once need more than the
// budget; empty otherwise.
Problems check_memory(const MemoryEstimate& estimate, const MemoryBudget& budget,
                      std::size_t copies = 1);

} // namespace leaky
