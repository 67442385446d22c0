// Portable math and sampling for the data generators and input features.
//
// A seed must give the same bits natively and in WebAssembly. PCG32 is integer-only, and
// +, -, *, /, sqrt are exact IEEE operations everywhere, but libm functions are not: glibc's
// and musl's (Emscripten's) sin, cos and log may differ in the last bit. So the generators
// use these instead: double-precision sin, cos and log made of +, -, * and / only, rounded
// to float by the caller. portable_math.cpp also keeps a*b+c as two roundings (GCC fuses it
// into an FMA natively under -march=native; wasm has no scalar FMA).
#pragma once
#include "rng.hpp"

#include <cstdint>
#include <span>

namespace leaky::portable {

// Same bits on every platform for |x| <= kTrigLimit (about 8.2e5), where the error is
// below 2 ulps of double; beyond it (where a float's spacing exceeds 0.06, so sin is noise
// anyway) they fall back to std::sin / std::cos. NaN and infinities give NaN.
inline constexpr double kTrigLimit = 823549.0;
double sin(double x);
double cos(double x);

// Natural log for x > 0 (error below 2 ulps of double); log(0) = -inf, NaN for x < 0.
double log(double x);

// Uniform in [lo, hi) from one 24-bit draw.
double uniform(Rng& rng, double lo, double hi);

// Uniform integer in [0, n), n >= 1, unbiased (Lemire's multiply-and-reject).
std::uint32_t below(Rng& rng, std::uint32_t n);

// Standard normal by Marsaglia's polar method, as the TensorFlow Playground draws it:
// pairs (v1, v2) uniform in the unit disc, returns sqrt(-2 ln s / s) * v1.
double normal(Rng& rng);

// Fisher-Yates: a uniformly random permutation of `indices`.
void shuffle(Rng& rng, std::span<std::uint32_t> indices);

} // namespace leaky::portable
