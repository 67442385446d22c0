// Networks at initialization (init_probe.hpp) and the born-dead grid (init_grid.hpp,
// init_grid_json.hpp): a probed seed is exactly make_trainer + evaluate() at step 0 (the
// same weights, the same born-dead and dead units per layer, the same collapse), for many
// seeds, depths, widths, activations and initializers, with fixed data and with data drawn
// per seed; a grid cell is the sum of its seeds; bad requests are reported field by field.
#include "config_json.hpp"
#include "init_grid.hpp"
#include "init_grid_json.hpp"
#include "init_probe.hpp"
#include "json_read.hpp"
#include "stats_json.hpp"
#include "trainer.hpp"

#include "test_checks.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>
#include <vector>

using namespace leaky;

namespace {

using test::config_from;

// depth x [width] hidden layers of `activation`, on `data` (a JSON object's members).
std::string cell_config(int depth, int width, const std::string& activation,
                        const std::string& init, const std::string& data) {
  std::string hidden;
  for (int i = 0; i < depth; ++i)
    hidden += (i ? "," : "") + std::to_string(width);
  return R"({"version":1,"seed":1,"data":{)" + data + R"(},"network":{"activation":)" + activation +
         R"(,"hidden":[)" + hidden + R"(]},"init":)" + init + "}";
}

// What sweep's run_one builds for seed s: config.seed = s, data from s unless fixed.
Evaluation step_zero(RunConfig config, std::uint64_t seed, std::vector<float>& params) {
  config.seed = seed;
  config.data.spec.seed = config.data.seed.value_or(seed);
  TrainerResult made = make_trainer(config, make_dataset(config.data.spec), best_kernels());
  REQUIRE(made.trainer);
  params = made.trainer->net.params;
  return evaluate(*made.trainer);
}

} // namespace

TEST_CASE("a probed seed is make_trainer + evaluate() at step 0, bit for bit") {
  const char* const inits[] = {R"({"weights":"he_normal"})", R"({"weights":"rai"})",
                               R"({"weights":"xavier_uniform","bias":"pytorch"})"};
  const char* const activations[] = {R"("relu")", R"("leaky_relu","alpha":0)",
                                     R"("leaky_relu","alpha":0.01)", R"("tanh")"};
  const char* const datas[] = {
      R"("kind":"abs","points":40,"seed":3,"input_min":-1,"input_max":1)", // fixed, 1-D
      R"("kind":"spiral","points":30)",                                    // per seed, 2-D
      R"("kind":"xor","points":1300,"seed":9)", // train rows above one chunk (512)
  };
  const int shapes[][2] = {{1, 2}, {3, 5}, {10, 2}, {20, 3}, {32, 2}};
  int compared = 0, collapsed = 0;
  for (const char* init : inits)
    for (const char* act : activations)
      for (const char* data : datas)
        for (const auto& shape : shapes) {
          if (std::string(data).find("1300") != std::string::npos && shape[0] > 3) continue;
          const RunConfig config = config_from(cell_config(shape[0], shape[1], act, init, data));
          InitProbeMade made = make_init_probe(config, best_kernels());
          INFO(problems_to_text(made.problems));
          REQUIRE(made.probe);
          for (std::uint64_t seed = 1; seed <= 12; ++seed) {
            CAPTURE(init);
            CAPTURE(act);
            CAPTURE(data);
            CAPTURE(shape[0]);
            CAPTURE(shape[1]);
            CAPTURE(seed);
            std::vector<float> params;
            const Evaluation ev = step_zero(config, seed, params);
            const InitProbeResult& r = probe_seed(*made.probe, seed);
            REQUIRE(params.size() == made.probe->net.params.size());
            CHECK(std::memcmp(params.data(), made.probe->net.params.data(),
                              params.size() * sizeof(float)) == 0);
            REQUIRE(r.born_dead_per_layer.size() == ev.layers.size());
            for (std::size_t i = 0; i < ev.layers.size(); ++i) {
              CHECK(r.born_dead_per_layer[i] == ev.layers[i].born_dead_count);
              CHECK(r.dead_per_layer[i] == ev.layers[i].dead);
            }
            const UnitTotals t = unit_totals(ev);
            CHECK(r.collapsed == ev.collapsed);
            CHECK(r.units == t.units);
            CHECK(r.dead_fraction() == t.dead_fraction());
            CHECK(r.born_dead_fraction() == t.born_dead_fraction());
            ++compared;
            collapsed += r.collapsed;
          }
        }
  CHECK(compared > 1000);
  CHECK(collapsed > 20); // deep, narrow relu networks: the comparison covers collapses
}

TEST_CASE("probing reuses its buffers; a seed's result does not depend on the seeds before") {
  const RunConfig config = config_from(
      cell_config(12, 3, R"("relu")", R"({"weights":"he_normal"})", R"("kind":"sine","seed":4)"));
  InitProbeMade made = make_init_probe(config, Kernels::scalar);
  REQUIRE(made.probe);
  InitProbe& p = *made.probe;
  std::vector<InitProbeResult> forward_order;
  for (std::uint64_t s = 100; s < 140; ++s)
    forward_order.push_back(probe_seed(p, s));
  const float* params = p.net.params.data();
  const float* z = p.ws.z[0].data();
  const std::uint32_t* positive = p.positive.data();
  for (std::uint64_t s = 140; s-- > 100;) {
    const InitProbeResult r = probe_seed(p, s);
    CHECK(r.born_dead_per_layer == forward_order[s - 100].born_dead_per_layer);
    CHECK(r.collapsed == forward_order[s - 100].collapsed);
  }
  CHECK(p.net.params.data() == params); // nothing was reallocated
  CHECK(p.ws.z[0].data() == z);
  CHECK(p.positive.data() == positive);
}

TEST_CASE("zero biases, 1-D data: the input interval does not change who is born dead") {
  // With zero biases a ReLU network is positively homogeneous, z(x) = |x| z(sign x): a unit
  // is inactive on data of both signs exactly when z(1) <= 0 and z(-1) <= 0, however wide the
  // interval. So [-1, 1] (Lu et al.'s kind of setting) and our default [-6, 6] agree.
  const auto at = [](const char* range) {
    return config_from(cell_config(10, 2, R"("relu")", R"({"weights":"he_normal"})",
                                   std::string(R"("kind":"abs","points":100,"seed":8,)") + range));
  };
  InitProbeMade narrow = make_init_probe(at(R"("input_min":-1,"input_max":1)"), best_kernels());
  InitProbeMade wide = make_init_probe(at(R"("input_min":-6,"input_max":6)"), best_kernels());
  REQUIRE(narrow.probe);
  REQUIRE(wide.probe);
  int collapsed = 0;
  for (std::uint64_t s = 1; s <= 300; ++s) {
    const InitProbeResult a = probe_seed(*narrow.probe, s);
    const InitProbeResult& b = probe_seed(*wide.probe, s);
    CAPTURE(s);
    CHECK(a.collapsed == b.collapsed);
    CHECK(a.born_dead_per_layer == b.born_dead_per_layer);
    collapsed += a.collapsed;
  }
  CHECK(collapsed > 30); // depth 10, width 2: collapse is common
}

TEST_CASE("the grid: each cell sums its seeds' probes, cells depth-major") {
  InitGridSpec spec;
  spec.config = config_from(cell_config(1, 1, R"("relu")", R"({"weights":"he_normal"})",
                                        R"("kind":"abs","points":50,"seed":2)"));
  spec.config.seed = 40;
  spec.depths = {2, 8};
  spec.widths = {2, 5};
  spec.seeds = 25;
  const InitGridResult grid = run_init_grid(spec, best_kernels());
  INFO(problems_to_text(grid.problems));
  REQUIRE(grid.cells.size() == 4);
  std::size_t i = 0;
  for (int depth : spec.depths)
    for (int width : spec.widths) {
      const InitGridCell& c = grid.cells[i++];
      CHECK(c.depth == depth);
      CHECK(c.width == width);
      RunConfig config = spec.config;
      HiddenLayerSpec layer = config.hidden.front(); // a copy: assign() may free the original
      layer.units = width;
      config.hidden.assign(static_cast<std::size_t>(depth), layer);
      InitProbeMade made = make_init_probe(config, best_kernels());
      REQUIRE(made.probe);
      int collapsed = 0;
      std::int64_t born_dead = 0, dead = 0;
      for (int s = 0; s < spec.seeds; ++s) {
        const InitProbeResult& r = probe_seed(*made.probe, 40 + s);
        collapsed += r.collapsed;
        born_dead += r.born_dead;
        dead += r.dead;
      }
      CHECK(c.networks == 25);
      CHECK(c.collapsed == collapsed);
      CHECK(c.born_dead == born_dead);
      CHECK(c.dead == dead);
      CHECK(c.units == 25 * depth * width);
    }
  CHECK(grid.cells[2].collapsed > grid.cells[1].collapsed); // depth 8 x 2 dies more than 2 x 5
}

TEST_CASE("the grid's JSON: a result, or every problem of the request at once") {
  Problems problems;
  const std::string ok = init_grid_json(
      R"({"config":{"version":1,"seed":3,"data":{"kind":"abs","points":20,"seed":1},
          "network":{"activation":"relu"},"init":{"weights":"rai"}},
          "depths":[2,4],"widths":[3],"seeds":10})",
      best_kernels());
  auto doc = parse_json(ok, problems);
  REQUIRE(doc);
  INFO(ok);
  CHECK((*doc)["first_seed"] == 3);
  CHECK((*doc)["seeds"] == 10);
  CHECK((*doc)["weights"] == "rai");
  REQUIRE((*doc)["cells"].size() == 2);
  CHECK((*doc)["cells"][1]["depth"] == 4);
  CHECK((*doc)["cells"][1]["width"] == 3);
  CHECK((*doc)["cells"][1]["networks"] == 10);
  CHECK((*doc)["cells"][1]["units"] == 120);

  const auto fields_of = [&](const std::string& request) {
    auto d = parse_json(init_grid_json(request, best_kernels()), problems);
    REQUIRE(d);
    std::vector<std::string> out;
    for (const Json& p : (*d)["problems"])
      out.push_back(p["field"].get<std::string>());
    return out;
  };
  CHECK(fields_of(R"({"depths":[2],"widths":[2]})") == std::vector<std::string>{"config"});
  CHECK(
      fields_of(R"({"config":{"version":1,"optimizer":{"lr":0}},"depths":[2.5,"x"],
                      "widths":[2],"seeds":0,"extra":1})") ==
      std::vector<std::string>{"config.optimizer.lr", "depths[0]", "depths[1]", "extra", "seeds"});
  CHECK(fields_of(R"({"config":{"version":1},"depths":[0,33],"widths":[],"seeds":5})") ==
        std::vector<std::string>{"depths[0]", "depths[1]", "widths"});
  CHECK(fields_of(R"({"config":{"version":1,"data":{"points":100000}},"depths":[32],
                      "widths":[1024],"seeds":100000})") == std::vector<std::string>{"work"});
  CHECK(fields_of(R"({"config":{"version":1},"depths":[0],"widths":[2],"seeds":0})") ==
        std::vector<std::string>{"depths[0]", "seeds"});
  CHECK(fields_of("[1]").size() == 1);
  CHECK(fields_of("{").size() == 1);
}

TEST_CASE("collapse at birth within the closed-form bounds where they apply, and only there") {
  // p = 1 - (1 - 2^-w)^d; P(collapsed) in [2p - 1, p]. 4000 networks per cell: the measured
  // fraction's standard error is at most 0.008; the bounds are allowed 4 of them.
  InitGridSpec spec;
  spec.config = config_from(cell_config(1, 1, R"("relu")", R"({"weights":"he_normal"})",
                                        R"("kind":"abs","points":40,"seed":2,"input_min":-1,
                                            "input_max":1)"));
  REQUIRE(collapse_bounds_apply(spec.config));
  spec.depths = {2, 6, 14};
  spec.widths = {2, 3, 6};
  spec.seeds = 4000;
  const InitGridResult grid = run_init_grid(spec, best_kernels());
  REQUIRE(grid.cells.size() == 9);
  for (const InitGridCell& c : grid.cells) {
    REQUIRE(c.bounds);
    const CollapseBounds b = collapse_bounds(c.depth, c.width);
    CHECK(c.bounds->low == b.low);
    CHECK(c.bounds->high == b.high);
    const double measured = static_cast<double>(c.collapsed) / c.networks;
    const double se = std::sqrt(std::max(b.high * (1 - b.high), 1e-4) / c.networks);
    CAPTURE(c.depth);
    CAPTURE(c.width);
    CAPTURE(measured);
    CHECK(measured >= b.low - 4 * se);
    CHECK(measured <= b.high + 4 * se);
  }
  // Depth 2, width 2: p = 1 - 0.75^2 = 0.4375.
  CHECK(collapse_bounds(2, 2).high == doctest::Approx(0.4375));
  CHECK(collapse_bounds(2, 2).low == 0.0);
  CHECK(collapse_bounds(20, 2).low == doctest::Approx(1 - 2 * std::pow(0.75, 20)));

  // Not where the argument fails: biases, rai, leaky slopes, 2-D inputs, features.
  const auto applies = [&](const char* act, const char* init, const char* data) {
    return collapse_bounds_apply(config_from(cell_config(2, 2, act, init, data)));
  };
  const char* line = R"("kind":"abs","points":40)";
  CHECK(applies(R"("leaky_relu","alpha":0)", R"({"weights":"xavier_uniform"})", line));
  CHECK_FALSE(applies(R"("relu")", R"({"weights":"he_normal","bias":"pytorch"})", line));
  CHECK_FALSE(applies(R"("relu")", R"({"weights":"rai"})", line));
  CHECK_FALSE(applies(R"("leaky_relu","alpha":0.01)", R"({"weights":"he_normal"})", line));
  CHECK_FALSE(applies(R"("relu")", R"({"weights":"he_normal"})", R"("kind":"xor")"));
  CHECK_FALSE(applies(R"("relu")", R"({"weights":"he_normal"})",
                      R"("kind":"abs","input_min":0.5,"input_max":2)"));
  CHECK_FALSE(applies(R"("relu")", R"({"weights":"he_normal"})",
                      R"("kind":"abs","features":{"x_squared":true})"));
}
