// Resource limits (resource_limits.hpp, memory_estimate.hpp): the memory estimate against
// what a run really allocates, runs past the budget refused before they allocate, epochs
// that come to too many steps, and a CSV line of endless delimiters read in bounded memory.
#include "allocation_counter.hpp"
#include "config_json.hpp"
#include "csv_import.hpp"
#include "memory_estimate.hpp"
#include "stats_json.hpp"
#include "test_checks.hpp"
#include "trainer.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace leaky;
using test::config_from;

namespace {

bool contains(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

// What a run of `config` allocates at its peak: data, trainer, a few steps, an evaluation
// and its JSON with per-unit histograms (as the page asks for).
std::size_t measured_peak(const RunConfig& config) {
  test::PeakAllocation peak;
  TrainerResult made = make_trainer(config, make_dataset(config.data.spec), best_kernels());
  REQUIRE(made.trainer);
  Trainer& t = *made.trainer;
  train(t, 2);
  const Evaluation ev = evaluate(t);
  StatsJsonOptions options;
  options.unit_histograms = true;
  const std::string json = evaluation_to_json(ev, t.net, options);
  CHECK(!json.empty());
  return peak.bytes();
}

} // namespace

TEST_CASE("the memory estimate bounds what a run allocates, within a factor of 3") {
  const char* configs[] = {
      // wide layers, a large batch, Adam's two moments
      R"({"version":1,"data":{"kind":"spiral","points":1000},"network":{"hidden":[512,512]},
          "optimizer":{"kind":"adam","lr":0.001},"training":{"batch_size":400}})",
      // many narrow RReLU layers (their noise buffers), many histogram bins, momentum
      R"({"version":1,"data":{"kind":"xor","points":2000},"network":{"activation":"rrelu",
          "hidden":[64,64,64,64,64,64,64,64,64,64,64,64,64,64,64,64]},
          "optimizer":{"kind":"momentum","lr":0.01},
          "training":{"batch_size":100,"histogram_bins":200}})",
      // per-unit PReLU slopes, softmax outputs
      R"({"version":1,"data":{"kind":"moons","points":1000},"loss":"softmax_ce",
          "network":{"activation":"prelu","prelu_per_unit":true,"hidden":[256,256]},
          "training":{"batch_size":1000}})",
      // regression with features, one wide layer
      R"({"version":1,"data":{"kind":"sine","points":3000,"features":{"x_squared":true,"sin":true}},
          "network":{"hidden":[1024]},"training":{"batch_size":1500}})",
  };
  for (const char* text : configs) {
    const RunConfig config = config_from(text);
    const double estimate = estimate_memory(config, make_dataset(config.data.spec)).total();
    const double real = static_cast<double>(measured_peak(config));
    INFO(text);
    INFO("estimate " << estimate << " bytes, measured " << real << " bytes");
    CHECK(real <= estimate);
    CHECK(estimate <= 3 * real);
  }
  // A tiny run is all fixed costs: still bounded from above.
  const RunConfig tiny = config_from(R"({"version":1,"data":{"kind":"xor","points":20}})");
  CHECK(static_cast<double>(measured_peak(tiny)) <=
        estimate_memory(tiny, make_dataset(tiny.data.spec)).total());
}

TEST_CASE("a run past its memory budget is refused before it allocates, naming its fields") {
  // 16 layers of 1024 units with batches of 99,000: about 7 GiB (the CLI once aborted on it).
  const RunConfig huge = config_from(R"({"version":1,"data":{"kind":"spiral","points":100000},
      "network":{"hidden":[1024,1024,1024,1024,1024,1024,1024,1024,1024,1024,1024,1024,1024,
                           1024,1024,1024]},"training":{"batch_size":99000}})");
  Dataset data = make_dataset(huge.data.spec);
  test::PeakAllocation peak;
  TrainerResult made = make_trainer(huge, std::move(data), best_kernels());
  CHECK_FALSE(made.trainer);
  CHECK(peak.bytes() < 16 * kMebibyte);
  REQUIRE(made.problems.size() == 1);
  const Problem& p = made.problems[0];
  CHECK(p.field == "training.batch_size, network.hidden");
  CHECK(p.value == "50000 rows x 16384 hidden units"); // the batch is at most the training set
  CHECK(contains(p.message, "more than the memory budget of 2 GiB (--memory-budget"));
  CHECK(contains(p.message, "the largest part is the training batch"));

  // The page's budget is fixed and smaller, and says so.
  const RunConfig wide = config_from(R"({"version":1,"data":{"kind":"spiral","points":2000},
      "network":{"hidden":[1024,1024,1024,1024,1024,1024,1024,1024,1024,1024,1024,1024,1024,
                           1024,1024,1024]},
      "optimizer":{"kind":"adam","lr":0.001},"training":{"batch_size":1000}})");
  TrainerResult page = make_trainer(wide, make_dataset(wide.data.spec), best_kernels(), nullptr,
                                    kBrowserMemoryBudget);
  REQUIRE(page.problems.size() == 1);
  CHECK(page.problems[0].field == "network.hidden, optimizer.kind");
  CHECK(contains(page.problems[0].message, "the page's fixed memory budget of 512 MiB"));
  CHECK_FALSE(contains(page.problems[0].message, "--memory-budget"));
  // The same run fits the CLI's default budget.
  CHECK(check_memory(estimate_memory(wide, make_dataset(wide.data.spec)), MemoryBudget{}).empty());
  // Several at once must fit together.
  const MemoryEstimate one = estimate_memory(wide, make_dataset(wide.data.spec));
  const Problems four = check_memory(one, MemoryBudget{}, 4);
  REQUIRE(four.size() == 1);
  CHECK(contains(four[0].message, "4 runs at once"));
}

TEST_CASE("epochs x batches per epoch beyond the step limit are refused") {
  const RunConfig config = config_from(R"({"version":1,"data":{"kind":"xor","points":100000},
      "training":{"batch_size":1,"epochs":1000000}})");
  TrainerResult made = make_trainer(config, make_dataset(config.data.spec), best_kernels());
  CHECK_FALSE(made.trainer);
  REQUIRE(made.problems.size() == 1);
  CHECK(made.problems[0].field == "training.epochs");
  CHECK(contains(made.problems[0].message, "50000000000 steps"));
  CHECK(contains(made.problems[0].message, kStepsRange.describe()));
}

TEST_CASE("csv: a long line is checked field by field as it is split, in bounded memory") {
  // 20 MB of commas: once 20 million empty fields (about 1 GB). On the first line the column
  // count is refused; on a data line the count is exact, the fields kept are not.
  const std::string commas(20'000'000, ',');
  const struct {
    std::string text, field, value;
  } cases[] = {{"a" + commas + "\n1,2\n", "line 1", "20000001 columns"},
               {"x,y\n1,2\n3" + commas + "\n5,6\n", "line 3", "20000001 fields"}};
  for (const auto& c : cases) {
    test::PeakAllocation peak;
    const CsvImport r = import_csv(c.text, CsvSpec{});
    CHECK(peak.bytes() < 2 * kMebibyte);
    REQUIRE_FALSE(r.ok());
    CHECK(r.problems[0].field == c.field);
    CHECK(r.problems[0].value == c.value);
  }
  // Binary data (or UTF-16) is not read as rows.
  const CsvImport binary = import_csv(std::string("a,b\n1,2\n\x7f\0\x01", 11), CsvSpec{});
  REQUIRE(binary.problems.size() == 1);
  CHECK(binary.problems[0].value == "a NUL byte at byte 10");
  // A file over the size limit is refused before it is read.
  CHECK(import_csv(std::string(kCsvMaxBytes + 1, '1'), CsvSpec{}).problems.at(0).field == "file");
}
