// The xsimd path: each activation's formulas from activation_math.hpp, written again on
// batches of xsimd's default architecture (SSE/AVX natively, wasm SIMD128 under em++
// -msimd128). Tails go through one zero-padded batch, so every element of a span is computed
// by the same code, whatever its length.
#include "activation.hpp"

#include <xsimd/xsimd.hpp>

#include <algorithm>
#include <array>
#include <cassert>

namespace leaky::simd {

namespace {

using B = xsimd::batch<float>;
constexpr std::size_t W = B::size;
constexpr std::size_t kAlign = B::arch_type::alignment();

// out[i] = op(in0[i], in1[i], ...) for i < n.
template <class Op, class... In>
void map_batches(std::size_t n, float* out, Op op, const In*... in) {
  std::size_t i = 0;
  for (; i + W <= n; i += W)
    op(B::load_unaligned(in + i)...).store_unaligned(out + i);
  if (i == n) return;
  const std::size_t rest = n - i;
  auto padded = [&](const float* p) {
    alignas(kAlign) std::array<float, W> buf{};
    std::copy_n(p + i, rest, buf.begin());
    return B::load_aligned(buf.data());
  };
  alignas(kAlign) std::array<float, W> result;
  op(padded(in)...).store_aligned(result.data());
  std::copy_n(result.begin(), rest, out + i);
}

B nan_or(B z, B value) {
  return xsimd::select(xsimd::isnan(z), z, value);
}
B clamp_low(B z, float lo) {
  return xsimd::select(z < B(lo), B(lo), z);
}
B clamp_both(B z, float lo, float hi) {
  return clamp_low(xsimd::select(z > B(hi), B(hi), z), lo);
}
B sigmoid(B z) {
  return B(1.0f) / (B(1.0f) + xsimd::exp(-z));
}

struct Linear {
  B f(B z) const { return z; }
  B d(B z) const { return nan_or(z, B(1.0f)); }
};

struct Relu {
  B f(B z) const { return xsimd::select(z <= B(0.0f), B(0.0f), z); }
  B d(B z) const { return nan_or(z, xsimd::select(z > B(0.0f), B(1.0f), B(0.0f))); }
};

struct Leaky {
  float alpha;
  B f(B z) const { return xsimd::select(z > B(0.0f), z, B(alpha) * z); }
  B d(B z) const { return nan_or(z, xsimd::select(z > B(0.0f), B(1.0f), B(alpha))); }
};

// RReLU in training mode: the slope comes per element from the noise span.
struct LeakyNoise {
  B f(B z, B r) const { return xsimd::select(z > B(0.0f), z, r * z); }
  B d(B z, B r) const { return nan_or(z, xsimd::select(z > B(0.0f), B(1.0f), r)); }
};

struct Elu {
  float alpha;
  float scale = 1.0f;
  B f(B z) const {
    // The negative branch is computed on every lane; min(z, 0) keeps expm1 from overflowing.
    const B neg = B(alpha) * xsimd::expm1(xsimd::select(z > B(0.0f), B(0.0f), z));
    return B(scale) * xsimd::select(z > B(0.0f), z, neg);
  }
  B d(B z) const {
    const B neg = B(alpha) * xsimd::exp(xsimd::select(z > B(0.0f), B(0.0f), z));
    return B(scale) * xsimd::select(z > B(0.0f), B(1.0f), neg);
  }
};

struct Gelu {
  static B cdf(B z) { return B(0.5f) * xsimd::erfc(-z * B(0.70710678118654752440f)); }
  B f(B z) const {
    const B zl = clamp_low(z, -20.0f);
    return zl * cdf(zl);
  }
  B d(B z) const {
    const B zc = clamp_both(z, -20.0f, 20.0f);
    return cdf(zc) + zc * B(0.39894228040143267794f) * xsimd::exp(B(-0.5f) * zc * zc);
  }
};

struct GeluTanh {
  static constexpr float kSqrt2OverPi = 0.79788456080286535588f;
  static constexpr float kCubic = 0.044715f;
  B f(B z) const {
    const B zl = clamp_low(z, -20.0f);
    return B(0.5f) * zl *
           (B(1.0f) + xsimd::tanh(B(kSqrt2OverPi) * (zl + B(kCubic) * zl * zl * zl)));
  }
  B d(B z) const {
    const B zc = clamp_both(z, -20.0f, 20.0f);
    const B t = xsimd::tanh(B(kSqrt2OverPi) * (zc + B(kCubic) * zc * zc * zc));
    return B(0.5f) * (B(1.0f) + t) + B(0.5f) * zc * (B(1.0f) - t * t) * B(kSqrt2OverPi) *
                                         (B(1.0f) + B(3.0f * kCubic) * zc * zc);
  }
};

struct Silu {
  B f(B z) const {
    const B zl = clamp_low(z, -200.0f);
    return zl * sigmoid(zl);
  }
  B d(B z) const {
    const B zc = clamp_both(z, -200.0f, 200.0f);
    const B s = sigmoid(zc);
    return s * (B(1.0f) + zc * (B(1.0f) - s));
  }
};

struct Tanh {
  B f(B z) const { return xsimd::tanh(z); }
  B d(B z) const {
    const B t = xsimd::tanh(z);
    return B(1.0f) - t * t;
  }
};

struct Sigmoid {
  B f(B z) const { return sigmoid(z); }
  B d(B z) const {
    const B s = sigmoid(z);
    return s * (B(1.0f) - s);
  }
};

template <class Fn> void with_op(const Activation& act, Fn&& fn) {
  switch (act.kind) {
  case Kind::linear:
    return fn(Linear{});
  case Kind::relu:
    return fn(Relu{});
  case Kind::leaky_relu:
  case Kind::prelu:
    return fn(Leaky{act.alpha});
  case Kind::rrelu:
    return fn(Leaky{negative_slope(act)});
  case Kind::elu:
    return fn(Elu{act.alpha});
  case Kind::selu:
    return fn(Elu{kSeluAlpha, kSeluLambda});
  case Kind::gelu:
    return fn(Gelu{});
  case Kind::gelu_tanh:
    return fn(GeluTanh{});
  case Kind::silu:
    return fn(Silu{});
  case Kind::tanh:
    return fn(Tanh{});
  case Kind::sigmoid:
    return fn(Sigmoid{});
  }
}

} // namespace

void forward(const Activation& act, std::span<const float> z, std::span<float> a,
             std::span<const float> noise) {
  assert(a.size() >= z.size());
  if (uses_noise(act)) {
    assert(noise.size() >= z.size());
    map_batches(
        z.size(), a.data(), [](B zb, B r) { return LeakyNoise{}.f(zb, r); }, z.data(),
        noise.data());
    return;
  }
  with_op(act, [&](auto op) {
    map_batches(
        z.size(), a.data(), [op](B zb) { return op.f(zb); }, z.data());
  });
}

void backward(const Activation& act, std::span<const float> z, std::span<const float> g,
              std::span<float> dz, std::span<const float> noise) {
  assert(g.size() >= z.size() && dz.size() >= z.size());
  if (uses_noise(act)) {
    assert(noise.size() >= z.size());
    map_batches(
        z.size(), dz.data(), [](B zb, B gb, B r) { return gb * LeakyNoise{}.d(zb, r); }, z.data(),
        g.data(), noise.data());
    return;
  }
  with_op(act, [&](auto op) {
    map_batches(
        z.size(), dz.data(), [op](B zb, B gb) { return gb * op.d(zb); }, z.data(), g.data());
  });
}

float prelu_alpha_grad(std::span<const float> z, std::span<const float> g) {
  const std::size_t n = z.size();
  B acc(0.0f);
  std::size_t i = 0;
  for (; i + W <= n; i += W) {
    const B zb = B::load_unaligned(z.data() + i);
    const B gb = B::load_unaligned(g.data() + i);
    acc += xsimd::select(zb <= B(0.0f), gb * zb, B(0.0f));
  }
  float sum = xsimd::reduce_add(acc);
  for (; i < n; ++i)
    if (z[i] <= 0.0f) sum += g[i] * z[i];
  return sum;
}

} // namespace leaky::simd

namespace leaky {
std::string_view simd_arch_name() {
  return xsimd::default_arch::name();
}
} // namespace leaky
