// The one PRNG of the project: PCG32 (O'Neill, pcg-random.org), XSH-RR output.
// Integer-only, so the stream is identical natively and in WebAssembly: the seed alone
// decides data, initial weights, batch order and RReLU noise.
#pragma once
#include <cstdint>

namespace leaky {

struct Rng {
  std::uint64_t state = 0;
  std::uint64_t inc = 1;

  explicit Rng(std::uint64_t seed, std::uint64_t stream = 0x5851f42d4c957f2dULL) {
    inc = (stream << 1u) | 1u;
    next_u32();
    state += seed;
    next_u32();
  }

  std::uint32_t next_u32() {
    const std::uint64_t old = state;
    state = old * 6364136223846793005ULL + inc;
    const auto xorshifted = static_cast<std::uint32_t>(((old >> 18u) ^ old) >> 27u);
    const auto rot = static_cast<std::uint32_t>(old >> 59u);
    return (xorshifted >> rot) | (xorshifted << ((32u - rot) & 31u));
  }

  // Uniform in [0, 1) with 24 random bits: every value is an exact float.
  float uniform() { return static_cast<float>(next_u32() >> 8) * 0x1.0p-24f; }

  // Uniform in [lo, hi).
  float uniform(float lo, float hi) { return lo + (hi - lo) * uniform(); }

  // Uniform in [0, bound), bound >= 1, unbiased: rejection below 2^32 mod bound, then the
  // remainder. (Data generation's portable::below is Lemire's multiply-shift, which draws
  // other numbers from the same stream: each keeps its own, so that no seed changes.)
  // The threshold is a remainder mod bound, so below bound: a draw of bound or more (all but
  // bound / 2^32 of them) is accepted without computing it, which saves one of the two integer
  // divisions per call (the shuffle makes one call per training row and epoch).
  std::uint32_t next_below(std::uint32_t bound) {
    std::uint32_t r = next_u32();
    if (r < bound) {
      const std::uint32_t threshold = (0u - bound) % bound;
      while (r < threshold)
        r = next_u32();
    }
    return r % bound;
  }
};

} // namespace leaky
