// Datasets: sizes and splits, ranges, labels, geometry at noise 0, determinism (the same
// bytes natively and in wasm, pinned by hashes), features, validation, CSV import.
#include "csv_import.hpp"
#include "dataset.hpp"
#include "features.hpp"
#include "portable_math.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <limits>
#include <set>
#include <string>
#include <vector>

using namespace leaky;

namespace {

const float kNaN = std::numeric_limits<float>::quiet_NaN();
const float kInf = std::numeric_limits<float>::infinity();

DatasetSpec spec_for(DatasetKind kind, float noise = 0.0f, std::uint64_t seed = 1) {
  DatasetSpec s;
  s.kind = kind;
  s.noise = noise;
  s.seed = seed;
  return s;
}

Dataset make(const DatasetSpec& s) {
  const Problems problems = validate(s);
  INFO(problems_to_text(problems));
  REQUIRE(problems.empty());
  return make_dataset(s);
}

bool is_classification(DatasetKind kind) {
  return dataset_info(kind).task == Task::binary_classification;
}

// All rows, train then test: x [rows x inputs], y [rows].
struct Rows {
  std::vector<float> x, y;
};
Rows all_rows(const Dataset& d) {
  Rows r;
  r.x = d.x_train;
  r.x.insert(r.x.end(), d.x_test.begin(), d.x_test.end());
  r.y = d.y_train;
  r.y.insert(r.y.end(), d.y_test.begin(), d.y_test.end());
  return r;
}

std::uint64_t fnv1a(std::uint64_t h, const std::vector<float>& v) {
  for (float f : v) {
    std::uint32_t bits = 0;
    std::memcpy(&bits, &f, sizeof bits);
    for (int i = 0; i < 4; ++i) {
      h ^= (bits >> (8 * i)) & 0xffu;
      h *= 0x100000001b3ULL;
    }
  }
  return h;
}

std::uint64_t hash(const Dataset& d) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (const auto* v : {&d.x_train, &d.y_train, &d.x_test, &d.y_test})
    h = fnv1a(h, *v);
  return h;
}

std::string hex(std::uint64_t h) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "0x%016llxull", static_cast<unsigned long long>(h));
  return buf;
}

bool same_bytes(const std::vector<float>& a, const std::vector<float>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(float)) == 0;
}

bool has_field(const Problems& problems, const std::string& field) {
  return std::any_of(problems.begin(), problems.end(),
                     [&](const Problem& p) { return p.field == field; });
}

const Problem* find_field(const Problems& problems, const std::string& field) {
  for (const Problem& p : problems)
    if (p.field == field) return &p;
  return nullptr;
}

bool contains(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

} // namespace

TEST_CASE("dataset kinds: names round trip, tasks and input counts") {
  for (DatasetKind k : kAllDatasetKinds) {
    CHECK(parse_dataset_kind(dataset_info(k).name) == k);
    CHECK(contains(dataset_kind_names(), std::string(dataset_info(k).name)));
  }
  CHECK(dataset_info(DatasetKind::xor_).name == "xor");
  CHECK(dataset_info(DatasetKind::line).name == "line");
  CHECK(dataset_info(DatasetKind::abs).name == "abs");
  CHECK_FALSE(parse_dataset_kind("spirals").has_value());
  CHECK(dataset_info(DatasetKind::sine).inputs == 1);
  CHECK(dataset_info(DatasetKind::plane).inputs == 2);
  CHECK(dataset_info(DatasetKind::gaussians).task == Task::regression);
  CHECK(dataset_info(DatasetKind::moons).task == Task::binary_classification);
  CHECK(parse_task("regression") == Task::regression);
  CHECK(parse_task(task_name(Task::binary_classification)) == Task::binary_classification);
  CHECK_FALSE(parse_task("classification").has_value());
}

TEST_CASE("sizes: train + test = points, split by round(points * train_fraction)") {
  for (DatasetKind k : kAllDatasetKinds) {
    for (int points : {2, 3, 37, 500, 1001}) {
      for (float fraction : {0.5f, 0.3f, 0.9f}) {
        DatasetSpec s = spec_for(k, 0.1f);
        s.points = points;
        s.train_fraction = fraction;
        if (!validate(s).empty()) continue; // e.g. 2 points at 0.9
        const Dataset d = make_dataset(s);
        INFO(dataset_info(k).name, " points=", points, " fraction=", fraction);
        CHECK(d.train_size() + d.test_size() == points);
        CHECK(d.train_size() == train_rows(points, fraction));
        CHECK(d.train_size() >= 1);
        CHECK(d.test_size() >= 1);
        CHECK(d.inputs == dataset_info(k).inputs);
        CHECK(d.base_inputs == d.inputs);
        CHECK(d.outputs == 1);
        CHECK(d.task == dataset_info(k).task);
        CHECK(d.x_train.size() == static_cast<std::size_t>(d.train_size() * d.inputs));
        CHECK(d.x_test.size() == static_cast<std::size_t>(d.test_size() * d.inputs));
        CHECK(d.input_names.size() == static_cast<std::size_t>(d.inputs));
        CHECK(d.domain_min.size() == static_cast<std::size_t>(d.base_inputs));
      }
    }
  }
  CHECK(train_rows(500, 0.5f) == 250);
  CHECK(train_rows(3, 0.5f) == 2); // 1.5 rounds up
  CHECK(train_rows(10, 0.3f) == 3);
  CHECK(train_rows(100000, 0.7f) == 70000);
}

TEST_CASE("classification sets: inputs in [-6, 6], labels 0/1, both classes present") {
  for (DatasetKind k : kAllDatasetKinds) {
    if (!is_classification(k)) continue;
    for (float noise : {0.0f, 0.25f, 0.5f, 1.0f}) {
      for (std::uint64_t seed : {0ull, 1ull, 12345ull}) {
        DatasetSpec s = spec_for(k, noise, seed);
        s.points = 1000;
        const Rows r = all_rows(make(s));
        INFO(dataset_info(k).name, " noise=", noise, " seed=", seed);
        CHECK(std::all_of(r.x.begin(), r.x.end(), [](float v) { return v >= -6 && v <= 6; }));
        CHECK(std::all_of(r.y.begin(), r.y.end(), [](float v) { return v == 0 || v == 1; }));
        const auto ones = std::count(r.y.begin(), r.y.end(), 1.0f);
        CHECK(ones > 100);
        CHECK(ones < 900);
        if (k == DatasetKind::gauss || k == DatasetKind::spiral || k == DatasetKind::moons)
          CHECK(ones == 500); // labels by construction: half and half
      }
    }
  }
}

TEST_CASE("noise 0: labels follow the geometry exactly") {
  const double pi = 3.14159265358979323846;
  for (std::uint64_t seed : {3ull, 4ull}) {
    DatasetSpec s = spec_for(DatasetKind::circle, 0.0f, seed);
    s.points = 2000;
    Rows r = all_rows(make(s));
    for (std::size_t i = 0; i < r.y.size(); ++i) {
      const double x = r.x[2 * i], y = r.x[2 * i + 1];
      const double r2 = x * x + y * y;
      CHECK(r.y[i] == (r2 < 6.25 ? 1.0f : 0.0f));
      if (r.y[i] == 0) CHECK(std::sqrt(r2) >= 3.5 - 1e-5); // the outer ring only
      CHECK(std::sqrt(r2) <= 5 + 1e-5);
    }
    CHECK(std::count(r.y.begin(), r.y.end(), 1.0f) == 1000);

    s.kind = DatasetKind::xor_;
    r = all_rows(make(s));
    for (std::size_t i = 0; i < r.y.size(); ++i) {
      const float x = r.x[2 * i], y = r.x[2 * i + 1];
      CHECK(r.y[i] == (x * y >= 0 ? 1.0f : 0.0f));
      CHECK(std::fabs(x) >= 0.3f - 1e-6f);
      CHECK(std::fabs(y) >= 0.3f - 1e-6f);
      CHECK(std::fabs(x) <= 5.3f + 1e-6f);
    }

    s.kind = DatasetKind::spiral;
    r = all_rows(make(s));
    for (std::size_t i = 0; i < r.y.size(); ++i) {
      const double x = r.x[2 * i], y = r.x[2 * i + 1];
      const double radius = std::sqrt(x * x + y * y);
      const double t = 1.75 * 2 * pi * radius / 5 + (r.y[i] == 1 ? 0 : pi);
      CHECK(std::fabs(x - radius * std::sin(t)) < 1e-4);
      CHECK(std::fabs(y - radius * std::cos(t)) < 1e-4);
    }

    s.kind = DatasetKind::moons;
    r = all_rows(make(s));
    for (std::size_t i = 0; i < r.y.size(); ++i) {
      // Undo the centring and scaling: label 0 on the upper unit half circle around (0, 0),
      // label 1 on the lower one around (1, 0.5).
      const double mx = r.x[2 * i] * 3.0 / 8.0 + 0.5, my = r.x[2 * i + 1] * 3.0 / 8.0 + 0.25;
      const double cx = r.y[i] == 0 ? 0.0 : 1.0, cy = r.y[i] == 0 ? 0.0 : 0.5;
      CHECK(std::fabs(std::hypot(mx - cx, my - cy) - 1.0) < 1e-5);
      CHECK((r.y[i] == 0 ? my >= -1e-6 : my <= 0.5 + 1e-6));
    }
  }
}

TEST_CASE("label noise keeps the points and flips labels near the boundary") {
  for (DatasetKind k : {DatasetKind::circle, DatasetKind::xor_}) {
    const Dataset clean = make(spec_for(k, 0.0f, 9));
    const Dataset noisy = make(spec_for(k, 0.3f, 9));
    CHECK(same_bytes(clean.x_train, noisy.x_train));
    CHECK(same_bytes(clean.x_test, noisy.x_test));
    CHECK_FALSE(same_bytes(clean.y_train, noisy.y_train));
  }
  // Position noise moves points, within its bound.
  const Dataset clean = make(spec_for(DatasetKind::spiral, 0.0f, 9));
  const Dataset noisy = make(spec_for(DatasetKind::spiral, 0.5f, 9));
  CHECK(same_bytes(clean.y_train, noisy.y_train));
  REQUIRE(clean.x_train.size() == noisy.x_train.size());
  float moved = 0;
  for (std::size_t i = 0; i < clean.x_train.size(); ++i)
    moved = std::max(moved, std::fabs(clean.x_train[i] - noisy.x_train[i]));
  CHECK(moved > 0.1f);
  CHECK(moved <= 0.5f + 1e-5f);
}

TEST_CASE("2-D regression: plane and gaussians targets") {
  Rows r = all_rows(make(spec_for(DatasetKind::plane)));
  for (std::size_t i = 0; i < r.y.size(); ++i) {
    CHECK(r.y[i] == doctest::Approx((r.x[2 * i] + r.x[2 * i + 1]) / 10.0).epsilon(1e-6));
    CHECK(std::fabs(r.x[2 * i]) <= 6);
  }
  CHECK(*std::min_element(r.y.begin(), r.y.end()) < -0.5f);
  CHECK(*std::max_element(r.y.begin(), r.y.end()) > 0.5f);

  r = all_rows(make(spec_for(DatasetKind::gaussians)));
  CHECK(std::all_of(r.y.begin(), r.y.end(), [](float v) { return v >= -1 && v <= 1; }));
  CHECK(*std::min_element(r.y.begin(), r.y.end()) < -0.5f);
  CHECK(*std::max_element(r.y.begin(), r.y.end()) > 0.5f);
  for (std::size_t i = 0; i < r.y.size(); ++i) {
    // Near the +1 bump at (-4, 2.5) the target is positive, near the -1 one at (0, 2.5)
    // negative, and far from every bump 0.
    const double x = r.x[2 * i], y = r.x[2 * i + 1];
    if (std::hypot(x + 4, y - 2.5) < 1.5) CHECK(r.y[i] > 0);
    if (std::hypot(x, y - 2.5) < 1.5) CHECK(r.y[i] < 0);
    if (std::fabs(y) < 0.4) CHECK(r.y[i] == 0);
  }

  // Noise at 1: targets still bounded (plane by the moved point: |x + n| <= 12).
  r = all_rows(make(spec_for(DatasetKind::plane, 1.0f)));
  CHECK(std::all_of(r.y.begin(), r.y.end(), [](float v) { return std::fabs(v) <= 2.4f; }));
}

TEST_CASE("1-D regression: signed targets over a settable input range") {
  for (DatasetKind k : {DatasetKind::sine, DatasetKind::line, DatasetKind::abs}) {
    const Dataset d = make(spec_for(k));
    const Rows r = all_rows(d);
    INFO(dataset_info(k).name);
    CHECK(d.inputs == 1);
    CHECK(d.input_names == std::vector<std::string>{"x"});
    CHECK(std::all_of(r.x.begin(), r.x.end(), [](float v) { return v >= -6 && v <= 6; }));
    CHECK(*std::min_element(r.y.begin(), r.y.end()) < -0.5f);
    CHECK(*std::max_element(r.y.begin(), r.y.end()) > 0.5f);
    for (std::size_t i = 0; i < r.y.size(); ++i) {
      const double x = r.x[i];
      const double want = k == DatasetKind::sine   ? std::sin(x)
                          : k == DatasetKind::line ? x
                                                   : std::fabs(x) - 3.0;
      CHECK(std::fabs(r.y[i] - want) < 1e-6);
    }
  }
  // A chosen range, and noise bounded by its amplitude.
  for (DatasetKind k : {DatasetKind::sine, DatasetKind::line, DatasetKind::abs}) {
    DatasetSpec s = spec_for(k, 0.5f);
    s.input_min = 1.5f;
    s.input_max = 4.0f;
    s.points = 3000;
    const Dataset d = make(s);
    CHECK(d.domain_min == std::vector<float>{1.5f});
    CHECK(d.domain_max == std::vector<float>{4.0f});
    const Rows r = all_rows(d);
    CHECK(std::all_of(r.x.begin(), r.x.end(), [](float v) { return v >= 1.5f && v < 4.0f; }));
    CHECK(*std::min_element(r.x.begin(), r.x.end()) < 1.6f);
    CHECK(*std::max_element(r.x.begin(), r.x.end()) > 3.9f);
    double worst = 0;
    for (std::size_t i = 0; i < r.y.size(); ++i) {
      const double x = r.x[i];
      // amplitude: sine 1, line (4 - 1.5)/2, abs (|x| in [1.5, 4]) 1.25 around 2.75.
      const double clean = k == DatasetKind::sine   ? std::sin(x)
                           : k == DatasetKind::line ? x
                                                    : x - 2.75;
      worst = std::max(worst, std::fabs(r.y[i] - clean));
    }
    const double bound = 0.5 * (k == DatasetKind::sine ? 1.0 : 1.25);
    CHECK(worst <= bound + 1e-5);
    CHECK(worst > bound * 0.9);
  }
}

TEST_CASE("determinism: same seed same bytes, other seed other data") {
  for (DatasetKind k : kAllDatasetKinds) {
    DatasetSpec s = spec_for(k, 0.2f, 42);
    s.features.sin = true;
    const Dataset a = make(s), b = make(s);
    INFO(dataset_info(k).name);
    CHECK(same_bytes(a.x_train, b.x_train));
    CHECK(same_bytes(a.y_train, b.y_train));
    CHECK(same_bytes(a.x_test, b.x_test));
    CHECK(same_bytes(a.y_test, b.y_test));
    s.seed = 43;
    const Dataset c = make(s);
    CHECK_FALSE(same_bytes(a.x_train, c.x_train));
    CHECK_FALSE(same_bytes(a.x_test, c.x_test));
  }
}

// These hashes pin the generated bytes: the native build (GCC, x86-64 with FMA) and both wasm
// builds must match them. Changing a generator on purpose means updating them.
TEST_CASE("determinism: the same bytes on every platform") {
  const std::uint64_t expected[] = {
      0x66145ee9a6a7a70bull, // circle
      0x88a7f1242711650aull, // xor
      0xe836e8da29add406ull, // gauss
      0x6d63745b644bf7afull, // spiral
      0xf3871f9c701a1433ull, // moons
      0x5824031634da9b16ull, // plane
      0x72d3b6c219dc7c37ull, // gaussians
      0xdebe05d406cf2ebcull, // sine
      0x4190e3fb433a5175ull, // line
      0x24a1001246a27ad1ull, // abs
  };
  for (DatasetKind k : kAllDatasetKinds) {
    DatasetSpec s = spec_for(k, 0.2f, 2024);
    s.points = 300;
    s.train_fraction = 0.6f;
    s.features = {true, dataset_info(k).inputs == 2, true};
    if (dataset_info(k).inputs == 1) {
      s.input_min = -7.5f;
      s.input_max = 9.25f;
    }
    const std::uint64_t h = hash(make(s));
    INFO(dataset_info(k).name, " ", hex(h));
    CHECK(h == expected[static_cast<std::size_t>(k)]);
  }
}

TEST_CASE("features: appended columns, named and computed") {
  DatasetSpec s = spec_for(DatasetKind::spiral, 0.3f, 5);
  const Dataset base = make(s);
  s.features = {true, true, true};
  const Dataset d = make(s);
  CHECK(d.inputs == 7);
  CHECK(d.base_inputs == 2);
  CHECK(d.input_names ==
        std::vector<std::string>{"x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)"});
  REQUIRE(d.x_train.size() == base.x_train.size() / 2 * 7);
  CHECK(same_bytes(d.y_train, base.y_train));
  for (int i = 0; i < d.train_size(); ++i) {
    const float* row = d.x_train.data() + i * 7;
    const float x1 = base.x_train[static_cast<std::size_t>(2 * i)];
    const float x2 = base.x_train[static_cast<std::size_t>(2 * i + 1)];
    CHECK(row[0] == x1);
    CHECK(row[1] == x2);
    CHECK(row[2] == x1 * x1);
    CHECK(row[3] == x2 * x2);
    CHECK(row[4] == x1 * x2);
    CHECK(row[5] == doctest::Approx(std::sin(x1)).epsilon(1e-6));
    CHECK(row[6] == doctest::Approx(std::sin(x2)).epsilon(1e-6));
  }

  s = spec_for(DatasetKind::sine);
  s.features = {true, false, true};
  const Dataset one = make(s);
  CHECK(one.inputs == 3);
  CHECK(one.input_names == std::vector<std::string>{"x", "x^2", "sin(x)"});

  // Only some features, and expand_features on any points (a heatmap grid).
  const Features squares{true, false, false};
  const std::vector<float> grid = {1, 2, -3, 0.5f};
  CHECK(expand_features(squares, 2, grid) == std::vector<float>{1, 2, 1, 4, -3, 0.5f, 9, 0.25f});
  CHECK(expand_features(Features{false, true, false}, 2, grid) ==
        std::vector<float>{1, 2, 2, -3, 0.5f, -1.5f});
  CHECK(expanded_inputs(Features{}, 3) == 3);
  CHECK(expanded_inputs(Features{true, false, true}, 3) == 9);
  CHECK(validate(Features{false, true, false}, 2).empty());
  CHECK(has_field(validate(Features{false, true, false}, 1), "features.x1x2"));
  CHECK(has_field(validate(Features{false, true, false}, 3), "features.x1x2"));
}

TEST_CASE("validation: defaults pass, every problem reported with its field") {
  for (DatasetKind k : kAllDatasetKinds)
    CHECK(validate(spec_for(k)).empty());

  DatasetSpec bad = spec_for(DatasetKind::sine);
  bad.points = 0;
  bad.noise = 1.5f;
  bad.train_fraction = 1.0f;
  bad.input_min = kNaN;
  bad.input_max = 1e9f;
  bad.features.x1x2 = true;
  const Problems p = validate(bad);
  INFO(problems_to_text(p));
  CHECK(p.size() == 6);
  for (const char* field :
       {"points", "noise", "train_fraction", "input_min", "input_max", "features.x1x2"})
    CHECK(has_field(p, field));
  CHECK(find_field(p, "points")->value == "0");
  CHECK(contains(find_field(p, "points")->message, "from 2 to 100000"));
  CHECK(find_field(p, "noise")->value == "1.5");
  CHECK(contains(find_field(p, "noise")->message, "from 0 to 1"));
  CHECK(find_field(p, "input_min")->value == "\"NaN\"");
  CHECK(contains(find_field(p, "input_max")->message, "-1000 to 1000"));

  DatasetSpec s = spec_for(DatasetKind::line);
  s.input_min = 2;
  s.input_max = 2;
  CHECK(has_field(validate(s), "input_max"));
  s.input_min = 3;
  CHECK(contains(validate(s).at(0).message, "greater than input_min (3)"));
  s = spec_for(DatasetKind::circle);
  s.points = 100001;
  CHECK(has_field(validate(s), "points"));
  s.points = 100000;
  CHECK(validate(s).empty());
  s.points = 3;
  s.train_fraction = 0.1f; // rounds to 0 training points
  const Problems tf = validate(s);
  REQUIRE(tf.size() == 1);
  CHECK(tf[0].field == "train_fraction");
  CHECK(contains(tf[0].message, "at least one point in each set"));
  s.train_fraction = 0.9f; // rounds to 3: no test point
  CHECK(has_field(validate(s), "train_fraction"));
  s.train_fraction = 0.5f;
  CHECK(validate(s).empty());
  for (float v : {kNaN, kInf, -kInf, 0.0f, -0.5f, 1.0f}) {
    s = spec_for(DatasetKind::xor_);
    s.train_fraction = v;
    CHECK(has_field(validate(s), "train_fraction"));
  }
  s = spec_for(DatasetKind::gauss);
  s.noise = kNaN;
  CHECK(has_field(validate(s), "noise"));
  s = spec_for(DatasetKind::gauss);
  s.kind = static_cast<DatasetKind>(99);
  CHECK(has_field(validate(s), "kind"));
  // The input range is checked for every kind, even where only the 1-D sets use it.
  s = spec_for(DatasetKind::circle);
  s.input_min = kInf;
  CHECK(has_field(validate(s), "input_min"));
}

TEST_CASE("portable math: close to libm, exact bits by construction") {
  double worst_trig = 0, worst_log = 0;
  Rng rng(77);
  for (int i = 0; i < 200000; ++i) {
    const double x = portable::uniform(rng, -100.0, 100.0);
    worst_trig = std::max(worst_trig, std::fabs(portable::sin(x) - std::sin(x)));
    worst_trig = std::max(worst_trig, std::fabs(portable::cos(x) - std::cos(x)));
    const double y = std::ldexp(static_cast<double>(rng.uniform()) + 0.5,
                                static_cast<int>(portable::below(rng, 200)) - 100);
    worst_log = std::max(worst_log, std::fabs(portable::log(y) - std::log(y)) /
                                        std::max(1.0, std::fabs(std::log(y))));
  }
  CHECK(worst_trig < 4e-16);
  CHECK(worst_log < 4e-16);
  CHECK(portable::sin(0.0) == 0.0);
  CHECK(portable::cos(0.0) == 1.0);
  CHECK(portable::log(1.0) == 0.0);
  CHECK(std::isnan(portable::sin(std::numeric_limits<double>::infinity())));
  CHECK(std::isnan(portable::log(-1.0)));
  CHECK(portable::log(0.0) == -std::numeric_limits<double>::infinity());
  CHECK(std::fabs(portable::sin(1e5) - std::sin(1e5)) < 1e-10);
  CHECK(portable::sin(1e7) == std::sin(1e7)); // beyond kTrigLimit: libm

  // below(n): in range, every value reached; shuffle: a permutation.
  std::vector<int> seen(7, 0);
  for (int i = 0; i < 7000; ++i)
    ++seen[portable::below(rng, 7)];
  CHECK(std::all_of(seen.begin(), seen.end(), [](int c) { return c > 850 && c < 1150; }));
  std::vector<std::uint32_t> idx(100);
  for (std::uint32_t i = 0; i < 100; ++i)
    idx[i] = i;
  portable::shuffle(rng, idx);
  std::vector<std::uint32_t> sorted = idx;
  std::sort(sorted.begin(), sorted.end());
  for (std::uint32_t i = 0; i < 100; ++i)
    CHECK(sorted[i] == i);
  CHECK(idx != sorted);

  // normal(): mean 0, variance 1.
  double sum = 0, sum2 = 0;
  for (int i = 0; i < 100000; ++i) {
    const double v = portable::normal(rng);
    sum += v;
    sum2 += v * v;
  }
  CHECK(std::fabs(sum / 1e5) < 0.02);
  CHECK(std::fabs(sum2 / 1e5 - 1) < 0.02);
}

// ----- CSV -----

namespace {

CsvImport import_ok(std::string_view text, const CsvSpec& spec = {}) {
  CsvImport r = import_csv(text, spec);
  INFO(problems_to_text(r.problems));
  REQUIRE(r.ok());
  return r;
}

// The one problem of an import expected to fail.
Problem only_problem(std::string_view text, const CsvSpec& spec = {}) {
  const CsvImport r = import_csv(text, spec);
  INFO(problems_to_text(r.problems));
  REQUIRE(r.problems.size() == 1);
  return r.problems[0];
}

// Sorted (inputs..., target) rows of an import, to compare regardless of the shuffle.
std::vector<std::vector<float>> sorted_rows(const Dataset& d) {
  std::vector<std::vector<float>> rows;
  const Rows r = all_rows(d);
  for (std::size_t i = 0; i < r.y.size(); ++i) {
    std::vector<float> row(r.x.begin() + static_cast<std::ptrdiff_t>(i * d.inputs),
                           r.x.begin() + static_cast<std::ptrdiff_t>((i + 1) * d.inputs));
    row.push_back(r.y[i]);
    rows.push_back(row);
  }
  std::sort(rows.begin(), rows.end());
  return rows;
}

using Table = std::vector<std::vector<float>>;

} // namespace

TEST_CASE("csv: header detected, names, target last by default, regression values kept") {
  const CsvImport r = import_ok("a,b,target\n1,2,3\n4,5,6\n7,8,-9\n-1.5e1,.5,+2\n");
  CHECK(r.had_header);
  CHECK(r.columns == 3);
  CHECK(r.target_column == 3);
  const Dataset& d = r.dataset;
  CHECK(d.task == Task::regression);
  CHECK(d.inputs == 2);
  CHECK(d.input_names == std::vector<std::string>{"a", "b"});
  CHECK(d.target_name == "target");
  CHECK(d.train_size() == 2);
  CHECK(d.test_size() == 2);
  CHECK(sorted_rows(d) == Table{{-15, 0.5f, 2}, {1, 2, 3}, {4, 5, 6}, {7, 8, -9}});
  CHECK(d.domain_min == std::vector<float>{-15, 0.5f});
  CHECK(d.domain_max == std::vector<float>{7, 8});
}

TEST_CASE("csv: no header, CRLF, spaces, blank lines, BOM, other delimiters, quotes") {
  const Table want = {{1, 2, 3}, {4, 5, 6}};
  for (const char* text :
       {"1,2,3\n4,5,6", "1,2,3\r\n4,5,6\r\n", "\n  1 , 2,3  \n\n4,\t5,6\n\n\n   \n",
        "\xEF\xBB\xBF"
        "1,2,3\n4,5,6\n",
        "1;2;3\n4;5;6\n", "1\t2\t3\n4\t 5 \t6\n", "\"1\",2,\"3\"\n4,\"5\" ,6\n"}) {
    const CsvImport r = import_ok(text);
    INFO(text);
    CHECK_FALSE(r.had_header);
    CHECK(r.dataset.input_names == std::vector<std::string>{"x1", "x2"});
    CHECK(r.dataset.target_name == "y");
    CHECK(sorted_rows(r.dataset) == want);
  }
  // Quoted header names with the delimiter and a quote inside.
  const CsvImport q = import_ok("\"a, b\",\"say \"\"hi\"\"\",y\n1,2,3\n4,5,6\n");
  CHECK(q.dataset.input_names == std::vector<std::string>{"a, b", "say \"hi\""});
  // Forcing: a numeric first line read as a header, and no header.
  CsvSpec spec;
  spec.header = true;
  const CsvImport h = import_ok("10,20,30\n1,2,3\n4,5,6\n", spec);
  CHECK(h.dataset.input_names == std::vector<std::string>{"10", "20"});
  CHECK(h.dataset.target_name == "30");
  CHECK(sorted_rows(h.dataset) == want);
  spec.header = false;
  const CsvImport bad = import_csv("a,b,c\n1,2,3\n4,5,6\n", spec);
  REQUIRE(bad.problems.size() == 3);
  CHECK(bad.problems[0].field == "line 1, column 1");
  CHECK(bad.problems[0].message == "'a' is not a number");
  CHECK(bad.problems[2].field == "line 1, column 3");
}

TEST_CASE("csv: target column chosen, 1-based or from the end") {
  const char* text = "t,u,v\n1,2,3\n4,5,6\n7,8,9\n";
  CsvSpec spec;
  spec.target_column = 1;
  CsvImport r = import_ok(text, spec);
  CHECK(r.target_column == 1);
  CHECK(r.dataset.input_names == std::vector<std::string>{"u", "v"});
  CHECK(r.dataset.target_name == "t");
  CHECK(sorted_rows(r.dataset) == Table{{2, 3, 1}, {5, 6, 4}, {8, 9, 7}});
  spec.target_column = -2;
  r = import_ok(text, spec);
  CHECK(r.target_column == 2);
  CHECK(sorted_rows(r.dataset) == Table{{1, 3, 2}, {4, 6, 5}, {7, 9, 8}});
  for (int bad : {0, 4, -4, 100}) {
    spec.target_column = bad;
    const Problem p = only_problem(text, spec);
    CHECK(p.field == "target_column");
    CHECK(p.value == std::to_string(bad));
    CHECK(contains(p.message, "from 1 to 3, or from -3 to -1"));
  }
}

TEST_CASE("csv: binary classification maps two values to 0 and 1") {
  CsvSpec spec;
  spec.task = Task::binary_classification;
  CsvImport r = import_ok("x,y,class\n1,2,-1\n3,4,1\n5,6,1\n7,8,-1\n", spec);
  CHECK(r.dataset.task == Task::binary_classification);
  CHECK(r.class_values == std::array<float, 2>{-1, 1});
  CHECK(sorted_rows(r.dataset) == Table{{1, 2, 0}, {3, 4, 1}, {5, 6, 1}, {7, 8, 0}});
  r = import_ok("1,2,1\n3,4,0\n", spec);
  CHECK(r.class_values == std::array<float, 2>{0, 1});
  CHECK(r.dataset.target_name == "label");
  CHECK(sorted_rows(r.dataset) == Table{{1, 2, 1}, {3, 4, 0}});
  r = import_ok("7,1,2\n3,4,1\n", spec);
  CHECK(r.class_values == std::array<float, 2>{1, 2});

  Problem p = only_problem("a,b,c\n1,2,0\n3,4,1\n5,6,1\n7,8,2\n9,9,3\n", spec);
  CHECK(p.field == "line 5, column 3");
  CHECK(p.value == "2");
  CHECK(contains(p.message, "third distinct target value"));
  p = only_problem("1,2,5\n3,4,5\n", spec);
  CHECK(p.field == "target_column");
  CHECK(contains(p.message, "single value 5"));
}

TEST_CASE("csv: errors name the line and column") {
  Problem p = only_problem("a,b,c\n1,2,3\n4,5,6\n\n7,8,9\n1,2,3\n1,2,abc\n");
  CHECK(p.field == "line 7, column 3");
  CHECK(p.value == "abc");
  CHECK(problems_to_text({p}) == "line 7, column 3 = abc: 'abc' is not a number");

  p = only_problem("1,2,3\n4,5\n6,7,8\n");
  CHECK(p.field == "line 2");
  CHECK(p.message == "2 fields where line 1 has 3");
  p = only_problem("1,2,3\n4,5,6,7\n6,7,8\n");
  CHECK(p.message == "4 fields where line 1 has 3");

  p = only_problem("");
  CHECK(p.field == "file");
  CHECK(p.message == "the file is empty");
  CHECK(only_problem("\n \r\n\n").message == "the file is empty");
  CHECK(only_problem("a,b\n\n").message == "the file has no data rows");
  CHECK(contains(only_problem("a,b\n1,2\n").message, "one data row"));

  p = only_problem("a\n1\n2\n");
  CHECK(p.field == "line 1");
  CHECK(contains(p.message, "one column"));

  for (const char* word : {"nan", "NaN", "inf", "-Infinity"}) {
    p = only_problem(std::string("1,2\n3,") + word + "\n");
    CHECK(p.field == "line 2, column 2");
    CHECK(p.message == std::string(1, '\'').append(word).append("' is not a finite number"));
  }
  p = only_problem("1,2\n1e39,4\n");
  CHECK(p.field == "line 2, column 1");
  CHECK(contains(p.message, "out of float range"));
  p = only_problem("1,,3\n4,5,6\n7,8,9\n"); // an empty field does not make a header
  CHECK(p.field == "line 1, column 2");
  CHECK(contains(p.message, "empty field"));
  p = only_problem("1,2\n3,\n");
  CHECK(p.field == "line 2, column 2");
  CHECK(contains(p.message, "empty field"));
  for (const char* bad : {"0x10", "1e", "1.2.3", "--1", ".", "1,5e", "12abc", "+"}) {
    const CsvImport r = import_csv(std::string("1;2\n3;") + bad + "\n", {});
    INFO(bad, ": ", problems_to_text(r.problems));
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].field == "line 2, column 2");
    CHECK(contains(r.problems[0].message, "is not a number"));
  }
  p = only_problem("a,\"b\nc\n");
  CHECK(p.field == "line 1, column 2");
  CHECK(contains(p.message, "quote is not closed"));
  p = only_problem("1,2\n\"3\" x,4\n");
  CHECK(p.field == "line 2, column 1");
  CHECK(contains(p.message, "after the closing quote"));
}

TEST_CASE("csv: every problem at once, capped") {
  CsvSpec spec;
  spec.train_fraction = 2.0f;
  spec.features.x1x2 = true; // 3 inputs
  CsvImport r = import_csv("a,b,c,d\n1,x,3,4\n5,6,7\n8,9,10,y\n", spec);
  INFO(problems_to_text(r.problems));
  CHECK(has_field(r.problems, "line 2, column 2"));
  CHECK(has_field(r.problems, "line 3"));
  CHECK(has_field(r.problems, "line 4, column 4"));
  CHECK(has_field(r.problems, "train_fraction"));
  CHECK(has_field(r.problems, "features.x1x2"));
  CHECK(r.problems.size() == 5);

  std::string text = "a,b\n";
  for (int i = 0; i < 30; ++i)
    text += "1,z\n";
  r = import_csv(text, {});
  REQUIRE(r.problems.size() == kCsvMaxProblems + 1);
  CHECK(r.problems.front().field == "line 2, column 2");
  CHECK(r.problems.back().field == "file");
  CHECK(r.problems.back().message == "and 10 more problems like these");
}

TEST_CASE("csv: a feature that overflows float32 is refused, naming it") {
  CsvSpec spec;
  spec.features.x_squared = true;
  const CsvImport r = import_csv("a,b,y\n1,3e38,0\n2,3,1\n4,5,0\n", spec);
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].field == "features");
  CHECK(r.problems[0].value == "b^2");
  CHECK(r.problems[0].message.find("Infinity") != std::string::npos);
  spec.features.x_squared = false;
  CHECK(import_csv("a,b,y\n1,3e38,0\n2,3,1\n4,5,0\n", spec).ok());
}

TEST_CASE("csv: at most 100000 data rows") {
  std::string text = "a,b\n";
  for (int i = 0; i < kMaxPoints; ++i)
    text += "1,2\n";
  CHECK(import_ok(text).dataset.train_size() == kMaxPoints / 2);
  text += "3,4\n";
  const Problem p = only_problem(text);
  CHECK(p.field == "line 100002");
  CHECK(contains(p.message, "more than 100000 data rows"));
}

TEST_CASE("csv: features, split and seed") {
  CsvSpec spec;
  spec.features = {true, true, true};
  spec.train_fraction = 0.75f;
  std::string text = "p,q,r\n";
  for (int i = 0; i < 40; ++i)
    text += std::to_string(i) + "," + std::to_string(i % 7) + "," + std::to_string(i * 2) + "\n";
  const CsvImport a = import_ok(text, spec);
  const Dataset& d = a.dataset;
  CHECK(d.inputs == 7);
  CHECK(d.base_inputs == 2);
  CHECK(d.input_names ==
        std::vector<std::string>{"p", "q", "p^2", "q^2", "p*q", "sin(p)", "sin(q)"});
  CHECK(d.train_size() == 30);
  CHECK(d.test_size() == 10);
  for (int i = 0; i < d.train_size(); ++i) {
    const float* row = d.x_train.data() + i * 7;
    CHECK(d.y_train[static_cast<std::size_t>(i)] == row[0] * 2);
    CHECK(row[2] == row[0] * row[0]);
    CHECK(row[4] == row[0] * row[1]);
  }
  CHECK(same_bytes(import_ok(text, spec).dataset.x_train, d.x_train));
  spec.seed = 1;
  CHECK_FALSE(same_bytes(import_ok(text, spec).dataset.x_train, d.x_train));
}

TEST_CASE("features: omitted columns are left out by their positional names") {
  Features f;
  f.x_squared = true;
  f.x1x2 = true;
  f.sin = true;
  CHECK(positional_names(f, 2) ==
        std::vector<std::string>{"x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)"});
  f.omit = {"x1", "x2", "sin(x1)"};
  CHECK(validate(f, 2).empty());
  CHECK(expanded_inputs(f, 2) == 4);
  const std::vector<std::string> header = {"age", "income"};
  CHECK(expanded_names(f, header) ==
        std::vector<std::string>{"age^2", "income^2", "age*income", "sin(income)"});
  const std::vector<float> row = {2.0f, -3.0f};
  const std::vector<float> out = expand_features(f, 2, row);
  REQUIRE(out.size() == 4);
  CHECK(out[0] == 4.0f);
  CHECK(out[1] == 9.0f);
  CHECK(out[2] == -6.0f);
  CHECK(out[3] == static_cast<float>(portable::sin(-3.0)));
}

TEST_CASE("features: bad omissions are named, and some column must remain") {
  Features f;
  f.omit = {"x3", "x1", "x1"};
  const Problems p = validate(f, 2);
  CHECK(has_field(p, "features.omit[0]"));
  CHECK(has_field(p, "features.omit[2]"));
  Features none;
  none.omit = {"x1", "x2"};
  CHECK(has_field(validate(none, 2), "features.omit"));
  Features one_d;
  one_d.sin = true;
  one_d.omit = {"x1"};
  CHECK(validate(one_d, 1).empty());
  CHECK(expanded_inputs(one_d, 1) == 1);
}

TEST_CASE("datasets keep the raw inputs of every row, whichever columns are omitted") {
  DatasetSpec spec;
  spec.kind = DatasetKind::circle;
  spec.points = 40;
  spec.features.x_squared = true;
  spec.features.omit = {"x1", "x2"};
  const Dataset d = make_dataset(spec);
  REQUIRE(d.inputs == 2);
  REQUIRE(d.base_train.size() == static_cast<std::size_t>(d.train_size()) * 2);
  REQUIRE(d.base_test.size() == static_cast<std::size_t>(d.test_size()) * 2);
  for (int r = 0; r < d.train_size(); ++r) {
    const float x1 = d.base_train[r * 2], x2 = d.base_train[r * 2 + 1];
    CHECK(d.x_train[r * 2] == x1 * x1);
    CHECK(d.x_train[r * 2 + 1] == x2 * x2);
  }
}
