// Dense (fully connected) layers on mini-batches: plain functions over raw float buffers,
// llm.c style. The caller owns every buffer; the kernels allocate nothing and start no thread.
//
// Layout (one layout, used everywhere: parameters, initializers, optimizers, the model file):
//   X  [batch x in]   row-major, one sample per row
//   W  [in x out]     row-major: W[i * out + o] is the weight from input i to unit o
//   b  [out]
//   Z  [batch x out]  row-major, the pre-activation: Z = X W + b
// Why [in x out] (the transpose of PyTorch's nn.Linear.weight): with it the forward pass and
// dW are both "broadcast one scalar, multiply a contiguous row of out values" products, which
// vectorise over out with no horizontal sum, and the two need it most (the forward also runs
// alone for evaluation and heatmaps, and dW is computed for every layer). Only dX = dZ W^T is
// then a row-by-row dot product (both operands contiguous over out), and the first layer,
// the largest one in the W3 workload (784 -> 256), skips dX altogether. With [out x in] the
// forward of every layer would be the dot product, and a 2 -> 8 layer a dot product of length
// 2. Layers with out == 1 (regression, binary logits) vectorise over in instead.
//
// The activation is not fused: call leaky::forward / leaky::backward (activation.hpp) on Z.
// Buffers must not overlap, except that the inputs may share memory with each other.
#pragma once
#include <cstddef>

namespace leaky {

// Z = X W + b.
//   X [batch x in], W [in x out], b [out] -> Z [batch x out] (overwritten)
void dense_forward(const float* X, const float* W, const float* b, float* Z, std::size_t batch,
                   std::size_t in, std::size_t out);

// Gradients of a loss L given dZ = dL/dZ:
//   dW = X^T dZ          [in x out]    overwritten, not accumulated
//   db = column sums of dZ [out]       overwritten, not accumulated
//   dX = dZ W^T          [batch x in]  overwritten; skipped when dX == nullptr (first layer)
// Sums over an empty batch are 0.
void dense_backward(const float* X, const float* W, const float* dZ, float* dX, float* dW,
                    float* db, std::size_t batch, std::size_t in, std::size_t out);

// The scalar reference: plain loops, one element at a time, each sum in index order.
namespace scalar {
void dense_forward(const float* X, const float* W, const float* b, float* Z, std::size_t batch,
                   std::size_t in, std::size_t out);
void dense_backward(const float* X, const float* W, const float* dZ, float* dX, float* dW,
                    float* db, std::size_t batch, std::size_t in, std::size_t out);
} // namespace scalar

#if LEAKY_SIMD
// The xsimd path: register-blocked tiles of the default batch (narrower batches for layers
// narrower than it); sums run in a different order from the reference, so results differ by
// float round-off, bounded by the usual gamma(n) * sum |terms|.
namespace simd {
void dense_forward(const float* X, const float* W, const float* b, float* Z, std::size_t batch,
                   std::size_t in, std::size_t out);
void dense_backward(const float* X, const float* W, const float* dZ, float* dX, float* dW,
                    float* db, std::size_t batch, std::size_t in, std::size_t out);
} // namespace simd
#endif

} // namespace leaky
