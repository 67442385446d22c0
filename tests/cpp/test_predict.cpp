// The heatmap/curve predictions and the settings a user changes while a run trains.
#include "activation_math.hpp"
#include "config_json.hpp"
#include "json_read.hpp"
#include "live_settings.hpp"
#include "predict.hpp"
#include "test_support.hpp"
#include "trainer.hpp"
#include "unit_map_json.hpp"

#include <doctest/doctest.h>

#include <cmath>

using namespace leaky;

namespace {

std::unique_ptr<Trainer> trainer(const char* kind, const char* activation, int steps) {
  ConfigResult c = parse_config(std::string(R"({"version":1,"seed":4,"data":{"kind":")") + kind +
                                R"(","points":200},"network":{"activation":")" + activation +
                                R"(","hidden":[6,5]},"training":{"batch_size":10}})");
  REQUIRE(c.ok());
  TrainerResult made = make_trainer(c.config, make_dataset(c.config.data.spec), best_kernels());
  REQUIRE(made.trainer);
  train(*made.trainer, steps);
  return std::move(made.trainer);
}

} // namespace

TEST_CASE("grid: cell centres over the data's domain, row 0 at the top") {
  auto t = trainer("circle", "leaky_relu", 0);
  Grid g = make_grid(t->data, 4, 2);
  REQUIRE(g.values.size() == 8);
  // Domain [-6, 6]^2: x centres -4.5, -1.5, 1.5, 4.5; y centres 3 (top row), -3.
  CHECK(g.inputs[0] == -4.5f);
  CHECK(g.inputs[1] == 3.0f);
  CHECK(g.inputs[3 * 2] == 4.5f);
  CHECK(g.inputs[(4 + 0) * 2 + 1] == -3.0f);

  auto line = trainer("sine", "tanh", 0);
  Grid c = make_grid(line->data, 5, 99);
  CHECK(c.height == 1);
  REQUIRE(c.inputs.size() == 5);
  CHECK(c.inputs.front() == line->data.domain_min[0]);
  CHECK(c.inputs.back() == line->data.domain_max[0]);
}

TEST_CASE("bce heatmap values are sigmoid(logit), once: probabilities over the whole [0, 1]") {
  auto t = trainer("circle", "leaky_relu", 3000);
  Grid g = make_grid(t->data, 32, 32);
  Workspace ws = make_workspace(t->net, 100); // several chunks
  std::vector<float> scratch;
  predict_grid(t->net, t->config.data.spec.features, t->data.base_inputs, g, ws, best_kernels(),
               scratch);
  Workspace one = make_workspace(t->net, 1);
  float lo = 1.0f, hi = 0.0f;
  for (std::size_t i = 0; i < g.values.size(); ++i) {
    const float logit = forward(t->net, g.inputs.data() + i * 2, 1, one, best_kernels())[0];
    const double p = 1.0 / (1.0 + std::exp(-static_cast<double>(logit)));
    CHECK(g.values[i] == doctest::Approx(p).epsilon(1e-5));
    lo = std::min(lo, g.values[i]);
    hi = std::max(hi, g.values[i]);
  }
  // A trained circle classifier is sure of both classes somewhere on the grid.
  CHECK(lo < 0.1f);
  CHECK(hi > 0.9f);
}

TEST_CASE("mse curve values are the predictions; features are expanded as in training") {
  ConfigResult c = parse_config(R"({"version":1,"data":{"kind":"sine","points":100,
      "features":{"x_squared":true,"sin":true}},"network":{"hidden":[4]}})");
  REQUIRE(c.ok());
  TrainerResult made = make_trainer(c.config, make_dataset(c.config.data.spec), best_kernels());
  REQUIRE(made.trainer);
  Trainer& t = *made.trainer;
  REQUIRE(t.net.spec.inputs == 3);
  Grid g = make_grid(t.data, 7, 1);
  Workspace ws = make_workspace(t.net, 8);
  std::vector<float> scratch;
  predict_grid(t.net, t.config.data.spec.features, 1, g, ws, best_kernels(), scratch);
  for (int i = 0; i < 7; ++i) {
    const float x = g.inputs[i];
    const float row[3] = {x, x * x, scratch[i * 3 + 2]}; // sin(x) as the core computes it
    CHECK(scratch[i * 3 + 1] == x * x);
    Workspace one = make_workspace(t.net, 1);
    CHECK(g.values[i] == forward(t.net, row, 1, one, best_kernels())[0]);
  }
}

TEST_CASE("live alpha: changes every alpha layer and the PReLU slopes, keeps the weights") {
  auto t = trainer("xor", "leaky_relu", 50);
  const std::vector<float> before = t->net.params;
  CHECK(set_alpha(*t, 0.3).empty());
  CHECK(t->net.layers[0].act.alpha == 0.3f);
  CHECK(t->net.layers[1].act.alpha == 0.3f);
  CHECK(t->config.hidden[1].act.alpha == 0.3f);
  CHECK(t->net.params == before); // leaky has no learned slope: weights untouched

  auto p = trainer("xor", "prelu", 50);
  CHECK(set_alpha(*p, 0.05).empty());
  const LayerView& l = p->net.layers[0];
  REQUIRE(l.alpha_count == 1);
  CHECK(p->net.params[l.alpha] == 0.05f);

  Problems bad = set_alpha(*t, NAN);
  REQUIRE(bad.size() == 1);
  CHECK(bad[0].field == "alpha");
  CHECK(t->net.layers[0].act.alpha == 0.3f); // unchanged after a refusal

  auto r = trainer("xor", "relu", 0);
  Problems none = set_alpha(*r, 0.1);
  REQUIRE(none.size() == 1);
  CHECK(none[0].message.find("no hidden layer") != std::string::npos);
}

TEST_CASE("live learning rate: validated, applied to the next steps") {
  auto t = trainer("xor", "leaky_relu", 0);
  CHECK(set_learning_rate(*t, 0.5).empty());
  CHECK(t->config.optimizer.lr == 0.5f);
  for (double bad : {0.0, -1.0, 11.0, double(NAN), double(INFINITY)}) {
    Problems p = set_learning_rate(*t, bad);
    REQUIRE(p.size() == 1);
    CHECK(p[0].field == "optimizer.lr");
  }
  CHECK(t->config.optimizer.lr == 0.5f);
}

namespace {

// Checks every cell of a unit map against a one-point forward pass of that cell's expanded
// inputs (as unit_maps left them in scratch), bit for bit, and returns the cells checked.
std::size_t check_unit_maps_against_points(const Trainer& t, int width, int height,
                                           std::size_t capacity) {
  const Grid g = make_grid(t.data, width, height);
  Workspace ws = make_workspace(t.net, capacity); // chunks that do not divide the grid
  std::vector<float> scratch, out;
  unit_maps(t.net, t.config.data.spec.features, t.data.base_inputs, g, ws, best_kernels(), scratch,
            out);
  const std::size_t cells = g.values.size();
  const std::size_t inputs = static_cast<std::size_t>(t.net.spec.inputs);
  std::size_t units = 0;
  for (std::size_t i = 0; i < t.net.hidden_count(); ++i)
    units += t.net.layers[i].out;
  REQUIRE(out.size() == units * cells);
  REQUIRE(scratch.size() == cells * inputs);
  Workspace one = make_workspace(t.net, 1);
  for (std::size_t c = 0; c < cells; ++c) {
    forward(t.net, scratch.data() + c * inputs, 1, one, best_kernels());
    std::size_t unit = 0;
    for (std::size_t i = 0; i < t.net.hidden_count(); ++i)
      for (int k = 0; k < t.net.layers[i].out; ++k, ++unit) {
        CAPTURE(c);
        CAPTURE(unit);
        CHECK(test::same_float(out[unit * cells + c], one.z[i][k]));
      }
  }
  return cells;
}

} // namespace

TEST_CASE("unit maps: each hidden unit's z over the grid equals one-point forward passes") {
  // 2-D with every feature (x1, x2, x1^2, x2^2, x1*x2, sin x1, sin x2), and 1-D with x^2 and
  // sin x: the maps see the inputs the network was trained on.
  for (const char* data : {R"("kind":"circle","points":100,"features":{"x_squared":true,
                               "x1x2":true,"sin":true})",
                           R"("kind":"sine","points":100,"features":{"x_squared":true,
                               "sin":true})"}) {
    ConfigResult c = parse_config(std::string(R"({"version":1,"seed":6,"data":{)") + data +
                                  R"(},"network":{"activation":"leaky_relu","hidden":[6,3,5]}})");
    INFO(problems_to_text(c.problems));
    REQUIRE(c.ok());
    TrainerResult made = make_trainer(c.config, make_dataset(c.config.data.spec), best_kernels());
    REQUIRE(made.trainer);
    train(*made.trainer, 20);
    const bool two_d = made.trainer->data.base_inputs == 2;
    CAPTURE(data);
    CHECK(check_unit_maps_against_points(*made.trainer, 9, 7, 5) == (two_d ? 63u : 9u));
    CHECK(check_unit_maps_against_points(*made.trainer, 1, 1, 1) == 1u);
  }
}

TEST_CASE("unit maps: no allocation once sized; sizes out of bounds are named") {
  auto t = trainer("xor", "relu", 0);
  const Grid g = make_grid(t->data, 16, 16);
  Workspace ws = make_workspace(t->net, 64);
  std::vector<float> scratch, out;
  unit_maps(t->net, {}, 2, g, ws, best_kernels(), scratch, out);
  const float* before = out.data();
  const float* scratch_before = scratch.data();
  unit_maps(t->net, {}, 2, g, ws, best_kernels(), scratch, out);
  CHECK(out.data() == before);
  CHECK(scratch.data() == scratch_before);
  CHECK(out.size() == 11u * 256u);

  CHECK(unit_map_problems(t->net, t->data, 64, 64).empty());
  Problems p = unit_map_problems(t->net, t->data, 0, 65);
  REQUIRE(p.size() == 2);
  CHECK(p[0].field == "width");
  CHECK(p[0].message == "must be a whole number within [1, 64]");
  CHECK(p[1].field == "height");
  auto line = trainer("sine", "relu", 0);
  CHECK(unit_map_problems(line->net, line->data, 64, 0).empty()); // 1-D: height unused

  // 16 layers of 1024 units: 16384 units x 400 cells is more than 2^22 values.
  ConfigResult wide = parse_config(R"({"version":1,"data":{"kind":"xor","points":20},
      "network":{"hidden":[1024,1024,1024,1024,1024,1024,1024,1024,1024,1024,1024,1024,1024,
      1024,1024,1024]}})");
  REQUIRE(wide.ok());
  const Dataset d = make_dataset(wide.config.data.spec);
  const Network big = make_network(network_spec(wide.config, d, Loss::bce));
  CHECK(unit_map_problems(big, d, 16, 16).empty());
  p = unit_map_problems(big, d, 20, 20);
  REQUIRE(p.size() == 1);
  CHECK(p[0].field == "cells");

  Problems none;
  auto layout = parse_json(unit_map_layout_json(t->net, t->data, 4, 3), none);
  REQUIRE(layout);
  CHECK((*layout)["cells"] == 12);
  CHECK((*layout)["units"] == 11);
  CHECK((*layout)["layers"][1]["offset"] == 6);
  CHECK((*layout)["layers"][1]["units"] == 5);
  auto refused = parse_json(unit_map_layout_json(t->net, t->data, 100, 3), none);
  REQUIRE(refused);
  CHECK((*refused)["problems"][0]["field"] == "width");
}
