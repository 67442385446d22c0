// The trainer end to end: convergence on xor and circle, determinism, reproducible restarts
// from an exported model, bit-identical model files, divergence, epochs, the two kernel
// paths, the weight-decay mask and the problems make_trainer reports.
#include "config_json.hpp"
#include "divergence_advice.hpp"
#include "init.hpp"
#include "live_settings.hpp"
#include "model_json.hpp"
#include "optimizer.hpp"
#include "stats_json.hpp"
#include "test_checks.hpp"
#include "trainer.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstring>
#include <string>
#include <vector>

using namespace leaky;
using test::config_from;

namespace {

using test::config_from;

std::unique_ptr<Trainer> trainer_for(const RunConfig& config, const Network* model = nullptr,
                                     Kernels kernels = best_kernels()) {
  TrainerResult made = make_trainer(config, make_dataset(config.data.spec), kernels, model);
  INFO(problems_to_text(made.problems));
  REQUIRE(made.trainer);
  return std::move(made.trainer);
}

bool same_bits(const std::vector<float>& a, const std::vector<float>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(float)) == 0;
}

bool all_finite(const Evaluation& ev) {
  bool ok =
      std::isfinite(ev.train_loss) && std::isfinite(ev.test_loss) && std::isfinite(ev.penalty);
  if (ev.train_accuracy) ok = ok && std::isfinite(*ev.train_accuracy);
  if (ev.test_accuracy) ok = ok && std::isfinite(*ev.test_accuracy);
  for (const LayerStats& l : ev.layers) {
    ok = ok && std::isfinite(l.mean_abs_grad) && std::isfinite(l.weight_norm) &&
         std::isfinite(l.sparsity);
    for (float r : l.rate)
      ok = ok && std::isfinite(r);
    for (float a : l.alpha)
      ok = ok && std::isfinite(a);
  }
  return ok;
}

// The CLI's loop: evaluate at step 0, then every eval_every steps, the evaluations that
// did not find the run diverged.
std::vector<Evaluation> run(Trainer& t) {
  std::vector<Evaluation> out;
  Evaluation first = evaluate(t);
  if (!t.divergence.diverged) out.push_back(first);
  while (t.step < t.total_steps && !t.divergence.diverged) {
    train(t, std::min<std::int64_t>(t.config.training.eval_every, t.total_steps - t.step));
    if (t.divergence.diverged) break;
    Evaluation ev = evaluate(t);
    if (!t.divergence.diverged) out.push_back(ev);
  }
  return out;
}

std::string convergence_config(const char* data, const char* act, int seed) {
  return std::string("{\"version\":1,\"seed\":") + std::to_string(seed) + ",\"data\":{\"kind\":\"" +
         data + "\",\"points\":400},\"network\":{\"activation\":\"" + act +
         "\",\"hidden\":[8,8]},\"optimizer\":{\"kind\":\"adam\",\"lr\":0.02},"
         "\"training\":{\"batch_size\":10,\"steps\":300,\"eval_every\":50}}";
}

} // namespace

TEST_CASE("convergence: xor and circle reach 95% test accuracy within 300 steps, relu and leaky") {
  // 2 -> 8 -> 8 -> 1, he_normal, zero biases, Adam lr 0.02, batch 10, 200 training points.
  // Over seeds 1..100 the worst final test accuracy of this config was 0.98 on each set
  // (relu and leaky_relu 0.01), so three seeds here leave a wide margin.
  for (const char* data : {"xor", "circle"})
    for (const char* act : {"relu", "leaky_relu"})
      for (int seed = 1; seed <= 3; ++seed) {
        auto t = trainer_for(config_from(convergence_config(data, act, seed)));
        const std::vector<Evaluation> evs = run(*t);
        CAPTURE(data);
        CAPTURE(act);
        CAPTURE(seed);
        REQUIRE(evs.size() == 7);
        CHECK(*evs.front().test_accuracy < 0.9); // it had something to learn
        std::int64_t reached = -1;
        for (const Evaluation& ev : evs)
          if (reached < 0 && *ev.test_accuracy >= 0.95) reached = ev.step;
        CHECK(reached > 0);
        CHECK(reached <= 300);
        CHECK(*evs.back().test_accuracy >= 0.95);
        CHECK(evs.back().train_loss < evs.front().train_loss);
        CHECK_FALSE(t->divergence.diverged);
      }
}

TEST_CASE("determinism: the same config and seed give the same bits; another seed differs") {
  // Shuffled mini-batches, RReLU noise in the second layer, momentum: every stream in use.
  auto text = [](int seed) {
    return std::string("{\"version\":1,\"seed\":") + std::to_string(seed) +
           ",\"data\":{\"kind\":\"spiral\",\"points\":120,\"noise\":0.2},\"network\":{"
           "\"activation\":\"leaky_relu\",\"alpha\":0.1,\"hidden\":[6,{\"units\":5,"
           "\"activation\":\"rrelu\"},{\"units\":4,\"activation\":\"prelu\",\"prelu_per_unit\":"
           "true}]},\"optimizer\":{\"kind\":\"momentum\",\"lr\":0.02},\"init\":{\"bias\":"
           "\"pytorch\"},\"training\":{\"batch_size\":7,\"steps\":90,\"eval_every\":30}}";
  };
  auto a = trainer_for(config_from(text(11)));
  auto b = trainer_for(config_from(text(11)));
  auto c = trainer_for(config_from(text(12)));
  CHECK(same_bits(a->net.params, b->net.params));
  CHECK_FALSE(same_bits(a->net.params, c->net.params));
  CHECK_FALSE(same_bits(a->data.x_train, c->data.x_train)); // the seed decides the data too
  const std::vector<Evaluation> ea = run(*a), eb = run(*b), ec = run(*c);
  REQUIRE(ea.size() == 4);
  REQUIRE(eb.size() == 4);
  for (std::size_t i = 0; i < ea.size(); ++i)
    CHECK(evaluation_to_json(ea[i], a->net) == evaluation_to_json(eb[i], b->net));
  CHECK(same_bits(a->net.params, b->net.params));
  CHECK(a->optimizer.m == b->optimizer.m);
  CHECK(ea.back().train_loss != ec.back().train_loss);
  CHECK_FALSE(same_bits(a->net.params, c->net.params));
}

TEST_CASE("data.seed keeps the data while the run seed varies the weights") {
  auto text = [](int seed) {
    return std::string("{\"version\":1,\"seed\":") + std::to_string(seed) +
           ",\"data\":{\"kind\":\"moons\",\"points\":60,\"seed\":5}}";
  };
  auto a = trainer_for(config_from(text(1)));
  auto b = trainer_for(config_from(text(2)));
  CHECK(same_bits(a->data.x_train, b->data.x_train));
  CHECK(same_bits(a->data.y_train, b->data.y_train));
  CHECK_FALSE(same_bits(a->net.params, b->net.params));
}

TEST_CASE("full-batch SGD without shuffling restarts exactly from an exported model") {
  // Full batch and no shuffle: every step sees the same rows in the same order, and SGD has
  // no state, so continuing a run and restarting it from its exported weights must agree
  // bit for bit.
  const RunConfig config = config_from(
      "{\"version\":1,\"seed\":4,\"data\":{\"kind\":\"circle\",\"points\":100},\"network\":{"
      "\"hidden\":[{\"units\":6,\"activation\":\"prelu\",\"prelu_per_unit\":true},{\"units\":5,"
      "\"activation\":\"leaky_relu\",\"alpha\":0.1}]},\"optimizer\":{\"kind\":\"sgd\",\"lr\":0.1},"
      "\"training\":{\"batch_size\":50,\"shuffle\":false,\"steps\":50}}");
  auto a = trainer_for(config);
  REQUIRE(a->batch_ws.capacity == static_cast<std::size_t>(a->data.train_size()));
  CHECK(train(*a, 20) == 20);
  const std::string text = model_to_json(a->net, a->data.input_names);
  ModelResult m = parse_model(text);
  INFO(problems_to_text(m.problems));
  REQUIRE(m.ok());
  CHECK(same_bits(m.net.params, a->net.params));
  auto b = trainer_for(config, &m.net);
  auto c = trainer_for(config, &m.net);
  CHECK(same_bits(b->net.params, a->net.params));
  CHECK(train(*a, 30) == 30);
  CHECK(train(*b, 30) == 30);
  CHECK(train(*c, 30) == 30);
  CHECK(same_bits(b->net.params, c->net.params));
  CHECK(same_bits(a->net.params, b->net.params));
  const Evaluation ea = evaluate(*a), eb = evaluate(*b);
  CHECK(ea.train_loss == eb.train_loss);
  CHECK(ea.test_loss == eb.test_loss);
  CHECK(ea.layers[0].alpha == eb.layers[0].alpha);
  // Training moved the per-unit slopes apart from their common start.
  CHECK(ea.layers[0].alpha.size() == 6);
  CHECK(ea.layers[0].alpha[0] != ea.layers[0].alpha[1]);
}

TEST_CASE("model export then import is bit-identical, every kind, prelu per layer and per unit") {
  NetworkSpec spec;
  spec.inputs = 3;
  spec.loss = Loss::softmax_ce;
  spec.outputs = 4;
  int units = 2;
  for (Kind k : kAllKinds) {
    HiddenLayerSpec h;
    h.units = units;
    units = units % 5 + 2;
    h.act = default_activation(k);
    if (k == Kind::leaky_relu) h.act.alpha = 0.3f;
    if (k == Kind::elu) h.act.alpha = 0.7f;
    if (k == Kind::rrelu) {
      h.act.lower = 0.05f;
      h.act.upper = 0.45f;
    }
    spec.hidden.push_back(h);
    if (k == Kind::prelu) { // a second prelu layer, one slope per unit
      h.units = 5;
      h.prelu_per_unit = true;
      spec.hidden.push_back(h);
    }
  }
  Network net = make_network(spec);
  Rng rng(3);
  for (float& p : net.params)
    p = rng.uniform(-2.0f, 2.0f) / 3.0f; // not short decimals
  // Values that a careless writer or reader would bend.
  const float specials[] = {0.1f,    1.0f / 3.0f, FLT_MIN,     -FLT_MIN, 1e-45f /* denormal */,
                            FLT_MAX, -FLT_MAX,    16777217.0f, -0.0f,    0.0f,
                            1e-38f,  123456.789f};
  for (std::size_t i = 0; i < std::size(specials); ++i)
    net.params[i * 7 % net.params.size()] = specials[i];
  const std::vector<std::string> names = {"x1", "x2", "sin(x1)"};
  const std::string text = model_to_json(net, names);
  ModelResult m = parse_model(text);
  INFO(problems_to_text(m.problems));
  REQUIRE(m.ok());
  CHECK(same_bits(m.net.params, net.params));
  CHECK(m.input_names == names);
  CHECK(m.net.spec.inputs == 3);
  CHECK(m.net.spec.outputs == 4);
  CHECK(m.net.spec.loss == Loss::softmax_ce);
  REQUIRE(m.net.layers.size() == net.layers.size());
  for (std::size_t i = 0; i < net.layers.size(); ++i) {
    const LayerView &x = net.layers[i], &y = m.net.layers[i];
    CAPTURE(i);
    CHECK(x.in == y.in);
    CHECK(x.out == y.out);
    CHECK(x.act.kind == y.act.kind);
    CHECK(x.w == y.w);
    CHECK(x.b == y.b);
    CHECK(x.alpha == y.alpha);
    CHECK(x.alpha_count == y.alpha_count);
    if (x.act.kind != Kind::prelu) CHECK(x.act.alpha == y.act.alpha);
    CHECK(x.act.lower == y.act.lower);
    CHECK(x.act.upper == y.act.upper);
  }
  CHECK(model_to_json(m.net, m.input_names) == text); // and the text round-trips too
}

TEST_CASE("divergence: a huge learning rate stops the run with its step and cause, no NaN shown") {
  // y = x on [-100, 100] with SGD at lr 10: the weights explode within a few steps.
  for (int eval_every : {1, 100}) {
    const RunConfig config = config_from(
        "{\"version\":1,\"seed\":1,\"data\":{\"kind\":\"line\",\"points\":100,\"input_min\":-100,"
        "\"input_max\":100},\"network\":{\"activation\":\"relu\",\"hidden\":[8]},\"optimizer\":{"
        "\"kind\":\"sgd\",\"lr\":10},\"training\":{\"batch_size\":10,\"steps\":100,"
        "\"eval_every\":" +
        std::to_string(eval_every) + "}}");
    auto t = trainer_for(config);
    const std::vector<Evaluation> evs = run(*t);
    CAPTURE(eval_every);
    CHECK(t->divergence.diverged);
    CHECK(t->divergence.step >= 1);
    CHECK(t->divergence.step <= 10);
    CHECK_FALSE(t->divergence.cause.empty());
    CHECK(t->step < 100);
    REQUIRE_FALSE(evs.empty());
    for (const Evaluation& ev : evs) {
      CAPTURE(ev.step);
      CHECK(all_finite(ev));
      CHECK(ev.step < t->divergence.step);
    }
    // Once diverged, train() takes no more steps.
    const std::int64_t steps = t->step;
    CHECK(train(*t, 5) == 0);
    CHECK(t->step == steps);
  }
}

TEST_CASE("divergence found by a batch: train() stops early and names the step being taken") {
  const RunConfig config = config_from(
      "{\"version\":1,\"seed\":1,\"data\":{\"kind\":\"line\",\"points\":100,\"input_min\":-100,"
      "\"input_max\":100},\"network\":{\"activation\":\"relu\",\"hidden\":[8]},\"optimizer\":{"
      "\"kind\":\"sgd\",\"lr\":10},\"training\":{\"batch_size\":50,\"shuffle\":false,\"steps\":100}"
      "}");
  auto t = trainer_for(config);
  const std::int64_t taken = train(*t, 100);
  CHECK(t->divergence.diverged);
  CHECK(taken < 100);
  CHECK(taken == t->step);
  CHECK(t->divergence.step == t->step + 1);
  const std::string& cause = t->divergence.cause;
  CHECK((cause.find("training loss") != std::string::npos ||
         cause.find("output is") != std::string::npos ||
         cause.find("not finite") != std::string::npos ||
         cause.find("non-finite") != std::string::npos));
}

TEST_CASE("an evaluation that is not finite marks the run diverged at its step") {
  // A model whose output overflows to infinity at the starting weights.
  const RunConfig config = config_from(
      "{\"version\":1,\"seed\":1,\"data\":{\"kind\":\"line\",\"points\":20},\"network\":{"
      "\"activation\":\"relu\",\"hidden\":[2]}}");
  NetworkSpec spec;
  spec.inputs = 1;
  spec.loss = Loss::mse;
  HiddenLayerSpec h;
  h.units = 2;
  h.act = default_activation(Kind::relu);
  spec.hidden = {h};
  Network net = make_network(spec);
  for (float& p : net.params)
    p = 3e38f;
  auto t = trainer_for(config, &net);
  const Evaluation ev = evaluate(*t);
  CHECK_FALSE(std::isfinite(ev.train_loss));
  CHECK(t->divergence.diverged);
  CHECK(t->divergence.step == 0);
  CHECK(t->divergence.cause.find("training loss") != std::string::npos);
  CHECK(train(*t, 3) == 0);
}

TEST_CASE("epochs set total_steps to epochs * ceil(rows / batch); epochs count full passes") {
  // 200 points, half for training: 100 rows; batches of 30: 30, 30, 30, 10 per epoch.
  const RunConfig config =
      config_from("{\"version\":1,\"data\":{\"kind\":\"gauss\",\"points\":200},\"training\":{"
                  "\"batch_size\":30,\"epochs\":3,\"steps\":7}}");
  auto t = trainer_for(config);
  CHECK(batches_per_epoch(*t) == 4);
  CHECK(t->total_steps == 12);
  train(*t, 3);
  CHECK(t->epoch == 0);
  CHECK(t->cursor == 90);
  train(*t, 1); // the short last batch of 10 closes the epoch
  CHECK(t->epoch == 1);
  CHECK(t->cursor == 0);
  train(*t, 8);
  CHECK(t->step == 12);
  CHECK(t->epoch == 3);

  // Without epochs, steps decide; a batch larger than the set is the whole set.
  auto s = trainer_for(
      config_from("{\"version\":1,\"data\":{\"kind\":\"gauss\",\"points\":200},\"training\":{"
                  "\"batch_size\":1000,\"steps\":7}}"));
  CHECK(s->total_steps == 7);
  CHECK(batches_per_epoch(*s) == 1);
  train(*s, 2);
  CHECK(s->epoch == 2);
}

TEST_CASE("scalar and simd kernels: the same start, close (not identical) losses") {
  const RunConfig config = config_from(
      "{\"version\":1,\"seed\":2,\"data\":{\"kind\":\"spiral\",\"points\":200},\"network\":{"
      "\"hidden\":[16,16]},\"optimizer\":{\"kind\":\"sgd\",\"lr\":0.03},\"training\":{"
      "\"batch_size\":10,\"steps\":60}}");
  if (!kernels_available(Kernels::simd)) {
    // The scalar-only build refuses SIMD kernels by name instead of running scalar ones.
    TrainerResult made = make_trainer(config, make_dataset(config.data.spec), Kernels::simd);
    CHECK_FALSE(made.trainer);
    REQUIRE(made.problems.size() == 1);
    CHECK(made.problems[0].field == "kernels");
    return;
  }
  auto s = trainer_for(config, nullptr, Kernels::simd);
  auto r = trainer_for(config, nullptr, Kernels::scalar);
  CHECK(s->kernels == Kernels::simd);
  CHECK(r->kernels == Kernels::scalar);
  CHECK(same_bits(s->net.params, r->net.params));
  const Evaluation s0 = evaluate(*s), r0 = evaluate(*r);
  CHECK(s0.train_loss == doctest::Approx(r0.train_loss).epsilon(1e-6));
  train(*s, 60);
  train(*r, 60);
  const Evaluation s1 = evaluate(*s), r1 = evaluate(*r);
  CHECK(s1.train_loss == doctest::Approx(r1.train_loss).epsilon(1e-4));
  CHECK(s1.test_loss == doctest::Approx(r1.test_loss).epsilon(1e-4));
  CHECK(s1.train_loss < s0.train_loss);
}

TEST_CASE("weight decay applies to weights only; PReLU slopes only when asked") {
  for (bool prelu_alpha : {false, true}) {
    const RunConfig config = config_from(
        std::string("{\"version\":1,\"data\":{\"kind\":\"xor\",\"points\":40},\"network\":{"
                    "\"activation\":\"prelu\",\"hidden\":[3,{\"units\":2,\"prelu_per_unit\":"
                    "true}]},\"regularization\":{\"l1\":0.01,\"l2\":0.1,\"prelu_alpha\":") +
        (prelu_alpha ? "true" : "false") + "}}");
    auto t = trainer_for(config);
    const Network& net = t->net;
    std::vector<std::uint8_t> expected(net.params.size(), 0);
    for (const LayerView& l : net.layers) {
      for (std::size_t i = 0; i < static_cast<std::size_t>(l.in) * l.out; ++i)
        expected[l.w + i] = 1;
      for (std::size_t i = 0; i < l.alpha_count; ++i)
        expected[l.alpha + i] = prelu_alpha;
    }
    CAPTURE(prelu_alpha);
    CHECK(t->decay_mask == expected);
    const Evaluation ev = evaluate(*t);
    CHECK(ev.penalty > 0.0);
    CHECK(ev.penalty ==
          penalty_value(net.params.data(), expected.data(), net.params.size(), 0.01f, 0.1f));
  }
}

TEST_CASE("target_loss: the first evaluated step whose training loss is at most the target") {
  RunConfig config = config_from(convergence_config("xor", "relu", 1));
  config.training.target_loss = 0.3;
  auto t = trainer_for(config);
  const std::vector<Evaluation> evs = run(*t);
  REQUIRE(t->target_reached_at.has_value());
  std::int64_t first = -1;
  for (const Evaluation& ev : evs)
    if (first < 0 && ev.train_loss <= 0.3) first = ev.step;
  CHECK(*t->target_reached_at == first);
  CHECK(first > 0);
}

TEST_CASE("make_trainer reports a model or loss that does not fit the data") {
  const RunConfig line =
      config_from("{\"version\":1,\"data\":{\"kind\":\"line\",\"points\":20},\"loss\":\"bce\"}");
  TrainerResult bad_loss = make_trainer(line, make_dataset(line.data.spec), best_kernels());
  CHECK_FALSE(bad_loss.trainer);
  REQUIRE(bad_loss.problems.size() == 1);
  CHECK(bad_loss.problems[0].field == "loss");

  const RunConfig xor_config =
      config_from("{\"version\":1,\"data\":{\"kind\":\"xor\",\"points\":20}}");
  NetworkSpec spec;
  spec.inputs = 3;       // xor has 2
  spec.loss = Loss::mse; // xor trains with bce
  Network model = make_network(spec);
  TrainerResult bad =
      make_trainer(xor_config, make_dataset(xor_config.data.spec), best_kernels(), &model);
  CHECK_FALSE(bad.trainer);
  REQUIRE(bad.problems.size() == 3);
  CHECK(bad.problems[0].field == "model.inputs");
  CHECK(bad.problems[1].field == "model.loss");
  CHECK(bad.problems[2].field == "model.layers"); // none, where the config has two
}

TEST_CASE("a model whose layers do not match the config is refused before any live setting") {
  const RunConfig config =
      config_from(R"({"version":1,"data":{"kind":"xor","points":40},"network":{"hidden":[6,4]}})");
  const auto model_of = [](const std::string& text) { return trainer_for(config_from(text))->net; };
  // Saved from the same config: fits, and alpha can be set live.
  const Network same =
      model_of(R"({"version":1,"data":{"kind":"xor","points":40},"network":{"hidden":[6,4]}})");
  auto t = trainer_for(config, &same);
  CHECK(set_alpha(*t, 0.2).empty());

  struct Case {
    const char* model_config;
    const char* field;
    const char* says;
  };
  const Case cases[] = {
      // A third hidden layer: set_alpha would once index the config's layers past their end.
      {R"({"version":1,"data":{"kind":"xor"},"network":{"hidden":[6,4,3]}})", "model.layers",
       "the config's network.hidden has 2: 6, 4"},
      {R"({"version":1,"data":{"kind":"xor"},"network":{"hidden":[6,5]}})", "model.layers[1]",
       "is 4 leaky_relu units"},
      {R"({"version":1,"data":{"kind":"xor"},"network":{"activation":"relu","hidden":[6,4]}})",
       "model.layers[0]", "6 relu units"},
      {R"({"version":1,"data":{"kind":"xor"},"network":{"alpha":0.3,"hidden":[6,4]}})",
       "model.layers[0]", "alpha 0.01"},
      {R"({"version":1,"data":{"kind":"xor"},"loss":"softmax_ce","network":{"hidden":[6,4]}})",
       "model.loss", "softmax_ce"},
  };
  for (const Case& c : cases) {
    const Network other = model_of(c.model_config);
    TrainerResult made =
        make_trainer(config, make_dataset(config.data.spec), best_kernels(), &other);
    INFO(c.model_config);
    INFO(problems_to_text(made.problems));
    CHECK_FALSE(made.trainer);
    REQUIRE_FALSE(made.problems.empty());
    CHECK(made.problems[0].field == c.field);
    CHECK(problems_to_text(made.problems).find(c.says) != std::string::npos);
  }
}

TEST_CASE("divergence advice: before any update it names an enormous input, not the rate") {
  const RunConfig config =
      config_from(R"({"version":1,"data":{"kind":"line","points":20},"network":{"hidden":[4]}})");
  Dataset data = make_dataset(config.data.spec);
  data.x_train[3] = 3e38f;
  TrainerResult made = make_trainer(config, std::move(data), best_kernels());
  REQUIRE(made.trainer);
  Trainer& t = *made.trainer;
  CHECK(divergence_advice(t).empty()); // not diverged yet
  evaluate(t);
  train(t, 5);
  REQUIRE(t.divergence.diverged);
  const std::string advice = divergence_advice(t);
  CHECK(advice.find("before any update") != std::string::npos);
  CHECK(advice.find("input x reaches 3e+38") != std::string::npos);
  CHECK(advice.find("learning rate is not the cause") != std::string::npos);

  // After updates, the learning rate is the usual suspect.
  const RunConfig fast = config_from(R"({"version":1,"data":{"kind":"line","points":100,
      "input_min":-100,"input_max":100},"network":{"activation":"relu","hidden":[8]},
      "optimizer":{"kind":"sgd","lr":10},"training":{"batch_size":10}})");
  auto f = trainer_for(fast);
  train(*f, 100);
  REQUIRE(f->divergence.diverged);
  CHECK(divergence_advice(*f) == "try a lower learning rate (optimizer.lr is 10)");
}

namespace {
// Weights and biases of every layer, without PReLU's slopes (the one thing that differs).
std::vector<float> weights_and_biases(const Trainer& t) {
  std::vector<float> out;
  for (const LayerView& l : t.net.layers) {
    const auto w = t.net.params.begin() + static_cast<std::ptrdiff_t>(l.w);
    out.insert(out.end(), w, w + static_cast<std::ptrdiff_t>(l.in) * l.out);
    const auto b = t.net.params.begin() + static_cast<std::ptrdiff_t>(l.b);
    out.insert(out.end(), b, b + l.out);
  }
  return out;
}
} // namespace

TEST_CASE("init.gain relu: runs that differ only in activation start from the same weights") {
  const std::string network[] = {R"("activation":"relu")",
                                 R"("activation":"leaky_relu","alpha":0.01)",
                                 R"("activation":"leaky_relu","alpha":0.2)",
                                 R"("activation":"prelu")",
                                 R"("activation":"elu","alpha":0.5)",
                                 R"("activation":"gelu")",
                                 R"("activation":"rrelu")",
                                 R"("activation":"linear")"};
  for (const char* weights : {"he_normal", "he_uniform"}) {
    CAPTURE(weights);
    const auto config = [&](const std::string& act, const char* gain) {
      return config_from(R"({"version":1,"seed":5,"data":{"kind":"moons","points":40},)"
                         R"("network":{)" +
                         act +
                         R"(,"hidden":[6,5]},)"
                         R"("init":{"weights":")" +
                         weights + R"(","bias":"pytorch","gain":")" + gain + R"("}})");
    };
    const std::vector<float> relu = weights_and_biases(*trainer_for(config(network[0], "relu")));
    for (const std::string& act : network) {
      CAPTURE(act);
      CHECK(same_bits(weights_and_biases(*trainer_for(config(act, "relu"))), relu));
    }
    // Each activation's own gain: a leaky layer's weights are smaller than ReLU's.
    CHECK_FALSE(same_bits(weights_and_biases(*trainer_for(config(network[2], "own"))), relu));
    CHECK(same_bits(weights_and_biases(*trainer_for(config(network[0], "own"))), relu));
  }
  // Without hidden layers the output layer keeps gain 1 (its input is not rectified).
  LayerView output;
  output.is_output = true;
  output.act = default_activation(Kind::linear);
  CHECK(he_gain(output, HeGain::relu) == 1.0);
}

TEST_CASE("initializers: He's gain per activation, and each scheme's scale and bounds") {
  auto view = [](Kind kind, float alpha) {
    LayerView l;
    l.act = default_activation(kind);
    l.act.alpha = alpha;
    return l;
  };
  CHECK(he_gain(view(Kind::relu, 0.0f)) == doctest::Approx(std::sqrt(2.0)));
  CHECK(he_gain(view(Kind::leaky_relu, 0.2f)) == doctest::Approx(std::sqrt(2.0 / 1.04)));
  CHECK(he_gain(view(Kind::prelu, 0.25f)) == doctest::Approx(std::sqrt(2.0 / 1.0625)));
  const double rrelu_a = (1.0 / 8 + 1.0 / 3) / 2;
  CHECK(he_gain(view(Kind::rrelu, 0.0f)) ==
        doctest::Approx(std::sqrt(2.0 / (1 + rrelu_a * rrelu_a))).epsilon(1e-6));
  CHECK(he_gain(view(Kind::tanh, 0.0f)) == doctest::Approx(std::sqrt(2.0)));
  CHECK(he_gain(view(Kind::linear, 0.0f)) == doctest::Approx(1.0));

  // One 400 -> 300 leaky layer (120000 weights): sample statistics within 2% of the scheme's.
  NetworkSpec spec;
  spec.inputs = 400;
  spec.outputs = 1;
  spec.loss = Loss::mse;
  HiddenLayerSpec h;
  h.units = 300;
  h.act = default_activation(Kind::prelu); // slopes 0.25, which init leaves alone
  spec.hidden = {h};
  const double gain = std::sqrt(2.0 / 1.0625);
  struct Scheme {
    WeightInit init;
    double sd;    // expected standard deviation
    double bound; // 0: unbounded (normal)
  };
  const Scheme schemes[] = {
      {WeightInit::he_normal, gain / 20.0, 0},
      {WeightInit::he_uniform, gain / 20.0, gain * std::sqrt(3.0 / 400)},
      {WeightInit::xavier_normal, std::sqrt(2.0 / 700), 0},
      {WeightInit::xavier_uniform, std::sqrt(2.0 / 700), std::sqrt(6.0 / 700)},
      {WeightInit::lecun_normal, 1.0 / 20.0, 0},
      {WeightInit::pytorch, 1.0 / 20.0 / std::sqrt(3.0), 1.0 / 20.0},
  };
  for (const Scheme& s : schemes) {
    Network net = make_network(spec);
    InitSpec init;
    init.weights = s.init;
    init.bias = BiasInit::constant;
    init.bias_value = -0.5f;
    Rng rng(17);
    initialize(net, init, rng);
    const LayerView& l = net.layers[0];
    double sum = 0, sq = 0, top = 0;
    const std::size_t n = 400 * 300;
    for (std::size_t i = 0; i < n; ++i) {
      const double w = net.params[l.w + i];
      sum += w;
      sq += w * w;
      top = std::max(top, std::fabs(w));
    }
    const double mean = sum / n, sd = std::sqrt(sq / n - mean * mean);
    CAPTURE(weight_init_name(s.init));
    CHECK(std::fabs(mean) < 0.02 * s.sd);
    CHECK(sd == doctest::Approx(s.sd).epsilon(0.02));
    if (s.bound > 0) {
      CHECK(top <= s.bound);
      CHECK(top > 0.99 * s.bound);
    }
    CHECK(net.params[l.b] == -0.5f);
    CHECK(net.params[l.b + 299] == -0.5f);
    CHECK(net.params[l.alpha] == 0.25f);
  }
  // pytorch biases: U(+-1/sqrt(fan_in)), not all equal.
  Network net = make_network(spec);
  InitSpec init;
  init.weights = WeightInit::pytorch;
  init.bias = BiasInit::pytorch;
  Rng rng(1);
  initialize(net, init, rng);
  const LayerView& l = net.layers[0];
  const auto [lo, hi] =
      std::minmax_element(net.params.begin() + l.b, net.params.begin() + l.b + 300);
  CHECK(*lo >= -0.05f);
  CHECK(*hi <= 0.05f);
  CHECK(*hi - *lo > 0.09f);

  // The linear output layer takes the last hidden layer's gain (PyTorch's kaiming_uniform_
  // applied to every layer): 300 -> 100, so its bound is gain * sqrt(3 / 300), not sqrt(3 / 300).
  spec.outputs = 100;
  Network wide = make_network(spec);
  init.weights = WeightInit::he_uniform;
  initialize(wide, init, rng);
  const LayerView& out = wide.layers[1];
  const auto [w_lo, w_hi] =
      std::minmax_element(wide.params.begin() + out.w, wide.params.begin() + out.w + 300 * 100);
  const double bound = gain * std::sqrt(3.0 / 300);
  CHECK(std::max(-*w_lo, *w_hi) <= bound);
  CHECK(std::max(-*w_lo, *w_hi) > 0.99 * bound);
}
