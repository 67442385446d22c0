// Sweeps (train/sweep_plan.hpp, run_summary.hpp, sweep_table.hpp, schema/sweep_json.hpp,
// sweep_plan_json.hpp): how runs are numbered and configured, that a run's summary is the
// trainer's own last evaluation, that shards are disjoint and cover the sweep, that a line
// reads back to the same record, and that a table does not depend on the order of its runs.
#include "config_json.hpp"
#include "json_read.hpp"
#include "run_summary.hpp"
#include "stats_json.hpp"
#include "sweep_json.hpp"
#include "sweep_plan.hpp"
#include "sweep_plan_json.hpp"
#include "sweep_table.hpp"

#include "test_checks.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <string>

using namespace leaky;

namespace {

using test::config_from;

Json parsed(const std::string& text) {
  Problems problems;
  auto doc = parse_json(text, problems);
  REQUIRE_MESSAGE(doc, problems_to_text(problems));
  return *doc;
}

const char* kSmall = R"({"version":1,"seed":3,"data":{"kind":"xor","points":60},
  "network":{"activation":"leaky_relu","hidden":[4,3]},
  "training":{"batch_size":10,"steps":20,"eval_every":10}})";

SweepPlan small_plan() {
  SweepPlan plan;
  plan.base = config_from(kSmall);
  plan.alphas = {0.0f, 0.1f};
  plan.seeds = 2;
  plan.data_label = generated_data_label(plan.base, false);
  return plan;
}

SweepLevels kinds(std::vector<Kind> k) {
  SweepLevels f;
  f.factor = SweepFactor::activation;
  f.kinds = std::move(k);
  return f;
}

std::vector<SweepRecord> run_all(const SweepPlan& plan) {
  const auto groups = sweep_groups(plan);
  std::vector<SweepRecord> out;
  for (std::size_t i = 0; i < groups.size() * static_cast<std::size_t>(plan.seeds); ++i) {
    SweepRunOutcome r = run_sweep_run(plan, groups, i, nullptr, best_kernels(), {});
    REQUIRE(r.record);
    out.push_back(*r.record);
  }
  return out;
}

std::vector<const SweepRecord*> pointers(const std::vector<SweepRecord>& records) {
  std::vector<const SweepRecord*> out;
  for (const SweepRecord& r : records)
    out.push_back(&r);
  return out;
}

} // namespace

TEST_CASE("sweep runs are numbered factor, then alpha, then seed; a network without alpha runs "
          "once per seed") {
  SweepPlan plan = small_plan();
  plan.factors.push_back(kinds({Kind::relu, Kind::leaky_relu, Kind::elu}));
  REQUIRE(validate(plan).empty());
  const auto groups = sweep_groups(plan);
  // relu: one group; leaky_relu and elu: one per alpha.
  REQUIRE(groups.size() == 5);
  CHECK(!groups[0].alpha);
  CHECK(groups[1].alpha == 0u);
  CHECK(groups[2].alpha == 1u);
  const SweepIdentity id = sweep_identity(plan, groups, 3); // leaky_relu, alpha 0, seed 4
  CHECK(id.seed == 4);
  CHECK(id.alpha == 0.0f);
  const RunConfig c = sweep_run_config(plan, groups[2], 7);
  CHECK(c.seed == 7);
  CHECK(c.data.spec.seed == 7); // the data is drawn from each run's seed
  for (const HiddenLayerSpec& h : c.hidden) {
    CHECK(h.act.kind == Kind::leaky_relu);
    CHECK(h.act.alpha == 0.1f);
  }
  const SweepIdentity relu = sweep_identity(plan, groups, 1);
  CHECK(!relu.alpha);
  REQUIRE(!relu.levels.empty());
  CHECK(relu.levels[0].second == "relu");
}

TEST_CASE("a sweep run's summary is the trainer's last evaluation, the same as training it "
          "alone") {
  const SweepPlan plan = small_plan();
  const auto groups = sweep_groups(plan);
  SweepRunOutcome r = run_sweep_run(plan, groups, 3, nullptr, best_kernels(), {});
  REQUIRE(r.record);
  RunConfig c = config_from(kSmall);
  c.seed = 4;
  c.data.spec.seed = 4;
  for (HiddenLayerSpec& h : c.hidden)
    h.act.alpha = 0.1f;
  TrainerResult made = make_trainer(c, make_dataset(c.data.spec), best_kernels());
  REQUIRE(made.trainer);
  Trainer& t = *made.trainer;
  const Evaluation first = evaluate(t);
  train(t, 10);
  evaluate(t);
  train(t, 10);
  const Evaluation last = evaluate(t);
  const RunSummary& s = r.record->summary;
  CHECK(s.steps == 20);
  CHECK(s.train_loss == last.train_loss);
  CHECK(s.test_loss == last.test_loss);
  CHECK(s.test_accuracy == last.test_accuracy);
  const UnitTotals end = unit_totals(last);
  CHECK(s.dead_fraction == end.dead_fraction());
  CHECK(s.dormant_fraction == end.dormant_fraction());
  CHECK(s.tau_dormant_fraction == end.tau_dormant_fraction());
  CHECK(s.revivals == end.revivals);
  CHECK(s.born_dead_fraction == unit_totals(first).born_dead_fraction());
  CHECK(s.sparsity == end.sparsity());
  CHECK(s.sparsity_kind == "negative_side");
}

TEST_CASE("shards are disjoint and cover the sweep") {
  for (std::size_t n : {1u, 2u, 3u, 7u}) {
    std::set<std::size_t> seen;
    for (std::size_t k = 1; k <= n; ++k)
      for (std::size_t run = 0; run < 20; ++run)
        if (in_shard(run, k, n)) CHECK(seen.insert(run).second);
    CHECK(seen.size() == 20);
  }
}

TEST_CASE("a run line reads back to the same record and writes the same text") {
  SweepPlan plan = small_plan();
  plan.base.training.target_loss = 10;
  const std::vector<SweepRecord> records = run_all(plan);
  const SweepLineContext context{sweep_id(plan), records.size(), plan.data_label};
  for (const SweepRecord& r : records) {
    const std::string line = sweep_line(r, context);
    SweepLineRead read = parse_sweep_line(line);
    REQUIRE_MESSAGE(read.record, problems_to_text(read.problems));
    CHECK(sweep_line(*read.record, read.context) == line);
    CHECK(read.record->summary.steps_to_target == 0);
  }
  SweepLineRead bad = parse_sweep_line(R"({"sweep":"x","run":5,"runs":2,"extra":1})");
  CHECK(!bad.record);
  const std::string text = problems_to_text(bad.problems);
  CHECK(text.find("run = 5: must be below runs (2)") != std::string::npos);
  CHECK(text.find("extra = 1: is not a field of a run line") != std::string::npos);
  CHECK(text.find("train_loss = (missing)") != std::string::npos);
}

TEST_CASE("a sweep's table does not depend on the order of its runs; mean and standard error") {
  const MeanSe m = mean_se(std::vector<double>{1, 2, 3, 4});
  CHECK(m.mean == 2.5);
  CHECK(m.se == doctest::Approx(std::sqrt(5.0 / 3.0) / 2.0));
  CHECK(m.n == 4);
  CHECK(std::isnan(mean_se(std::vector<double>{1}).se));
  CHECK(std::isnan(mean_se(std::vector<double>{}).mean));

  const std::vector<SweepRecord> records = run_all(small_plan());
  std::vector<const SweepRecord*> forward = pointers(records), backward = forward;
  std::reverse(backward.begin(), backward.end());
  const std::string a = sweep_table_to_json(sweep_table(forward));
  CHECK(a == sweep_table_to_json(sweep_table(backward)));
  const SweepTable table = sweep_table(forward);
  REQUIRE(table.rows.size() == 2);
  CHECK(table.rows[0].runs == 2);
  CHECK(table.rows[0].seeds == std::vector<std::uint64_t>{3, 4});
  const MeanSe& loss = table.rows[1].metrics[1]; // test loss at alpha 0.1
  const MeanSe direct =
      mean_se(std::vector<double>{records[2].summary.test_loss, records[3].summary.test_loss});
  CHECK(loss.mean == direct.mean);
  CHECK(loss.se == direct.se);
}

TEST_CASE("the plan request the page sends: its runs, lines and problems") {
  const std::string config = R"({"version":1,"seed":5,"data":{"kind":"xor","points":40},
    "network":{"activation":"leaky_relu","hidden":[3]},"training":{"steps":10,"eval_every":5}})";
  const std::string request =
      R"({"config":)" + config +
      R"(,"alpha":[0,0.5],"factors":{"activation":["relu","leaky_relu"]},"seeds":2})";
  const Json plan = parsed(sweep_plan_json(request));
  CHECK(plan["runs"] == 6);
  const Json line = parsed(sweep_run_json(request, 5, best_kernels(), kBrowserMemoryBudget));
  CHECK(line["run"] == 5);
  CHECK(line["seed"] == 6);
  CHECK(line["alpha"] == 0.5);
  CHECK(line["activation"] == "leaky_relu");
  CHECK(parsed(sweep_run_json(request, 6, best_kernels(), kBrowserMemoryBudget))
            .contains("problems"));
  const Json bad = parsed(sweep_plan_json(R"({"config":)" + config +
                                          R"(,"factors":{"depth":[0,2],"lr":[20]},"seeds":0})"));
  const std::string problems = bad["problems"].dump();
  CHECK(problems.find("factors.depth[0]") != std::string::npos);
  CHECK(problems.find("factors.lr[0]") != std::string::npos);
  CHECK(problems.find("\"seeds\"") != std::string::npos);
}
