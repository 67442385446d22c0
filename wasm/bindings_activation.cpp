// Embind bindings for the activation kernels. This layer only validates and binds: every
// input is checked (by core's validate) before it reaches a kernel, and problems come back
// to JS as a JSON array, never as an abort.
#include "activation.hpp"
#include "catalog_json.hpp"
#include "json_writer.hpp"
#include "range.hpp"
#include "version.hpp"

#include <emscripten/bind.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace {

using emscripten::val;

// What the page sends: a plain JS object with every field present.
struct ActivationSpecJs {
  std::string kind;
  double alpha = 0.01;
  double lower = leaky::kRreluLower;
  double upper = leaky::kRreluUpper;
  bool training = false;
  double seed = 0;
};

constexpr int kMaxCapacity = 1 << 22;

std::string build_info() {
  return std::string("{\"variant\":") + (LEAKY_SIMD ? "\"simd\"" : "\"scalar\"") +
         ",\"arch\":" + leaky::json::quote(leaky::simd_arch_name()) +
         ",\"version\":" + leaky::json::quote(leaky::kVersion) + "}";
}

// Owns the input and output buffers the page reads through typed_memory_views.
class ActivationEval {
public:
  explicit ActivationEval(int capacity)
      : z_(std::clamp(capacity, 0, kMaxCapacity)), f_(z_.size()), df_(z_.size()),
        noise_(z_.size()) {}

  val z() { return val(emscripten::typed_memory_view(z_.size(), z_.data())); }
  val f() { return val(emscripten::typed_memory_view(f_.size(), f_.data())); }
  val df() { return val(emscripten::typed_memory_view(df_.size(), df_.data())); }

  // "" on success, else a JSON array of problems.
  std::string evaluate(const ActivationSpecJs& spec, int n) {
    leaky::Problems problems;
    leaky::Activation act;
    if (auto kind = leaky::parse_kind(spec.kind)) {
      act = leaky::default_activation(*kind);
    } else {
      problems.push_back({"kind", spec.kind, "kind must be one of: " + leaky::kind_names()});
    }
    act.alpha = leaky::to_float(spec.alpha);
    act.lower = leaky::to_float(spec.lower);
    act.upper = leaky::to_float(spec.upper);
    act.training = spec.training;
    for (leaky::Problem& p : leaky::validate(act))
      problems.push_back(std::move(p));
    if (n < 0 || static_cast<std::size_t>(n) > z_.size())
      problems.push_back(
          {"n", std::to_string(n), "n must be within [0, " + std::to_string(z_.size()) + "]"});
    if (!(spec.seed >= 0 && spec.seed <= 9007199254740992.0 && std::floor(spec.seed) == spec.seed))
      problems.push_back(
          {"seed", leaky::json::number(spec.seed), "seed must be an integer within [0, 2^53]"});
    if (!problems.empty()) return leaky::problems_to_json(problems);

    const auto count = static_cast<std::size_t>(n);
    std::span<const float> z(z_.data(), count);
    std::span<const float> noise;
    if (act.kind == leaky::Kind::rrelu && act.training) {
      leaky::Rng rng(static_cast<std::uint64_t>(spec.seed));
      leaky::fill_rrelu_noise(act, rng, std::span<float>(noise_.data(), count));
      noise = std::span<const float>(noise_.data(), count);
    }
    leaky::forward(kernels_, act, z, std::span<float>(f_.data(), count), noise);
    leaky::derivative(kernels_, act, z, std::span<float>(df_.data(), count), noise);
    return "";
  }

private:
  std::vector<float> z_, f_, df_, noise_;
  leaky::Kernels kernels_ = leaky::best_kernels();
};

} // namespace

EMSCRIPTEN_BINDINGS(leaky_activation) {
  emscripten::function("buildInfo", &build_info);
  emscripten::function("catalog", &leaky::catalog_to_json);
  emscripten::value_object<ActivationSpecJs>("ActivationSpec")
      .field("kind", &ActivationSpecJs::kind)
      .field("alpha", &ActivationSpecJs::alpha)
      .field("lower", &ActivationSpecJs::lower)
      .field("upper", &ActivationSpecJs::upper)
      .field("training", &ActivationSpecJs::training)
      .field("seed", &ActivationSpecJs::seed);
  emscripten::class_<ActivationEval>("ActivationEval")
      .constructor<int>()
      .function("z", &ActivationEval::z)
      .function("f", &ActivationEval::f)
      .function("df", &ActivationEval::df)
      .function("evaluate", &ActivationEval::evaluate);
}
