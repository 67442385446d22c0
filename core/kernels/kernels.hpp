// The one choice between the two implementations of every kernel: the xsimd path (SSE/AVX
// natively, SIMD128 in wasm) and the scalar reference. Every computation that runs a kernel
// takes a Kernels value explicitly; nothing picks a path behind the caller's back.
// Builds without SIMD (the scalar wasm variant) have only the scalar path: check
// kernels_available() where a choice enters from outside (a config, a CLI flag, the page).
#pragma once
#include <cstdint>
#include <optional>
#include <string_view>

namespace leaky {

enum class Kernels : std::uint8_t { simd, scalar };

// Whether this build carries the path (scalar always; simd where the build has SIMD).
bool kernels_available(Kernels kernels);

// The fastest path this build has: simd where available, else scalar.
Kernels best_kernels();

std::string_view kernels_name(Kernels kernels); // "simd", "scalar"
std::optional<Kernels> parse_kernels(std::string_view name);

// xsimd's architecture name ("avx512bw", "sse4.2", "wasm", ...), or "scalar" in a build
// without SIMD.
std::string_view simd_arch_name();

} // namespace leaky
