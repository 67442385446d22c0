// The scalar reference path for dense layers. Compiled without auto-vectorization (see
// core/CMakeLists.txt), so that "scalar" in tests and benchmarks means one element at a time.
// It is also what the scalar wasm build runs, so the loops go in cache-friendly order: every
// innermost loop walks contiguous memory.
#include "dense.hpp"

namespace leaky::scalar {

void dense_forward(const float* X, const float* W, const float* b, float* Z, std::size_t batch,
                   std::size_t in, std::size_t out) {
  for (std::size_t n = 0; n < batch; ++n) {
    float* z = Z + n * out;
    for (std::size_t o = 0; o < out; ++o)
      z[o] = b[o];
    for (std::size_t i = 0; i < in; ++i) {
      const float x = X[n * in + i];
      const float* w = W + i * out;
      for (std::size_t o = 0; o < out; ++o)
        z[o] += x * w[o];
    }
  }
}

void dense_backward(const float* X, const float* W, const float* dZ, float* dX, float* dW,
                    float* db, std::size_t batch, std::size_t in, std::size_t out) {
  // dW = X^T dZ, db = column sums of dZ: one pass over the batch, rows of out in the inner loop.
  for (std::size_t k = 0; k < in * out; ++k)
    dW[k] = 0.0f;
  for (std::size_t o = 0; o < out; ++o)
    db[o] = 0.0f;
  for (std::size_t n = 0; n < batch; ++n) {
    const float* g = dZ + n * out;
    for (std::size_t i = 0; i < in; ++i) {
      const float x = X[n * in + i];
      float* dw = dW + i * out;
      for (std::size_t o = 0; o < out; ++o)
        dw[o] += x * g[o];
    }
    for (std::size_t o = 0; o < out; ++o)
      db[o] += g[o];
  }
  if (dX == nullptr) return;
  // dX = dZ W^T: row n of dZ against row i of W, both contiguous.
  for (std::size_t n = 0; n < batch; ++n) {
    const float* g = dZ + n * out;
    for (std::size_t i = 0; i < in; ++i) {
      const float* w = W + i * out;
      float sum = 0.0f;
      for (std::size_t o = 0; o < out; ++o)
        sum += g[o] * w[o];
      dX[n * in + i] = sum;
    }
  }
}

} // namespace leaky::scalar
