// The machine's peak for the arithmetic the kernels do, measured in the same run as the
// workloads so that each can be printed as a fraction of it: a multiply, then an add (no
// fused multiply-add: the kernels have none, wasm has none), on the widest SIMD batch of
// this build (wasm SIMD128 under Node; SSE/AVX/AVX-512 natively), one core, with enough
// independent accumulators to hide the latency of both. 2 flops per lane per step.
#pragma once
#include "bench_support.hpp"

#if LEAKY_SIMD
#include <xsimd/xsimd.hpp>
#endif

#include <cstddef>

namespace leaky::bench {

#if LEAKY_SIMD
using PeakBatch = xsimd::batch<float>;
#else
struct PeakBatch { // one lane
  float v;
  PeakBatch(float x = 0.0f) : v(x) {}
  PeakBatch operator*(PeakBatch o) const { return PeakBatch(v * o.v); }
  PeakBatch operator+(PeakBatch o) const { return PeakBatch(v + o.v); }
  static constexpr std::size_t size = 1;
};
#endif
inline constexpr int kPeakChains = 12; // latency of a multiply and an add x issue width, with room

// n steps of acc = acc w + x on every chain: the multiply depends on acc, so no compiler can
// hoist it out of the loop; acc tends to x / (1 - w) = 1, so it neither overflows nor goes
// subnormal. A function of its own, called once per timed chunk: V8 optimizes a wasm function
// for its next call, so a loop inlined into the timing loop ran as baseline code throughout
// (a wasm "peak" of 5-9 GFLOP/s, below what the kernels reach, against 20-22 optimized).
[[gnu::noinline]] inline float peak_chains(std::size_t n, PeakBatch x, PeakBatch w) {
  using B = PeakBatch;
  B acc[kPeakChains];
  for (int i = 0; i < kPeakChains; ++i)
    acc[i] = B(static_cast<float>(i));
  for (std::size_t s = 0; s < n; ++s)
    for (int i = 0; i < kPeakChains; ++i)
      acc[i] = acc[i] * w + x;
  B total = acc[0];
  for (int i = 1; i < kPeakChains; ++i)
    total = total + acc[i];
#if LEAKY_SIMD
  return xsimd::reduce_add(total);
#else
  return total.v;
#endif
}

// Flops of one step of peak_chains: a multiply and an add per lane per chain.
inline constexpr double kPeakFlopsPerStep = kPeakChains * PeakBatch::size * 2.0;

// The peak loop as a unit of work for median_rate and window_rate: run(n) does n steps of
// peak_chains on inputs the compiler cannot see, and keeps their sum, so that neither the
// inputs nor the loop can be folded away.
struct PeakLoop {
  static float opaque(float v) {
    volatile float seen = v;
    return seen;
  }
  PeakBatch x{opaque(1e-3f)}, w{1.0f - opaque(1e-3f)};
  float sink = 0.0f;
  void operator()(std::size_t n) { sink += peak_chains(n, x, w); }
  ~PeakLoop() {
    volatile float keep = sink;
    (void)keep;
  }
};

// GFLOP/s; scalar builds measure the same loop one float at a time.
inline double peak_gflops(double seconds) {
  PeakLoop peak;
  return median_rate(seconds, peak) * kPeakFlopsPerStep / 1e9;
}

// A workload's rate and its fraction of the peak, each of its kWindows windows followed by a
// window of the peak loop as long: the rate is the median of the workload's windows, the
// fraction the median of the ratios within each pair. A peak measured once at the start of a
// run is not what the machine gives minutes later when another tenant shares its cores (the
// in-run peak moved 1.5-2x within one scan); a pair's two windows see the same machine.
//   run(n) does n units of work; flops_per_unit converts its rate to GFLOP/s.
struct RateAndShare {
  double units_per_s;
  double of_peak;
};
template <class Run>
RateAndShare rate_and_peak_share(double seconds, Run&& run, double flops_per_unit) {
  PeakLoop peak;
  const std::size_t run_chunk = warmed_chunk(run), peak_chunk = warmed_chunk(peak);
  std::vector<double> rates, shares;
  for (int i = 0; i < kWindows; ++i) {
    const double r = window_rate(run, run_chunk, seconds / kWindows);
    const double p = window_rate(peak, peak_chunk, seconds / kWindows);
    rates.push_back(r);
    shares.push_back(r * flops_per_unit / (p * kPeakFlopsPerStep));
  }
  return {median(rates), median(shares)};
}

} // namespace leaky::bench
