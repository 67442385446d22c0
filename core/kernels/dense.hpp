// Dense (fully connected) layers on mini-batches: plain functions over raw float buffers,
// llm.c style. The caller owns every buffer; the kernels allocate nothing on the heap (the
// SIMD path transposes through a panel on the stack: 8 KiB in wasm, 48 KiB with AVX-512) and
// start no thread.
//
// Layout (one layout, used everywhere: parameters, initializers, optimizers, the model file):
//   X  [batch x in]   row-major, one sample per row
//   W  [in x out]     row-major: W[i * out + o] is the weight from input i to unit o
//   b  [out]
//   Z  [batch x out]  row-major, the pre-activation: Z = X W + b
// Why [in x out] (the transpose of PyTorch's nn.Linear.weight): the forward pass and dW then
// read W and dZ along their rows, "one scalar times a contiguous row of out values", which
// vectorises over out with no horizontal sum and no copy. Those two need it most: the forward
// also runs alone (evaluation, heatmaps), and dW is computed for every layer. Only dX = dZ W^T
// reads W across its rows; the SIMD path transposes panels of W for it (in * out copies
// against batch * in * out multiply-adds), and the first layer, the largest of W3 (784 -> 256),
// skips dX altogether. With [out x in] it would be every forward that needs the transpose, or
// dot products of length in (2 for a 2 -> 8 layer). Layers with out == 1 (regression, binary
// logits) vectorise over the samples (Z) and over in (dW, dX) instead.
//
// The activation is not fused: call leaky::forward / leaky::backward (activation.hpp) on Z.
// Buffers must not overlap, except that the inputs may share memory with each other.
#pragma once
#include "kernels.hpp"

#include <cstddef>

namespace leaky {

// Z = X W + b, on the given path.
//   X [batch x in], W [in x out], b [out] -> Z [batch x out] (overwritten)
void dense_forward(Kernels kernels, const float* X, const float* W, const float* b, float* Z,
                   std::size_t batch, std::size_t in, std::size_t out);

// Gradients of a loss L given dZ = dL/dZ:
//   dW = X^T dZ          [in x out]    overwritten, not accumulated
//   db = column sums of dZ [out]       overwritten, not accumulated
//   dX = dZ W^T          [batch x in]  overwritten; skipped when dX == nullptr (first layer)
// Sums over an empty batch are 0.
void dense_backward(Kernels kernels, const float* X, const float* W, const float* dZ, float* dX,
                    float* dW, float* db, std::size_t batch, std::size_t in, std::size_t out);

// The scalar reference: plain loops, one element at a time. Each output starts from its bias
// (Z) or 0 and adds its terms in increasing index order, a multiply then an add per term.
namespace scalar {
void dense_forward(const float* X, const float* W, const float* b, float* Z, std::size_t batch,
                   std::size_t in, std::size_t out);
void dense_backward(const float* X, const float* W, const float* dZ, float* dX, float* dW,
                    float* db, std::size_t batch, std::size_t in, std::size_t out);
} // namespace scalar

#if LEAKY_SIMD
// The xsimd path: one register-blocked kernel over xsimd batches. It performs the reference's
// float operations in the reference's order (no FMA), so its results equal the scalar path's
// bit for bit, natively and in wasm, whatever the vector width.
namespace simd {
void dense_forward(const float* X, const float* W, const float* b, float* Z, std::size_t batch,
                   std::size_t in, std::size_t out);
void dense_backward(const float* X, const float* W, const float* dZ, float* dX, float* dW,
                    float* db, std::size_t batch, std::size_t in, std::size_t out);
} // namespace simd
#endif

} // namespace leaky
