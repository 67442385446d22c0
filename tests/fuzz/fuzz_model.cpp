// The model import: any text gives a network or a well-formed list of problems. An imported
// model exports to text that imports again and exports to the very same text, with the same
// parameters bit for bit; and a forward pass runs on both kernel paths with outputs that are
// finite on one exactly where they are finite on the other, and bit-identical (any NaN equal
// to any NaN) at every layer when every activation is piecewise-linear.
#include "harness.hpp"
#include "json_writer.hpp"
#include "model_json.hpp"
#include "test_support.hpp"

#include <cmath>
#include <cstring>

using namespace leaky;

namespace {

constexpr std::size_t kRows = 3;

void check_forward(const Network& net) {
  const std::vector<float> x = test::random_inputs(kRows * net.spec.inputs, /*seed=*/1);
  Workspace simd = make_workspace(net, kRows), scalar = make_workspace(net, kRows);
  forward(net, x.data(), kRows, simd, Kernels::simd);
  forward(net, x.data(), kRows, scalar, Kernels::scalar);
  bool piecewise_linear = true;
  for (const LayerView& l : net.layers)
    piecewise_linear = piecewise_linear && test::is_piecewise_linear(l.act.kind);
  for (std::size_t i = 0; i < net.layers.size(); ++i) {
    const bool output = i + 1 == net.layers.size();
    if (!piecewise_linear && !output) continue;
    for (std::size_t k = 0; k < kRows * net.layers[i].out; ++k) {
      const float s = simd.a[i][k], r = scalar.a[i][k];
      const bool agree =
          piecewise_linear ? test::same_float(s, r) : std::isfinite(s) == std::isfinite(r);
      if (!agree)
        fuzz::fail(piecewise_linear ? "model-forward-simd-not-scalar-bits"
                                    : "model-forward-simd-scalar-finiteness",
                   "layer " + std::to_string(i) + " value " + std::to_string(k) + ": simd " +
                       json::number(s) + ", scalar " + json::number(r));
    }
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const ModelResult first = parse_model(fuzz::as_text(data, size));
  fuzz::check_problems(first.problems);
  if (!first.ok()) return 0;
  const std::string exported = model_to_json(first.net, first.input_names);
  const ModelResult second = parse_model(exported);
  if (!second.ok())
    fuzz::fail("model-reexport-rejected-" + fuzz::first_field(second.problems),
               problems_to_text(second.problems) + " in " + exported);
  const std::string reexported = model_to_json(second.net, second.input_names);
  if (reexported != exported)
    fuzz::fail("model-reexport-differs", fuzz::first_difference(exported, reexported));
  const std::vector<float>& a = first.net.params;
  const std::vector<float>& b = second.net.params;
  if (a.size() != b.size() || std::memcmp(a.data(), b.data(), a.size() * sizeof(float)) != 0)
    fuzz::fail("model-reimport-params-differ", exported);
  check_forward(first.net);
  return 0;
}
