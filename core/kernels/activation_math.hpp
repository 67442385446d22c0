// The formulas of every activation, one small struct each with f (value) and d (derivative),
// templated on the float type: the scalar path runs them in float, the tests in double to
// check derivatives against finite differences. activation_simd.cpp mirrors them on batches.
//
// Clamps turn -inf * 0 (NaN) into the limit: below z = -20, Phi(z) < 3e-89, and below
// z = -200, sigmoid(z) < 2e-87; both underflow to 0 in float, so the clamps change no float
// result, yet silu, gelu and their derivatives return (-)0 at z = -inf and their derivatives
// 1 at z = +inf. Each clamp is a comparison, so NaN passes through it unchanged.
#pragma once
#include "activation.hpp"

#include <cmath>
#include <limits>

namespace leaky::math {

template <class T> T nan_or(T z, T value) {
  return std::isnan(z) ? z : value;
}

template <class T> struct Linear {
  T f(T z) const { return z; }
  T d(T z) const { return nan_or(z, T(1)); }
};

template <class T> struct Relu {
  T f(T z) const { return z <= T(0) ? T(0) : z; }
  T d(T z) const { return nan_or(z, z > T(0) ? T(1) : T(0)); }
};

// Leaky ReLU, PReLU (current slope) and RReLU in eval mode: slope `alpha` for z <= 0.
template <class T> struct Leaky {
  T alpha;
  T f(T z) const { return z > T(0) ? z : alpha * z; }
  T d(T z) const { return nan_or(z, z > T(0) ? T(1) : alpha); }
};

template <class T> struct Elu {
  T alpha;
  T scale = T(1); // selu's lambda
  T f(T z) const { return scale * (z > T(0) ? z : alpha * std::expm1(z)); }
  T d(T z) const { return scale * (z > T(0) ? T(1) : alpha * std::exp(z)); }
};

template <class T> T clamp_low(T z, T lo) {
  return z < lo ? lo : z;
}
template <class T> T clamp_both(T z, T lo, T hi) {
  return z < lo ? lo : (z > hi ? hi : z);
}

template <class T> struct Gelu {
  static constexpr T kInvSqrt2 = T(0.70710678118654752440);
  static constexpr T kInvSqrt2Pi = T(0.39894228040143267794);
  // Phi(z) through erfc, which keeps its relative precision for negative z.
  static T cdf(T z) { return T(0.5) * std::erfc(-z * kInvSqrt2); }
  T f(T z) const {
    const T zl = clamp_low(z, T(-20));
    return zl * cdf(zl);
  }
  T d(T z) const {
    const T zc = clamp_both(z, T(-20), T(20));
    return cdf(zc) + zc * kInvSqrt2Pi * std::exp(T(-0.5) * zc * zc);
  }
};

template <class T> struct GeluTanh {
  static constexpr T kSqrt2OverPi = T(0.79788456080286535588);
  static constexpr T kCubic = T(0.044715);
  T f(T z) const {
    const T zl = clamp_low(z, T(-20));
    return T(0.5) * zl * (T(1) + std::tanh(kSqrt2OverPi * (zl + kCubic * zl * zl * zl)));
  }
  T d(T z) const {
    const T zc = clamp_both(z, T(-20), T(20));
    const T t = std::tanh(kSqrt2OverPi * (zc + kCubic * zc * zc * zc));
    return T(0.5) * (T(1) + t) +
           T(0.5) * zc * (T(1) - t * t) * kSqrt2OverPi * (T(1) + T(3) * kCubic * zc * zc);
  }
};

template <class T> T sigmoid(T z) {
  return T(1) / (T(1) + std::exp(-z));
}

template <class T> struct Silu {
  T f(T z) const {
    const T zl = clamp_low(z, T(-200));
    return zl * sigmoid(zl);
  }
  T d(T z) const {
    const T zc = clamp_both(z, T(-200), T(200));
    const T s = sigmoid(zc);
    return s * (T(1) + zc * (T(1) - s));
  }
};

template <class T> struct Tanh {
  T f(T z) const { return std::tanh(z); }
  T d(T z) const {
    const T t = std::tanh(z);
    return T(1) - t * t;
  }
};

template <class T> struct Sigmoid {
  T f(T z) const { return sigmoid(z); }
  T d(T z) const {
    const T s = sigmoid(z);
    return s * (T(1) - s);
  }
};

// Calls fn(op) with the formula struct of act's kind. RReLU in training mode has no fixed
// slope; callers handle it through its noise before they get here.
template <class T, class Fn> decltype(auto) with_op(const Activation& act, Fn&& fn) {
  const T alpha = static_cast<T>(act.alpha);
  switch (act.kind) {
  case Kind::linear:
    return fn(Linear<T>{});
  case Kind::relu:
    return fn(Relu<T>{});
  case Kind::leaky_relu:
  case Kind::prelu:
    return fn(Leaky<T>{alpha});
  case Kind::rrelu:
    return fn(Leaky<T>{(T(act.lower) + T(act.upper)) / T(2)});
  case Kind::elu:
    return fn(Elu<T>{alpha});
  case Kind::selu:
    return fn(Elu<T>{T(kSeluAlpha), T(kSeluLambda)});
  case Kind::gelu:
    return fn(Gelu<T>{});
  case Kind::gelu_tanh:
    return fn(GeluTanh<T>{});
  case Kind::silu:
    return fn(Silu<T>{});
  case Kind::tanh:
    return fn(Tanh<T>{});
  case Kind::sigmoid:
    return fn(Sigmoid<T>{});
  }
  return fn(Linear<T>{});
}

// One value, for tests and references: f(z) and f'(z) of act in eval mode.
template <class T> T value(const Activation& act, T z) {
  return with_op<T>(act, [z](auto op) { return op.f(z); });
}
template <class T> T slope(const Activation& act, T z) {
  return with_op<T>(act, [z](auto op) { return op.d(z); });
}

} // namespace leaky::math
