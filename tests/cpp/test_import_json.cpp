// What the page learns about a file before it runs on it (schema/import_json.hpp), the CSV
// options a config gives an import (csv_spec), and the resume state that lets another program
// continue a run (schema/trainer_json.hpp).
#include "config_json.hpp"
#include "import_json.hpp"
#include "json_read.hpp"
#include "trainer.hpp"
#include "trainer_json.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <numeric>
#include <string>

using namespace leaky;

namespace {

Json parsed(const std::string& text) {
  Problems problems;
  auto doc = parse_json(text, problems);
  INFO(text);
  REQUIRE(doc);
  return *doc;
}

RunConfig config_from(const std::string& text) {
  ConfigResult c = parse_config(text);
  INFO(problems_to_text(c.problems));
  REQUIRE(c.ok());
  return c.config;
}

} // namespace

TEST_CASE("csv_spec takes data.csv, the train fraction, the features and the data seed") {
  const RunConfig c = config_from(
      R"({"version":1,"seed":4,"data":{"train_fraction":0.25,"seed":9,"features":{"x_squared":true},
          "csv":{"task":"regression","target_column":1,"header":false}}})");
  const CsvSpec s = csv_spec(c);
  CHECK(s.task == Task::regression);
  CHECK(s.target_column == 1);
  REQUIRE(s.header.has_value());
  CHECK_FALSE(*s.header);
  CHECK(s.train_fraction == 0.25f);
  CHECK(s.features.x_squared);
  CHECK(s.seed == 9);
}

TEST_CASE("a CSV import's summary names its rows, columns, target and classes") {
  CsvSpec spec;
  spec.task = Task::binary_classification;
  const std::string text = "a,b,label\n1,2,-1\n3,4,1\n5,6,1\n7,8,-1\n";
  const Json j = parsed(csv_import_to_json(import_csv(text, spec)));
  CHECK(j["problems"].empty());
  CHECK(j["rows"] == 4);
  CHECK(j["train_rows"].get<int>() + j["test_rows"].get<int>() == 4);
  CHECK(j["columns"] == 3);
  CHECK(j["inputs"] == 2);
  CHECK(j["target_column"] == 3);
  CHECK(j["target_name"] == "label");
  CHECK(j["had_header"] == true);
  CHECK(j["task"] == "binary_classification");
  CHECK(j["class_values"] == Json::array({-1, 1}));
  CHECK(j["input_names"] == Json::array({"a", "b"}));
}

TEST_CASE("a bad CSV's summary is its problems, each with line and column") {
  CsvSpec spec;
  const Json j = parsed(csv_import_to_json(import_csv("x,y\n1,2\n3,oops\n", spec)));
  REQUIRE(j["problems"].size() == 1);
  CHECK(j["problems"][0]["field"] == "line 3, column 2");
  CHECK(j["problems"][0]["value"] == "oops");
  CHECK_FALSE(j.contains("rows"));
}

TEST_CASE("a model's summary lists its hidden layers with what their activations read") {
  const RunConfig c = config_from(
      R"({"version":1,"network":{"hidden":[3,{"units":2,"activation":"prelu","prelu_per_unit":true},
          {"units":2,"activation":"rrelu"},{"units":1,"activation":"relu"}],"alpha":0.2}})");
  TrainerResult made = make_trainer(c, make_dataset(c.data.spec), best_kernels());
  REQUIRE(made.trainer);
  const Json j = parsed(model_summary_to_json(parse_model(model_to_json(made.trainer->net))));
  CHECK(j["problems"].empty());
  CHECK(j["inputs"] == 2);
  CHECK(j["loss"] == "bce");
  CHECK(j["outputs"] == 1);
  REQUIRE(j["layers"].size() == 4);
  CHECK(j["layers"][0] == Json::parse(R"({"units":3,"activation":"leaky_relu","alpha":0.2})"));
  CHECK(j["layers"][1]["activation"] == "prelu");
  CHECK(j["layers"][1]["prelu_per_unit"] == true);
  CHECK(j["layers"][2].contains("lower"));
  CHECK(j["layers"][3] == Json::parse(R"({"units":1,"activation":"relu"})"));
  const Json bad = parsed(model_summary_to_json(parse_model(R"({"format":"leaky-lab-model"})")));
  CHECK_FALSE(bad["problems"].empty());
  CHECK_FALSE(bad.contains("layers"));
}

TEST_CASE("the resume state holds the batch order, the PRNG streams and the optimizer's moments") {
  const RunConfig c = config_from(
      R"({"version":1,"data":{"points":100,"train_fraction":0.5},"optimizer":{"kind":"adam","lr":0.01},
          "training":{"batch_size":10}})");
  TrainerResult made = make_trainer(c, make_dataset(c.data.spec), best_kernels());
  REQUIRE(made.trainer);
  Trainer& t = *made.trainer;
  train(t, 13); // one epoch is 5 batches of 10: 2 epochs and 3 batches
  const Json j = parsed(resume_state_to_json(t));
  CHECK(j["step"] == 13);
  CHECK(j["epoch"] == 2);
  CHECK(j["cursor"] == 30);
  CHECK(j["shuffle"] == true);
  std::vector<int> order = j["order"].get<std::vector<int>>();
  CHECK(order == std::vector<int>(t.order.begin(), t.order.end()));
  std::sort(order.begin(), order.end());
  std::vector<int> rows(50);
  std::iota(rows.begin(), rows.end(), 0);
  CHECK(order == rows);
  CHECK(j["batch_rng"]["state"] == std::to_string(t.batch_rng.state));
  CHECK(j["batch_rng"]["inc"] == std::to_string(t.batch_rng.inc));
  CHECK(j["noise_rng"]["state"] == std::to_string(t.noise_rng.state));
  CHECK(j["optimizer"]["kind"] == "adam");
  CHECK(j["optimizer"]["t"] == 13);
  CHECK(j["optimizer"]["m"].size() == t.net.params.size());
  CHECK(j["optimizer"]["v"].size() == t.net.params.size());
  CHECK(j["optimizer"]["m"][0].get<float>() == t.optimizer.m[0]);
}
