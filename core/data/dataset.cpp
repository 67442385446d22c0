#include "dataset.hpp"

#include "json_writer.hpp"
#include "portable_math.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <numeric>

// Two roundings for a*b+c, never one fused (see portable_math.hpp).
#if defined(__clang__)
#pragma clang fp contract(off)
#elif defined(__GNUC__)
#pragma GCC optimize("fp-contract=off")
#endif

namespace leaky {

namespace {

constexpr std::array<DatasetInfo, kAllDatasetKinds.size()> kInfo = {{
    {"circle", "Circle", Task::binary_classification, 2},
    {"xor", "Exclusive or", Task::binary_classification, 2},
    {"gauss", "Two Gaussians", Task::binary_classification, 2},
    {"spiral", "Spiral", Task::binary_classification, 2},
    {"moons", "Two moons", Task::binary_classification, 2},
    {"plane", "Plane", Task::regression, 2},
    {"gaussians", "Signed bumps", Task::regression, 2},
    {"sine", "y = sin(x)", Task::regression, 1},
    {"line", "y = x", Task::regression, 1},
    {"abs", "y = |x| - c", Task::regression, 1},
}};

constexpr double kPi = 3.14159265358979323846;

// The points before the split: x [n x inputs] and y [n], appended to in generation order.
struct Points {
  std::vector<float> x, y;
  void add(float x1, float x2, double label) {
    x.push_back(x1);
    x.push_back(x2);
    y.push_back(static_cast<float>(label));
  }
};

float to_float(double v) {
  return static_cast<float>(v);
}

// Counts of the two classes: label 1 gets the first half (rounded down), label 0 the rest.
int first_half(int points) {
  return points / 2;
}

void circle(Points& p, int points, double noise, Rng& rng) {
  constexpr double radius = 5.0;
  const int n1 = first_half(points);
  for (int i = 0; i < points; ++i) {
    const bool inner = i < n1;
    const double r = inner ? portable::uniform(rng, 0.0, radius * 0.5)
                           : portable::uniform(rng, radius * 0.7, radius);
    const double angle = portable::uniform(rng, 0.0, 2.0 * kPi);
    const float x = to_float(r * portable::sin(angle));
    const float y = to_float(r * portable::cos(angle));
    const double nx = portable::uniform(rng, -radius, radius) * noise;
    const double ny = portable::uniform(rng, -radius, radius) * noise;
    const double px = static_cast<double>(x) + nx;
    const double py = static_cast<double>(y) + ny;
    p.add(x, y, px * px + py * py < (radius * 0.5) * (radius * 0.5) ? 1.0 : 0.0);
  }
}

void xor_(Points& p, int points, double noise, Rng& rng) {
  constexpr double padding = 0.3;
  for (int i = 0; i < points; ++i) {
    double x = portable::uniform(rng, -5.0, 5.0);
    x += x > 0 ? padding : -padding;
    double y = portable::uniform(rng, -5.0, 5.0);
    y += y > 0 ? padding : -padding;
    const float fx = to_float(x), fy = to_float(y);
    const double nx = portable::uniform(rng, -5.0, 5.0) * noise;
    const double ny = portable::uniform(rng, -5.0, 5.0) * noise;
    const double px = static_cast<double>(fx) + nx;
    const double py = static_cast<double>(fy) + ny;
    p.add(fx, fy, px * py >= 0 ? 1.0 : 0.0);
  }
}

// A normal draw with this mean and standard deviation, redrawn until it lies in [-6, 6].
double truncated_normal(Rng& rng, double mean, double sd) {
  for (;;) {
    const double v = mean + sd * portable::normal(rng);
    if (v >= -6.0 && v <= 6.0) return v;
  }
}

void gauss(Points& p, int points, double noise, Rng& rng) {
  const double sd = std::sqrt(0.5 + 7.0 * noise);
  const int n1 = first_half(points);
  for (int i = 0; i < points; ++i) {
    const double centre = i < n1 ? 2.0 : -2.0;
    const double x = truncated_normal(rng, centre, sd);
    const double y = truncated_normal(rng, centre, sd);
    p.add(to_float(x), to_float(y), i < n1 ? 1.0 : 0.0);
  }
}

void spiral(Points& p, int points, double noise, Rng& rng) {
  const int n1 = first_half(points);
  const int counts[2] = {n1, points - n1};
  for (int arm = 0; arm < 2; ++arm) {
    const int n = counts[arm];
    const double delta = arm == 0 ? 0.0 : kPi;
    for (int i = 0; i < n; ++i) {
      const double frac = static_cast<double>(i) / static_cast<double>(n);
      const double r = frac * 5.0;
      const double t = 1.75 * frac * 2.0 * kPi + delta;
      const double x = r * portable::sin(t) + portable::uniform(rng, -1.0, 1.0) * noise;
      const double y = r * portable::cos(t) + portable::uniform(rng, -1.0, 1.0) * noise;
      p.add(to_float(x), to_float(y), arm == 0 ? 1.0 : 0.0);
    }
  }
}

void moons(Points& p, int points, double noise, Rng& rng) {
  constexpr double scale = 8.0 / 3.0;
  const int n1 = first_half(points);
  for (int i = 0; i < points; ++i) {
    const bool lower = i < n1; // label 1
    const double t = portable::uniform(rng, 0.0, kPi);
    const double c = portable::cos(t), s = portable::sin(t);
    const double mx = lower ? 1.0 - c : c;
    const double my = lower ? 0.5 - s : s;
    const double x = (mx - 0.5) * scale + portable::uniform(rng, -2.0, 2.0) * noise;
    const double y = (my - 0.25) * scale + portable::uniform(rng, -2.0, 2.0) * noise;
    p.add(to_float(x), to_float(y), lower ? 1.0 : 0.0);
  }
}

// The Playground's reg-plane and reg-gauss: the target at the point moved by the noise.
template <class Target>
void regress_2d(Points& p, int points, double noise, Rng& rng, Target target) {
  for (int i = 0; i < points; ++i) {
    const float x = to_float(portable::uniform(rng, -6.0, 6.0));
    const float y = to_float(portable::uniform(rng, -6.0, 6.0));
    const double nx = portable::uniform(rng, -6.0, 6.0) * noise;
    const double ny = portable::uniform(rng, -6.0, 6.0) * noise;
    p.add(x, y, target(static_cast<double>(x) + nx, static_cast<double>(y) + ny));
  }
}

double plane_target(double x, double y) {
  return (x + y) / 10.0;
}

double gaussians_target(double x, double y) {
  constexpr double bumps[6][3] = {{-4, 2.5, 1},   {0, 2.5, -1}, {4, 2.5, 1},
                                  {-4, -2.5, -1}, {0, -2.5, 1}, {4, -2.5, -1}};
  double label = 0;
  for (const auto& b : bumps) {
    const double dx = x - b[0], dy = y - b[1];
    const double height = std::max(0.0, 1.0 - std::sqrt(dx * dx + dy * dy) / 2.0);
    const double v = b[2] * height;
    if (std::fabs(v) > std::fabs(label)) label = v;
  }
  return label;
}

// |x| over [lo, hi]: its smallest and largest values.
std::pair<double, double> abs_range(double lo, double hi) {
  const double top = std::max(std::fabs(lo), std::fabs(hi));
  const double bottom = lo <= 0 && hi >= 0 ? 0.0 : std::min(std::fabs(lo), std::fabs(hi));
  return {bottom, top};
}

void regress_1d(Points& p, DatasetKind kind, int points, double noise, double lo, double hi,
                Rng& rng) {
  const auto [abs_lo, abs_hi] = abs_range(lo, hi);
  const double abs_mid = (abs_lo + abs_hi) / 2.0;
  double amplitude = 1.0;
  if (kind == DatasetKind::line) amplitude = (hi - lo) / 2.0;
  if (kind == DatasetKind::abs) amplitude = (abs_hi - abs_lo) / 2.0;
  for (int i = 0; i < points; ++i) {
    const float x = to_float(portable::uniform(rng, lo, hi));
    const double xd = static_cast<double>(x);
    double y = 0;
    switch (kind) {
    case DatasetKind::sine:
      y = portable::sin(xd);
      break;
    case DatasetKind::line:
      y = xd;
      break;
    default:
      y = std::fabs(xd) - abs_mid;
    }
    y += noise * amplitude * portable::uniform(rng, -1.0, 1.0);
    p.x.push_back(x);
    p.y.push_back(to_float(y));
  }
}

std::string text(int v) {
  return std::to_string(v);
}

} // namespace

std::string_view task_name(Task task) {
  return task == Task::regression ? "regression" : "binary_classification";
}

std::optional<Task> parse_task(std::string_view name) {
  if (name == "binary_classification") return Task::binary_classification;
  if (name == "regression") return Task::regression;
  return std::nullopt;
}

const DatasetInfo& dataset_info(DatasetKind kind) {
  return kInfo[static_cast<std::size_t>(kind)];
}

std::optional<DatasetKind> parse_dataset_kind(std::string_view name) {
  for (DatasetKind k : kAllDatasetKinds)
    if (dataset_info(k).name == name) return k;
  return std::nullopt;
}

std::string dataset_kind_names() {
  std::string out;
  for (DatasetKind k : kAllDatasetKinds) {
    if (!out.empty()) out += ", ";
    out += dataset_info(k).name;
  }
  return out;
}

int train_rows(int rows, float train_fraction) {
  // rows <= 2^17 and a float's 24 bits: the product is exact in double.
  const double t = static_cast<double>(rows) * static_cast<double>(train_fraction);
  return static_cast<int>(std::floor(t + 0.5));
}

Problems validate_train_fraction(float train_fraction, int rows) {
  Problems problems;
  const std::string value = json::number(train_fraction);
  if (!std::isfinite(train_fraction) || train_fraction <= 0.0f || train_fraction >= 1.0f) {
    problems.push_back({"train_fraction", value,
                        "train_fraction must be a number between 0 and 1, both excluded"});
  } else if (rows >= 2) {
    const int train = train_rows(rows, train_fraction);
    if (train < 1 || train > rows - 1) {
      const double n = rows;
      problems.push_back({"train_fraction", value,
                          "train_fraction must leave at least one point in each set: with " +
                              text(rows) + " points it must be at least " + json::number(0.5 / n) +
                              " and below " + json::number((n - 0.5) / n) + " (it gives " +
                              text(train) + " training points)"});
    }
  }
  return problems;
}

Problems validate(const DatasetSpec& spec) {
  Problems problems;
  const auto kind_index = static_cast<std::size_t>(spec.kind);
  const bool kind_ok = kind_index < kAllDatasetKinds.size();
  if (!kind_ok)
    problems.push_back({"kind", text(static_cast<int>(kind_index)),
                        "kind must be one of: " + dataset_kind_names()});
  const bool points_ok = spec.points >= 2 && spec.points <= kMaxPoints;
  if (!points_ok)
    problems.push_back({"points", text(spec.points),
                        "points must be a whole number from 2 to " + text(kMaxPoints) +
                            " (training and test sets together)"});
  if (!(spec.noise >= 0.0f && spec.noise <= kMaxNoise))
    problems.push_back({"noise", json::number(spec.noise), "noise must be a number from 0 to 1"});
  for (const Problem& p : validate_train_fraction(spec.train_fraction, points_ok ? spec.points : 0))
    problems.push_back(p);

  const auto range_ok = [&](const char* field, float v) {
    if (std::isfinite(v) && std::fabs(v) <= kInputLimit) return true;
    problems.push_back({field, json::number(v),
                        std::string(field) + " must be a number from -" +
                            text(static_cast<int>(kInputLimit)) + " to " +
                            text(static_cast<int>(kInputLimit))});
    return false;
  };
  const bool min_ok = range_ok("input_min", spec.input_min);
  const bool max_ok = range_ok("input_max", spec.input_max);
  if (min_ok && max_ok && !(spec.input_min < spec.input_max))
    problems.push_back(
        {"input_max", json::number(spec.input_max),
         "input_max must be greater than input_min (" + json::number(spec.input_min) + ")"});

  if (kind_ok)
    for (const Problem& p : validate(spec.features, dataset_info(spec.kind).inputs))
      problems.push_back(p);
  return problems;
}

void shuffle_split(Dataset& dataset, std::span<const float> x, std::span<const float> y,
                   std::span<const std::string> base_names, const Features& features,
                   float train_fraction, Rng& rng) {
  const auto rows = static_cast<int>(y.size());
  const auto n = base_names.size();
  assert(x.size() == y.size() * n && rows >= 2);
  std::vector<std::uint32_t> order(y.size());
  std::iota(order.begin(), order.end(), 0u);
  portable::shuffle(rng, order);
  const auto train = static_cast<std::size_t>(train_rows(rows, train_fraction));

  std::vector<float> xs[2], ys[2];
  for (std::size_t i = 0; i < order.size(); ++i) {
    const int set = i < train ? 0 : 1;
    const std::size_t row = order[i];
    xs[set].insert(xs[set].end(), x.begin() + static_cast<std::ptrdiff_t>(row * n),
                   x.begin() + static_cast<std::ptrdiff_t>((row + 1) * n));
    ys[set].push_back(y[row]);
  }
  const int base = static_cast<int>(n);
  dataset.base_inputs = base;
  dataset.inputs = expanded_inputs(features, base);
  dataset.outputs = 1;
  dataset.input_names = expanded_names(features, base_names);
  dataset.x_train = expand_features(features, base, xs[0]);
  dataset.x_test = expand_features(features, base, xs[1]);
  dataset.base_train = std::move(xs[0]);
  dataset.base_test = std::move(xs[1]);
  dataset.y_train = std::move(ys[0]);
  dataset.y_test = std::move(ys[1]);
}

Dataset make_dataset(const DatasetSpec& spec) {
  assert(validate(spec).empty());
  const DatasetInfo& info = dataset_info(spec.kind);
  Rng rng(spec.seed, kDatasetStream);
  const double noise = static_cast<double>(spec.noise);
  const int n = spec.points;
  const double lo = static_cast<double>(spec.input_min), hi = static_cast<double>(spec.input_max);

  Points p;
  p.x.reserve(static_cast<std::size_t>(n * info.inputs));
  p.y.reserve(static_cast<std::size_t>(n));
  switch (spec.kind) {
  case DatasetKind::circle:
    circle(p, n, noise, rng);
    break;
  case DatasetKind::xor_:
    xor_(p, n, noise, rng);
    break;
  case DatasetKind::gauss:
    gauss(p, n, noise, rng);
    break;
  case DatasetKind::spiral:
    spiral(p, n, noise, rng);
    break;
  case DatasetKind::moons:
    moons(p, n, noise, rng);
    break;
  case DatasetKind::plane:
    regress_2d(p, n, noise, rng, plane_target);
    break;
  case DatasetKind::gaussians:
    regress_2d(p, n, noise, rng, gaussians_target);
    break;
  case DatasetKind::sine:
  case DatasetKind::line:
  case DatasetKind::abs:
    regress_1d(p, spec.kind, n, noise, lo, hi, rng);
    break;
  }

  Dataset d;
  d.task = info.task;
  d.target_name = info.task == Task::regression ? "y" : "label";
  const std::vector<std::string> names =
      info.inputs == 1 ? std::vector<std::string>{"x"} : std::vector<std::string>{"x1", "x2"};
  shuffle_split(d, p.x, p.y, names, spec.features, spec.train_fraction, rng);
  if (info.inputs == 1) {
    d.domain_min = {spec.input_min};
    d.domain_max = {spec.input_max};
  } else {
    d.domain_min = {-6.0f, -6.0f};
    d.domain_max = {6.0f, 6.0f};
  }
  return d;
}

} // namespace leaky
