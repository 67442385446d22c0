// Seeded datasets: the TensorFlow Playground's 2-D sets, moons, and 1-D regression curves,
// with noise, a train/test split and optional input features. No I/O (CSV: csv_import.hpp).
// docs/definitions.md, Datasets, is the home of these definitions.
//
// 2-D classification (inputs in [-6, 6]^2; label 1 is the Playground's +1, label 0 its -1):
//   circle   half the points at radius U(0, 2.5), half at U(3.5, 5), angle U(0, 2pi);
//            label 1 iff the point moved by (U(-5,5), U(-5,5)) * noise lies inside radius
//            2.5. Noise flips labels near the boundary; it does not move points.
//   xor      x, y ~ U(-5, 5), pushed 0.3 away from the axes; label 1 iff x*y >= 0 for the
//            point moved by (U(-5,5), U(-5,5)) * noise (label noise, as circle).
//   gauss    two Gaussian clusters, label 1 around (2, 2), label 0 around (-2, -2), variance
//            0.5 + 7 * noise (the Playground's 0.5..4 over its noise 0..0.5, continued);
//            coordinates are redrawn until they fall in [-6, 6] (a truncated normal).
//   spiral   two arms of points i = 0..n-1: r = 5i/n, t = 1.75 * 2pi * i/n (+ pi for label
//            0), point (r sin t, r cos t) + (U(-1,1), U(-1,1)) * noise. Noise moves points.
//   moons    scikit-learn's two half circles, t ~ U(0, pi): label 0 (cos t, sin t), label 1
//            (1 - cos t, 0.5 - sin t); centred and scaled by 8/3 into [-4, 4] x [-2, 2],
//            then moved by (U(-2,2), U(-2,2)) * noise, which keeps them in [-6, 6].
// 2-D regression (inputs in [-6, 6]^2, the Playground's reg-plane and reg-gauss; noise
// evaluates the target at the point moved by (U(-6,6), U(-6,6)) * noise):
//   plane     y = (x1 + x2) / 10, in [-1.2, 1.2].
//   gaussians six signed cones of radius 2: +1 at (-4, 2.5), (0, -2.5), (4, 2.5), -1 at
//             (0, 2.5), (-4, -2.5), (4, -2.5); y = sign * max(0, 1 - d/2) of the nearest
//             (their supports do not overlap, so this is also their sum); y in [-1, 1].
// 1-D regression, x ~ U(input_min, input_max), target plus noise * A * U(-1, 1):
//   sine  y = sin(x), A = 1.
//   line  y = x, A = (input_max - input_min) / 2.
//   abs   y = |x| - c, c the middle of |x|'s range over [input_min, input_max] (3 for the
//         default [-6, 6], so targets are signed), A = half of |x|'s range.
// With noise 0, circle, xor, spiral and moons are exactly separable by their geometry.
//
// Generation draws the points class by class (label 1 first, as the Playground), every
// random number from one PCG32 (seed, kDatasetStream), each draw made even when noise is 0,
// so changing only the noise keeps the same base points. Then the rows are shuffled
// (Fisher-Yates) and the first round(points * train_fraction) become the training set.
// Positions are rounded to float first and labels computed from the stored values.
#pragma once
#include "features.hpp"
#include "problem.hpp"
#include "range.hpp"
#include "rng.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace leaky {

enum class Task : std::uint8_t { binary_classification, regression };

std::string_view task_name(Task task); // "binary_classification", "regression"
std::optional<Task> parse_task(std::string_view name);

enum class DatasetKind : std::uint8_t {
  circle,
  xor_,
  gauss,
  spiral,
  moons,
  plane,
  gaussians,
  sine,
  line,
  abs,
};

inline constexpr std::array<DatasetKind, 10> kAllDatasetKinds = {
    DatasetKind::circle, DatasetKind::xor_,  DatasetKind::gauss,     DatasetKind::spiral,
    DatasetKind::moons,  DatasetKind::plane, DatasetKind::gaussians, DatasetKind::sine,
    DatasetKind::line,   DatasetKind::abs};

struct DatasetInfo {
  std::string_view name;  // as configs and the CLI spell it: "circle", "xor", ...
  std::string_view label; // for people
  Task task;
  int inputs; // base inputs: 2, or 1 for sine, line, abs
};

const DatasetInfo& dataset_info(DatasetKind kind);
std::optional<DatasetKind> parse_dataset_kind(std::string_view name);
std::string dataset_kind_names(); // "circle, xor, ..." for error messages and help

// The PCG32 stream of data generation and of the train/test shuffle, so that the same
// seed drawing initial weights on another stream gives unrelated numbers.
inline constexpr std::uint64_t kDatasetStream = 0x6c65616b79646174ULL; // "leakydat"

// Limits, also used by the CSV importer.
inline constexpr int kMaxPoints = 100000;
inline constexpr float kMaxNoise = 1.0f;
inline constexpr float kInputLimit = 1000.0f; // |input_min|, |input_max| <= this

inline constexpr Range kPointsRange = Range::whole(2, kMaxPoints);
inline constexpr Range kNoiseRange = Range::closed(0, kMaxNoise);
inline constexpr Range kTrainFractionRange = Range::open(0, 1);
inline constexpr Range kInputBoundRange = Range::closed(-kInputLimit, kInputLimit);

struct DatasetSpec {
  DatasetKind kind = DatasetKind::circle;
  int points = 500;            // train + test, 2 .. kMaxPoints
  float noise = 0.0f;          // 0 .. 1 (the Playground's slider is 0 .. 50%, i.e. 0 .. 0.5)
  float train_fraction = 0.5f; // in (0, 1), leaving at least one point in each set
  float input_min = -6.0f;     // 1-D sets only (the 2-D sets span [-6, 6]); finite,
  float input_max = 6.0f;      //   within +-kInputLimit, input_min < input_max
  Features features;
  std::uint64_t seed = 0;
};

struct Dataset {
  Task task = Task::binary_classification;
  int inputs = 0;      // columns of x: the kept base inputs, then the kept feature columns
  int base_inputs = 0; // raw inputs per point (before features; some may be omitted from x)
  int outputs = 1;
  int classes = 2; // classification: labels are 0 .. classes-1 (softmax_ce uses one logit each)
  // Row-major [rows x inputs]; y is [rows x outputs]: 0 or 1 for binary classification,
  // the target for regression.
  std::vector<float> x_train, y_train, x_test, y_test;
  // The raw inputs of the same rows, [rows x base_inputs]: what a plot of the data shows,
  // whichever columns the network is fed.
  std::vector<float> base_train, base_test;
  std::vector<std::string> input_names; // one per column of x
  std::string target_name;
  // Per base input, the region to plot: [-6, 6] for the 2-D sets, [input_min, input_max]
  // for the 1-D sets, the data's own range for imported CSV.
  std::vector<float> domain_min, domain_max;

  int train_size() const { return static_cast<int>(y_train.size()) / outputs; }
  int test_size() const { return static_cast<int>(y_test.size()) / outputs; }
};

// Every problem at once, each with its field ("points", "noise", "train_fraction",
// "input_min", "input_max", "features.x1x2", "kind"), value and allowed range.
Problems validate(const DatasetSpec& spec);

// Precondition: validate(spec) is empty.
Dataset make_dataset(const DatasetSpec& spec);

// Rows that go to the training set: round(rows * train_fraction), half away from zero.
int train_rows(int rows, float train_fraction);

// Problems with train_fraction for this many rows (none when rows < 2: report that apart).
Problems validate_train_fraction(float train_fraction, int rows);

// Shuffles the rows of x [rows x base_inputs] and y [rows] with rng, splits them by
// train_fraction, and fills dataset's x/y vectors, expanded by `features`; also sets
// inputs, base_inputs, outputs = 1 and input_names from base_names.
void shuffle_split(Dataset& dataset, std::span<const float> x, std::span<const float> y,
                   std::span<const std::string> base_names, const Features& features,
                   float train_fraction, Rng& rng);

} // namespace leaky
