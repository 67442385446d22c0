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

// GFLOP/s; scalar builds measure the same loop one float at a time.
inline double peak_gflops(double seconds) {
#if LEAKY_SIMD
  using B = xsimd::batch<float>;
#else
  struct B { // one lane
    float v;
    B(float x = 0.0f) : v(x) {}
    B operator*(B o) const { return B(v * o.v); }
    B operator+(B o) const { return B(v + o.v); }
    static constexpr std::size_t size = 1;
  };
#endif
  constexpr int kAcc = 12; // chains: latency of a multiply and an add x issue width, with room
  // acc = acc w + x: the multiply depends on acc, so no compiler can hoist it out of the loop;
  // acc tends to x / (1 - w) = 1, so it neither overflows nor goes subnormal.
  volatile float seed = 1e-3f;
  const B x(seed), w(1.0f - seed);
  float sink = 0.0f;
  const double steps_per_s = median_rate(seconds, [&](std::size_t n) {
    B acc[kAcc];
    for (int i = 0; i < kAcc; ++i)
      acc[i] = B(static_cast<float>(i));
    for (std::size_t s = 0; s < n; ++s)
      for (int i = 0; i < kAcc; ++i)
        acc[i] = acc[i] * w + x;
    B total = acc[0];
    for (int i = 1; i < kAcc; ++i)
      total = total + acc[i];
#if LEAKY_SIMD
    sink += xsimd::reduce_add(total);
#else
    sink += total.v;
#endif
  });
  volatile float keep = sink;
  (void)keep;
  return steps_per_s * kAcc * B::size * 2 / 1e9;
}

} // namespace leaky::bench
