#include "loss.hpp"

#include <algorithm>
#include <cmath>

namespace leaky {

namespace {
std::size_t label(float t) {
  return static_cast<std::size_t>(t);
}
} // namespace

double loss_value(Loss loss, const float* Y, const float* T, std::size_t n, std::size_t k) {
  if (n == 0) return 0.0;
  double sum = 0.0;
  switch (loss) {
  case Loss::mse:
    for (std::size_t i = 0; i < n * k; ++i) {
      const double d = static_cast<double>(Y[i]) - T[i];
      sum += d * d;
    }
    return sum / static_cast<double>(n * k);
  case Loss::bce:
    for (std::size_t i = 0; i < n; ++i) {
      const double x = Y[i], t = T[i];
      sum += std::max(x, 0.0) - x * t + std::log1p(std::exp(-std::fabs(x)));
    }
    return sum / static_cast<double>(n);
  case Loss::softmax_ce:
    for (std::size_t i = 0; i < n; ++i) {
      const float* row = Y + i * k;
      const double m = *std::max_element(row, row + k);
      double z = 0.0;
      for (std::size_t c = 0; c < k; ++c)
        z += std::exp(row[c] - m);
      sum += std::log(z) + m - row[label(T[i])];
    }
    return sum / static_cast<double>(n);
  }
  return 0.0;
}

void loss_gradient(Loss loss, const float* Y, const float* T, float* G, std::size_t n,
                   std::size_t k, std::size_t total) {
  switch (loss) {
  case Loss::mse: {
    const float scale = 2.0f / static_cast<float>(total * k);
    for (std::size_t i = 0; i < n * k; ++i)
      G[i] = scale * (Y[i] - T[i]);
    return;
  }
  case Loss::bce: {
    const float scale = 1.0f / static_cast<float>(total);
    for (std::size_t i = 0; i < n; ++i) {
      // sigmoid(x) - t, in a form that cannot overflow.
      const float x = Y[i];
      const float e = std::exp(-std::fabs(x));
      const float s = x >= 0.0f ? 1.0f / (1.0f + e) : e / (1.0f + e);
      G[i] = scale * (s - T[i]);
    }
    return;
  }
  case Loss::softmax_ce: {
    const float scale = 1.0f / static_cast<float>(total);
    for (std::size_t i = 0; i < n; ++i) {
      const float* row = Y + i * k;
      float* g = G + i * k;
      const float m = *std::max_element(row, row + k);
      float z = 0.0f;
      for (std::size_t c = 0; c < k; ++c)
        z += (g[c] = std::exp(row[c] - m));
      for (std::size_t c = 0; c < k; ++c)
        g[c] = scale * (g[c] / z - (c == label(T[i]) ? 1.0f : 0.0f));
    }
    return;
  }
  }
}

std::size_t correct_count(Loss loss, const float* Y, const float* T, std::size_t n, std::size_t k) {
  std::size_t correct = 0;
  if (loss == Loss::bce) {
    for (std::size_t i = 0; i < n; ++i)
      correct += (Y[i] > 0.0f) == (T[i] > 0.5f);
  } else if (loss == Loss::softmax_ce) {
    for (std::size_t i = 0; i < n; ++i) {
      const float* row = Y + i * k;
      correct += static_cast<std::size_t>(std::max_element(row, row + k) - row) == label(T[i]);
    }
  }
  return correct;
}

} // namespace leaky
