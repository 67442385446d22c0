// A fixed number of training steps of one workload, untimed: what callgrind counts
// instructions over (wall-clock medians on a shared machine vary by 25% or more). Run e.g.
//   valgrind --tool=callgrind --toggle-collect='leaky::train(*' \
//     build/callgrind/bench/leaky-step-profile W1 10 1000
// in a -DLEAKY_NATIVE_ARCH=portable build (valgrind cannot run AVX-512), and divide the
// instructions by the steps. Workloads: W1 (2 -> 8 -> 8 -> 1), W1-adam (the page's default,
// 2 -> 8 -> 8 -> 8 -> 1 with Adam), W3 (784 -> 256 -> 256 -> 10, softmax); all Leaky ReLU.
// Then prints the training loss, which tells two builds' arithmetic apart (fast math).
//   leaky-step-profile WORKLOAD BATCH STEPS [scalar]
#include "trainer.hpp"
#include "workloads.hpp"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

using namespace leaky;

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: leaky-step-profile W1|W1-adam|W3 BATCH STEPS [scalar]\n");
    return 2;
  }
  const std::string workload = argv[1];
  const int batch = std::atoi(argv[2]);
  const long steps = std::atol(argv[3]);
  const Kernels kernels =
      argc > 4 && !std::strcmp(argv[4], "scalar") ? Kernels::scalar : best_kernels();
  RunConfig c;
  Dataset data;
  if (workload == "W1") {
    c = bench::workload_config(Kind::leaky_relu, {8, 8}, 1000, batch);
  } else if (workload == "W1-adam") {
    c = bench::workload_config(Kind::leaky_relu, {8, 8, 8}, 1000, batch);
    c.optimizer.kind = OptimizerKind::adam;
  } else if (workload == "W3") {
    c = bench::workload_config(Kind::leaky_relu, {256, 256}, 2, batch);
    c.loss = LossChoice::softmax_ce;
    c.optimizer.lr = 0.001f;
    data = bench::random_mnist_like(1024);
  } else {
    std::fprintf(stderr, "leaky-step-profile: unknown workload %s\n", workload.c_str());
    return 2;
  }
  if (workload != "W3") data = make_dataset(c.data.spec);
  TrainerResult made = make_trainer(c, std::move(data), kernels);
  if (!made.trainer) {
    std::fprintf(stderr, "leaky-step-profile: %s\n", problems_to_text(made.problems).c_str());
    return 1;
  }
  const std::int64_t done = train(*made.trainer, steps);
  // The loss after the steps, to compare builds (the fast-math one against the default).
  const Evaluation ev = evaluate(*made.trainer);
  std::printf("%lld steps, diverged: %d, train loss %.9g\n", static_cast<long long>(done),
              made.trainer->divergence.diverged ? 1 : 0, ev.train_loss);
  return 0;
}
