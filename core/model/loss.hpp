// Losses, mean over the batch, and their gradients with respect to the network's outputs
// (docs/definitions.md, Losses).
//   mse         mean over samples and outputs of (y - t)^2            (PyTorch MSELoss)
//   bce         mean of max(x,0) - x t + log(1 + e^-|x|), x a logit, t in {0, 1}
//                                                                      (BCEWithLogitsLoss)
//   softmax_ce  mean of -log softmax(x)[t], t a class index           (CrossEntropyLoss)
#pragma once
#include "network.hpp"

#include <cstddef>

namespace leaky {

// Loss of outputs Y [n x k] against targets T (mse: [n x k]; bce, softmax_ce: [n] labels).
double loss_value(Loss loss, const float* Y, const float* T, std::size_t n, std::size_t k);

// dL/dY [n x k] into G, for the mean over `total` samples (total >= n lets a big evaluation
// set be processed in chunks whose gradients add up to the full-batch gradient).
void loss_gradient(Loss loss, const float* Y, const float* T, float* G, std::size_t n,
                   std::size_t k, std::size_t total);

// Count of correct predictions: bce, x > 0 means class 1; softmax_ce, the arg max.
// (mse: 0; accuracy is reported for classification only.)
std::size_t correct_count(Loss loss, const float* Y, const float* T, std::size_t n, std::size_t k);

} // namespace leaky
