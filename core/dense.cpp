// The choice between the SIMD and the scalar path for dense layers.
#include "dense.hpp"

namespace leaky {

#if LEAKY_SIMD
namespace path = simd;
#else
namespace path = scalar;
#endif

void dense_forward(const float* X, const float* W, const float* b, float* Z, std::size_t batch,
                   std::size_t in, std::size_t out) {
  path::dense_forward(X, W, b, Z, batch, in, out);
}

void dense_backward(const float* X, const float* W, const float* dZ, float* dX, float* dW,
                    float* db, std::size_t batch, std::size_t in, std::size_t out) {
  path::dense_backward(X, W, dZ, dX, dW, db, batch, in, out);
}

} // namespace leaky
