// Helpers shared by the C++ tests: test data, float comparisons in ulps, kind lists.
#pragma once
#include "activation.hpp"
#include "network.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace leaky::test {

// The alphas the issue names, to be tried wherever alpha matters.
inline const std::vector<float> kAlphas = {0.0f, 0.001f, 0.01f, 0.2f, 0.3f, 1.0f, 1.5f, -0.5f};

// Kinds whose f and f' use only comparisons and products: SIMD must equal scalar bit for bit.
bool is_piecewise_linear(Kind kind);

// Every activation to test: each kind at its defaults, the alpha kinds at every kAlphas.
std::vector<Activation> activations_to_test();

std::string describe(const Activation& act);

// A hidden layer of `units` units of `kind`; alpha defaults to the kind's own default.
HiddenLayerSpec hidden_layer(int units, Kind kind, std::optional<float> alpha = std::nullopt,
                             bool per_unit = false);

// Distance in representable floats; NaN equals NaN, +0 equals -0.
std::uint32_t ulp_distance(float a, float b);

// Same bits, except that any NaN equals any NaN.
bool same_float(float a, float b);

// The bound the SIMD path keeps against the scalar reference for transcendental kinds:
// within kUlpBound ulps, or within kUlpBound ulps of 1.0 in absolute terms where a formula
// subtracts from 1 (tanh', gelu', silu' far from zero), which no float code can do better.
inline constexpr std::uint32_t kUlpBound = 4;
bool within_bound(float simd, float scalar);

// n values uniform in [-range, range) from a seeded PCG32, with an exact zero every 7th.
std::vector<float> random_inputs(std::size_t n, std::uint64_t seed, float range = 8.0f);

} // namespace leaky::test
