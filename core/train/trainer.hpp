// One training run: a config, its data, its network, and everything that changes as it
// trains. Deterministic (docs/definitions.md, Determinism): the config and seed decide every
// bit (within one build). Streams of the run's PCG32, each on its own sequence so that
// changing one setting does not reshuffle the others: data (kDatasetStream), initial weights,
// batch order, RReLU noise.
#pragma once
#include "dataset.hpp"
#include "memory_estimate.hpp"
#include "network.hpp"
#include "optimizer.hpp"
#include "run_config.hpp"
#include "stats.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace leaky {

inline constexpr std::uint64_t kInitStream = 0x696e6974ULL;  // "init"
inline constexpr std::uint64_t kBatchStream = 0x62617463ULL; // "batc"
inline constexpr std::uint64_t kNoiseStream = 0x6e6f6973ULL; // "nois"

// Evaluations run over the data in chunks of this many rows.
inline constexpr std::size_t kEvalChunk = 512;

struct Divergence {
  bool diverged = false;
  std::int64_t step = 0; // the step whose loss, gradient or update was not finite
  std::string cause;     // e.g. "loss is NaN", "gradient of layer 2 weights is Infinity"
};

struct Trainer {
  RunConfig config;
  Dataset data;
  Network net;
  Kernels kernels = Kernels::simd;
  OptimizerState optimizer;
  std::vector<std::uint8_t> decay_mask; // which params take the L1/L2 penalty
  Workspace batch_ws, eval_ws;
  Rng batch_rng{0}, noise_rng{0};
  std::vector<std::uint32_t> order; // training rows, in this epoch's order
  std::size_t cursor = 0;           // next position in order
  std::int64_t step = 0;            // steps taken
  int epoch = 0;                    // epochs completed
  std::int64_t total_steps = 0;     // from steps, or epochs * batches per epoch
  UnitHistory history;
  Divergence divergence;
  std::optional<std::int64_t> target_reached_at; // first evaluated step with loss <= target
  std::vector<float> batch_x, batch_y;
};

struct TrainerResult {
  std::unique_ptr<Trainer> trainer;
  Problems problems;
};

// Builds a run on the given kernels (a problem if this build lacks them). `data` is the
// dataset to use (make_dataset(config) or a CSV import); `model`, when given, replaces the
// initialized network (it must fit the config and the data: model_fit.hpp). Refused before
// anything large is allocated: a run whose estimated memory (with what the caller keeps
// beside it, `extras`) exceeds the budget, or whose epochs come to more steps than
// kStepsRange allows.
TrainerResult make_trainer(const RunConfig& config, Dataset data, Kernels kernels,
                           const Network* model = nullptr, const MemoryBudget& budget = {},
                           const MemoryExtras& extras = {});

// Runs up to n steps; stops early when the run diverges. Returns the steps taken.
std::int64_t train(Trainer& t, std::int64_t n);

// Statistics now (eval mode), and the target-loss bookkeeping. An evaluation with a
// non-finite loss, gradient or weight norm marks the run diverged at its step: callers
// check t.divergence and do not show that evaluation.
Evaluation evaluate(Trainer& t);

// Steps in one epoch: ceil(train rows / batch size).
std::int64_t batches_per_epoch(const Trainer& t);

} // namespace leaky
