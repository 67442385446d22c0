// The config and model schema (config.hpp, model.hpp): the documented example, defaults,
// round trips, and bad documents, whose every problem must be reported at once, each with
// the field's path, the value, and what is allowed.
#include "config_json.hpp"
#include "model_json.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace leaky;

namespace {

// config.hpp's documented example, as JSON (its comments dropped).
const char* const kExample = R"({
  "version": 1,
  "seed": 1,
  "data": { "kind": "spiral", "points": 500, "noise": 0, "train_fraction": 0.5,
            "input_min": -6, "input_max": 6, "seed": 7,
            "features": { "x_squared": false, "x1x2": false, "sin": false },
            "csv": { "task": "binary_classification", "target_column": -1, "header": true } },
  "network": { "activation": "leaky_relu", "alpha": 0.01,
               "hidden": [ 8, { "units": 8, "activation": "prelu", "alpha": 0.25,
                                "prelu_per_unit": true },
                          { "units": 4, "activation": "rrelu", "lower": 0.125, "upper": 0.333 } ] },
  "loss": "auto",
  "init": { "weights": "he_normal", "bias": "constant", "bias_value": 0, "gain": "own" },
  "optimizer": { "kind": "momentum", "lr": 0.03, "momentum": 0.9, "nesterov": false },
  "regularization": { "l1": 0, "l2": 0, "prelu_alpha": false },
  "training": { "batch_size": 10, "steps": 1000, "epochs": 0, "shuffle": true,
                "eval_every": 100, "near_dead_threshold": 0.01, "histogram_bins": 20,
                "histogram_range": 5, "target_loss": 0, "dormant_tau": 0.1 }
})";

std::vector<std::string> fields(const Problems& problems) {
  std::vector<std::string> out;
  for (const Problem& p : problems)
    out.push_back(p.field);
  return out;
}

const Problem* find(const Problems& problems, const std::string& field) {
  for (const Problem& p : problems)
    if (p.field == field) return &p;
  return nullptr;
}

int count(const Problems& problems, const std::string& field) {
  return static_cast<int>(std::count_if(problems.begin(), problems.end(),
                                        [&](const Problem& p) { return p.field == field; }));
}

void replace(std::string& s, const std::string& from, const std::string& to) {
  const std::size_t at = s.find(from);
  REQUIRE(at != std::string::npos);
  s.replace(at, from.size(), to);
}

bool contains(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

// write(parse(text)) is a fixed point: parsing what was written writes the same text.
void check_round_trip(const std::string& text) {
  ConfigResult a = parse_config(text);
  INFO(problems_to_text(a.problems));
  REQUIRE(a.ok());
  const std::string written = config_to_json(a.config);
  ConfigResult b = parse_config(written);
  INFO(written);
  INFO(problems_to_text(b.problems));
  REQUIRE(b.ok());
  CHECK(config_to_json(b.config) == written);
}

} // namespace

TEST_CASE("the documented example parses, every value where it belongs") {
  ConfigResult r = parse_config(kExample);
  INFO(problems_to_text(r.problems));
  REQUIRE(r.ok());
  const RunConfig& c = r.config;
  CHECK(c.seed == 1);
  CHECK(c.data.spec.kind == DatasetKind::spiral);
  CHECK(c.data.spec.points == 500);
  CHECK(c.data.seed == 7u);
  CHECK(c.data.spec.seed == 7); // data.seed, not the run seed, decides the data
  CHECK(c.data.csv.header == true);
  CHECK(c.data.csv.target_column == -1);
  REQUIRE(c.hidden.size() == 3);
  CHECK(c.hidden[0].units == 8);
  CHECK(c.hidden[0].act.kind == Kind::leaky_relu);
  CHECK(c.hidden[0].act.alpha == 0.01f);
  CHECK(c.hidden[1].act.kind == Kind::prelu);
  CHECK(c.hidden[1].act.alpha == 0.25f);
  CHECK(c.hidden[1].prelu_per_unit);
  CHECK(c.hidden[2].act.kind == Kind::rrelu);
  CHECK(c.hidden[2].act.lower == 0.125f);
  CHECK(c.hidden[2].act.upper == 0.333f);
  CHECK(c.loss == LossChoice::auto_);
  CHECK(c.init.weights == WeightInit::he_normal);
  CHECK(c.init.bias == BiasInit::constant);
  CHECK(c.optimizer.kind == OptimizerKind::momentum);
  CHECK(c.optimizer.lr == 0.03f);
  CHECK(c.optimizer.momentum == 0.9f);
  CHECK(c.training.batch_size == 10);
  CHECK(c.training.steps == 1000);
  CHECK(c.training.eval_every == 100);
  CHECK(c.training.histogram_range == 5.0f);
  CHECK(c.training.dormant_tau == 0.1f);
}

TEST_CASE("defaults: a config with only its version is the playground's default config") {
  ConfigResult r = parse_config(R"({"version":1})");
  REQUIRE(r.ok());
  CHECK(config_to_json(r.config) == config_to_json(default_config()));
  const RunConfig& c = r.config;
  CHECK(c.seed == 1);
  CHECK(c.data.spec.kind == DatasetKind::spiral);
  CHECK(c.data.spec.points == 500);
  CHECK(c.data.spec.noise == 0.0f);
  CHECK(c.data.spec.train_fraction == 0.5f);
  CHECK_FALSE(c.data.seed.has_value());
  CHECK(c.data.spec.seed == 1); // the run seed
  REQUIRE(c.hidden.size() == 2);
  for (const HiddenLayerSpec& h : c.hidden) {
    CHECK(h.units == 8);
    CHECK(h.act.kind == Kind::leaky_relu);
    CHECK(h.act.alpha == 0.01f);
  }
  CHECK(c.loss == LossChoice::auto_);
  CHECK(c.init.weights == WeightInit::he_normal);
  CHECK(c.init.bias == BiasInit::zero);
  CHECK(c.optimizer.kind == OptimizerKind::sgd);
  CHECK(c.optimizer.lr == 0.03f);
  CHECK(c.regularization.l1 == 0.0f);
  CHECK(c.regularization.l2 == 0.0f);
  CHECK(c.training.batch_size == 10);
  CHECK(c.training.steps == 1000);
  CHECK(c.training.epochs == 0);
  CHECK(c.training.shuffle);
  CHECK(c.training.near_dead_threshold == 0.01f);
}

TEST_CASE("network: the network's activation is every layer's default; a layer may override") {
  ConfigResult r = parse_config(
      R"({"version":1,"network":{"activation":"elu","hidden":[3,{"units":4,"activation":"relu"},
          {"units":2,"alpha":0.5},{"units":5,"activation":"leaky_relu"}]}})");
  REQUIRE(r.ok());
  const auto& h = r.config.hidden;
  REQUIRE(h.size() == 4);
  CHECK(h[0].act.kind == Kind::elu);
  CHECK(h[0].act.alpha == 1.0f); // elu's default
  CHECK(h[1].act.kind == Kind::relu);
  CHECK(h[2].act.kind == Kind::elu);
  CHECK(h[2].act.alpha == 0.5f);
  CHECK(h[3].act.kind == Kind::leaky_relu);
  CHECK(h[3].act.alpha == 0.01f); // leaky's default, not elu's 1
  // An activation without hidden: the default two layers take it.
  ConfigResult s = parse_config(R"({"version":1,"network":{"activation":"relu"}})");
  REQUIRE(s.ok());
  REQUIRE(s.config.hidden.size() == 2);
  CHECK(s.config.hidden[1].act.kind == Kind::relu);
  // No hidden layers at all is a valid (linear) model.
  ConfigResult t = parse_config(R"({"version":1,"network":{"hidden":[]}})");
  REQUIRE(t.ok());
  CHECK(t.config.hidden.empty());
}

TEST_CASE("config_to_json round trip: parse(write(c)) writes the same text") {
  check_round_trip(kExample);
  check_round_trip(R"({"version":1})");
  check_round_trip(
      R"({"version":1,"seed":9007199254740992,"data":{"kind":"sine","points":77,"noise":0.15,
          "train_fraction":0.3,"input_min":-2.5,"input_max":7.25,
          "features":{"x_squared":true,"sin":true}},
          "network":{"hidden":[{"units":3,"activation":"rrelu","lower":0.1,"upper":0.2},
            {"units":1024,"activation":"prelu","alpha":-0.3},{"units":2,"activation":"gelu_tanh"},
            {"units":4,"activation":"selu"}]},
          "loss":"mse","init":{"weights":"lecun_normal","bias":"constant","bias_value":-0.1},
          "optimizer":{"kind":"adam","lr":0.001,"beta1":0.8,"beta2":0.95,"eps":1e-6},
          "regularization":{"l1":1e-5,"l2":0.0003,"prelu_alpha":true},
          "training":{"batch_size":1,"steps":0,"epochs":3,"shuffle":false,"eval_every":7,
            "near_dead_threshold":0.05,"histogram_bins":200,"histogram_range":0.001,
            "target_loss":0.0125}})");
  // And the values survive, not only the text.
  ConfigResult a = parse_config(kExample);
  ConfigResult b = parse_config(config_to_json(a.config));
  REQUIRE(b.ok());
  CHECK(b.config.hidden[1].prelu_per_unit);
  CHECK(b.config.data.seed == 7u);
  CHECK(b.config.optimizer.momentum == 0.9f);
}

TEST_CASE("init.gain: own by default, relu read and written back, anything else named") {
  CHECK(parse_config(R"({"version":1})").config.init.gain == HeGain::own);
  ConfigResult r = parse_config(R"({"version":1,"init":{"gain":"relu"}})");
  REQUIRE(r.ok());
  CHECK(r.config.init.gain == HeGain::relu);
  CHECK(contains(config_to_json(r.config), R"("gain":"relu")"));
  check_round_trip(R"({"version":1,"init":{"weights":"he_uniform","gain":"relu"}})");
  ConfigResult bad = parse_config(R"({"version":1,"init":{"gain":"leaky"}})");
  REQUIRE(bad.problems.size() == 1);
  CHECK(bad.problems[0].field == "init.gain");
  CHECK(contains(bad.problems[0].message, "own, relu"));
}

TEST_CASE("a bad config reports every problem at once, each with its field path") {
  const char* bad = R"({
    "version": 2,
    "seed": -1,
    "data": { "kind": "spirals", "points": 1, "noise": 2 },
    "network": { "hidden": [ 8, { "units": 0 }, { "units": 3, "activation": "leaky_relu",
                                                   "alpha": "big" }, 2.5, 1025 ] },
    "loss": "hinge",
    "optimizer": { "kind": "rmsprop", "lr": 0 },
    "training": { "batch_size": 0, "learning_rte": 0.1, "shuffle": "yes", "steps": 1.5 },
    "extra": 1
  })";
  ConfigResult r = parse_config(bad);
  CHECK_FALSE(r.ok());
  const Problems& p = r.problems;
  INFO(problems_to_text(p));
  for (const char* field :
       {"version", "seed", "data.kind", "data.points", "data.noise", "network.hidden[1].units",
        "network.hidden[2].alpha", "network.hidden[3]", "network.hidden[4]", "loss",
        "optimizer.kind", "optimizer.lr", "training.batch_size", "training.learning_rte",
        "training.shuffle", "training.steps", "extra"}) {
    CAPTURE(field);
    CHECK(count(p, field) == 1); // reported, and only once
  }
  CHECK(p.size() == 17);
  // Each names the value and what is allowed.
  const Problem* batch = find(p, "training.batch_size");
  REQUIRE(batch);
  CHECK(batch->value == "0");
  CHECK(contains(batch->message, "[1, 100000]"));
  const Problem* typo = find(p, "training.learning_rte");
  REQUIRE(typo);
  CHECK(contains(typo->message, "not a known field"));
  const Problem* kind = find(p, "data.kind");
  REQUIRE(kind);
  CHECK(kind->value == "\"spirals\"");
  CHECK(contains(kind->message, "spiral"));
  CHECK(contains(find(p, "version")->message, "[1, 1]"));
  CHECK(contains(find(p, "optimizer.lr")->message, "(0, 10]"));
  CHECK(contains(find(p, "network.hidden[2].alpha")->message, "number"));
  CHECK(contains(find(p, "loss")->message, "softmax_ce"));
  CHECK(contains(find(p, "training.shuffle")->message, "true or false"));
}

TEST_CASE("a field the chosen kind does not read is refused, never silently ignored") {
  struct Case {
    const char* config;
    const char* field;
    const char* says;
  };
  const Case cases[] = {
      {R"("optimizer":{"kind":"sgd","momentum":0.9})", "optimizer.momentum", "only momentum"},
      {R"("optimizer":{"kind":"adam","nesterov":true})", "optimizer.nesterov", "only momentum"},
      {R"("optimizer":{"kind":"momentum","beta2":0.99})", "optimizer.beta2", "only adam"},
      {R"("optimizer":{"eps":1e-6})", "optimizer.eps", "optimizer.kind sgd"},
      {R"("network":{"activation":"relu","alpha":0.1})", "network.alpha", "relu has no alpha"},
      {R"("network":{"hidden":[{"units":3,"activation":"tanh","alpha":0.2}]})",
       "network.hidden[0].alpha", "tanh has no alpha"},
      {R"("network":{"activation":"leaky_relu","lower":0.1})", "network.lower",
       "no lower and upper bounds (only rrelu"},
      {R"("network":{"hidden":[{"units":3,"activation":"prelu","upper":0.5}]})",
       "network.hidden[0].upper", "prelu has no lower"},
      {R"("network":{"activation":"leaky_relu","prelu_per_unit":true})", "network.prelu_per_unit",
       "only prelu"},
      {R"("network":{"activation":"prelu","hidden":[{"units":2,"activation":"elu",
          "prelu_per_unit":false}]})",
       "network.hidden[0].prelu_per_unit", "elu learns no slopes"},
      {R"("init":{"bias":"pytorch","bias_value":0.5})", "init.bias_value",
       "init.bias pytorch does not read it (only constant"},
      {R"("init":{"bias_value":0.5})", "init.bias_value", "init.bias zero does not read it"},
  };
  for (const Case& c : cases) {
    ConfigResult r = parse_config(std::string(R"({"version":1,)") + c.config + "}");
    INFO(c.config);
    INFO(problems_to_text(r.problems));
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].field == c.field);
    CHECK(contains(r.problems[0].message, "has no effect"));
    CHECK(contains(r.problems[0].message, c.says));
  }
  // Where the kind reads them, the same fields are welcome.
  for (const char* ok : {R"("optimizer":{"kind":"momentum","momentum":0.5,"nesterov":true})",
                         R"("optimizer":{"kind":"adam","beta1":0.8,"beta2":0.9,"eps":1e-6})",
                         R"("network":{"activation":"elu","alpha":0.5})",
                         R"("network":{"activation":"rrelu","lower":0.1,"upper":0.2})",
                         R"("network":{"activation":"prelu","prelu_per_unit":true})",
                         R"("init":{"bias":"constant","bias_value":0.5})"}) {
    ConfigResult r = parse_config(std::string(R"({"version":1,)") + ok + "}");
    INFO(ok);
    INFO(problems_to_text(r.problems));
    CHECK(r.ok());
  }
  // And a written config holds only what its kinds read, so it reads back.
  ConfigResult sgd = parse_config(R"({"version":1})");
  const std::string written = config_to_json(sgd.config);
  CHECK_FALSE(contains(written, "momentum"));
  CHECK_FALSE(contains(written, "beta1"));
  CHECK_FALSE(contains(written, "bias_value"));
  CHECK(parse_config(written).ok());
}

TEST_CASE("a float field is judged as the float32 it becomes, so a written config reads back") {
  ConfigResult tiny = parse_config(R"({"version":1,"optimizer":{"lr":1e-50}})");
  REQUIRE(tiny.problems.size() == 1);
  CHECK(tiny.problems[0].field == "optimizer.lr");
  CHECK(contains(tiny.problems[0].message, "(it is 0 as a float32 number)"));
  ConfigResult one = parse_config(R"({"version":1,"optimizer":{"kind":"momentum",
      "momentum":0.99999999}})");
  REQUIRE(one.problems.size() == 1);
  CHECK(contains(one.problems[0].message, "[0, 1) (it is 1 as a float32 number)"));
  // The largest float, written in its shortest form (3.4028235e+38, above it as a double),
  // reads back.
  check_round_trip(R"({"version":1,"network":{"alpha":3.4028234663852886e+38}})");
  check_round_trip(R"({"version":1,"network":{"activation":"rrelu","lower":3.4028234663852886e+38,
      "upper":3.4028234663852886e+38}})");
  CHECK_FALSE(parse_config(R"({"version":1,"network":{"alpha":3.5e38}})").ok());
}

TEST_CASE("the version is required") {
  ConfigResult r = parse_config(R"({"seed":3})");
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].field == "version");
  CHECK(r.problems[0].value == "(missing)");
}

TEST_CASE("wrong types: objects, arrays, strings and numbers where others belong") {
  ConfigResult r = parse_config(
      R"({"version":1,"data":5,"network":{"hidden":"8"},"optimizer":[],"training":{"eval_every":"10"},
          "init":{"weights":3}})");
  INFO(problems_to_text(r.problems));
  CHECK(fields(r.problems) == std::vector<std::string>{"data", "network.hidden", "init.weights",
                                                       "optimizer", "training.eval_every"});
  CHECK(contains(find(r.problems, "data")->message, "JSON object"));
  CHECK(contains(find(r.problems, "network.hidden")->message, "JSON array"));

  ConfigResult top = parse_config("[1, 2]");
  REQUIRE(top.problems.size() == 1);
  CHECK(top.problems[0].field == "(document)");
  CHECK(contains(top.problems[0].message, "JSON object"));
}

TEST_CASE("range and consistency checks beyond single fields") {
  ConfigResult r = parse_config(
      R"({"data":{"kind":"line","input_min":3,"input_max":-3,"train_fraction":1},
          "network":{"activation":"rrelu","lower":0.5,"upper":0.1,"hidden":[4,{"units":2,
            "lower":-1}]},
          "regularization":{"l2":11},"training":{"histogram_bins":0,"near_dead_threshold":2}})");
  INFO(problems_to_text(r.problems));
  CHECK(count(r.problems, "data.input_max") == 1); // must exceed input_min
  CHECK(count(r.problems, "data.train_fraction") == 1);
  CHECK(count(r.problems, "network.hidden[0].upper") == 1); // upper < lower
  CHECK(count(r.problems, "network.hidden[1].lower") == 1); // out of range
  CHECK(count(r.problems, "regularization.l2") == 1);
  CHECK(count(r.problems, "training.histogram_bins") == 1);
  CHECK(count(r.problems, "training.near_dead_threshold") == 1);

  std::string ones = "1";
  for (int i = 0; i < kMaxHiddenLayers; ++i)
    ones += ",1"; // one layer too many
  ConfigResult deep =
      parse_config(R"({"network":{"hidden":[)" + ones + R"(]},"data":{"features":{"cube":true}}})");
  CHECK(count(deep.problems, "network.hidden") == 1);
  CHECK(count(deep.problems, "data.features.cube") == 1);
  ConfigResult alpha = parse_config(R"({"network":{"alpha":1e39}})");
  CHECK(count(alpha.problems, "network.alpha") == 1);
}

TEST_CASE("malformed JSON: one problem naming the line and column") {
  ConfigResult r = parse_config("{\n  \"version\": 1,\n  \"seed\": \n}");
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].field == "config");
  CHECK(contains(r.problems[0].message, "not valid JSON"));
  CHECK(contains(r.problems[0].message, "line 4, column 1"));
  ConfigResult trailing = parse_config("{} x");
  REQUIRE(trailing.problems.size() == 1);
  CHECK(contains(trailing.problems[0].message, "line 1, column 4"));
  CHECK(parse_config("").problems.size() == 1);
  ModelResult m = parse_model("{\"format\": \"leaky-lab-model\",\n\n  \"layers\": [1,}");
  REQUIRE(m.problems.size() == 1);
  CHECK(m.problems[0].field == "model");
  CHECK(contains(m.problems[0].message, "line 3"));
}

// ---- models

namespace {

// A valid 2 -> 3 (prelu per unit) -> 1 bce model, with parts to replace.
std::string model_text(const std::string& hidden_extra = "",
                       const std::string& weights = "[1,2,3,4,5,6]",
                       const std::string& output = R"({"units":1,"activation":"linear",
                           "weights":[0.5,-0.5,0.25],"bias":[0]})",
                       const std::string& top_extra = "") {
  return R"({"format":"leaky-lab-model","version":1,"inputs":2,"loss":"bce",)" + top_extra +
         R"("layers":[{"units":3,"activation":"prelu","weights":)" + weights +
         R"(,"bias":[0.1,0.2,0.3],"prelu_alpha":[0.25,0.5,-0.1])" + hidden_extra + "}," + output +
         "]}";
}

} // namespace

TEST_CASE("a valid model parses into the network it describes") {
  ModelResult m = parse_model(model_text());
  INFO(problems_to_text(m.problems));
  REQUIRE(m.ok());
  const Network& net = m.net;
  CHECK(net.spec.inputs == 2);
  CHECK(net.spec.outputs == 1);
  CHECK(net.spec.loss == Loss::bce);
  REQUIRE(net.layers.size() == 2);
  const LayerView& h = net.layers[0];
  CHECK(h.act.kind == Kind::prelu);
  CHECK(h.alpha_count == 3);
  CHECK(net.params[h.w + 4] == 5.0f); // weights[i * units + u]: input 1, unit 1
  CHECK(net.params[h.b + 2] == 0.3f);
  CHECK(net.params[h.alpha + 2] == -0.1f);
  CHECK(net.params[net.layers[1].w + 2] == 0.25f);
}

TEST_CASE("bad models: each problem named, all at once") {
  auto problems_of = [](const std::string& text) {
    ModelResult m = parse_model(text);
    CHECK_FALSE(m.ok());
    return m.problems;
  };
  SUBCASE("wrong weight count") {
    const Problems p = problems_of(model_text("", "[1,2,3,4,5]"));
    INFO(problems_to_text(p));
    REQUIRE(p.size() == 1);
    CHECK(p[0].field == "layers[0].weights");
    CHECK(contains(p[0].message, "6"));
  }
  SUBCASE("a weight that is not a finite float32") {
    for (const char* w : {"[1,2,3,4,1e39,6]", "[1,2,3,4,\"NaN\",6]", "[1,2,3,4,null,6]"}) {
      const Problems p = problems_of(model_text("", w));
      INFO(problems_to_text(p));
      REQUIRE(p.size() == 1);
      CHECK(p[0].field == "layers[0].weights[4]");
      CHECK(contains(p[0].message, "finite"));
    }
  }
  SUBCASE("missing bias") {
    const Problems p = problems_of(
        model_text("", "[1,2,3,4,5,6]", R"({"units":1,"activation":"linear","weights":[1,1,1]})"));
    REQUIRE(p.size() == 1);
    CHECK(p[0].field == "layers[1].bias");
    CHECK(p[0].value == "(missing)");
  }
  SUBCASE("bce with 2 outputs") {
    const Problems p = problems_of(
        model_text("", "[1,2,3,4,5,6]", R"({"units":2,"activation":"linear","weights":[1,1,1,1,1,1],
                                "bias":[0,0]})"));
    REQUIRE(p.size() == 1);
    CHECK(p[0].field == "layers");
    CHECK(contains(p[0].message, "1 output"));
  }
  SUBCASE("prelu slopes: neither 1 nor one per unit, or missing") {
    std::string text = model_text();
    replace(text, "[0.25,0.5,-0.1]", "[0.25,0.5]");
    Problems p = problems_of(text);
    REQUIRE(p.size() == 1);
    CHECK(p[0].field == "layers[0].prelu_alpha");
    CHECK(contains(p[0].message, "1 (per layer) or 3 (per unit)"));
    text = model_text();
    replace(text, R"(,"prelu_alpha":[0.25,0.5,-0.1])", "");
    p = problems_of(text);
    REQUIRE(p.size() == 1);
    CHECK(p[0].field == "layers[0].prelu_alpha");
  }
  SUBCASE("slopes on a layer that is not prelu are an unknown field") {
    std::string text = model_text();
    replace(text, "\"prelu\"", "\"relu\"");
    const Problems p = problems_of(text);
    REQUIRE(p.size() == 1);
    CHECK(p[0].field == "layers[0].prelu_alpha");
    CHECK(contains(p[0].message, "not a known field"));
  }
  SUBCASE("format, version, output activation, unknown fields and counts together") {
    std::string text = model_text(R"(,"wieghts":[1])", "[1,2,3]",
                                  R"({"units":1,"activation":"relu","weights":[1,1,1],"bias":[0]})",
                                  R"("comment":"x",)");
    replace(text, "\"leaky-lab-model\"", "\"other-model\"");
    replace(text, "\"version\":1", "\"version\":2");
    const Problems p = problems_of(text);
    INFO(problems_to_text(p));
    CHECK(count(p, "format") == 1);
    CHECK(count(p, "version") == 1);
    CHECK(count(p, "layers[0].weights") == 1);
    CHECK(count(p, "layers[0].wieghts") == 1);
    CHECK(count(p, "layers[1].activation") == 1); // the output layer is linear
    CHECK(count(p, "comment") == 1);
    CHECK(p.size() == 6);
  }
  SUBCASE("no layers, or not a model at all") {
    Problems p = problems_of(R"({"format":"leaky-lab-model","version":1,"inputs":2,"layers":[]})");
    CHECK(count(p, "layers") == 1);
    p = problems_of("{}");
    CHECK(count(p, "format") == 1);
    CHECK(count(p, "version") == 1);
    CHECK(count(p, "layers") == 1);
  }
}

TEST_CASE("config: data.features.omit round-trips, and a bad column is named") {
  const ConfigResult ok = parse_config(
      R"({"version":1,"data":{"kind":"circle","features":{"x_squared":true,"omit":["x1","x2"]}}})");
  REQUIRE(ok.ok());
  CHECK(ok.config.data.spec.features.omit == std::vector<std::string>{"x1", "x2"});
  const ConfigResult again = parse_config(config_to_json(ok.config));
  REQUIRE(again.ok());
  CHECK(again.config.data.spec.features == ok.config.data.spec.features);
  const ConfigResult bad =
      parse_config(R"({"version":1,"data":{"kind":"sine","features":{"omit":["x2",3]}}})");
  CHECK(count(bad.problems, "data.features.omit[0]") == 1);
  CHECK(count(bad.problems, "data.features.omit[1]") == 1);
}
