#include "trainer.hpp"

#include "finite.hpp"
#include "init.hpp"
#include "json_writer.hpp"
#include "loss.hpp"
#include "model_fit.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <numeric>
#include <utility>

namespace leaky {

namespace {

// dst[0..n) = src[0..n). Gathering a batch copies a few floats per row (2 inputs, 1 target on
// the playground's data); a memcpy call per row cost about 7% of a small network's step in wasm,
// where it is a real call, so short rows are copied with constant-size copies the compiler
// inlines.
void copy_row(float* dst, const float* src, std::size_t n) {
  constexpr std::size_t kShort = 8;
  if (n > kShort) {
    std::memcpy(dst, src, n * sizeof(float));
    return;
  }
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    ((n == I + 1 ? (std::memcpy(dst, src, (I + 1) * sizeof(float)), 0) : 0), ...);
  }
  (std::make_index_sequence<kShort>{});
}

void shuffle(std::vector<std::uint32_t>& v, Rng& rng) {
  for (std::size_t i = v.size(); i > 1; --i)
    std::swap(v[i - 1], v[rng.next_below(static_cast<std::uint32_t>(i))]);
}

// Names the first non-finite entry of a flat block: "layer 2 weights".
std::string locate(const Network& net, const std::vector<float>& block) {
  for (std::size_t i = 0; i < net.layers.size(); ++i) {
    const LayerView& l = net.layers[i];
    const std::string name = l.is_output ? "output layer" : "layer " + std::to_string(i + 1);
    auto bad = [&](std::size_t off, std::size_t n) {
      for (std::size_t k = 0; k < n; ++k)
        if (!std::isfinite(block[off + k])) return json::number(block[off + k]);
      return std::string();
    };
    if (auto v = bad(l.w, static_cast<std::size_t>(l.in) * l.out); !v.empty())
      return name + " weights (" + v + ")";
    if (auto v = bad(l.b, l.out); !v.empty()) return name + " bias (" + v + ")";
    if (auto v = bad(l.alpha, l.alpha_count); !v.empty()) return name + " PReLU slope (" + v + ")";
  }
  return "unknown entry";
}

std::string locate_output(const float* Y, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i)
    if (!std::isfinite(Y[i])) return json::number(Y[i]);
  return "not finite";
}

void diverge(Trainer& t, const std::string& cause) {
  t.divergence.diverged = true;
  t.divergence.step = t.step + 1;
  t.divergence.cause = cause;
}

// What in an evaluation is not finite ("the training loss is Infinity"), or "". A batch can
// stay finite while the whole set no longer does, and the gradient can overflow while the
// loss does not.
std::string non_finite_part(const Evaluation& ev) {
  if (!std::isfinite(ev.train_loss))
    return "the training loss is " + json::number(ev.train_loss) + " on the whole training set";
  if (!std::isfinite(ev.test_loss)) return "the test loss is " + json::number(ev.test_loss);
  for (std::size_t i = 0; i < ev.layers.size(); ++i)
    if (!std::isfinite(ev.layers[i].mean_abs_grad) || !std::isfinite(ev.layers[i].weight_norm))
      return "the gradient or weights of layer " + std::to_string(i + 1) +
             " are not finite on the whole training set";
  return "";
}

} // namespace

std::int64_t batches_per_epoch(const Trainer& t) {
  const std::int64_t rows = t.data.train_size();
  const std::int64_t b = std::min<std::int64_t>(t.config.training.batch_size, rows);
  return (rows + b - 1) / b;
}

TrainerResult make_trainer(const RunConfig& config, Dataset data, Kernels kernels,
                           const Network* model, const MemoryBudget& budget,
                           const MemoryExtras& extras) {
  TrainerResult result;
  Problems& problems = result.problems;
  if (!kernels_available(kernels))
    problems.push_back(
        {"kernels", std::string(kernels_name(kernels)), "this build has only the scalar kernels"});
  const Loss loss = resolve_loss(config, data.task, problems);
  if (data.train_size() < 1) problems.push_back({"data", "0 rows", "the training set is empty"});
  NetworkSpec spec = network_spec(config, data, loss);
  if (model)
    for (Problem& p : model_fit_problems(*model, spec))
      problems.push_back(std::move(p));
  if (!problems.empty()) return result;

  // Resources, before anything large is allocated.
  const TrainingConfig& training = config.training;
  if (training.epochs > 0) {
    const std::int64_t rows = data.train_size();
    const std::int64_t batch = std::min<std::int64_t>(training.batch_size, rows);
    const std::int64_t steps = training.epochs * ((rows + batch - 1) / batch);
    if (!kStepsRange.contains(static_cast<double>(steps)))
      problems.push_back({"training.epochs", std::to_string(training.epochs),
                          std::to_string(training.epochs) + " epochs of " +
                              std::to_string((rows + batch - 1) / batch) + " batches are " +
                              std::to_string(steps) + " steps; the steps must be " +
                              kStepsRange.describe()});
  }
  MemoryExtras all = extras;
  all.model_copy = all.model_copy || model != nullptr;
  for (Problem& p : check_memory(estimate_memory(config, data, all), budget))
    problems.push_back(std::move(p));
  if (!problems.empty()) return result;

  auto t = std::make_unique<Trainer>();
  t->config = config;
  t->data = std::move(data);
  t->kernels = kernels;
  if (model) {
    t->net = *model;
  } else {
    t->net = make_network(spec);
    Rng init_rng(config.seed, kInitStream);
    initialize(t->net, config.init, init_rng);
  }
  const Network& net = t->net;
  t->decay_mask.assign(net.params.size(), 0);
  for (const LayerView& l : net.layers) {
    std::fill_n(t->decay_mask.begin() + l.w, static_cast<std::size_t>(l.in) * l.out, 1);
    if (config.regularization.prelu_alpha)
      std::fill_n(t->decay_mask.begin() + l.alpha, l.alpha_count, 1);
  }
  t->optimizer = make_optimizer_state(config.optimizer, net.params.size());
  const std::size_t rows = static_cast<std::size_t>(t->data.train_size());
  const std::size_t batch = std::min<std::size_t>(config.training.batch_size, rows);
  t->batch_ws = make_workspace(net, batch);
  t->eval_ws =
      make_workspace(net, std::min(kEvalChunk, std::max<std::size_t>(rows, t->data.test_size())));
  t->batch_rng = Rng(config.seed, kBatchStream);
  t->noise_rng = Rng(config.seed, kNoiseStream);
  t->order.resize(rows);
  std::iota(t->order.begin(), t->order.end(), 0u);
  if (config.training.shuffle) shuffle(t->order, t->batch_rng);
  t->batch_x.resize(batch * t->data.inputs);
  t->batch_y.resize(batch * t->data.outputs);
  t->total_steps = config.training.epochs > 0 ? config.training.epochs * batches_per_epoch(*t)
                                              : config.training.steps;
  result.trainer = std::move(t);
  return result;
}

std::int64_t train(Trainer& t, std::int64_t n) {
  Network& net = t.net;
  const std::size_t inputs = static_cast<std::size_t>(t.data.inputs);
  const std::size_t targets = static_cast<std::size_t>(t.data.outputs);
  const std::size_t outputs = static_cast<std::size_t>(net.spec.outputs);
  const std::size_t batch = t.batch_ws.capacity;
  const std::size_t P = net.params.size();
  std::int64_t done = 0;
  for (; done < n && !t.divergence.diverged; ++done) {
    // Gather the next batch; an epoch's last batch may be smaller.
    const std::size_t m = std::min(batch, t.order.size() - t.cursor);
    for (std::size_t r = 0; r < m; ++r) {
      const std::size_t row = t.order[t.cursor + r];
      copy_row(t.batch_x.data() + r * inputs, t.data.x_train.data() + row * inputs, inputs);
      copy_row(t.batch_y.data() + r * targets, t.data.y_train.data() + row * targets, targets);
    }
    t.cursor += m;
    if (t.cursor == t.order.size()) {
      t.cursor = 0;
      ++t.epoch;
      if (t.config.training.shuffle) shuffle(t.order, t.batch_rng);
    }

    const float* Y =
        forward(net, t.batch_x.data(), m, t.batch_ws, t.kernels, Mode::train, &t.noise_rng);
    // Finite outputs give a finite loss (each loss is computed in double from them), so this
    // check stands in for computing the loss every step, which costs a log and an exp per
    // sample; the loss itself is measured at evaluations.
    if (!all_finite(Y, m * outputs)) {
      diverge(t, "the network's output is " + locate_output(Y, m * outputs) + " on this batch");
      break;
    }
    loss_gradient(net.spec.loss, Y, t.batch_y.data(), t.batch_ws.delta.data(), m, outputs, m);
    backward(net, t.batch_x.data(), m, t.batch_ws, t.kernels);
    float* grad = t.batch_ws.grad.data();
    penalize(net.params.data(), grad, t.decay_mask.data(), P, t.config.regularization.l1,
             t.config.regularization.l2);
    if (!all_finite(grad, P)) {
      diverge(t, "the gradient of " + locate(net, t.batch_ws.grad) + " is not finite");
      break;
    }
    // The update checks what it writes: one pass over the parameters, not two.
    if (!optimizer_step(t.config.optimizer, t.optimizer, net.params.data(), grad, P)) {
      diverge(t, "the update made " + locate(net, net.params) + " non-finite");
      break;
    }
    ++t.step;
  }
  return done;
}

Evaluation evaluate(Trainer& t) {
  StatsOptions options;
  options.near_dead_threshold = t.config.training.near_dead_threshold;
  options.histogram_bins = t.config.training.histogram_bins;
  options.histogram_range = t.config.training.histogram_range;
  options.dormant_tau = t.config.training.dormant_tau;
  Evaluation ev = evaluate(t.net, t.data, t.eval_ws, t.kernels, options, t.history);
  ev.step = t.step;
  ev.epoch = t.epoch;
  ev.penalty = penalty_value(t.net.params.data(), t.decay_mask.data(), t.net.params.size(),
                             t.config.regularization.l1, t.config.regularization.l2);
  if (!t.divergence.diverged) {
    if (std::string cause = non_finite_part(ev); !cause.empty()) {
      t.divergence.diverged = true;
      t.divergence.step = t.step; // the last update made it so (0: the starting weights)
      t.divergence.cause = cause;
    }
  }
  if (t.config.training.target_loss > 0 && !t.target_reached_at &&
      ev.train_loss <= t.config.training.target_loss)
    t.target_reached_at = t.step;
  return ev;
}

} // namespace leaky
