// What an evaluation costs against the training steps between two of them, on the
// playground's default run (spiral, 500 points, 2 -> 8 -> 8 -> 8 -> 8 -> 1 Leaky ReLU 0.01,
// batch 10, Adam lr 0.01, an evaluation every 100 steps): the page's pacing depends on it.
// An evaluation is what the page pays per evaluation: evaluate() and its JSON with per-unit
// histograms.
//   leaky-bench-eval [--seconds S]   timed: the median of windows, the two interleaved
//   leaky-bench-eval --rounds N [--no-eval]
//                    N rounds of 100 steps (and an evaluation), untimed: for instruction
//                    counts (callgrind), where totals with and without --no-eval differ by N
//                    evaluations
#include "bench_support.hpp"
#include "stats_json.hpp"
#include "trainer.hpp"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

using namespace leaky;

namespace {

constexpr int kStepsPerEvaluation = 100;

RunConfig page_default_config() {
  RunConfig c = default_config();
  c.data.spec.kind = DatasetKind::spiral;
  c.data.spec.points = 500;
  c.data.spec.train_fraction = 0.5f;
  c.hidden.clear();
  for (int i = 0; i < 3; ++i) {
    HiddenLayerSpec h;
    h.units = 8;
    h.act = default_activation(Kind::leaky_relu);
    c.hidden.push_back(h);
  }
  c.optimizer.kind = OptimizerKind::adam;
  c.optimizer.lr = 0.03f;
  c.training.batch_size = 10;
  c.training.steps = 1000000000;
  return c;
}

// What the page does per evaluation (wasm/bindings_trainer.cpp): evaluate, then the JSON.
std::size_t evaluate_as_page(Trainer& t) {
  const Evaluation ev = evaluate(t);
  StatsJsonOptions options;
  options.unit_histograms = true;
  options.histogram_range = t.config.training.histogram_range;
  return evaluation_to_json(ev, t.net, options).size();
}

} // namespace

int main(int argc, char** argv) {
  double seconds = 0.6;
  long rounds = -1;
  bool with_eval = true;
  std::vector<char*> rest = {argv[0]};
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--rounds") && i + 1 < argc)
      rounds = std::atol(argv[++i]);
    else if (!std::strcmp(argv[i], "--no-eval"))
      with_eval = false;
    else
      rest.push_back(argv[i]);
  }
  if (!bench::parse_options(static_cast<int>(rest.size()), rest.data(), "leaky-bench-eval",
                            seconds))
    return 2;
  const RunConfig c = page_default_config();
  TrainerResult made = make_trainer(c, make_dataset(c.data.spec), best_kernels());
  if (!made.trainer) {
    std::fprintf(stderr, "leaky-bench-eval: %s\n", problems_to_text(made.problems).c_str());
    return 1;
  }
  Trainer& t = *made.trainer;

  if (rounds >= 0) {
    std::size_t total = 0;
    for (long r = 0; r < rounds; ++r) {
      train(t, kStepsPerEvaluation);
      if (with_eval) total += evaluate_as_page(t);
    }
    std::printf("%ld rounds, %zu bytes of JSON\n", rounds, total);
    return t.divergence.diverged ? 1 : 0;
  }

  // The three parts timed apart; the JSON of the last evaluation is written again each time.
  Evaluation ev = evaluate(t);
  StatsJsonOptions options;
  options.unit_histograms = true;
  options.histogram_range = t.config.training.histogram_range;
  std::size_t bytes = 0;
  const std::vector<double> m = bench::interleaved_medians(
      seconds, {[&] { train(t, kStepsPerEvaluation); }, [&] { ev = evaluate(t); },
                [&] { bytes = evaluation_to_json(ev, t.net, options).size(); }});
  if (t.divergence.diverged) {
    std::fprintf(stderr, "leaky-bench-eval: the run diverged: %s\n", t.divergence.cause.c_str());
    return 1;
  }
  const double evaluation = m[1] + m[2];
  std::printf("{\"bench\":\"eval\",\"platform\":\"%s\",\"arch\":\"%s\",\"steps_us\":%.4g,"
              "\"evaluate_us\":%.4g,\"json_us\":%.4g,\"ratio\":%.4g}\n",
              bench::kPlatform, std::string(simd_arch_name()).c_str(), m[0] * 1e6, m[1] * 1e6,
              m[2] * 1e6, evaluation / m[0]);
  std::printf("\nAn evaluation against %d steps, page default, %s (%s)\n", kStepsPerEvaluation,
              bench::kPlatform, std::string(simd_arch_name()).c_str());
  std::printf("  %d steps   %9.1f us\n  evaluate() %9.1f us\n  its JSON   %9.1f us  (%zu bytes)\n"
              "  evaluation / steps: %.2f\n",
              kStepsPerEvaluation, m[0] * 1e6, m[1] * 1e6, m[2] * 1e6, bytes, evaluation / m[0]);
  return 0;
}
