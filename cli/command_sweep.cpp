// `leaky-lab sweep`: every (alpha, seed) pair of a config, in parallel, one JSON line per run
// and a summary table with means and standard deviations.
#include "args.hpp"
#include "commands.hpp"
#include "json_writer.hpp"
#include "run_setup.hpp"
#include "stats_json.hpp"
#include "trainer.hpp"

#include <atomic>
#include <cmath>
#include <cstdio>
#include <mutex>
#include <thread>

namespace leaky::cli {

std::string sweep_help() {
  return "leaky-lab sweep --config C.json --alpha A1,A2,... [--seeds S] [--steps N] [--jobs J]\n"
         "                [--data D.csv] [--out runs.jsonl] [--target-loss L] [--scalar]\n"
         "  Trains one run per (alpha, seed): alpha replaces the slope of every hidden layer\n"
         "  whose activation has one (leaky_relu, prelu's initial slope, elu); the seeds are\n"
         "  the config's seed, seed+1, ... (they vary weights and batch order, and the data\n"
         "  too unless the config sets data.seed). Runs in parallel over J threads (default:\n"
         "  all cores); the results do not depend on J. Writes one JSON line per run to\n"
         "  stdout or --out, then a table of mean and standard deviation per alpha: final\n"
         "  train/test loss, accuracy, dead and dormant fractions, born-dead fraction, collapsed\n"
         "  and diverged counts, and steps to reach the target loss (checked every\n"
         "  eval_every steps; --target-loss overrides training.target_loss).\n"
         "  --steps 0 measures networks at initialization: born-dead units and collapse.\n";
}

namespace {

int fail(const std::string& message) {
  std::fprintf(stderr, "leaky-lab sweep: %s\n", message.c_str());
  return 2;
}

struct RunResult {
  float alpha = 0;
  std::uint64_t seed = 0;
  Evaluation first, last;
  UnitTotals totals;
  Divergence divergence;
  std::optional<std::int64_t> steps_to_target;
  std::string problem;
};

// `fixed` is the data of every run (CSV, or a config with data.seed); without it each run
// generates its data from its own seed.
RunResult run_one(RunConfig config, const Dataset* fixed, float alpha, std::uint64_t seed,
                  Kernels kernels) {
  RunResult r;
  r.alpha = alpha;
  r.seed = seed;
  config.seed = seed;
  for (HiddenLayerSpec& h : config.hidden)
    if (info(h.act.kind).uses_alpha) h.act.alpha = alpha;
  config.data.spec.seed = seed;
  TrainerResult made =
      make_trainer(config, fixed ? *fixed : make_dataset(config.data.spec), kernels);
  if (!made.trainer) {
    r.problem = problems_to_text(made.problems);
    return r;
  }
  Trainer& t = *made.trainer;
  r.first = evaluate(t);
  r.last = r.first;
  while (t.step < t.total_steps && !t.divergence.diverged) {
    train(t, std::min<std::int64_t>(t.config.training.eval_every, t.total_steps - t.step));
    if (t.divergence.diverged) break;
    Evaluation ev = evaluate(t); // not kept when it finds the run diverged
    if (!t.divergence.diverged) r.last = std::move(ev);
  }
  r.totals = unit_totals(r.last);
  r.divergence = t.divergence;
  r.steps_to_target = t.target_reached_at;
  return r;
}

std::string run_json(const RunResult& r) {
  const Evaluation& e = r.last;
  std::string out = "{\"alpha\":" + json::number(r.alpha) + ",\"seed\":" + std::to_string(r.seed) +
                    ",\"steps\":" + std::to_string(e.step) +
                    ",\"train_loss\":" + json::number(e.train_loss) +
                    ",\"test_loss\":" + json::number(e.test_loss);
  if (e.train_accuracy) out += ",\"train_accuracy\":" + json::number(*e.train_accuracy);
  if (e.test_accuracy) out += ",\"test_accuracy\":" + json::number(*e.test_accuracy);
  out += ",\"dead_fraction\":" + json::number(r.totals.dead_fraction()) +
         ",\"dormant_fraction\":" + json::number(r.totals.dormant_fraction()) +
         ",\"born_dead_fraction\":" + json::number(unit_totals(r.first).born_dead_fraction()) +
         ",\"revivals\":" + std::to_string(r.totals.revivals) +
         ",\"collapsed\":" + (e.collapsed ? "true" : "false") +
         ",\"diverged\":" + (r.divergence.diverged ? "true" : "false");
  if (r.divergence.diverged)
    out += ",\"diverged_at\":" + std::to_string(r.divergence.step) +
           ",\"cause\":" + json::quote(r.divergence.cause);
  out += ",\"steps_to_target\":" +
         (r.steps_to_target ? std::to_string(*r.steps_to_target) : std::string("null"));
  return out + "}";
}

struct MeanSd {
  double mean = NAN, sd = NAN;
  int n = 0;
};
template <class Get> MeanSd mean_sd(const std::vector<const RunResult*>& runs, Get get) {
  std::vector<double> v;
  for (const RunResult* r : runs)
    if (auto x = get(*r)) v.push_back(*x);
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
      {"config", true},     {"alpha", true},   {"seeds", true}, {"steps", true},
      {"jobs", true},       {"data", true},    {"out", true},   {"target-loss", true},
      {"eval-every", true}, {"scalar", false}, {"help", false}};
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
  auto alphas_d = parse_number_list(*alpha_text);
  if (!alphas_d) return fail("--alpha must be comma-separated numbers, got '" + *alpha_text + "'");
  std::vector<float> alphas;
  for (double a : *alphas_d) {
    if (!std::isfinite(static_cast<float>(a)))
      return fail("--alpha values must be finite float32 numbers, got '" + *alpha_text + "'");
    alphas.push_back(static_cast<float>(a));
  }
  bool any_alpha = false;
  for (const HiddenLayerSpec& h : config.hidden)
    any_alpha = any_alpha || info(h.act.kind).uses_alpha;
  if (!any_alpha)
    return fail("no hidden layer of the config has an alpha (use leaky_relu, prelu or elu in "
                "network.activation)");

#ifdef __EMSCRIPTEN__
  const double default_jobs = 1; // no pthreads in this build
#else
  const double default_jobs = std::max(1u, std::thread::hardware_concurrency());
#endif
  double seeds = 1, jobs = default_jobs;
  if (auto bad = whole_number_option(args, "seeds", 1, 10000, seeds)) return fail(*bad);
  if (auto bad = whole_number_option(args, "jobs", 1, 256, jobs)) return fail(*bad);
  if (auto text = args.get("target-loss")) {
    auto v = parse_number(*text);
    if (!v || !(*v > 0) || !std::isfinite(*v))
      return fail("--target-loss must be a number > 0, got '" + *text + "'");
    config.training.target_loss = *v;
  }

  const std::size_t per_alpha = static_cast<std::size_t>(seeds);
  const std::size_t runs = alphas.size() * per_alpha;
  std::vector<RunResult> results(runs);
  std::atomic<std::size_t> next{0};
  const Kernels kernels = args.has("scalar") ? Kernels::scalar : best_kernels();
  const Dataset* fixed = args.has("data") || config.data.seed ? &run->data : nullptr;
  auto worker = [&] {
    for (std::size_t i; (i = next++) < runs;)
      results[i] =
          run_one(config, fixed, alphas[i / per_alpha], config.seed + i % per_alpha, kernels);
  };
  const int threads = static_cast<int>(std::min<double>(jobs, static_cast<double>(runs)));
  if (threads <= 1) {
    worker(); // also the only way in a wasm build, which has no pthreads
  } else {
    std::vector<std::thread> pool;
    for (int j = 0; j < threads; ++j)
      pool.emplace_back(worker);
    for (std::thread& th : pool)
      th.join();
  }

  for (const RunResult& r : results)
    if (!r.problem.empty()) return fail(r.problem);

  std::FILE* out = stdout;
  if (auto path = args.get("out")) {
    out = std::fopen(path->c_str(), "w");
    if (!out) return fail("cannot write --out '" + *path + "'");
  }
  for (const RunResult& r : results)
    std::fprintf(out, "%s\n", run_json(r).c_str());
  if (out != stdout) std::fclose(out);

  // The summary goes to stdout after the JSON lines (or alone, with --out).
  const bool classification = results.front().last.train_accuracy.has_value();
  std::printf(
      "\nSweep: %zu alphas x %zu seeds, %lld steps each, %s on %s\n", alphas.size(), per_alpha,
      static_cast<long long>(results.front().last.step > 0 ? results.front().last.step
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
    using Opt = std::optional<double>;
    auto ok = [](const RunResult& r) { return !r.divergence.diverged; };
    const MeanSd train_loss =
        mean_sd(group, [&](const RunResult& r) { return ok(r) ? Opt(r.last.train_loss) : Opt(); });
    const MeanSd test_loss =
        mean_sd(group, [&](const RunResult& r) { return ok(r) ? Opt(r.last.test_loss) : Opt(); });
    const MeanSd accuracy =
        mean_sd(group, [&](const RunResult& r) { return ok(r) ? r.last.test_accuracy : Opt(); });
    const MeanSd dead = mean_sd(
        group, [&](const RunResult& r) { return ok(r) ? Opt(r.totals.dead_fraction()) : Opt(); });
    const MeanSd dormant = mean_sd(group, [&](const RunResult& r) {
      return ok(r) ? Opt(r.totals.dormant_fraction()) : Opt();
    });
    const MeanSd born = mean_sd(
        group, [&](const RunResult& r) { return Opt(unit_totals(r.first).born_dead_fraction()); });
    const MeanSd target = mean_sd(group, [&](const RunResult& r) {
      return r.steps_to_target ? Opt(static_cast<double>(*r.steps_to_target)) : Opt();
    });
    int collapsed = 0, diverged = 0;
    for (const RunResult* r : group) {
      collapsed += r->last.collapsed;
      diverged += r->divergence.diverged;
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
