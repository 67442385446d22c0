// Deep, narrow networks (the collapse grid needs depth 20 and more): a config and a model
// file take up to kMaxHiddenLayers = 32 hidden layers and refuse one more, and a 32-layer
// network trains and survives a model round trip bit for bit. (Its gradients are checked
// against finite differences in test_network_gradients.cpp.)
#include "config_json.hpp"
#include "model_json.hpp"
#include "trainer.hpp"

#include "test_checks.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <cstring>
#include <string>

using namespace leaky;

namespace {

// A config whose network has `layers` hidden layers of `units` units.
std::string deep_config(int layers, int units, const std::string& activation) {
  std::string hidden;
  for (int i = 0; i < layers; ++i)
    hidden += (i ? "," : "") + std::to_string(units);
  // alpha only for a kind that reads one: the core refuses fields that would have no effect.
  const std::string alpha = activation == "relu" ? "" : R"(,"alpha":0.1)";
  return R"({"version":1,"seed":5,"data":{"kind":"line","points":200},
             "network":{"activation":")" +
         activation + "\"" + alpha + R"(,"hidden":[)" + hidden + R"(]},
             "optimizer":{"kind":"adam","lr":0.003},
             "training":{"batch_size":20,"steps":400}})";
}

std::size_t count_field(const Problems& problems, const std::string& field) {
  std::size_t n = 0;
  for (const Problem& p : problems)
    n += p.field == field;
  return n;
}

} // namespace

TEST_CASE("a config takes 32 hidden layers and refuses 33, naming the range") {
  ConfigResult ok = parse_config(deep_config(32, 3, "relu"));
  INFO(problems_to_text(ok.problems));
  REQUIRE(ok.ok());
  CHECK(ok.config.hidden.size() == 32);

  ConfigResult deep = parse_config(deep_config(33, 3, "relu"));
  REQUIRE(count_field(deep.problems, "network.hidden") == 1);
  CHECK(deep.problems[0].message.find("[0, 32]") != std::string::npos);
}

TEST_CASE("a 32-layer leaky network trains: finite, and its training loss goes down") {
  const RunConfig config = test::config_from(deep_config(32, 8, "leaky_relu"));
  TrainerResult made = make_trainer(config, make_dataset(config.data.spec), best_kernels());
  INFO(problems_to_text(made.problems));
  REQUIRE(made.trainer);
  Trainer& t = *made.trainer;
  REQUIRE(t.net.hidden_count() == 32);
  const Evaluation before = evaluate(t);
  CHECK(train(t, t.total_steps) == 400);
  const Evaluation after = evaluate(t);
  CHECK_FALSE(t.divergence.diverged);
  CHECK(after.layers.size() == 32);
  CHECK(std::isfinite(after.train_loss));
  CHECK(after.train_loss < 0.5 * before.train_loss);
}

TEST_CASE("a 32-layer model round trip is bit-identical; 33 hidden layers are refused") {
  const RunConfig config = test::config_from(deep_config(32, 2, "relu"));
  TrainerResult made = make_trainer(config, make_dataset(config.data.spec), best_kernels());
  REQUIRE(made.trainer);
  const Network& net = made.trainer->net;
  const std::string text = model_to_json(net);
  ModelResult back = parse_model(text);
  INFO(problems_to_text(back.problems));
  REQUIRE(back.ok());
  REQUIRE(back.net.layers.size() == 33);
  REQUIRE(back.net.params.size() == net.params.size());
  CHECK(std::memcmp(back.net.params.data(), net.params.data(), net.params.size() * sizeof(float)) ==
        0);
  CHECK(model_to_json(back.net) == text);

  // One hidden layer more: 34 layers in the file.
  Network deeper_net;
  {
    NetworkSpec spec = net.spec;
    spec.hidden.push_back(spec.hidden.back());
    deeper_net = make_network(spec);
  }
  ModelResult deeper = parse_model(model_to_json(deeper_net));
  REQUIRE(count_field(deeper.problems, "layers") == 1);
  CHECK(deeper.problems[0].message.find("1 to 33 layers") != std::string::npos);
}
