// Training and inference throughput on the reference workloads (docs/definitions.md,
// Benchmark workloads), each with ReLU and Leaky ReLU (alpha 0.01), SIMD and scalar kernels:
//   W1 playground  2 -> 8 -> 8 -> 1, 500 spiral points, batch 10, SGD lr 0.03: samples/s
//   W2 wide        2 -> 64 -> 64 -> 64 -> 1, 1000 spiral points, batch 32: samples/s
//   W3 mnist-size  784 -> 256 -> 256 -> 10, random data, batch 64, softmax CE: samples/s
//                  and GFLOP/s (2 in out flops per layer per sample forward, x3 with backward)
//   W4 heatmap     the W1 network over a 100 x 100 grid (as the page draws it): grids/s
// A training step is the Trainer's whole step: gather the batch, forward, loss, backward,
// finiteness checks and the SGD update. Prints JSON lines, then a table.
//   leaky-bench-train [--seconds S] [--only W1,W3]
#include "bench_support.hpp"
#include "dataset.hpp"
#include "predict.hpp"
#include "trainer.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

using namespace leaky;

namespace {

RunConfig workload_config(Kind kind, std::vector<int> hidden, int points, int batch) {
  RunConfig c = default_config();
  c.data.spec.kind = DatasetKind::spiral;
  c.data.spec.points = points;
  c.data.spec.train_fraction = 0.5f;
  c.hidden.clear();
  for (int units : hidden) {
    HiddenLayerSpec h;
    h.units = units;
    h.act = default_activation(kind);
    c.hidden.push_back(h);
  }
  c.optimizer.lr = 0.03f;
  c.training.batch_size = batch;
  c.training.steps = 1000000000;
  return c;
}

// 784 inputs in [0, 1), labels 0..9, from the run's PRNG.
Dataset random_mnist_like(int rows) {
  Dataset d;
  d.task = Task::binary_classification;
  d.inputs = d.base_inputs = 784;
  d.classes = 10;
  Rng rng(3);
  d.x_train.resize(static_cast<std::size_t>(rows) * 784);
  for (float& x : d.x_train)
    x = rng.uniform();
  d.y_train.resize(rows);
  for (float& y : d.y_train)
    y = static_cast<float>(rng.next_u32() % 10);
  d.x_test = d.x_train;
  d.y_test = d.y_train;
  return d;
}

struct Row {
  std::string workload, kind, kernels, metric;
  double value;
  double gflops = 0.0;
};

std::unique_ptr<Trainer> trainer_for(const RunConfig& c, Dataset data, Kernels k) {
  TrainerResult made = make_trainer(c, std::move(data), k);
  if (!made.trainer) {
    std::fprintf(stderr, "leaky-bench-train: %s\n", problems_to_text(made.problems).c_str());
    std::exit(1);
  }
  return std::move(made.trainer);
}

} // namespace

int main(int argc, char** argv) {
  double seconds = 0.6;
  std::string only;
  if (!bench::parse_options(argc, argv, "leaky-bench-train", seconds, &only)) return 2;
  auto wanted = [&](const char* w) { return only.empty() || only.find(w) != std::string::npos; };
  std::vector<Row> rows;
  auto report = [&](Row r) {
    std::printf("{\"bench\":\"train\",\"platform\":\"%s\",\"arch\":\"%s\",\"workload\":\"%s\","
                "\"activation\":\"%s\",\"kernels\":\"%s\",\"%s\":%.6g",
                bench::kPlatform,
                r.kernels == "simd" ? std::string(simd_arch_name()).c_str() : "scalar",
                r.workload.c_str(), r.kind.c_str(), r.kernels.c_str(), r.metric.c_str(), r.value);
    if (r.gflops > 0) std::printf(",\"gflop_per_s\":%.4g", r.gflops);
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
        const RunConfig c = workload_config(kind, {8, 8}, 1000, 10); // 500 training points
        auto t = trainer_for(c, make_dataset(c.data.spec), k);
        const double steps = bench::median_rate(
            seconds, [&](std::size_t n) { train(*t, static_cast<std::int64_t>(n)); });
        report({"W1", kind_name, kn, "samples_per_s", steps * 10});
      }
      if (wanted("W2")) {
        const RunConfig c = workload_config(kind, {64, 64, 64}, 2000, 32); // 1000 training points
        auto t = trainer_for(c, make_dataset(c.data.spec), k);
        const double steps = bench::median_rate(
            seconds, [&](std::size_t n) { train(*t, static_cast<std::int64_t>(n)); });
        report({"W2", kind_name, kn, "samples_per_s", steps * 32});
      }
      if (wanted("W3")) {
        RunConfig c = workload_config(kind, {256, 256}, 2, 64);
        c.loss = LossChoice::softmax_ce;
        c.optimizer.lr = 0.001f;
        auto t = trainer_for(c, random_mnist_like(1024), k);
        const double steps = bench::median_rate(
            seconds, [&](std::size_t n) { train(*t, static_cast<std::int64_t>(n)); });
        const double flops_per_sample = 3.0 * 2.0 * (784.0 * 256 + 256.0 * 256 + 256.0 * 10);
        Row r{"W3", kind_name, kn, "samples_per_s", steps * 64};
        r.gflops = steps * 64 * flops_per_sample / 1e9;
        report(r);
      }
      if (wanted("W4")) {
        const RunConfig c = workload_config(kind, {8, 8}, 1000, 10);
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
        report({"W4", kind_name, kn, "grids_per_s", grids});
      }
    }
  }

  std::printf("\nTraining workloads, %s (%s)\n", bench::kPlatform,
              std::string(simd_arch_name()).c_str());
  std::printf("%-4s %-11s %-8s %16s %10s\n", "", "activation", "kernels", "rate", "GFLOP/s");
  for (const Row& r : rows)
    std::printf("%-4s %-11s %-8s %12.3g %-3s %10s\n", r.workload.c_str(), r.kind.c_str(),
                r.kernels.c_str(), r.value, r.metric == "grids_per_s" ? "g/s" : "s/s",
                r.gflops > 0 ? std::to_string(r.gflops).substr(0, 5).c_str() : "");
  return 0;
}
