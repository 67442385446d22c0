// A sweep's JSON: the line of one run (what `leaky-lab sweep` writes, `leaky-lab merge` reads
// and the page exports), the sweep's identity, and its table.
//
// A run's line: who it is, then its summary (train/run_summary.hpp), e.g.
//   {"sweep":"5c0f...","run":4,"runs":6,"seed":4,"alpha":0.01,"activation":"leaky_relu",
//    "data":"xor (generated: 100 points, from each run's seed)","steps":30,"train_loss":0.6,
//    "test_loss":0.7,"train_accuracy":0.5,"test_accuracy":0.5,"dead_fraction":0,
//    "dormant_fraction":0.2,"dormant_tau":0.1,"tau_dormant_fraction":0.2,
//    "born_dead_fraction":0,"revivals":1,"sparsity":0.4,"sparsity_kind":"negative_side",
//    "collapsed":false,"target_loss":0,"steps_to_target":null,"diverged":false}
// "sweep" is the sweep's identity (sweep_id), the same on every line of every shard; "run" its
// number in the sweep (0-based) of "runs"; "alpha" null when the network reads none;
// "activation" when the hidden layers share one; "depth", "width", "init", "lr" when the sweep
// varies them; "diverged_at" and "cause" when it diverged.
#pragma once
#include "problem.hpp"
#include "sweep_table.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace leaky {

// 16 hex digits (FNV-1a 64) of everything that decides the runs: the base config as the core
// writes it, the alphas, the factors' levels, the seeds and the data (a CSV file by its bytes,
// not its name, so shards on machines with other paths agree).
std::string sweep_id(const SweepPlan& plan);

// FNV-1a 64 of some bytes (a CSV file's, for SweepPlan::data_digest).
std::uint64_t bytes_digest(std::string_view bytes);

// What every line of one sweep shares.
struct SweepLineContext {
  std::string id;
  std::size_t runs = 0;
  std::string data; // SweepPlan::data_label
};

std::string sweep_line(const SweepRecord& record, const SweepLineContext& context);

struct SweepLineRead {
  std::optional<SweepRecord> record;
  SweepLineContext context;
  Problems problems;
};
// Reads a line sweep_line() wrote; every problem at once (missing or mistyped fields, a run
// number outside the sweep's).
SweepLineRead parse_sweep_line(std::string_view line);

// {"runs","steps","classification","target","dormant_tau","varied":[...],"rows":[{"alpha","levels":{...},
//  "runs","collapsed","diverged","reached","seeds":[...],"metrics":{"test_loss":{"mean","se",
//  "n"},...}}]}; a mean or standard error that does not exist is null.
std::string sweep_table_to_json(const SweepTable& table);

} // namespace leaky
