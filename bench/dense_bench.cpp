// Dense-layer throughput: one training step's forward and backward through every layer of
// the W1 (2 -> 8 -> 8 -> 1, batch 10) and W3 (784 -> 256 -> 256 -> 10, batch 64) networks,
// SIMD path against the scalar reference path. Hidden layers use ReLU or Leaky ReLU (0.01),
// or no activation at all ("none": the dense kernels alone); the output layer is linear, and
// its gradient is a fixed random dZ (no loss, no optimizer: those are not dense kernels).
// Prints JSON lines, then a table.
//   leaky-dense-bench [--seconds S]   S: time per measurement (default 0.3)
//
// GFLOP/s as docs/definitions.md (Benchmark workloads) counts them: 2 * in * out flops per
// layer per sample forward, times 3 for forward + backward. The first layer skips dX (nothing
// needs it), so the flops actually executed are fewer: "gflops_executed" counts those, also
// as a fraction of the machine's multiply-add peak measured first in the same run (peak.hpp).
// Then a scan, SIMD path and Leaky ReLU only: two square layers of width 64 to 1024 (the
// network alone, w -> w -> w) at batches of 1 to 256, each cell's share of the peak measured
// in windows paired with windows of the peak loop (peak.hpp, rate_and_peak_share).
#include "activation.hpp"
#include "bench_support.hpp"
#include "dense.hpp"
#include "peak.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

using namespace leaky;

namespace {

struct Workload {
  const char* name;
  std::vector<std::size_t> sizes; // units per layer, input first
  std::size_t batch;
};

struct Result {
  std::string workload, hidden, path;
  double samples_per_s, gflops, gflops_executed;
};

// Every buffer of a network, allocated once: the kernels allocate nothing.
struct Net {
  std::vector<std::size_t> sizes;
  std::size_t batch;
  std::vector<std::vector<float>> W, b, dW, db; // per layer
  std::vector<std::vector<float>> Z, A, dA;     // per layer output; A[0] is the input X
  std::vector<float> dZ, G;

  Net(const Workload& w) : sizes(w.sizes), batch(w.batch) {
    Rng rng(42);
    auto random = [&](std::size_t n, float scale) {
      std::vector<float> v(n);
      for (float& x : v)
        x = rng.uniform(-scale, scale);
      return v;
    };
    const std::size_t layers = sizes.size() - 1;
    A.push_back(random(batch * sizes[0], 1.0f));
    dA.emplace_back(); // the input's gradient: not computed
    Z.emplace_back();
    std::size_t widest = 0;
    for (std::size_t l = 0; l < layers; ++l) {
      const std::size_t in = sizes[l], out = sizes[l + 1];
      W.push_back(random(in * out, 1.0f / static_cast<float>(in)));
      b.push_back(random(out, 0.1f));
      dW.emplace_back(in * out);
      db.emplace_back(out);
      Z.emplace_back(batch * out);
      A.emplace_back(batch * out);
      dA.emplace_back(batch * out);
      widest = std::max(widest, out);
    }
    dZ.resize(batch * widest);
    G = random(batch * sizes.back(), 1.0f);
  }
};

// The kernels of one path.
struct Path {
  decltype(&scalar::dense_forward) dense_forward;
  decltype(&scalar::dense_backward) dense_backward;
  decltype(&scalar::forward) forward;
  decltype(&scalar::backward) backward;
};
const Path kScalar{scalar::dense_forward, scalar::dense_backward, scalar::forward,
                   scalar::backward};
#if LEAKY_SIMD
const Path kSimd{simd::dense_forward, simd::dense_backward, simd::forward, simd::backward};
#endif

void step(const Path& p, Net& net, const std::optional<Activation>& hidden) {
  const std::size_t layers = net.sizes.size() - 1, batch = net.batch;
  for (std::size_t l = 0; l < layers; ++l) {
    const std::size_t in = net.sizes[l], out = net.sizes[l + 1];
    const bool activate = hidden && l + 1 < layers;
    float* z = activate ? net.Z[l + 1].data() : net.A[l + 1].data();
    p.dense_forward(net.A[l].data(), net.W[l].data(), net.b[l].data(), z, batch, in, out);
    if (activate) p.forward(*hidden, net.Z[l + 1], net.A[l + 1], {});
  }
  const float* g = net.G.data(); // dL/dA of the last layer, which is linear
  for (std::size_t l = layers; l-- > 0;) {
    const std::size_t in = net.sizes[l], out = net.sizes[l + 1];
    const float* dz = g;
    if (hidden && l + 1 < layers) {
      const std::span<float> dZ(net.dZ.data(), batch * out);
      p.backward(*hidden, net.Z[l + 1], net.dA[l + 1], dZ, {});
      dz = dZ.data();
    }
    float* dx = l > 0 ? net.dA[l].data() : nullptr; // the first layer needs no dX
    p.dense_backward(net.A[l].data(), net.W[l].data(), dz, dx, net.dW[l].data(), net.db[l].data(),
                     batch, in, out);
    g = dx;
  }
}

// Training steps per second.
double steps_per_second(const Path& path, Net& net, const std::optional<Activation>& hidden,
                        double seconds) {
  return bench::median_rate(seconds, [&](std::size_t n) {
    for (std::size_t i = 0; i < n; ++i)
      step(path, net, hidden);
  });
}

} // namespace

int main(int argc, char** argv) {
  double seconds = 0.3;
  if (!bench::parse_options(argc, argv, "leaky-dense-bench", seconds)) return 2;
  const std::string arch(simd_arch_name());
  const double peak = bench::peak_gflops(seconds);
  std::printf("{\"bench\":\"peak\",\"platform\":\"%s\",\"arch\":\"%s\",\"gflop_per_s\":%.4g}\n",
              bench::kPlatform, arch.c_str(), peak);
  const std::vector<Workload> workloads = {{"W1", {2, 8, 8, 1}, 10},
                                           {"W3", {784, 256, 256, 10}, 64}};
  const std::vector<std::optional<Activation>> hiddens = {
      std::nullopt, default_activation(Kind::relu), default_activation(Kind::leaky_relu)};
  std::vector<Result> results;
  for (const Workload& w : workloads) {
    double macs = 0.0, macs_executed = 0.0; // per sample
    std::string layers;
    for (std::size_t l = 0; l + 1 < w.sizes.size(); ++l) {
      const double mac = static_cast<double>(w.sizes[l]) * w.sizes[l + 1];
      macs += mac;
      macs_executed += l == 0 ? 2 * mac : 3 * mac;
      layers += std::to_string(w.sizes[l]) + "-";
    }
    layers += std::to_string(w.sizes.back());
    Net net(w);
    for (const auto& hidden : hiddens) {
      const std::string hname = hidden ? std::string(info(hidden->kind).name) : "none";
      for (bool simd_path : {true, false}) {
#if LEAKY_SIMD
        const Path& path = simd_path ? kSimd : kScalar;
#else
        if (simd_path) continue;
        const Path& path = kScalar;
#endif
        const double sps = steps_per_second(path, net, hidden, seconds) * w.batch;
        const Result r{w.name,
                       hname,
                       simd_path ? "simd" : "scalar",
                       sps,
                       sps * 6 * macs / 1e9,
                       sps * 2 * macs_executed / 1e9};
        results.push_back(r);
        std::printf("{\"bench\":\"dense\",\"platform\":\"%s\",\"arch\":\"%s\",\"workload\":\"%s\","
                    "\"layers\":\"%s\",\"batch\":%zu,\"hidden\":\"%s\",\"path\":\"%s\","
                    "\"samples_per_s\":%.4g,\"gflops\":%.4g,\"gflops_executed\":%.4g,"
                    "\"of_peak\":%.4g}\n",
                    bench::kPlatform, simd_path ? arch.c_str() : "scalar", w.name, layers.c_str(),
                    w.batch, hname.c_str(), r.path.c_str(), r.samples_per_s, r.gflops,
                    r.gflops_executed, r.gflops_executed / peak);
        std::fflush(stdout);
      }
    }
  }
  // The scan: executed GFLOP/s of the SIMD path, as a fraction of the peak.
  const std::vector<std::size_t> widths = {64, 128, 256, 512, 1024}, batches = {1, 10, 32, 64, 256};
  std::vector<std::vector<double>> scan(widths.size()), scan_share(widths.size());
#if LEAKY_SIMD
  for (std::size_t i = 0; i < widths.size(); ++i)
    for (std::size_t batch : batches) {
      const std::size_t w = widths[i];
      Net net(Workload{"scan", {w, w, w}, batch});
      const std::optional<Activation> act = default_activation(Kind::leaky_relu);
      const double flops_per_step = 2 * (2.0 * w * w + 3.0 * w * w) * batch;
      const bench::RateAndShare r = bench::rate_and_peak_share(
          seconds,
          [&](std::size_t n) {
            for (std::size_t s = 0; s < n; ++s)
              step(kSimd, net, act);
          },
          flops_per_step);
      const double gflops = r.units_per_s * flops_per_step / 1e9;
      scan[i].push_back(gflops);
      scan_share[i].push_back(r.of_peak);
      std::printf("{\"bench\":\"dense_scan\",\"platform\":\"%s\",\"arch\":\"%s\",\"width\":%zu,"
                  "\"batch\":%zu,\"gflops_executed\":%.4g,\"of_peak\":%.4g}\n",
                  bench::kPlatform, arch.c_str(), w, batch, gflops, r.of_peak);
      std::fflush(stdout);
    }
#endif

  std::printf("\nDense layers, forward+backward, %s (%s); GFLOP/s as docs/definitions.md counts "
              "them; multiply-add peak %.1f GFLOP/s\n",
              bench::kPlatform, arch.c_str(), peak);
  std::printf("%-4s %-11s %15s %15s %12s %12s %9s %8s\n", "", "hidden", "simd samples/s",
              "scalar samples/s", "simd GFLOP/s", "scalar GFLOP/s", "speed-up", "of peak");
  for (std::size_t i = 0; i < results.size(); ++i) {
    const Result& r = results[i];
    if (r.path != "simd") continue;
    const Result& s = results[i + 1];
    std::printf("%-4s %-11s %15.4g %15.4g %12.2f %12.2f %8.1fx %7.1f%%\n", r.workload.c_str(),
                r.hidden.c_str(), r.samples_per_s, s.samples_per_s, r.gflops, s.gflops,
                r.samples_per_s / s.samples_per_s, 100 * r.gflops_executed / peak);
  }
  if (!scan[0].empty()) {
    std::printf("\nScan, SIMD, Leaky ReLU, w -> w -> w: executed GFLOP/s (of the peak measured in "
                "windows paired with the scan's)\n%-6s",
                "width");
    for (std::size_t b : batches)
      std::printf(" %16s", ("batch " + std::to_string(b)).c_str());
    std::printf("\n");
    for (std::size_t i = 0; i < widths.size(); ++i) {
      std::printf("%-6zu", widths[i]);
      for (std::size_t j = 0; j < scan[i].size(); ++j)
        std::printf(" %8.1f (%4.0f%%)", scan[i][j], 100 * scan_share[i][j]);
      std::printf("\n");
    }
  }
  return 0;
}
