// Training and inference throughput on the reference workloads (docs/definitions.md,
// Benchmark workloads), each with ReLU and Leaky ReLU (alpha 0.01), SIMD and scalar kernels:
//   W1 playground  2 -> 8 -> 8 -> 1, 500 spiral points, batch 10, SGD lr 0.03: samples/s
//   W2 wide        2 -> 64 -> 64 -> 64 -> 1, 1000 spiral points, batch 32: samples/s
//   W3 mnist-size  784 -> 256 -> 256 -> 10, random data, batch 64, softmax CE: samples/s
//                  and GFLOP/s (2 in out flops per layer per sample forward, x3 with backward)
//   W4 heatmap     the W1 network over a 100 x 100 grid (as the page draws it): grids/s
// A training step is the Trainer's whole step: gather the batch, forward, loss, backward,
// finiteness checks and the SGD update. Rates are medians over timed windows; samples are the
// rows actually trained (an epoch's last batch may be short); a run that diverges while timed
// stops the benchmark with an error. GFLOP/s twice: as docs/definitions.md counts them
// (6 in out per layer per sample) and as executed (the first layer computes no dX: 4 in out
// there), the latter also as a fraction of this machine's multiply-add peak: for the training
// workloads from windows paired with windows of the peak loop, for W4 against the peak
// measured at the start (peak.hpp). Prints JSON lines, then a table.
//   leaky-bench-train [--seconds S] [--only W1,W3]
#include "bench_support.hpp"
#include "dataset.hpp"
#include "peak.hpp"
#include "predict.hpp"
#include "trainer.hpp"
#include "workloads.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

using namespace leaky;

namespace {

struct Row {
  std::string workload, kind, kernels, metric;
  double value;
  double gflops = 0.0, gflops_executed = 0.0;
  double of_peak = 0.0; // executed GFLOP/s as a share of the peak
};

// Flops per sample of a training step: as conventionally counted, and as executed.
struct Flops {
  double conventional = 0.0, executed = 0.0, forward = 0.0;
};
Flops flops_of(const std::vector<int>& sizes) {
  Flops f;
  for (std::size_t l = 0; l + 1 < sizes.size(); ++l) {
    const double mac = static_cast<double>(sizes[l]) * sizes[l + 1];
    f.conventional += 6 * mac;
    f.executed += l == 0 ? 4 * mac : 6 * mac;
    f.forward += 2 * mac;
  }
  return f;
}

// Rows trained per second, and the executed flops' share of the peak (windows paired with
// windows of the peak loop, peak.hpp): steps are timed, and the rows they took counted from
// the trainer's position in its epochs. Exits when the run diverges.
bench::RateAndShare rows_per_second(Trainer& t, double seconds, const char* workload,
                                    const Flops& f) {
  const std::int64_t rows = t.data.train_size();
  std::int64_t trained = 0;
  // An epoch's mean rows per step (its last batch may be short), for the flops of a step.
  const double rows_per_step = static_cast<double>(rows) / batches_per_epoch(t);
  const bench::RateAndShare steps = bench::rate_and_peak_share(
      seconds,
      [&](std::size_t n) {
        const std::int64_t before = t.epoch * rows + static_cast<std::int64_t>(t.cursor);
        train(t, static_cast<std::int64_t>(n));
        trained += t.epoch * rows + static_cast<std::int64_t>(t.cursor) - before;
      },
      f.executed * rows_per_step);
  if (t.divergence.diverged) {
    std::fprintf(stderr,
                 "leaky-bench-train: %s diverged at step %lld (%s): its figures mean nothing\n",
                 workload, static_cast<long long>(t.divergence.step), t.divergence.cause.c_str());
    std::exit(1);
  }
  return {steps.units_per_s * static_cast<double>(trained) / static_cast<double>(t.step),
          steps.of_peak};
}

std::unique_ptr<Trainer> trainer_for(const RunConfig& c, Dataset data, Kernels k) {
  TrainerResult made = make_trainer(c, std::move(data), k);
  if (!made.trainer) {
    std::fprintf(stderr, "leaky-bench-train: %s\n", problems_to_text(made.problems).c_str());
    std::exit(1);
  }
  return std::move(made.trainer);
}

Row training_row(const char* workload, const std::string& kind, const std::string& kernels,
                 const bench::RateAndShare& rate, const Flops& f) {
  Row r{workload, kind, kernels, "samples_per_s", rate.units_per_s};
  r.gflops = rate.units_per_s * f.conventional / 1e9;
  r.gflops_executed = rate.units_per_s * f.executed / 1e9;
  r.of_peak = rate.of_peak;
  return r;
}

} // namespace

int main(int argc, char** argv) {
  double seconds = 0.6;
  std::string only;
  if (!bench::parse_options(argc, argv, "leaky-bench-train", seconds, &only)) return 2;
  auto wanted = [&](const char* w) { return only.empty() || only.find(w) != std::string::npos; };
  std::vector<Row> rows;
  const double peak = bench::peak_gflops(seconds);
  std::printf("{\"bench\":\"peak\",\"platform\":\"%s\",\"arch\":\"%s\",\"gflop_per_s\":%.4g}\n",
              bench::kPlatform, std::string(simd_arch_name()).c_str(), peak);
  auto report = [&](Row r) {
    std::printf("{\"bench\":\"train\",\"platform\":\"%s\",\"arch\":\"%s\",\"workload\":\"%s\","
                "\"activation\":\"%s\",\"kernels\":\"%s\",\"%s\":%.6g",
                bench::kPlatform,
                r.kernels == "simd" ? std::string(simd_arch_name()).c_str() : "scalar",
                r.workload.c_str(), r.kind.c_str(), r.kernels.c_str(), r.metric.c_str(), r.value);
    if (r.gflops > 0)
      std::printf(",\"gflop_per_s\":%.4g,\"gflop_per_s_executed\":%.4g,\"of_peak\":%.4g", r.gflops,
                  r.gflops_executed, r.of_peak);
    std::printf("}\n");
    std::fflush(stdout);
    rows.push_back(r);
  };

  std::vector<Kernels> kernel_list = {Kernels::simd, Kernels::scalar};
  if (!LEAKY_SIMD) kernel_list = {Kernels::scalar};
  for (Kind kind : {Kind::relu, Kind::leaky_relu}) {
    const std::string kind_name(info(kind).name);
    for (Kernels k : kernel_list) {
      const std::string kn = k == Kernels::simd ? "simd" : "scalar";
      if (wanted("W1")) {
        const RunConfig c = bench::workload_config(kind, {8, 8}, 1000, 10); // 500 training points
        auto t = trainer_for(c, make_dataset(c.data.spec), k);
        const Flops f = flops_of({2, 8, 8, 1});
        report(training_row("W1", kind_name, kn, rows_per_second(*t, seconds, "W1", f), f));
      }
      if (wanted("W2")) {
        const RunConfig c =
            bench::workload_config(kind, {64, 64, 64}, 2000, 32); // 1000 training points
        auto t = trainer_for(c, make_dataset(c.data.spec), k);
        const Flops f = flops_of({2, 64, 64, 64, 1});
        report(training_row("W2", kind_name, kn, rows_per_second(*t, seconds, "W2", f), f));
      }
      if (wanted("W3")) {
        RunConfig c = bench::workload_config(kind, {256, 256}, 2, 64);
        c.loss = LossChoice::softmax_ce;
        c.optimizer.lr = 0.001f;
        auto t = trainer_for(c, bench::random_mnist_like(1024), k);
        const Flops f = flops_of({784, 256, 256, 10});
        report(training_row("W3", kind_name, kn, rows_per_second(*t, seconds, "W3", f), f));
      }
      if (wanted("W4")) {
        const RunConfig c = bench::workload_config(kind, {8, 8}, 1000, 10);
        auto t = trainer_for(c, make_dataset(c.data.spec), k);
        // What the page does per frame: a 100 x 100 grid over the data's domain, features
        // expanded, forward, sigmoid.
        Grid grid = make_grid(t->data, 100, 100);
        Workspace ws = make_workspace(t->net, 1024);
        std::vector<float> scratch;
        const double grids = bench::median_rate(seconds, [&](std::size_t n) {
          for (std::size_t i = 0; i < n; ++i)
            predict_grid(t->net, c.data.spec.features, t->data.base_inputs, grid, ws, k, scratch);
        });
        Row r{"W4", kind_name, kn, "grids_per_s", grids};
        r.gflops = r.gflops_executed = grids * 100 * 100 * flops_of({2, 8, 8, 1}).forward / 1e9;
        r.of_peak = r.gflops_executed / peak; // the peak measured at the start
        report(r);
      }
    }
  }

  std::printf("\nTraining workloads, %s (%s); multiply-add peak %.1f GFLOP/s\n", bench::kPlatform,
              std::string(simd_arch_name()).c_str(), peak);
  std::printf("%-4s %-11s %-8s %16s %10s %10s %8s\n", "", "activation", "kernels", "rate",
              "GFLOP/s", "executed", "of peak");
  for (const Row& r : rows)
    std::printf("%-4s %-11s %-8s %12.3g %-3s %10.2f %10.2f %7.1f%%\n", r.workload.c_str(),
                r.kind.c_str(), r.kernels.c_str(), r.value,
                r.metric == "grids_per_s" ? "g/s" : "s/s", r.gflops, r.gflops_executed,
                100 * r.of_peak);
  return 0;
}
