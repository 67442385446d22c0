// `leaky-lab sweep`: every (alpha, seed) pair of a config, in parallel, one JSON line per run
// and a summary table with means and standard deviations.
#include "args.hpp"
#include "commands.hpp"
#include "files.hpp"
#include "json_writer.hpp"
#include "memory_estimate.hpp"
#include "messages.hpp"
#include "range.hpp"
#include "run_setup.hpp"
#include "stats_json.hpp"
#include "trainer.hpp"

#include <atomic>
#include <cmath>
#include <cstdio>
#include <mutex>
#include <thread>

namespace leaky::cli {

namespace {
constexpr Range kSeedsRange = Range::whole(1, 10000);
constexpr Range kJobsRange = Range::whole(1, 256);
} // namespace

std::string sweep_help() {
  return "leaky-lab sweep --config C.json --alpha A1,A2,... [--seeds S] [--steps N] [--jobs J]\n"
         "                [--data D.csv] [--out runs.jsonl] [--target-loss L] [--scalar]\n"
         "                [--memory-budget MiB]\n"
         "  Trains one run per (alpha, seed): alpha replaces the slope of every hidden layer\n"
         "  whose activation has one (leaky_relu, prelu's initial slope, elu); the seeds are\n"
         "  the config's seed, seed+1, ... (they vary weights and batch order, and the data\n"
         "  too unless the config sets data.seed). Runs in parallel over J threads (default:\n"
         "  all cores); the results do not depend on J. Writes one JSON line per run to\n"
         "  stdout or --out, then a table of mean and standard deviation per alpha: final\n"
         "  train/test loss, accuracy, dead and dormant fractions, born-dead fraction, collapsed\n"
         "  and diverged counts, and steps to reach the target loss (checked every\n"
         "  eval_every steps; --target-loss overrides training.target_loss).\n"
         "  --steps 0 measures networks at initialization: born-dead units and collapse.\n"
         "  --seeds     " +
         kSeedsRange.describe() + "; --jobs " + kJobsRange.describe() +
         "\n"
         "  The alphas times the seeds, the runs, must be " +
         kSweepRunsRange.describe() + ".\n" + memory_budget_help() +
         "              J runs at once share it.\n";
}

namespace {

int fail(const std::string& message) {
  return cli::fail("sweep", message);
}

// What the table needs of a run, and its JSON line: kept for every run until the end, so
// nothing in it grows with the network (an Evaluation does).
struct RunResult {
  std::string line;
  std::int64_t steps = 0;
  // The last evaluation's; unset for a diverged run (left out of the means).
  std::optional<double> train_loss, test_loss, test_accuracy, dead, dormant;
  double born_dead = 0;
  bool classification = false, collapsed = false, diverged = false;
  std::optional<double> steps_to_target;
  std::string problem;
};

// The config of the run with this alpha and seed.
RunConfig run_config(RunConfig config, float alpha, std::uint64_t seed) {
  config.seed = seed;
  for (HiddenLayerSpec& h : config.hidden)
    if (info(h.act.kind).uses_alpha) h.act.alpha = alpha;
  config.data.spec.seed = seed;
  return config;
}

std::string run_json(float alpha, std::uint64_t seed, const Evaluation& first, const Evaluation& e,
                     const Trainer& t) {
  const UnitTotals totals = unit_totals(e);
  const Divergence& d = t.divergence;
  std::string out = "{\"alpha\":" + json::number(alpha) + ",\"seed\":" + std::to_string(seed) +
                    ",\"steps\":" + std::to_string(e.step) +
                    ",\"train_loss\":" + json::number(e.train_loss) +
                    ",\"test_loss\":" + json::number(e.test_loss);
  if (e.train_accuracy) out += ",\"train_accuracy\":" + json::number(*e.train_accuracy);
  if (e.test_accuracy) out += ",\"test_accuracy\":" + json::number(*e.test_accuracy);
  out += ",\"dead_fraction\":" + json::number(totals.dead_fraction()) +
         ",\"dormant_fraction\":" + json::number(totals.dormant_fraction()) +
         ",\"born_dead_fraction\":" + json::number(unit_totals(first).born_dead_fraction()) +
         ",\"revivals\":" + std::to_string(totals.revivals) +
         ",\"collapsed\":" + (e.collapsed ? "true" : "false") +
         ",\"diverged\":" + (d.diverged ? "true" : "false");
  if (d.diverged)
    out += ",\"diverged_at\":" + std::to_string(d.step) + ",\"cause\":" + json::quote(d.cause);
  out += ",\"steps_to_target\":" +
         (t.target_reached_at ? std::to_string(*t.target_reached_at) : std::string("null"));
  return out + "}";
}

// `fixed` is the data of every run (CSV, or a config with data.seed); without it each run
// generates its data from its own seed.
RunResult run_one(const RunConfig& config, const Dataset* fixed, Kernels kernels,
                  const MemoryBudget& budget, float alpha, std::uint64_t seed) {
  RunResult r;
  TrainerResult made = make_trainer(config, fixed ? *fixed : make_dataset(config.data.spec),
                                    kernels, nullptr, budget);
  if (!made.trainer) {
    r.problem = problems_to_text(made.problems);
    return r;
  }
  Trainer& t = *made.trainer;
  const Evaluation first = evaluate(t);
  Evaluation last = first;
  while (t.step < t.total_steps && !t.divergence.diverged) {
    train(t, std::min<std::int64_t>(t.config.training.eval_every, t.total_steps - t.step));
    if (t.divergence.diverged) break;
    Evaluation ev = evaluate(t); // not kept when it finds the run diverged
    if (!t.divergence.diverged) last = std::move(ev);
  }
  r.line = run_json(alpha, seed, first, last, t);
  r.steps = last.step;
  r.classification = last.train_accuracy.has_value();
  r.collapsed = last.collapsed;
  r.diverged = t.divergence.diverged;
  r.born_dead = unit_totals(first).born_dead_fraction();
  if (t.target_reached_at) r.steps_to_target = static_cast<double>(*t.target_reached_at);
  if (!r.diverged) {
    const UnitTotals totals = unit_totals(last);
    r.train_loss = last.train_loss;
    r.test_loss = last.test_loss;
    r.test_accuracy = last.test_accuracy;
    r.dead = totals.dead_fraction();
    r.dormant = totals.dormant_fraction();
  }
  return r;
}

struct MeanSd {
  double mean = NAN, sd = NAN;
  int n = 0;
};
MeanSd mean_sd(const std::vector<double>& v) {
  MeanSd m;
  m.n = static_cast<int>(v.size());
  if (v.empty()) return m;
  double s = 0;
  for (double x : v)
    s += x;
  m.mean = s / v.size();
  double q = 0;
  for (double x : v)
    q += (x - m.mean) * (x - m.mean);
  m.sd = v.size() > 1 ? std::sqrt(q / (v.size() - 1)) : 0.0; // sample standard deviation
  return m;
}

// Over the runs that have the value.
MeanSd mean_sd(const std::vector<const RunResult*>& runs, std::optional<double> RunResult::*value) {
  std::vector<double> v;
  for (const RunResult* r : runs)
    if (r->*value) v.push_back(*(r->*value));
  return mean_sd(v);
}

std::string cell(const MeanSd& m, int precision) {
  if (m.n == 0) return "-";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f±%.*f", precision, m.mean, precision, m.sd);
  return buf;
}

// Left-aligns to `width` columns counting characters, not bytes ("±" is two bytes).
std::string pad(const std::string& s, std::size_t width) {
  std::size_t shown = 0;
  for (unsigned char c : s)
    shown += (c & 0xC0) != 0x80;
  return s + std::string(width > shown ? width - shown : 1, ' ');
}

} // namespace

int run_sweep(int argc, char** argv) {
  Args args;
  const std::vector<OptionSpec> specs = {
      {"config", true},  {"alpha", true},       {"seeds", true},
      {"steps", true},   {"jobs", true},        {"data", true},
      {"out", true},     {"target-loss", true}, {"eval-every", true},
      {"scalar", false}, {"help", false},       {std::string(kMemoryBudgetOption), true}};
  if (auto error = parse_args(argc, argv, 2, specs, args))
    return fail(*error + " (see leaky-lab sweep --help)");
  if (args.has("help")) {
    std::fputs(sweep_help().c_str(), stdout);
    return 0;
  }
  std::string error;
  auto run = load_run(args, error);
  if (!run) return fail(error);
  RunConfig& config = run->config;

  auto alpha_text = args.get("alpha");
  if (!alpha_text) return fail("--alpha is required, e.g. --alpha 0,0.001,0.01,0.1,0.3");
  auto alphas_d = parse_number_list(*alpha_text, /*non_finite=*/true); // refused just below
  if (!alphas_d) return fail("--alpha must be comma-separated numbers, got '" + *alpha_text + "'");
  std::vector<float> alphas;
  for (double a : *alphas_d) {
    if (!std::isfinite(to_float(a)))
      return fail("--alpha values must be finite float32 numbers, got '" + *alpha_text + "'");
    alphas.push_back(to_float(a));
  }
  bool any_alpha = false;
  for (const HiddenLayerSpec& h : config.hidden)
    any_alpha = any_alpha || info(h.act.kind).uses_alpha;
  if (!any_alpha)
    return fail("no hidden layer of the config has an alpha (use one of " +
                kind_names(&KindInfo::uses_alpha) + " in network.activation)");

#ifdef __EMSCRIPTEN__
  const double default_jobs = 1; // no pthreads in this build
#else
  const double default_jobs = std::max(1u, std::thread::hardware_concurrency());
#endif
  double seeds = 1, jobs = default_jobs;
  if (auto bad = whole_number_option(args, "seeds", kSeedsRange, seeds)) return fail(*bad);
  if (auto bad = whole_number_option(args, "jobs", kJobsRange, jobs)) return fail(*bad);
  if (auto text = args.get("target-loss")) {
    auto v = parse_number(*text);
    if (!v || !(*v > 0) || !std::isfinite(*v))
      return fail("--target-loss must be a number > 0, got '" + *text + "'");
    config.training.target_loss = *v;
  }

  const std::size_t per_alpha = static_cast<std::size_t>(seeds);
  const std::size_t runs = alphas.size() * per_alpha;
  if (!kSweepRunsRange.contains(static_cast<double>(runs)))
    return fail("--alpha and --seeds: " + std::to_string(alphas.size()) + " alphas x " +
                std::to_string(per_alpha) + " seeds are " + std::to_string(runs) +
                " runs; a sweep's runs must be " + kSweepRunsRange.describe());
  const std::size_t threads = static_cast<std::size_t>(std::min<double>(jobs, runs));
  const Dataset* fixed = args.has("data") || config.data.seed ? &run->data : nullptr;
  // Every run takes the memory of the first (alpha and seed change no size); `threads` of
  // them at once must fit the budget together.
  {
    const RunConfig first = run_config(config, alphas[0], config.seed);
    const Problems p =
        check_memory(estimate_memory(first, fixed ? *fixed : make_dataset(first.data.spec)),
                     run->budget, threads);
    if (!p.empty())
      return fail(problems_to_text(p) + (threads > 1 ? "; or fewer runs at once (--jobs)" : ""));
  }
  MemoryBudget per_run = run->budget;
  per_run.bytes /= threads;

  std::vector<RunResult> results(runs);
  std::atomic<std::size_t> next{0};
  const Kernels kernels = args.has("scalar") ? Kernels::scalar : best_kernels();
  auto worker = [&] {
    for (std::size_t i; (i = next++) < runs;) {
      const float alpha = alphas[i / per_alpha];
      const std::uint64_t seed = config.seed + i % per_alpha;
      results[i] = run_one(run_config(config, alpha, seed), fixed, kernels, per_run, alpha, seed);
    }
  };
  if (threads <= 1) {
    worker(); // also the only way in a wasm build, which has no pthreads
  } else {
    std::vector<std::thread> pool;
    for (std::size_t j = 0; j < threads; ++j)
      pool.emplace_back(worker);
    for (std::thread& th : pool)
      th.join();
  }

  for (const RunResult& r : results)
    if (!r.problem.empty()) return fail(r.problem);

  Output out;
  if (auto path = args.get("out"); path && !out.open("out", *path)) return fail(out.error());
  for (const RunResult& r : results)
    if (!out.line(r.line)) break;
  if (!out.finish()) return fail(out.error());

  // The summary goes to stdout after the JSON lines (or alone, with --out).
  const bool classification = results.front().classification;
  std::printf(
      "\nSweep: %zu alphas x %zu seeds, %lld steps each, %s on %s\n", alphas.size(), per_alpha,
      static_cast<long long>(results.front().steps > 0 ? results.front().steps
                                                       : config.training.steps),
      std::string(info(config.hidden.empty() ? Kind::linear : config.hidden.front().act.kind).name)
          .c_str(),
      std::string(dataset_info(config.data.spec.kind).name).c_str());
  std::printf("%-8s %-17s %-17s %-15s %-13s %-13s %-13s %-9s %-8s %s\n", "alpha", "train loss",
              "test loss", classification ? "test accuracy" : "", "dead", "dormant", "born dead",
              "collapsed", "diverged", "steps to target");
  for (std::size_t a = 0; a < alphas.size(); ++a) {
    std::vector<const RunResult*> group;
    for (std::size_t k = 0; k < per_alpha; ++k)
      group.push_back(&results[a * per_alpha + k]);
    const MeanSd train_loss = mean_sd(group, &RunResult::train_loss);
    const MeanSd test_loss = mean_sd(group, &RunResult::test_loss);
    const MeanSd accuracy = mean_sd(group, &RunResult::test_accuracy);
    const MeanSd dead = mean_sd(group, &RunResult::dead);
    const MeanSd dormant = mean_sd(group, &RunResult::dormant);
    const MeanSd target = mean_sd(group, &RunResult::steps_to_target);
    std::vector<double> born_values;
    for (const RunResult* r : group)
      born_values.push_back(r->born_dead);
    const MeanSd born = mean_sd(born_values);
    int collapsed = 0, diverged = 0;
    for (const RunResult* r : group) {
      collapsed += r->collapsed;
      diverged += r->diverged;
    }
    char target_cell[64] = "-";
    if (config.training.target_loss > 0)
      std::snprintf(target_cell, sizeof target_cell, "%s (%d/%zu reached)", cell(target, 0).c_str(),
                    target.n, per_alpha);
    const std::string line =
        pad(json::number(alphas[a]), 9) + pad(cell(train_loss, 4), 18) +
        pad(cell(test_loss, 4), 18) + pad(classification ? cell(accuracy, 3) : "", 16) +
        pad(cell(dead, 3), 14) + pad(cell(dormant, 3), 14) + pad(cell(born, 3), 14) +
        pad(std::to_string(collapsed) + "/" + std::to_string(per_alpha), 10) +
        pad(std::to_string(diverged) + "/" + std::to_string(per_alpha), 9) + target_cell;
    std::printf("%s\n", line.c_str());
  }
  std::printf(
      "(mean ± sample standard deviation over seeds; diverged runs are left out of the means)\n");
  return 0;
}

} // namespace leaky::cli
