// The scalar reference path. This file is compiled without auto-vectorization (see
// core/CMakeLists.txt) so that "scalar" in tests and benchmarks means one element at a time.
#include "activation.hpp"
#include "activation_math.hpp"

#include <cassert>

namespace leaky::scalar {

void forward(const Activation& act, std::span<const float> z, std::span<float> a,
             std::span<const float> noise) {
  assert(a.size() >= z.size());
  const std::size_t n = z.size();
  if (uses_noise(act)) {
    assert(noise.size() >= n);
    for (std::size_t i = 0; i < n; ++i)
      a[i] = math::Leaky<float>{noise[i]}.f(z[i]);
    return;
  }
  math::with_op<float>(act, [&](auto op) {
    for (std::size_t i = 0; i < n; ++i)
      a[i] = op.f(z[i]);
  });
}

void backward(const Activation& act, std::span<const float> z, std::span<const float> g,
              std::span<float> dz, std::span<const float> noise) {
  assert(g.size() >= z.size() && dz.size() >= z.size());
  const std::size_t n = z.size();
  if (uses_noise(act)) {
    assert(noise.size() >= n);
    for (std::size_t i = 0; i < n; ++i)
      dz[i] = g[i] * math::Leaky<float>{noise[i]}.d(z[i]);
    return;
  }
  math::with_op<float>(act, [&](auto op) {
    for (std::size_t i = 0; i < n; ++i)
      dz[i] = g[i] * op.d(z[i]);
  });
}

float prelu_alpha_grad(std::span<const float> z, std::span<const float> g) {
  // Summed in double: the reference should not carry float round-off of long sums.
  double sum = 0.0;
  for (std::size_t i = 0; i < z.size(); ++i)
    if (z[i] <= 0.0f) sum += static_cast<double>(g[i]) * z[i];
  return static_cast<float>(sum);
}

} // namespace leaky::scalar
