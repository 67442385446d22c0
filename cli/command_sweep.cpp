// `leaky-lab sweep`: the runs of a sweep plan (train/sweep_plan.hpp), or one shard of them, in
// parallel; one JSON line per run (schema/sweep_json.hpp) and the table of their means.
#include "args.hpp"
#include "commands.hpp"
#include "files.hpp"
#include "json_writer.hpp"
#include "memory_estimate.hpp"
#include "messages.hpp"
#include "range.hpp"
#include "run_setup.hpp"
#include "sweep_json.hpp"
#include "sweep_text.hpp"

#include <atomic>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <thread>

namespace leaky::cli {

namespace {
constexpr Range kJobsRange = Range::whole(1, 256);

std::string default_alphas_text() {
  std::string out;
  for (float a : kDefaultSweepAlphas)
    out += (out.empty() ? "" : ",") + json::number(a);
  return out;
}
} // namespace

std::string sweep_help() {
  return "leaky-lab sweep --config C.json [--alpha A1,A2,...] [--seeds S] [--steps N] [--jobs J]\n"
         "                [--activation K1,K2,...] [--depth D1,...] [--width W1,...]\n"
         "                [--init I1,...] [--lr L1,...] [--shard K/N] [--data D.csv]\n"
         "                [--out runs.jsonl] [--target-loss L] [--scalar] [--memory-budget MiB]\n"
         "  Trains one run per combination of the factors' values, alpha and seed, each to\n"
         "  its last step. alpha replaces the slope of every hidden layer whose activation\n"
         "  has one (" +
         kind_names(&KindInfo::uses_alpha) + "; default " + default_alphas_text() +
         ");\n"
         "  a network that reads none (relu, say) runs once per seed, whatever the alphas.\n"
         "  The seeds are the config's seed, seed+1, ... (they vary weights and batch order,\n"
         "  and the data too unless the config sets data.seed or --data gives a file).\n"
         "  Factors, each crossed with the others and with alpha:\n"
         "    --activation  every hidden layer's kind: " +
         kind_names() +
         "\n"
         "    --depth       hidden layers, copies of the config's first (" +
         kSweepDepthRange.describe() +
         ")\n"
         "    --width       units of every hidden layer\n"
         "    --init        init.weights: " +
         names_of(kWeightInits) +
         "\n"
         "    --lr          optimizer.lr\n"
         "  Runs in parallel over J threads (default: all cores); the results do not depend\n"
         "  on J. Writes one JSON line per run, in run order, to stdout or --out (what the\n"
         "  page's sweep exports), then a table per group of runs that differ only in the\n"
         "  seed: mean ± standard error of the final train/test loss, accuracy, dead,\n"
         "  dormant and tau-dormant fractions, born dead, revivals, sparsity, the collapsed\n"
         "  and diverged counts, and the steps to reach the target loss (checked every\n"
         "  eval_every steps; --target-loss overrides training.target_loss).\n"
         "  --steps 0 measures networks at initialization: born-dead units and collapse.\n"
         "  --shard K/N runs only the runs whose number is K-1 modulo N (N " +
         kSweepShardsRange.describe() +
         "), for\n"
         "  another machine or process; `leaky-lab merge` joins the shards' lines.\n"
         "  --seeds " +
         kSweepSeedsRange.describe() + "; --jobs " + kJobsRange.describe() + "; each list " +
         kSweepLevelsRange.describe() +
         " values.\n"
         "  A sweep's runs must be " +
         kSweepRunsRange.describe() + ", those of one process (a shard) " +
         kSweepShardRunsRange.describe() + ".\n" + memory_budget_help() +
         "              J runs at once share it.\n";
}

namespace {

int fail(const std::string& message) {
  return cli::fail("sweep", message);
}

// The values of one factor's option, into `f` (names or numbers, as the factor takes).
std::optional<std::string> read_factor(const std::string& text, SweepLevels& f) {
  const std::string option = "--" + std::string(sweep_factor_name(f.factor));
  if (f.factor == SweepFactor::activation || f.factor == SweepFactor::init) {
    std::size_t start = 0;
    while (true) {
      const std::size_t comma = text.find(',', start);
      const std::string name =
          text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
      if (f.factor == SweepFactor::activation) {
        auto kind = parse_kind(name);
        if (!kind)
          return option + " must be comma-separated names from " + kind_names() + ", got '" + text +
                 "'";
        f.kinds.push_back(*kind);
      } else {
        auto init = find_by_name(kWeightInits, name);
        if (!init)
          return option + " must be comma-separated names from " + names_of(kWeightInits) +
                 ", got '" + text + "'";
        f.inits.push_back(*init);
      }
      if (comma == std::string::npos) return std::nullopt;
      start = comma + 1;
    }
  }
  auto numbers = parse_number_list(text);
  if (!numbers) return option + " must be comma-separated numbers, got '" + text + "'";
  for (double v : *numbers)
    f.numbers.push_back(f.factor == SweepFactor::lr ? to_float(v) : v);
  return std::nullopt;
}

// "K/N" -> (K, N), 1 <= K <= N.
std::optional<std::pair<std::size_t, std::size_t>> parse_shard(const std::string& text) {
  const std::size_t slash = text.find('/');
  if (slash == std::string::npos) return std::nullopt;
  auto k = parse_number(text.substr(0, slash));
  auto n = parse_number(text.substr(slash + 1));
  if (!k || !n || !kSweepShardsRange.contains(*n) || !kSweepShardsRange.contains(*k) || *k > *n)
    return std::nullopt;
  return std::make_pair(static_cast<std::size_t>(*k), static_cast<std::size_t>(*n));
}

// The plan's problems as one line in the options' names ("--depth[1] = 40: must be ...").
std::string plan_problems_text(Problems problems) {
  for (Problem& p : problems)
    p.field = p.field == "runs" ? "the sweep's runs" : "--" + p.field;
  return problems_to_text(problems);
}

// What the data of every run is: a CSV file (by name and bytes), or generated.
void describe_data(const Args& args, const LoadedRun& run, SweepPlan& plan) {
  auto path = args.get("data");
  if (!path || !run.csv_digest) {
    plan.data_label = generated_data_label(plan.base, plan.fixed_data);
    return;
  }
  plan.data_digest = *run.csv_digest;
  plan.data_label = std::filesystem::path(*path).filename().string() +
                    " (CSV: " + std::to_string(run.data.train_size()) + " training and " +
                    std::to_string(run.data.test_size()) + " test rows, " +
                    std::string(task_name(run.data.task)) + ")";
}

} // namespace

int run_sweep(int argc, char** argv) {
  Args args;
  std::vector<OptionSpec> specs = {{"config", true},
                                   {"alpha", true},
                                   {"seeds", true},
                                   {"steps", true},
                                   {"jobs", true},
                                   {"data", true},
                                   {"out", true},
                                   {"target-loss", true},
                                   {"eval-every", true},
                                   {"shard", true},
                                   {"scalar", false},
                                   {"help", false},
                                   {std::string(kMemoryBudgetOption), true}};
  for (const SweepFactorInfo& f : kSweepFactors)
    specs.push_back({std::string(f.name), true});
  if (auto error = parse_args(argc, argv, 2, specs, args))
    return fail(*error + " (see leaky-lab sweep --help)");
  if (args.has("help")) {
    std::fputs(sweep_help().c_str(), stdout);
    return 0;
  }
  std::string error;
  auto run = load_run(args, error);
  if (!run) return fail(error);

  SweepPlan plan;
  plan.base = run->config;
  if (auto text = args.get("target-loss")) {
    auto v = parse_number(*text);
    if (!v || !(*v > 0) || !std::isfinite(*v))
      return fail("--target-loss must be a number > 0, got '" + *text + "'");
    plan.base.training.target_loss = *v;
  }
  const std::string alpha_text = args.get("alpha").value_or(default_alphas_text());
  auto alphas = parse_number_list(alpha_text, /*non_finite=*/true); // refused just below
  if (!alphas) return fail("--alpha must be comma-separated numbers, got '" + alpha_text + "'");
  for (double a : *alphas) {
    if (!std::isfinite(to_float(a)))
      return fail("--alpha values must be finite float32 numbers, got '" + alpha_text + "'");
    plan.alphas.push_back(to_float(a));
  }
  for (const SweepFactorInfo& info : kSweepFactors)
    if (auto text = args.get(std::string(info.name))) {
      SweepLevels f;
      f.factor = info.value;
      if (auto bad = read_factor(*text, f)) return fail(*bad);
      plan.factors.push_back(std::move(f));
    }
  double seeds = 1, jobs = 1;
#ifndef __EMSCRIPTEN__ // no pthreads in the wasm build
  jobs = std::max(1u, std::thread::hardware_concurrency());
#endif
  if (auto bad = whole_number_option(args, "seeds", kSweepSeedsRange, seeds)) return fail(*bad);
  if (auto bad = whole_number_option(args, "jobs", kJobsRange, jobs)) return fail(*bad);
  plan.seeds = static_cast<int>(seeds);
  std::pair<std::size_t, std::size_t> shard{1, 1};
  if (auto text = args.get("shard")) {
    auto parsed = parse_shard(*text);
    if (!parsed)
      return fail("--shard must be K/N with whole numbers 1 <= K <= N, N " +
                  kSweepShardsRange.describe() + ", got '" + *text + "'");
    shard = *parsed;
  }
  plan.fixed_data = args.has("data") || plan.base.data.seed.has_value();
  describe_data(args, *run, plan);
  if (Problems p = validate(plan); !p.empty()) return fail(plan_problems_text(std::move(p)));

  const std::vector<SweepGroup> groups = sweep_groups(plan);
  const std::size_t runs = groups.size() * static_cast<std::size_t>(plan.seeds);
  std::vector<std::size_t> mine;
  for (std::size_t i = 0; i < runs; ++i)
    if (in_shard(i, shard.first, shard.second)) mine.push_back(i);
  if (!kSweepShardRunsRange.contains(static_cast<double>(mine.size())))
    return fail("--shard " + std::to_string(shard.first) + "/" + std::to_string(shard.second) +
                ": " + std::to_string(mine.size()) + " of the sweep's " + std::to_string(runs) +
                " runs; one process's runs must be " + kSweepShardRunsRange.describe() +
                (mine.empty() ? "" : " (split it into more shards)"));

  const std::size_t threads = static_cast<std::size_t>(std::min<double>(jobs, mine.size()));
  const Dataset* fixed = plan.fixed_data ? &run->data : nullptr;
  // No factor changes the data, and the check uses the base seed: one dataset serves every group.
  const Dataset probe =
      fixed ? Dataset{}
            : make_dataset(sweep_run_config(plan, groups.front(), plan.base.seed).data.spec);
  const Dataset& data = fixed ? *fixed : probe;
  // Alpha and seed change no size; the other factors may: `threads` runs of the largest
  // group at once must fit the budget together.
  for (const SweepGroup& g : groups) {
    if (g.alpha && *g.alpha != 0) continue; // the same sizes as the group of the first alpha
    const RunConfig c = sweep_run_config(plan, g, plan.base.seed);
    const Problems p = check_memory(estimate_memory(c, data), run->budget, threads);
    if (!p.empty())
      return fail(problems_to_text(p) + (threads > 1 ? "; or fewer runs at once (--jobs)" : ""));
  }
  MemoryBudget per_run = run->budget;
  per_run.bytes /= threads;

  std::vector<SweepRunOutcome> results(mine.size());
  std::atomic<std::size_t> next{0};
  const Kernels kernels = args.has("scalar") ? Kernels::scalar : best_kernels();
  auto worker = [&] {
    for (std::size_t i; (i = next++) < mine.size();)
      results[i] = run_sweep_run(plan, groups, mine[i], fixed, kernels, per_run);
  };
  if (threads <= 1) {
    worker();
  } else {
    std::vector<std::thread> pool;
    for (std::size_t j = 0; j < threads; ++j)
      pool.emplace_back(worker);
    for (std::thread& th : pool)
      th.join();
  }
  for (const SweepRunOutcome& r : results)
    if (!r.record) return fail(problems_to_text(r.problems));

  const SweepLineContext context{sweep_id(plan), runs, plan.data_label};
  Output out;
  if (auto path = args.get("out"); path && !out.open("out", *path)) return fail(out.error());
  std::vector<const SweepRecord*> records;
  for (const SweepRunOutcome& r : results) {
    records.push_back(&*r.record);
    if (!out.line(sweep_line(*r.record, context))) break;
  }
  if (!out.finish()) return fail(out.error());
  std::fputs(sweep_table_text(sweep_table(records), context).c_str(), stdout);
  return 0;
}

} // namespace leaky::cli
