// Activation throughput: forward + backward, elements per second, SIMD path against the
// scalar reference path, for relu, leaky_relu, elu and gelu at n = 4096 (fits in L1/L2)
// and n = 1,000,000 (memory-bound). Prints JSON lines, then a table.
//   leaky-bench [--seconds S]   S: time per measurement (default 0.3)
#include "activation.hpp"
#include "bench_support.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

using namespace leaky;

namespace {

struct Result {
  std::string kind, path;
  std::size_t n;
  double elements_per_s;
};

double measure(const Activation& act, Kernels kernels, std::size_t n, double seconds) {
  std::vector<float> z(n), g(n), a(n), dz(n);
  Rng rng(1);
  for (std::size_t i = 0; i < n; ++i) {
    z[i] = rng.uniform(-4.0f, 4.0f);
    g[i] = rng.uniform(-1.0f, 1.0f);
  }
  auto step = [&] {
    forward(kernels, act, z, a);
    backward(kernels, act, z, g, dz);
  };
  const double rate = bench::median_rate(seconds, [&](std::size_t times) {
    for (std::size_t i = 0; i < times; ++i)
      step();
  });
  volatile float sink = a[n / 2] + dz[n / 3];
  (void)sink;
  return rate * static_cast<double>(n);
}

} // namespace

int main(int argc, char** argv) {
  double seconds = 0.3;
  if (!bench::parse_options(argc, argv, "leaky-bench", seconds)) return 2;
  const std::string arch(simd_arch_name());
  std::vector<Result> results;
  const Kind kinds[] = {Kind::relu, Kind::leaky_relu, Kind::elu, Kind::gelu};
  for (std::size_t n : {std::size_t{4096}, std::size_t{1000000}}) {
    for (Kind k : kinds) {
      for (Kernels kernels : {Kernels::simd, Kernels::scalar}) {
        if (!kernels_available(kernels)) continue;
        const bool simd_path = kernels == Kernels::simd;
        const Activation act = default_activation(k);
        const double eps = measure(act, kernels, n, seconds);
        results.push_back({std::string(info(k).name), simd_path ? "simd" : "scalar", n, eps});
        std::printf("{\"bench\":\"activation\",\"platform\":\"%s\",\"arch\":\"%s\",\"kind\":\"%s\","
                    "\"path\":\"%s\",\"n\":%zu,\"elements_per_s\":%.4g}\n",
                    bench::kPlatform, simd_path ? arch.c_str() : "scalar", info(k).name.data(),
                    simd_path ? "simd" : "scalar", n, eps);
        std::fflush(stdout);
      }
    }
  }
  std::printf("\nActivation forward+backward, %s (%s), million elements/s\n", bench::kPlatform,
              arch.c_str());
  std::printf("%-11s %9s %11s %11s %9s\n", "kind", "n", "simd", "scalar", "speed-up");
  for (std::size_t i = 0; i < results.size(); ++i) {
    const Result& r = results[i];
    if (r.path != "simd") continue;
    const Result& s = results[i + 1];
    std::printf("%-11s %9zu %11.1f %11.1f %8.1fx\n", r.kind.c_str(), r.n, r.elements_per_s / 1e6,
                s.elements_per_s / 1e6, r.elements_per_s / s.elements_per_s);
  }
  return 0;
}
