// The choice between the SIMD and the scalar path for dense layers.
#include "dense.hpp"

namespace leaky {

void dense_forward(Kernels kernels, const float* X, const float* W, const float* b, float* Z,
                   std::size_t batch, std::size_t in, std::size_t out) {
#if LEAKY_SIMD
  if (kernels == Kernels::simd) return simd::dense_forward(X, W, b, Z, batch, in, out);
#endif
  (void)kernels;
  scalar::dense_forward(X, W, b, Z, batch, in, out);
}

void dense_backward(Kernels kernels, const float* X, const float* W, const float* dZ, float* dX,
                    float* dW, float* db, std::size_t batch, std::size_t in, std::size_t out) {
#if LEAKY_SIMD
  if (kernels == Kernels::simd) return simd::dense_backward(X, W, dZ, dX, dW, db, batch, in, out);
#endif
  (void)kernels;
  scalar::dense_backward(X, W, dZ, dX, dW, db, batch, in, out);
}

} // namespace leaky
