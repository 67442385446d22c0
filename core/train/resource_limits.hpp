// The limits that keep a run's resources bounded, each with its one home here or beside
// what it limits: the memory budget a run's estimated memory (memory_estimate.hpp) must fit,
// and the number of runs in a sweep. The catalog exports them; the README lists them.
// (Elsewhere: kMaxJsonDepth in json_read.hpp, kMaxConfigBytes in config_json.hpp,
// kMaxModelBytes in model_json.hpp, kCsvMaxBytes in csv_import.hpp, kStepsRange in
// run_config.hpp, which also bounds epochs x batches per epoch.)
#pragma once
#include "range.hpp"

#include <cstddef>
#include <string_view>

namespace leaky {

inline constexpr std::size_t kMebibyte = std::size_t{1} << 20;

// The CLI's budget, in MiB: its default and what --memory-budget may set.
inline constexpr int kDefaultMemoryBudgetMiB = 2048;
inline constexpr Range kMemoryBudgetRange = Range::whole(16, 1 << 20);
inline constexpr std::string_view kMemoryBudgetOption = "memory-budget";
// The page's budget, fixed: a browser tab's memory is shared with everything else on the
// device. The wasm modules' maximum memory (wasm/CMakeLists.txt) leaves room above it.
inline constexpr int kBrowserMemoryBudgetMiB = 512;

// A sweep's runs (factor levels x alphas x seeds), and those one process runs (a whole sweep
// or one shard of it): each of those keeps its result line until the table is printed.
// `leaky-lab merge` keeps a summary of every run of the sweep.
inline constexpr Range kSweepRunsRange = Range::whole(1, 1000000);
inline constexpr Range kSweepShardRunsRange = Range::whole(1, 100000);
// A file of run lines that `leaky-lab merge` reads (a line is under 1 KiB).
inline constexpr std::size_t kSweepLinesMaxBytes = std::size_t{1} << 30;

struct MemoryBudget {
  std::size_t bytes = kDefaultMemoryBudgetMiB * kMebibyte;
  bool fixed = false; // the page's: no option changes it (messages say so)
};

inline constexpr MemoryBudget kBrowserMemoryBudget = {kBrowserMemoryBudgetMiB * kMebibyte, true};

} // namespace leaky
