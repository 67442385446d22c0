// The network's backward pass against an independent reference, micrograd style: a
// double-precision re-implementation of the forward pass and the losses (the activations
// through activation_math.hpp's formulas in double), differentiated by central finite
// differences for EVERY parameter: weights, biases and PReLU slopes. Inputs and weights are
// drawn so that no pre-activation lies within kMargin of a kink, and both sides of zero are
// visited in every hidden layer.
//
// Tolerances. The float pass rounds every product and sum (relative 2^-24 each, a few dozen
// operations deep here, and the transcendental kinds a few ulps each), so forward outputs are
// held to 2e-6 of their scale and gradients to 1e-5 of the largest gradient plus 1e-5
// relative; measured errors are 10 to 40 times smaller. The finite differences (h = 1e-6,
// double) are exact to ~1e-9. A wrong sign, slope, missing term or misplaced index is off by
// the size of the gradient itself, orders of magnitude beyond these bounds.
#include "activation_math.hpp"
#include "loss.hpp"
#include "network.hpp"
#include "rng.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

using namespace leaky;
using namespace leaky::test;

namespace {

constexpr double kMargin = 1e-3; // no |z| below this, so that z +- h stays on its side
constexpr double kStep = 1e-6;   // central difference step

// Per layer, per element: RReLU training slopes, or empty (use the layer's own formula).
using Slopes = std::vector<std::vector<float>>;

struct Reference {
  std::vector<double> out;            // [n x outputs]
  std::vector<std::vector<double>> z; // per layer, [n x units]
};

// The network's forward pass in double, from double parameters p (same layout as params).
Reference reference_forward(const Network& net, const std::vector<double>& p,
                            const std::vector<float>& X, std::size_t n, const Slopes* noise) {
  Reference ref;
  std::vector<double> input(X.begin(), X.begin() + n * net.spec.inputs);
  for (std::size_t li = 0; li < net.layers.size(); ++li) {
    const LayerView& l = net.layers[li];
    const std::size_t in = l.in, out = l.out;
    std::vector<double> z(n * out), a(n * out);
    for (std::size_t r = 0; r < n; ++r)
      for (std::size_t c = 0; c < out; ++c) {
        double s = p[l.b + c];
        for (std::size_t i = 0; i < in; ++i)
          s += input[r * in + i] * p[l.w + i * out + c];
        z[r * out + c] = s;
        double v = s;
        if (l.is_output) {
          v = s;
        } else if (l.act.kind == Kind::prelu) {
          // The slope is a parameter: read it in double, so that it can be perturbed.
          const double alpha = p[l.alpha + (l.alpha_count > 1 ? c : 0)];
          v = math::Leaky<double>{alpha}.f(s);
        } else if (noise && !(*noise)[li].empty()) {
          v = math::Leaky<double>{(*noise)[li][r * out + c]}.f(s);
        } else {
          v = math::value<double>(l.act, s);
        }
        a[r * out + c] = v;
      }
    ref.z.push_back(z);
    input = a;
  }
  ref.out = input;
  return ref;
}

// The losses in double, written from their definitions (loss.hpp), not from loss.cpp.
double reference_loss(Loss loss, const std::vector<double>& Y, const std::vector<float>& T,
                      std::size_t n, std::size_t k) {
  double sum = 0.0;
  for (std::size_t r = 0; r < n; ++r) {
    switch (loss) {
    case Loss::mse:
      for (std::size_t c = 0; c < k; ++c)
        sum += (Y[r * k + c] - T[r * k + c]) * (Y[r * k + c] - T[r * k + c]) / (n * k);
      break;
    case Loss::bce: {
      const double x = Y[r], t = T[r], s = 1.0 / (1.0 + std::exp(-x));
      sum += -(t * std::log(s) + (1 - t) * std::log(1 - s)) / n;
      break;
    }
    case Loss::softmax_ce: {
      double z = 0.0;
      for (std::size_t c = 0; c < k; ++c)
        z += std::exp(Y[r * k + c]);
      sum += (std::log(z) - Y[r * k + static_cast<std::size_t>(T[r])]) / n;
      break;
    }
    }
  }
  return sum;
}

struct Case {
  std::string name;
  std::vector<HiddenLayerSpec> hidden;
  int inputs = 3;
  // Deep, narrow layers rarely see both signs in every layer at once: there, both signs
  // somewhere in the network must do.
  bool both_signs_in_every_layer = true;
};

// Every hidden activation the issue names, in 3 -> 4 -> 3 -> k networks.
std::vector<Case> cases() {
  std::vector<Case> out;
  auto both = [&](std::string name, HiddenLayerSpec h1, HiddenLayerSpec h2) {
    h1.units = 4;
    h2.units = 3;
    out.push_back({std::move(name), {h1, h2}});
  };
  for (Kind k : {Kind::linear, Kind::relu, Kind::rrelu, Kind::selu, Kind::gelu, Kind::gelu_tanh,
                 Kind::silu, Kind::tanh, Kind::sigmoid})
    both(std::string(info(k).name), hidden_layer(4, k), hidden_layer(3, k));
  for (float a : {0.0f, 0.01f, 0.2f, 1.0f, 1.5f, -0.5f})
    both("leaky_relu alpha=" + std::to_string(a), hidden_layer(4, Kind::leaky_relu, a),
         hidden_layer(3, Kind::leaky_relu, a));
  for (float a : {1.0f, 0.5f})
    both("elu alpha=" + std::to_string(a), hidden_layer(4, Kind::elu, a),
         hidden_layer(3, Kind::elu, a));
  both("prelu per layer", hidden_layer(4, Kind::prelu, 0.25f), hidden_layer(3, Kind::prelu, 0.25f));
  both("prelu per unit", hidden_layer(4, Kind::prelu, 0.25f, true),
       hidden_layer(3, Kind::prelu, 0.25f, true));
  both("prelu per unit, then leaky_relu 0.2", hidden_layer(4, Kind::prelu, 0.25f, true),
       hidden_layer(3, Kind::leaky_relu, 0.2f));
  both("relu, then prelu per layer", hidden_layer(4, Kind::relu),
       hidden_layer(3, Kind::prelu, 0.25f));
  // Wider than a SIMD batch, so that the vector bodies run and not only the tails.
  out.push_back({"wide leaky_relu 0.1",
                 {hidden_layer(19, Kind::leaky_relu, 0.1f), hidden_layer(9, Kind::gelu)},
                 5});
  out.push_back({"wide prelu per unit",
                 {hidden_layer(17, Kind::prelu, 0.25f, true), hidden_layer(10, Kind::prelu, 0.0f)},
                 5});
  return out;
}

int outputs_for(Loss loss) {
  return loss == Loss::mse ? 2 : loss == Loss::bce ? 1 : 3;
}

std::string loss_label(Loss loss) {
  return std::string(loss_name(loss));
}

struct Fixture {
  Network net;
  std::vector<float> X, T;
  std::size_t n = 0;
};

// Draws parameters, inputs and targets until every hidden pre-activation is at least
// kMargin from zero and, for the piecewise-linear kinds, each hidden layer has both signs.
Fixture make_problem(const Case& c, Loss loss, std::size_t n, std::uint64_t first_seed,
                     const Slopes* noise_for_search = nullptr) {
  NetworkSpec spec;
  spec.inputs = c.inputs;
  spec.hidden = c.hidden;
  spec.outputs = outputs_for(loss);
  spec.loss = loss;
  for (std::uint64_t seed = first_seed; seed < first_seed + 200; ++seed) {
    Fixture pr;
    pr.n = n;
    pr.net = make_network(spec);
    Rng rng(seed);
    for (const LayerView& l : pr.net.layers) {
      const float scale = 1.5f / std::sqrt(static_cast<float>(l.in));
      for (std::size_t i = 0; i < static_cast<std::size_t>(l.in) * l.out; ++i)
        pr.net.params[l.w + i] = rng.uniform(-scale, scale);
      for (int i = 0; i < l.out; ++i)
        pr.net.params[l.b + i] = rng.uniform(-0.5f, 0.5f);
      for (std::size_t i = 0; i < l.alpha_count; ++i) // distinct slopes, some negative
        pr.net.params[l.alpha + i] = rng.uniform(-0.3f, 0.8f);
    }
    pr.X.resize(n * spec.inputs);
    for (float& x : pr.X)
      x = rng.uniform(-2.0f, 2.0f);
    const int k = spec.outputs;
    pr.T.resize(loss == Loss::mse ? n * k : n);
    for (std::size_t i = 0; i < pr.T.size(); ++i)
      pr.T[i] = loss == Loss::mse
                    ? rng.uniform(-1.0f, 1.0f)
                    : static_cast<float>(rng.next_u32() %
                                         static_cast<unsigned>(loss == Loss::bce ? 2 : k));
    const std::vector<double> p(pr.net.params.begin(), pr.net.params.end());
    const Reference ref = reference_forward(pr.net, p, pr.X, n, noise_for_search);
    bool ok = true;
    int negative_anywhere = 0, positive_anywhere = 0;
    for (std::size_t li = 0; li + 1 < pr.net.layers.size(); ++li) {
      int negative = 0, positive = 0;
      for (double z : ref.z[li]) {
        ok = ok && std::fabs(z) > kMargin;
        negative += z < 0;
        positive += z > 0;
      }
      negative_anywhere += negative;
      positive_anywhere += positive;
      if (is_piecewise_linear(pr.net.layers[li].act.kind) && c.both_signs_in_every_layer)
        ok = ok && negative && positive;
    }
    if (ok && negative_anywhere && positive_anywhere) return pr;
  }
  FAIL("no seed gave pre-activations away from the kinks for ", c.name);
  return {};
}

// Central differences of the reference loss for every parameter.
std::vector<double> finite_difference_gradient(const Fixture& pr, const Slopes* noise) {
  const Network& net = pr.net;
  const std::size_t k = net.spec.outputs;
  std::vector<double> p(net.params.begin(), net.params.end()), fd(p.size());
  for (std::size_t j = 0; j < p.size(); ++j) {
    const double keep = p[j];
    p[j] = keep + kStep;
    const double up = reference_loss(
        net.spec.loss, reference_forward(net, p, pr.X, pr.n, noise).out, pr.T, pr.n, k);
    p[j] = keep - kStep;
    const double down = reference_loss(
        net.spec.loss, reference_forward(net, p, pr.X, pr.n, noise).out, pr.T, pr.n, k);
    p[j] = keep;
    fd[j] = (up - down) / (2 * kStep);
  }
  return fd;
}

// "layer 2 weights[5]" for messages.
std::string param_name(const Network& net, std::size_t j) {
  for (std::size_t i = 0; i < net.layers.size(); ++i) {
    const LayerView& l = net.layers[i];
    const std::string name = l.is_output ? "output" : "layer " + std::to_string(i + 1);
    if (j >= l.w && j < l.b) return name + " weights[" + std::to_string(j - l.w) + "]";
    if (j >= l.b && j < l.alpha) return name + " bias[" + std::to_string(j - l.b) + "]";
    if (j >= l.alpha && j < l.alpha + l.alpha_count)
      return name + " prelu slope[" + std::to_string(j - l.alpha) + "]";
  }
  return "?";
}

constexpr std::uint64_t kNoiseSeed = 99;

// The RReLU slopes a train-mode forward draws from Rng(kNoiseSeed), per layer.
Slopes training_slopes(const Fixture& pr, Kernels kernels) {
  Workspace ws = make_workspace(pr.net, pr.n);
  Rng rng(kNoiseSeed);
  forward(pr.net, pr.X.data(), pr.n, ws, kernels, Mode::train, &rng);
  Slopes out;
  for (std::size_t li = 0; li < pr.net.layers.size(); ++li)
    out.emplace_back(ws.noise[li].begin(),
                     ws.noise[li].begin() +
                         (ws.noise[li].empty() ? 0 : pr.n * pr.net.layers[li].out));
  return out;
}

// Forward in float against the double reference, then backward against the differences.
// The workspace is larger than the batch, so a stride mixed up with the capacity shows.
void check_gradients(Fixture& pr, Kernels kernels, Mode mode) {
  Network& net = pr.net;
  const std::size_t n = pr.n, k = net.spec.outputs;
  Workspace ws = make_workspace(net, n + 3);
  Rng noise_rng(kNoiseSeed);
  const float* Y = forward(net, pr.X.data(), n, ws, kernels, mode, &noise_rng);

  // In train mode the reference uses the slopes this forward drew (a bigger capacity than
  // training_slopes' workspace, the same stream).
  Slopes noise;
  const Slopes* noise_ptr = nullptr;
  if (mode == Mode::train) {
    noise = training_slopes(pr, kernels);
    for (std::size_t li = 0; li < net.layers.size(); ++li)
      for (std::size_t i = 0; i < noise[li].size(); ++i)
        REQUIRE(noise[li][i] == ws.noise[li][i]);
    noise_ptr = &noise;
  }

  const std::vector<double> p(net.params.begin(), net.params.end());
  const Reference ref = reference_forward(net, p, pr.X, n, noise_ptr);
  for (std::size_t i = 0; i < n * k; ++i) {
    INFO("output ", i, " float ", Y[i], " double ", ref.out[i]);
    CHECK(std::fabs(Y[i] - ref.out[i]) <= 2e-6 * std::max(1.0, std::fabs(ref.out[i])));
  }
  const double loss = loss_value(net.spec.loss, Y, pr.T.data(), n, k);
  const double ref_loss = reference_loss(net.spec.loss, ref.out, pr.T, n, k);
  CHECK(loss == doctest::Approx(ref_loss).epsilon(1e-5));

  loss_gradient(net.spec.loss, Y, pr.T.data(), ws.delta.data(), n, k, n);
  std::fill(ws.grad.begin(), ws.grad.end(), 12345.0f); // backward must overwrite every entry
  backward(net, pr.X.data(), n, ws, kernels);
  const std::vector<double> fd = finite_difference_gradient(pr, noise_ptr);
  double scale = 0.0;
  for (double g : fd)
    scale = std::max(scale, std::fabs(g));
  REQUIRE(scale > 1e-3); // the case exercises something
  std::size_t nonzero = 0;
  for (std::size_t j = 0; j < fd.size(); ++j) {
    INFO(param_name(net, j), " backward ", ws.grad[j], " finite difference ", fd[j]);
    CHECK(std::fabs(ws.grad[j] - fd[j]) <= 1e-5 * scale + 1e-5 * std::fabs(fd[j]));
    nonzero += fd[j] != 0.0;
  }
  // Away from kinks, only dead paths give exact zeros; most parameters must matter.
  CHECK(nonzero * 2 > fd.size());

  // A second backward on the same forward gives the same gradient (overwrites, no sums).
  const std::vector<float> first = ws.grad;
  loss_gradient(net.spec.loss, Y, pr.T.data(), ws.delta.data(), n, k, n);
  backward(net, pr.X.data(), n, ws, kernels);
  CHECK(ws.grad == first);
}

} // namespace

TEST_CASE("backward matches double finite differences for every parameter, activation, loss "
          "and kernel path") {
  for (const Case& c : cases())
    for (Loss loss : {Loss::mse, Loss::bce, Loss::softmax_ce})
      for (Kernels kernels : {Kernels::simd, Kernels::scalar}) {
        const std::size_t n = c.inputs == 3 ? 6 : 11;
        Fixture pr = make_problem(c, loss, n, 1000);
        CAPTURE(c.name);
        CAPTURE(loss_label(loss));
        CAPTURE(kernels == Kernels::simd ? "simd" : "scalar");
        check_gradients(pr, kernels, Mode::eval);
      }
}

TEST_CASE("rrelu in training mode: backward uses the slopes forward drew") {
  for (Loss loss : {Loss::mse, Loss::bce, Loss::softmax_ce})
    for (Kernels kernels : {Kernels::simd, Kernels::scalar}) {
      Case c{"rrelu training", {hidden_layer(4, Kind::rrelu), hidden_layer(3, Kind::rrelu)}};
      Case wide{
          "rrelu training, wide", {hidden_layer(19, Kind::rrelu), hidden_layer(9, Kind::rrelu)}, 5};
      for (const Case* cc : {&c, &wide}) {
        CAPTURE(cc->name);
        CAPTURE(loss_label(loss));
        CAPTURE(kernels == Kernels::simd ? "simd" : "scalar");
        // The noise depends only on the seed and the sizes: draw it once, then pick a
        // problem whose pre-activations are away from the kinks under those slopes.
        const std::size_t n = cc->inputs == 3 ? 6 : 11;
        const Slopes noise = training_slopes(make_problem(*cc, loss, n, 2000), kernels);
        Fixture pr = make_problem(*cc, loss, n, 2000, &noise);
        check_gradients(pr, kernels, Mode::train);

        // The slopes really were random draws in [lower, upper], not the eval mean.
        Workspace ws = make_workspace(pr.net, pr.n);
        Rng rng(5);
        forward(pr.net, pr.X.data(), pr.n, ws, kernels, Mode::train, &rng);
        const std::vector<float>& s = ws.noise[0];
        const auto [lo, hi] = std::minmax_element(s.begin(), s.begin() + pr.n * 4);
        CHECK(*lo >= kRreluLower);
        CHECK(*hi <= kRreluUpper);
        CHECK(*lo < *hi);
      }
    }
}

TEST_CASE("the gradient at an exact kink follows the table: relu'(0) = 0, leaky'(0) = alpha") {
  // 1 -> 1 -> 1 with w = 1, b = 0, x = 0: z = 0 exactly. MSE with target t and output
  // y = v * f(0) + c = c: dL/dy = 2 (c - t); dL/db1 = dL/dy * v * f'(0).
  for (Kernels kernels : {Kernels::simd, Kernels::scalar})
    for (float alpha : {0.0f, 0.01f, 0.3f}) {
      NetworkSpec spec;
      spec.inputs = 1;
      spec.outputs = 1;
      spec.loss = Loss::mse;
      spec.hidden = {hidden_layer(1, alpha == 0.0f ? Kind::relu : Kind::leaky_relu, alpha)};
      Network net = make_network(spec);
      const LayerView& h = net.layers[0];
      const LayerView& o = net.layers[1];
      net.params[h.w] = 1.0f;
      net.params[o.w] = 2.0f; // v
      net.params[o.b] = 0.5f; // c
      const float x = 0.0f, t = -1.0f;
      Workspace ws = make_workspace(net, 1);
      const float* y = forward(net, &x, 1, ws, kernels);
      CHECK(*y == 0.5f);
      loss_gradient(Loss::mse, y, &t, ws.delta.data(), 1, 1, 1);
      backward(net, &x, 1, ws, kernels);
      CAPTURE(alpha);
      CHECK(ws.grad[h.b] == doctest::Approx(2.0 * 1.5 * 2.0 * alpha));
      CHECK(ws.grad[o.w] == 0.0f); // f(0) = 0
      CHECK(ws.grad[o.b] == doctest::Approx(3.0));
    }
}

TEST_CASE("a deep, narrow network (32 hidden layers of 3 units): backward matches finite "
          "differences") {
  // Depth is where index and stride slips compound (every layer's delta feeds the next), and
  // 32 is the deepest network a config may ask for.
  for (Kind kind : {Kind::leaky_relu, Kind::tanh}) {
    Case deep{"deep " + std::string(info(kind).name), {}, 2, false};
    for (int i = 0; i < kMaxHiddenLayers; ++i)
      deep.hidden.push_back(hidden_layer(3, kind, 0.3f));
    REQUIRE(deep.hidden.size() == 32);
    for (Kernels kernels : {Kernels::simd, Kernels::scalar}) {
      Fixture pr = make_problem(deep, Loss::mse, 5, 3000);
      CAPTURE(deep.name);
      CAPTURE(kernels == Kernels::simd ? "simd" : "scalar");
      check_gradients(pr, kernels, Mode::eval);
    }
  }
}
