// Dead-unit statistics (docs/definitions.md, Statistics) on hand-built networks whose unit
// states are known by construction: parameters are set directly, the data are 200 points
// x = -99.5, -98.5, ..., 99.5 (exact floats, none zero), so each unit's pre-activation
// z = w x + b, and with it its rate, state and sparsity, can be counted by hand.
#include "catalog_json.hpp"
#include "config_json.hpp"
#include "json_read.hpp"
#include "network.hpp"
#include "stats.hpp"
#include "stats_json.hpp"
#include "trainer.hpp"

#include "test_support.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <numeric>
#include <string>
#include <vector>

using namespace leaky;
using namespace leaky::test;

namespace {

constexpr std::size_t kRows = 200;

std::vector<float> grid_x() {
  std::vector<float> x(kRows);
  for (std::size_t i = 0; i < kRows; ++i)
    x[i] = static_cast<float>(i) - 99.5f;
  return x;
}

// 1-D regression data from explicit rows (targets are irrelevant to unit statistics).
Dataset data_1d(std::vector<float> x_train, std::vector<float> x_test = {0.5f},
                Task task = Task::regression, std::vector<float> y_train = {},
                std::vector<float> y_test = {}) {
  Dataset d;
  d.task = task;
  d.inputs = d.base_inputs = 1;
  d.outputs = 1;
  if (y_train.empty()) y_train.assign(x_train.size(), 0.0f);
  if (y_test.empty()) y_test.assign(x_test.size(), 0.0f);
  d.x_train = std::move(x_train);
  d.y_train = std::move(y_train);
  d.x_test = std::move(x_test);
  d.y_test = std::move(y_test);
  d.input_names = {"x"};
  return d;
}

Network network(std::vector<HiddenLayerSpec> layers, Loss loss = Loss::mse, int outputs = 1) {
  NetworkSpec spec;
  spec.inputs = 1;
  spec.hidden = std::move(layers);
  spec.outputs = outputs;
  spec.loss = loss;
  Network net = make_network(spec);
  // Output weights 1, so that the loss depends on every hidden unit.
  const LayerView& o = net.layers.back();
  std::fill_n(net.params.begin() + o.w, static_cast<std::size_t>(o.in) * o.out, 1.0f);
  return net;
}

// Sets one unit of a layer with a single input: z = w x + b.
void set_unit(Network& net, std::size_t layer, int unit, float w, float b) {
  const LayerView& l = net.layers[layer];
  REQUIRE(l.in == 1);
  net.params[l.w + unit] = w;
  net.params[l.b + unit] = b;
}

struct Evaluator {
  Workspace ws;
  UnitHistory history;
  StatsOptions options;
  Kernels kernels;
  Evaluator(const Network& net, Kernels k, std::size_t capacity = 64)
      : ws(make_workspace(net, capacity)), kernels(k) {}
  Evaluation operator()(const Network& net, const Dataset& data) {
    return evaluate(net, data, ws, kernels, options, history);
  }
};

// The four units of the basic layer, z = w x + b over x in [-99.5, 99.5]:
//   0: w = -1, b = -200  z in [-299.5, -100.5]: inactive on every sample
//   1: w =  1, b = -99   z > 0 only at x = 99.5: rate 1/200 = 0.005
//   2: w =  1, b =  0    z > 0 for the 100 positive x: rate 0.5
//   3: w =  0, b =  0    z = 0 exactly: inactive (z <= 0, not z < 0)
Network four_units(Kind kind, float alpha = 0.01f) {
  Network net = network({hidden_layer(4, kind, alpha)});
  set_unit(net, 0, 0, -1.0f, -200.0f);
  set_unit(net, 0, 1, 1.0f, -99.0f);
  set_unit(net, 0, 2, 1.0f, 0.0f);
  set_unit(net, 0, 3, 0.0f, 0.0f);
  return net;
}

const Kernels kBothKernels[] = {Kernels::simd, Kernels::scalar};

} // namespace

TEST_CASE("relu: dead, near-dead and active units, rates and counts") {
  for (Kernels k : kBothKernels) {
    const Network net = four_units(Kind::relu);
    Evaluator eval(net, k);
    const Evaluation ev = eval(net, data_1d(grid_x()));
    REQUIRE(ev.layers.size() == 1);
    const LayerStats& s = ev.layers[0];
    CHECK(s.units == 4);
    CHECK(s.rate == std::vector<float>{0.0f, 0.005f, 0.5f, 0.0f});
    CHECK(s.state[0] == UnitState::dead);
    CHECK(s.state[1] == UnitState::near_dead); // rate 0.005 < 0.01, yet not inactive
    CHECK(s.state[2] == UnitState::active);
    CHECK(s.state[3] == UnitState::dead); // z = 0 on every sample: inactive, and relu'(0) = 0
    CHECK(s.inactive == 2);
    CHECK(s.dead == 2);
    CHECK(s.dormant == 0);
    CHECK(s.near_dead == 3); // the count includes the inactive units
    CHECK_FALSE(ev.collapsed);
    // Sparsity: outputs exactly 0 are 200 + 199 + 100 + 200 of 800 pairs.
    CHECK(s.sparsity_is_zeros);
    CHECK(s.sparsity == doctest::Approx(699.0 / 800.0));
  }
}

TEST_CASE(
    "the near-dead threshold decides near-dead; inactive units are near-dead whatever it is") {
  const Network net = four_units(Kind::relu);
  Evaluator eval(net, Kernels::scalar);
  eval.options.near_dead_threshold = 0.005f; // rate 0.005 is not below 0.005
  const LayerStats s = eval(net, data_1d(grid_x())).layers[0];
  CHECK(s.state[1] == UnitState::active);
  CHECK(s.near_dead == 2);
  eval.options.near_dead_threshold = 0.6f;
  const LayerStats t = eval(net, data_1d(grid_x())).layers[0];
  CHECK(t.state[2] == UnitState::near_dead);
  CHECK(t.near_dead == 4);
  CHECK(t.dead == 2);
}

TEST_CASE("leaky_relu: the same inactive units are dormant, not dead; alpha 0 is dead") {
  for (Kernels k : kBothKernels) {
    for (float alpha : {0.1f, -0.5f, 1.5f}) {
      CAPTURE(alpha);
      const Network net = four_units(Kind::leaky_relu, alpha);
      Evaluator eval(net, k);
      const Evaluation ev = eval(net, data_1d(grid_x()));
      const LayerStats& s = ev.layers[0];
      CHECK(s.state[0] == UnitState::dormant);
      CHECK(s.state[1] == UnitState::near_dead);
      CHECK(s.state[2] == UnitState::active);
      CHECK(s.state[3] == UnitState::dormant);
      CHECK(s.inactive == 2);
      CHECK(s.dead == 0);
      CHECK(s.dormant == 2);
      // Negative side (z <= 0): 200 + 199 + 100 + 200 of 800, not the exact zeros (only
      // unit 3's 200).
      CHECK_FALSE(s.sparsity_is_zeros);
      CHECK(s.sparsity == doctest::Approx(699.0 / 800.0));
    }
    const Network flat = four_units(Kind::leaky_relu, 0.0f);
    Evaluator eval(flat, k);
    const LayerStats s = eval(flat, data_1d(grid_x())).layers[0];
    CHECK(s.dead == 2);
    CHECK(s.dormant == 0);
    CHECK(s.sparsity_is_zeros);
  }
}

TEST_CASE("prelu per unit: an inactive unit with slope 0 is dead, with slope 0.25 dormant") {
  for (Kernels k : kBothKernels) {
    Network net = network({hidden_layer(2, Kind::prelu, 0.25f, true)});
    set_unit(net, 0, 0, -1.0f, -200.0f);
    set_unit(net, 0, 1, 1.0f, -200.0f);
    const LayerView& l = net.layers[0];
    REQUIRE(l.alpha_count == 2);
    net.params[l.alpha] = 0.0f;
    net.params[l.alpha + 1] = 0.25f;
    Evaluator eval(net, k);
    const Evaluation ev = eval(net, data_1d(grid_x()));
    const LayerStats& s = ev.layers[0];
    CHECK(s.state[0] == UnitState::dead);
    CHECK(s.state[1] == UnitState::dormant);
    CHECK(s.alpha == std::vector<float>{0.0f, 0.25f});
    CHECK_FALSE(s.sparsity_is_zeros); // one slope is not 0: the layer's negative side is not flat
    CHECK_FALSE(ev.collapsed);        // unit 1 still passes alpha z on
  }
}

TEST_CASE("a unit fed only by a dead layer, with zero bias, sits at z = 0 and is inactive") {
  for (Kernels k : kBothKernels) {
    Network net = network({hidden_layer(2, Kind::relu), hidden_layer(3, Kind::relu)});
    set_unit(net, 0, 0, -1.0f, -200.0f);
    set_unit(net, 0, 1, 1.0f, -200.0f);
    const LayerView& l2 = net.layers[1];
    for (int i = 0; i < 6; ++i)
      net.params[l2.w + i] = i % 2 ? 0.7f : -1.3f; // any weights; the biases stay 0
    Evaluator eval(net, k);
    const Evaluation ev = eval(net, data_1d(grid_x()));
    CHECK(ev.layers[0].dead == 2);
    const LayerStats& s = ev.layers[1];
    CHECK(s.inactive == 3);
    CHECK(s.dead == 3);
    CHECK(s.rate == std::vector<float>{0.0f, 0.0f, 0.0f});
    // Every z of layer 2 is exactly 0: the middle bin of 20 over [-5, 5] (bin 10).
    CHECK(s.histogram[10] == kRows * 3);
    CHECK(s.sparsity == 1.0);
    CHECK(ev.collapsed);
  }
}

TEST_CASE("collapsed: a whole relu layer dead, not a whole leaky layer dormant") {
  for (Kernels k : kBothKernels) {
    Network relu = network({hidden_layer(3, Kind::relu), hidden_layer(2, Kind::relu)});
    Network leaky = network({hidden_layer(3, Kind::relu), hidden_layer(2, Kind::leaky_relu, 0.1f)});
    for (Network* net : {&relu, &leaky}) {
      set_unit(*net, 0, 0, 1.0f, 0.0f);
      set_unit(*net, 0, 1, -1.0f, 0.0f);
      set_unit(*net, 0, 2, 0.5f, 1.0f);
      const LayerView& l2 = net->layers[1];
      // Layer 2 is inactive everywhere: non-positive weights on non-negative inputs, bias -1.
      for (int i = 0; i < 6; ++i)
        net->params[l2.w + i] = -0.5f;
      net->params[l2.b] = net->params[l2.b + 1] = -1.0f;
    }
    Evaluator e1(relu, k), e2(leaky, k);
    const Evaluation r = e1(relu, data_1d(grid_x()));
    const Evaluation l = e2(leaky, data_1d(grid_x()));
    CHECK(r.layers[0].inactive == 0);
    CHECK(r.layers[1].dead == 2);
    CHECK(r.collapsed);
    CHECK(l.layers[1].inactive == 2);
    CHECK(l.layers[1].dormant == 2);
    CHECK_FALSE(l.collapsed);

    // One dead unit of three is not a collapse.
    const Network partly = four_units(Kind::relu);
    Evaluator e3(partly, k);
    CHECK_FALSE(e3(partly, data_1d(grid_x())).collapsed);
  }
}

TEST_CASE("born dead at the first evaluation; revivals counted per unit across evaluations") {
  for (Kernels k : kBothKernels) {
    Network net = network({hidden_layer(2, Kind::relu)});
    set_unit(net, 0, 0, 1.0f, -200.0f); // inactive at first
    set_unit(net, 0, 1, 1.0f, 0.0f);    // active at first
    const LayerView& l = net.layers[0];
    const Dataset data = data_1d(grid_x());
    Evaluator eval(net, k);

    LayerStats s = eval(net, data).layers[0];
    CHECK(s.born_dead == std::vector<std::uint8_t>{1, 0});
    CHECK(s.born_dead_count == 1);
    CHECK(s.revived_now == 0);

    net.params[l.b] = 0.0f;        // unit 0 becomes active: a revival
    net.params[l.b + 1] = -200.0f; // unit 1 dies: not born dead
    s = eval(net, data).layers[0];
    CHECK(s.revived == std::vector<std::uint8_t>{1, 0});
    CHECK(s.revived_now == 1);
    CHECK(s.revivals == std::vector<std::int32_t>{1, 0});
    CHECK(s.born_dead == std::vector<std::uint8_t>{1, 0});
    CHECK(s.dead == 1);

    s = eval(net, data).layers[0]; // nothing changed: no new revival, the count stays
    CHECK(s.revived_now == 0);
    CHECK(s.revivals == std::vector<std::int32_t>{1, 0});

    net.params[l.b + 1] = 0.0f; // unit 1 comes back
    net.params[l.b] = -200.0f;  // unit 0 dies again
    s = eval(net, data).layers[0];
    CHECK(s.revivals == std::vector<std::int32_t>{1, 1});
    net.params[l.b] = 0.0f; // unit 0 revives a second time
    s = eval(net, data).layers[0];
    CHECK(s.revivals == std::vector<std::int32_t>{2, 1});
    CHECK(s.revived == std::vector<std::uint8_t>{1, 0});
    CHECK(s.born_dead_count == 1);
  }
}

TEST_CASE("histograms: every (sample, unit) pair counted once; out-of-range values in end bins") {
  for (Kernels k : kBothKernels) {
    const Network net = four_units(Kind::leaky_relu, 0.2f);
    Evaluator eval(net, k, 37); // chunks that do not divide 200
    const LayerStats s = eval(net, data_1d(grid_x())).layers[0];
    const int bins = eval.options.histogram_bins;
    REQUIRE(s.histogram.size() == static_cast<std::size_t>(bins));
    REQUIRE(s.unit_histogram.size() == static_cast<std::size_t>(bins) * 4);
    CHECK(std::accumulate(s.histogram.begin(), s.histogram.end(), 0u) == kRows * 4);
    for (int u = 0; u < 4; ++u) {
      const auto* h = s.unit_histogram.data() + u * bins;
      CHECK(std::accumulate(h, h + bins, 0u) == kRows);
    }
    CHECK(s.unit_histogram[0 * bins + 0] == kRows);  // unit 0: z <= -100.5, the first bin
    CHECK(s.unit_histogram[3 * bins + 10] == kRows); // unit 3: z = 0, bin (0 + 5) / 10 * 20
    // Unit 2, z = x: bin (x + 5) / 10 * 20 = 2x + 10 for |x| < 5, so x = -4.5, -3.5, ..., 4.5
    // land one each in the odd bins 1, 3, ..., 19; x <= -5.5 (95 values) in bin 0 and
    // x >= 5.5 (95 values) in bin 19.
    const auto* h2 = s.unit_histogram.data() + 2 * bins;
    CHECK(h2[0] == 95);
    CHECK(h2[1] == 1);
    CHECK(h2[10] == 0);
    CHECK(h2[11] == 1); // x = 0.5
    CHECK(h2[19] == 96);
    for (std::uint32_t c : s.histogram)
      CHECK(c <= kRows * 4);
  }
}

TEST_CASE("mean |gradient| and weight norm on a tiny network, by hand") {
  // 1 -> 2 relu -> 1, mse. W1 = [3, -4], b1 = 0, W2 = [0.5, 0.25], b2 = 0.
  // x = 1:  z = [3, -4], a = [3, 0], y = 1.5;   x = -1: z = [-3, 4], a = [0, 4], y = 1.
  // Targets 0: L = (1.5^2 + 1^2) / 2 = 1.625.  dL/dy = 2 y / 2 = [1.5, 1].
  // dL/dz = dL/dy * W2 * relu'(z): x = 1: [0.75, 0];  x = -1: [0, 0.25].
  // dL/dW1 = sum x dL/dz = [0.75, -0.25]: mean |.| = 0.5.  |W1| = sqrt(9 + 16) = 5.
  // Test set: x = 2, target 1: a = [6, 0], y = 3, loss (3 - 1)^2 = 4.
  for (Kernels k : kBothKernels)
    for (std::size_t capacity : {1, 2, 8}) { // chunked or not, the full-batch gradient
      Network net = network({hidden_layer(2, Kind::relu)});
      set_unit(net, 0, 0, 3.0f, 0.0f);
      set_unit(net, 0, 1, -4.0f, 0.0f);
      const LayerView& o = net.layers[1];
      net.params[o.w] = 0.5f;
      net.params[o.w + 1] = 0.25f;
      Evaluator eval(net, k, capacity);
      const Evaluation ev =
          eval(net, data_1d({1.0f, -1.0f}, {2.0f}, Task::regression, {0.0f, 0.0f}, {1.0f}));
      CAPTURE(capacity);
      CHECK(ev.train_loss == doctest::Approx(1.625));
      CHECK(ev.test_loss == doctest::Approx(4.0));
      CHECK(ev.layers[0].mean_abs_grad == doctest::Approx(0.5));
      CHECK(ev.layers[0].weight_norm == doctest::Approx(5.0));
      CHECK_FALSE(ev.train_accuracy.has_value()); // regression
      CHECK_FALSE(ev.test_accuracy.has_value());
    }
}

TEST_CASE("accuracy: bce thresholds the logit at 0, softmax_ce takes the arg max") {
  for (Kernels k : kBothKernels) {
    // logit = relu(x) - 0.5.  Train x = -1, 0.25, 1, 2 with labels 0, 0, 1, 0:
    // logits -0.5, -0.25, 0.5, 1.5 -> 0, 0, 1, 1: 3 of 4 right.  Test x = 3, label 1: right.
    Network bce = network({hidden_layer(1, Kind::relu)}, Loss::bce);
    set_unit(bce, 0, 0, 1.0f, 0.0f);
    bce.params[bce.layers[1].b] = -0.5f;
    Evaluator e1(bce, k);
    const Evaluation ev = e1(bce, data_1d({-1.0f, 0.25f, 1.0f, 2.0f}, {3.0f},
                                          Task::binary_classification, {0, 0, 1, 0}, {1}));
    REQUIRE(ev.train_accuracy.has_value());
    CHECK(*ev.train_accuracy == 0.75);
    CHECK(*ev.test_accuracy == 1.0);

    // Three logits [a, -a, 0.5] with a = relu(x): x = 2 -> class 0; x = -1 -> [0, 0, 0.5],
    // class 2; x = 0.25 -> class 2. Labels 0, 2, 1: 2 of 3 right.
    Network soft = network({hidden_layer(1, Kind::relu)}, Loss::softmax_ce, 3);
    set_unit(soft, 0, 0, 1.0f, 0.0f);
    const LayerView& o = soft.layers[1];
    soft.params[o.w + 1] = -1.0f;
    soft.params[o.w + 2] = 0.0f;
    soft.params[o.b + 2] = 0.5f;
    Dataset d = data_1d({2.0f, -1.0f, 0.25f}, {2.0f}, Task::binary_classification, {0, 2, 1}, {1});
    d.classes = 3;
    Evaluator e2(soft, k);
    const Evaluation es = e2(soft, d);
    CHECK(*es.train_accuracy == doctest::Approx(2.0 / 3.0));
    CHECK(*es.test_accuracy == 0.0);
  }
}

TEST_CASE("the JSON line carries the counts, fractions and per-unit states") {
  const Network net = four_units(Kind::relu);
  Evaluator eval(net, Kernels::scalar);
  const Evaluation ev = eval(net, data_1d(grid_x()));
  Problems problems;
  auto doc = parse_json(evaluation_to_json(ev, net), problems);
  REQUIRE(doc);
  const Json& layer = (*doc)["layers"][0];
  CHECK(layer["activation"] == "relu");
  CHECK(layer["dead"] == 2);
  CHECK(layer["near_dead"] == 3);
  CHECK(layer["dead_fraction"] == 0.5);
  CHECK(layer["sparsity_kind"] == "zeros");
  CHECK(layer["state"] == Json::array({"dead", "near_dead", "active", "dead"}));
  CHECK((*doc)["dead_fraction"] == 0.5);
  CHECK((*doc)["collapsed"] == false);
  // tau-dormant (0.1): units 0, 1 and 3 score 0, 4e-4 and 0.
  CHECK((*doc)["dormant_tau"] == doctest::Approx(0.1));
  CHECK((*doc)["tau_dormant_fraction"] == 0.75);
  CHECK(layer["tau_dormant"] == 3);
  CHECK(layer["tau_dormant_fraction"] == 0.75);
  CHECK(layer["tau_dormant_units"] == Json::array({1, 1, 0, 1}));
  REQUIRE(layer["dormant_score"].size() == 4);
  CHECK(layer["dormant_score"][2].get<double>() == doctest::Approx(4 * 5000.0 / 5000.5));
  CHECK(std::string(layer["histogram"].dump()).size() > 2);
  const UnitTotals t = unit_totals(ev);
  CHECK(t.units == 4);
  CHECK(t.dead == 2);
  CHECK(t.born_dead == 2);
  CHECK(t.tau_dormant == 3);
}

TEST_CASE("zero biases, one hidden layer, 1-D inputs spanning zero: no network is born collapsed") {
  // z = w x with x of both signs: every unit with w != 0 is active on one side of zero, so
  // no unit is inactive, let alone a whole layer.
  int networks = 0;
  for (const char* kind : {"sine", "line"})
    for (int units : {1, 2, 3, 8})
      for (std::uint64_t seed = 1; seed <= 60; ++seed) {
        const std::string text = std::string("{\"version\":1,\"seed\":") + std::to_string(seed) +
                                 ",\"data\":{\"kind\":\"" + kind +
                                 "\",\"points\":60},\"network\":{\"activation\":\"relu\","
                                 "\"hidden\":[" +
                                 std::to_string(units) +
                                 "]},\"init\":{\"weights\":\"he_normal\",\"bias\":\"zero\"}}";
        ConfigResult parsed = parse_config(text);
        REQUIRE(parsed.ok());
        TrainerResult made =
            make_trainer(parsed.config, make_dataset(parsed.config.data.spec), best_kernels());
        REQUIRE(made.trainer);
        const Evaluation ev = evaluate(*made.trainer);
        CAPTURE(kind);
        CAPTURE(units);
        CAPTURE(seed);
        CHECK_FALSE(ev.collapsed);
        CHECK(ev.layers[0].inactive == 0);
        CHECK(ev.layers[0].born_dead_count == 0);
        ++networks;
      }
  CHECK(networks == 480);
}

TEST_CASE("histograms: huge and infinite pre-activations go to the end bins") {
  // bin_of computes t = (z + range) / (2 range) * bins; for z beyond ~1e9 t exceeds INT_MAX,
  // so a cast to int before clamping would be undefined (INT_MIN on x86: an index far out
  // of the buffer). Diverging runs reach such values.
  for (Kernels k : kBothKernels) {
    Network net = network({hidden_layer(3, Kind::leaky_relu, 0.1f)});
    set_unit(net, 0, 0, 1e30f, 0.0f);  // z = +-1e30 .. 1e32
    set_unit(net, 0, 1, -1e36f, 0.0f); // z = -+1e36 .. 1e38
    set_unit(net, 0, 2, 3e38f, 0.0f);  // z = +-inf for |x| >= 1.5, finite at x = +-0.5
    Evaluator eval(net, k);
    const LayerStats s = eval(net, data_1d(grid_x())).layers[0];
    const int bins = eval.options.histogram_bins;
    CHECK(std::accumulate(s.histogram.begin(), s.histogram.end(), 0u) == kRows * 3);
    for (int u = 0; u < 3; ++u) {
      const auto* h = s.unit_histogram.data() + u * bins;
      CAPTURE(u);
      CHECK(h[0] == kRows / 2);
      CHECK(h[bins - 1] == kRows / 2);
    }
    CHECK(s.rate == std::vector<float>{0.5f, 0.5f, 0.5f});
  }
}

TEST_CASE("dormant score (ReDo): mean |f(z)| over the layer's mean, by hand; relu and leaky") {
  // relu, four_units over x = -99.5 .. 99.5: sums of |a| are 0; 0.5 (z = 0.5 at x = 99.5);
  // 0.5 + 1.5 + ... + 99.5 = 5000; 0. Layer total 5000.5, score = 4 sum / 5000.5.
  for (Kernels k : kBothKernels) {
    const Network relu = four_units(Kind::relu);
    Evaluator eval(relu, k, 37);
    const Evaluation ev = eval(relu, data_1d(grid_x()));
    const LayerStats& s = ev.layers[0];
    CHECK(ev.dormant_tau == 0.1f);
    REQUIRE(s.dormant_score.size() == 4);
    CHECK(s.dormant_score[0] == 0.0f);
    CHECK(s.dormant_score[1] == doctest::Approx(4 * 0.5 / 5000.5));
    CHECK(s.dormant_score[2] == doctest::Approx(4 * 5000.0 / 5000.5));
    CHECK(s.dormant_score[3] == 0.0f);
    // Near-dead unit 1 is tau-dormant at 0.1, though not inactive.
    CHECK(s.tau_dormant == std::vector<std::uint8_t>{1, 1, 0, 1});
    CHECK(s.tau_dormant_count == 3);
    CHECK(s.inactive == 2);

    // leaky 0.1: the negative side counts. Unit 0: 0.1 * sum(x + 200) = 4000; unit 1:
    // 0.5 + 0.1 * sum over x <= 98.5 of (99 - x) = 0.5 + 1980.05; unit 2: 5000 + 0.1 * 5000;
    // unit 3: 0. The inactive unit 0 scores above the mean: not tau-dormant, only unit 3 is.
    const Network leaky = four_units(Kind::leaky_relu, 0.1f);
    Evaluator eval2(leaky, k, 64);
    const LayerStats t = eval2(leaky, data_1d(grid_x())).layers[0];
    const double sums[] = {4000.0, 1980.55, 5500.0, 0.0};
    const double total = sums[0] + sums[1] + sums[2];
    for (int u = 0; u < 4; ++u) {
      CAPTURE(u);
      CHECK(t.dormant_score[u] == doctest::Approx(4 * sums[u] / total).epsilon(1e-5));
    }
    CHECK(t.inactive == 2);
    CHECK(t.tau_dormant == std::vector<std::uint8_t>{0, 0, 0, 1});
  }
}

TEST_CASE("tau: 0 is exact inactivity of the output; a layer of zeros scores 0, every unit") {
  // Layer 2 is fed by a dead layer with zero biases: every output is exactly 0, so the
  // layer's mean is 0 and each unit's score is 0 by definition (not 0/0).
  for (float tau : {0.0f, 0.1f, 1.0f}) {
    Network net = network({hidden_layer(2, Kind::relu), hidden_layer(3, Kind::leaky_relu, 0.2f)});
    set_unit(net, 0, 0, -1.0f, -200.0f);
    set_unit(net, 0, 1, 1.0f, -200.0f);
    for (int i = 0; i < 6; ++i)
      net.params[net.layers[1].w + i] = 0.5f;
    Evaluator eval(net, Kernels::scalar);
    eval.options.dormant_tau = tau;
    const Evaluation ev = eval(net, data_1d(grid_x()));
    CAPTURE(tau);
    CHECK(ev.dormant_tau == tau);
    CHECK(ev.layers[0].dormant_score == std::vector<float>{0.0f, 0.0f});
    CHECK(ev.layers[1].dormant_score == std::vector<float>{0.0f, 0.0f, 0.0f});
    CHECK(ev.layers[0].tau_dormant_count == 2);
    CHECK(ev.layers[1].tau_dormant_count == 3);
  }
  // tau = 0 on four_units: exactly the units whose output is 0 on every sample (0 and 3),
  // not the near-dead one.
  const Network net = four_units(Kind::relu);
  Evaluator eval(net, Kernels::simd);
  eval.options.dormant_tau = 0.0f;
  CHECK(eval(net, data_1d(grid_x())).layers[0].tau_dormant ==
        std::vector<std::uint8_t>{1, 0, 0, 1});
  // tau = 1: at most the layer's mean; unit 2 carries almost all of it.
  eval.options.dormant_tau = 1.0f;
  CHECK(eval(net, data_1d(grid_x())).layers[0].tau_dormant_count == 3);
}

TEST_CASE("training.dormant_tau: in the config and the catalog, and it reaches evaluations") {
  // Out of range is one problem.
  Problems problems;
  ConfigResult parsed = parse_config(
      R"({"version":1,"data":{"kind":"line","points":40},"training":{"dormant_tau":0}})");
  REQUIRE(parsed.ok());
  CHECK(parsed.config.training.dormant_tau == 0.0f);
  CHECK(config_to_json(parsed.config).find("\"dormant_tau\":0") != std::string::npos);
  TrainerResult made =
      make_trainer(parsed.config, make_dataset(parsed.config.data.spec), Kernels::scalar);
  REQUIRE(made.trainer);
  CHECK(evaluate(*made.trainer).dormant_tau == 0.0f);
  CHECK(default_config().training.dormant_tau == 0.1f);
  for (const char* bad : {"-0.1", "1.5", "\"x\""}) {
    ConfigResult r =
        parse_config(std::string(R"({"version":1,"training":{"dormant_tau":)") + bad + "}}");
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].field == "training.dormant_tau");
  }
  auto catalog = parse_json(catalog_to_json(), problems);
  REQUIRE(catalog);
  CHECK((*catalog)["fields"]["training.dormant_tau"]["text"] == "a number within [0, 1]");
}
