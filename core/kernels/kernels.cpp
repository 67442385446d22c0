#include "kernels.hpp"

namespace leaky {

bool kernels_available(Kernels kernels) {
  return kernels == Kernels::scalar || LEAKY_SIMD;
}

Kernels best_kernels() {
  return LEAKY_SIMD ? Kernels::simd : Kernels::scalar;
}

std::string_view kernels_name(Kernels kernels) {
  return kernels == Kernels::simd ? "simd" : "scalar";
}

std::optional<Kernels> parse_kernels(std::string_view name) {
  if (name == "simd") return Kernels::simd;
  if (name == "scalar") return Kernels::scalar;
  return std::nullopt;
}

#if !LEAKY_SIMD
std::string_view simd_arch_name() {
  return "scalar";
}
#endif

} // namespace leaky
