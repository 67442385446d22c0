#include "stats.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <optional>

namespace leaky {

std::string_view unit_state_name(UnitState s) {
  switch (s) {
  case UnitState::active:
    return "active";
  case UnitState::near_dead:
    return "near_dead";
  case UnitState::dormant:
    return "dormant";
  case UnitState::dead:
    return "dead";
  }
  return "active";
}

namespace {

// Counters gathered over the chunks of the evaluation set, for one hidden layer.
struct LayerCounts {
  std::vector<std::uint32_t> positive, zero_slope, histogram, unit_histogram;
  std::vector<double> abs_output; // per unit: sum of |f(z)|
  std::uint64_t zeros = 0, negative = 0;
};

// Dormant scores (stats.hpp) from the per-unit sums of |f(z)|: the mean over samples cancels.
void dormant_scores(const std::vector<double>& abs_output, float tau, LayerStats& s) {
  double total = 0.0;
  for (double v : abs_output)
    total += v;
  const auto units = static_cast<double>(abs_output.size());
  s.dormant_score.resize(abs_output.size());
  s.tau_dormant.resize(abs_output.size());
  for (std::size_t k = 0; k < abs_output.size(); ++k) {
    // A layer whose outputs are all exactly 0 has no mean to compare with: each of its
    // units is as dormant as a unit can be, score 0.
    const float score = total == 0.0 ? 0.0f : static_cast<float>(abs_output[k] * units / total);
    s.dormant_score[k] = score;
    s.tau_dormant[k] = score <= tau;
    s.tau_dormant_count += s.tau_dormant[k];
  }
}

bool flat_negative_side(const Network& net, const LayerView& l) {
  if (l.act.kind == Kind::relu) return true;
  if (l.act.kind == Kind::leaky_relu || l.act.kind == Kind::prelu) {
    for (std::size_t i = 0; i < std::max<std::size_t>(l.alpha_count, 1); ++i) {
      const float a = l.alpha_count ? net.params[l.alpha + i] : l.act.alpha;
      if (a != 0.0f) return false;
    }
    return true;
  }
  return false;
}

// For the piecewise-linear kinds in eval mode, whose f' is 1 (or a constant) for z > 0 and one
// constant for z <= 0, and NaN for a NaN z: whether that negative-side constant is 0, so
// that f'(z) = 0 exactly where z <= 0 (true) or nowhere (false), as the kernels compute it
// (g * f'(z) with g = 1). Empty for the other kinds, whose slopes the kernels compute.
std::optional<bool> zero_negative_slope(const Network& net, const LayerView& l) {
  if (l.alpha_count > 1) return std::nullopt;
  const Activation act = layer_activation(net, l);
  switch (act.kind) {
  case Kind::linear:
    return false;
  case Kind::relu:
    return true;
  case Kind::leaky_relu:
  case Kind::prelu:
    return act.alpha == 0.0f;
  case Kind::rrelu: // eval mode: the mean of its bounds
    return negative_slope(act) == 0.0f;
  default:
    return std::nullopt;
  }
}

// Derivative f'(z) of a hidden layer for n samples, per-unit PReLU slopes included.
void layer_slopes(const Network& net, const LayerView& l, const float* z, std::size_t n, float* out,
                  Kernels kernels, std::vector<float>& ones) {
  const std::size_t size = n * l.out;
  if (l.alpha_count > 1) {
    for (std::size_t r = 0; r < n; ++r)
      for (int c = 0; c < l.out; ++c) {
        const float v = z[r * l.out + c];
        out[r * l.out + c] = v > 0.0f ? 1.0f : net.params[l.alpha + c];
      }
    return;
  }
  if (ones.size() < size) ones.assign(size, 1.0f);
  const Activation act = layer_activation(net, l);
  backward(kernels, act, {z, size}, {ones.data(), size}, {out, size});
}

// Adds one chunk of a hidden layer's pre-activations z and outputs a [n x units] to its
// counters: z <= 0, outputs exactly 0, sum of |f(z)| per unit (in sample order), and the
// per-unit histograms (NaN counted in none; the layer's histogram is their sum). Pass by pass over the chunk, so that each loop is simple
// enough for the compiler to vectorise; every count and sum is the same as element by element.
void count_outputs(const float* z, const float* a, std::size_t n, int units, int bins, float range,
                   LayerCounts& c) {
  const std::size_t u = static_cast<std::size_t>(units), size = n * u;
  assert(units <= kMaxUnits);
  // 32-bit counters over blocks (narrower lanes vectorise better, in wasm especially).
  constexpr std::size_t kBlock = std::size_t{1} << 30;
  for (std::size_t start = 0; start < size; start += kBlock) {
    std::uint32_t negative = 0, zeros = 0;
    for (std::size_t e = start; e < std::min(size, start + kBlock); ++e) {
      negative += z[e] <= 0.0f;
      zeros += a[e] == 0.0f;
    }
    c.negative += negative;
    c.zeros += zeros;
  }
  for (std::size_t r = 0; r < n; ++r)
    for (std::size_t k = 0; k < u; ++k)
      c.abs_output[k] += std::fabs(a[r * u + k]);
  // The bins of one row: t = (z + range) / (2 range) * bins, the end bins for t outside
  // (0, bins). Clamped before the conversion, in float: a float beyond INT_MAX (z past ~1e9,
  // or infinite, as in a diverging run) makes the conversion undefined; and branch free, so
  // that the loop vectorises. NaN goes to no bin.
  std::int32_t bin[kMaxUnits];
  const float width = 2.0f * range, top = static_cast<float>(bins);
  for (std::size_t r = 0; r < n; ++r) {
    const float* zr = z + r * u;
    for (std::size_t k = 0; k < u; ++k) {
      const float t = (zr[k] + range) / width * top;
      const float clamped = t > 0.0f ? (t < top ? t : top - 1.0f) : 0.0f;
      bin[k] = zr[k] != zr[k] ? -1 : static_cast<std::int32_t>(clamped);
    }
    std::uint32_t* unit_bins = c.unit_histogram.data();
    for (std::size_t k = 0; k < u; ++k, unit_bins += bins)
      if (bin[k] >= 0) ++unit_bins[bin[k]];
  }
}

struct SetResult {
  double loss_sum = 0.0;
  std::size_t correct = 0;
};

} // namespace

void count_activity(const Network& net, const LayerView& l, const float* z, std::size_t n,
                    Kernels kernels, std::uint32_t* positive, std::uint32_t* zero_slope,
                    ActivityScratch& scratch) {
  const std::size_t u = static_cast<std::size_t>(l.out);
  if (const std::optional<bool> flat = zero_negative_slope(net, l)) {
    for (std::size_t r = 0; r < n; ++r)
      for (std::size_t k = 0; k < u; ++k)
        positive[k] += z[r * u + k] > 0.0f;
    if (*flat)
      for (std::size_t r = 0; r < n; ++r)
        for (std::size_t k = 0; k < u; ++k)
          zero_slope[k] += z[r * u + k] <= 0.0f;
    return;
  }
  scratch.slopes.resize(n * u);
  layer_slopes(net, l, z, n, scratch.slopes.data(), kernels, scratch.ones);
  for (std::size_t r = 0; r < n; ++r)
    for (std::size_t k = 0; k < u; ++k) {
      positive[k] += z[r * u + k] > 0.0f;
      zero_slope[k] += scratch.slopes[r * u + k] == 0.0f;
    }
}

Evaluation evaluate(const Network& net, const Dataset& data, Workspace& ws, Kernels kernels,
                    const StatsOptions& options, UnitHistory& history) {
  Evaluation ev;
  ev.dormant_tau = options.dormant_tau;
  const std::size_t hidden = net.hidden_count();
  const std::size_t inputs = static_cast<std::size_t>(data.inputs);
  const std::size_t outputs = static_cast<std::size_t>(net.spec.outputs);
  const std::size_t targets_per_row = static_cast<std::size_t>(data.outputs);
  const int bins = options.histogram_bins;

  std::vector<LayerCounts> counts(hidden);
  for (std::size_t i = 0; i < hidden; ++i) {
    const std::size_t u = net.layers[i].out;
    counts[i].positive.assign(u, 0);
    counts[i].zero_slope.assign(u, 0);
    counts[i].histogram.assign(bins, 0);
    counts[i].unit_histogram.assign(u * bins, 0);
    counts[i].abs_output.assign(u, 0.0);
  }
  std::vector<float> grad_sum; // over chunks, when there are several
  ActivityScratch scratch;

  // Training set: losses, full-batch gradient, and the unit statistics.
  const std::size_t n_train = data.y_train.size() / targets_per_row;
  SetResult train;
  for (std::size_t start = 0; start < n_train; start += ws.capacity) {
    const std::size_t n = std::min(ws.capacity, n_train - start);
    const float* X = data.x_train.data() + start * inputs;
    const float* T = data.y_train.data() + start * targets_per_row;
    const float* Y = forward(net, X, n, ws, kernels, Mode::eval);
    train.loss_sum += loss_value(net.spec.loss, Y, T, n, outputs) * static_cast<double>(n);
    train.correct += correct_count(net.spec.loss, Y, T, n, outputs);
    for (std::size_t i = 0; i < hidden; ++i) {
      const LayerView& l = net.layers[i];
      LayerCounts& c = counts[i];
      count_activity(net, l, ws.z[i].data(), n, kernels, c.positive.data(), c.zero_slope.data(),
                     scratch);
      count_outputs(ws.z[i].data(), ws.a[i].data(), n, l.out, bins, options.histogram_range, c);
    }
    loss_gradient(net.spec.loss, Y, T, ws.delta.data(), n, outputs, n_train);
    backward(net, X, n, ws, kernels);
    // One chunk (the usual case): its gradient is the sum. 0 + g is g for every float g the
    // statistics read (|-0| = |+0|), so this changes no result.
    if (n_train <= ws.capacity) break;
    if (grad_sum.empty()) grad_sum.assign(net.params.size(), 0.0f);
    for (std::size_t p = 0; p < grad_sum.size(); ++p)
      grad_sum[p] += ws.grad[p];
  }
  const std::vector<float>& gradient = grad_sum.empty() ? ws.grad : grad_sum;
  ev.train_loss = train.loss_sum / static_cast<double>(n_train);

  // Test set: losses only.
  const std::size_t n_test = data.y_test.size() / targets_per_row;
  SetResult test;
  for (std::size_t start = 0; start < n_test; start += ws.capacity) {
    const std::size_t n = std::min(ws.capacity, n_test - start);
    const float* T = data.y_test.data() + start * targets_per_row;
    const float* Y = forward(net, data.x_test.data() + start * inputs, n, ws, kernels, Mode::eval);
    test.loss_sum += loss_value(net.spec.loss, Y, T, n, outputs) * static_cast<double>(n);
    test.correct += correct_count(net.spec.loss, Y, T, n, outputs);
  }
  ev.test_loss = n_test ? test.loss_sum / static_cast<double>(n_test) : 0.0;
  if (net.spec.loss != Loss::mse) {
    ev.train_accuracy = static_cast<double>(train.correct) / static_cast<double>(n_train);
    if (n_test) ev.test_accuracy = static_cast<double>(test.correct) / static_cast<double>(n_test);
  }

  ev.layers.reserve(hidden);
  const bool first = !history.started;
  if (first) {
    history.started = true;
    history.inactive.resize(hidden);
    history.born_dead.resize(hidden);
    history.revivals.resize(hidden);
  }
  for (std::size_t i = 0; i < hidden; ++i) {
    const LayerView& l = net.layers[i];
    const std::size_t u = l.out;
    LayerCounts& c = counts[i];
    LayerStats s;
    s.units = l.out;
    s.rate.resize(u);
    s.state.resize(u);
    s.revived.assign(u, 0);
    if (first) {
      history.inactive[i].assign(u, 0);
      history.born_dead[i].assign(u, 0);
      history.revivals[i].assign(u, 0);
    }
    for (std::size_t k = 0; k < u; ++k) {
      s.rate[k] =
          static_cast<float>(static_cast<double>(c.positive[k]) / static_cast<double>(n_train));
      const bool inactive = unit_inactive(c.positive[k]);
      const bool dead = unit_dead(c.positive[k], c.zero_slope[k], n_train);
      s.state[k] = dead                                      ? UnitState::dead
                   : inactive                                ? UnitState::dormant
                   : s.rate[k] < options.near_dead_threshold ? UnitState::near_dead
                                                             : UnitState::active;
      s.inactive += inactive;
      s.dead += dead;
      s.dormant += inactive && !dead;
      s.near_dead += s.rate[k] < options.near_dead_threshold;
      if (first) {
        history.born_dead[i][k] = inactive;
      } else if (history.inactive[i][k] && !inactive) {
        s.revived[k] = 1;
        ++s.revived_now;
        ++history.revivals[i][k];
      }
      history.inactive[i][k] = inactive;
    }
    s.born_dead = history.born_dead[i];
    s.revivals = history.revivals[i];
    s.born_dead_count = static_cast<int>(std::count(s.born_dead.begin(), s.born_dead.end(), 1));
    dormant_scores(c.abs_output, options.dormant_tau, s);
    const double pairs = static_cast<double>(n_train) * static_cast<double>(u);
    s.sparsity_is_zeros = flat_negative_side(net, l);
    s.sparsity = static_cast<double>(s.sparsity_is_zeros ? c.zeros : c.negative) / pairs;
    const std::size_t wn = static_cast<std::size_t>(l.in) * l.out;
    double abs_sum = 0.0, sq_sum = 0.0;
    for (std::size_t p = 0; p < wn; ++p) {
      abs_sum += std::fabs(gradient[l.w + p]);
      sq_sum += static_cast<double>(net.params[l.w + p]) * net.params[l.w + p];
    }
    s.mean_abs_grad = abs_sum / static_cast<double>(wn);
    s.weight_norm = std::sqrt(sq_sum);
    s.alpha.assign(net.params.begin() + l.alpha, net.params.begin() + l.alpha + l.alpha_count);
    for (std::size_t k = 0; k < u; ++k)
      for (int b = 0; b < bins; ++b)
        c.histogram[b] += c.unit_histogram[k * bins + b];
    s.histogram = std::move(c.histogram);
    s.unit_histogram = std::move(c.unit_histogram);
    ev.collapsed = ev.collapsed || s.dead == s.units;
    ev.layers.push_back(std::move(s));
  }
  return ev;
}

} // namespace leaky
