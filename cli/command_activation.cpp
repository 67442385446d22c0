// `leaky-lab activation`: f and f' of one activation at given points, as one JSON object.
#include "activation.hpp"
#include "args.hpp"
#include "commands.hpp"
#include "json_writer.hpp"
#include "messages.hpp"
#include "range.hpp"

#include <cmath>
#include <cstdio>
#include <utility>
#include <vector>

namespace leaky::cli {

std::string activation_help() {
  return "leaky-lab activation --kind K [--alpha A] [--lower L --upper U [--training --seed S]]\n"
         "                    --x=X1,X2,... [--scalar]\n"
         "  Prints {\"kind\",\"alpha\",\"x\",\"f\",\"df\"} as one JSON line: f(x) and f'(x) per\n"
         "  x, computed in float32 by the core's SIMD path (--scalar: the scalar reference).\n"
         "  Non-finite results are written as the strings \"NaN\", \"Infinity\", \"-Infinity\".\n"
         "  --kind      " +
         kind_names() +
         "\n"
         "  --alpha     any finite number; slope for z<=0 (leaky_relu, default 0.01; prelu,\n"
         "              default 0.25) or scale of the negative side (elu, default 1)\n"
         "  --lower, --upper  rrelu's slope range, 0 <= lower <= upper (default 1/8, 1/3);\n"
         "              eval mode uses (lower+upper)/2\n"
         "  --training  rrelu only: one random slope per x, drawn from U(lower, upper)\n"
         "  --seed      with --training: the noise seed, integer >= 0 (default 0)\n"
         "  An option the kind does not read (--alpha for relu, ...) is refused.\n"
         "  --x         comma-separated numbers (inf and nan are accepted)\n"
         "  --scalar    use the scalar reference kernels instead of the SIMD ones\n";
}

namespace {
int fail(const std::string& message) {
  return cli::fail("activation", message);
}
} // namespace

int run_activation(int argc, char** argv) {
  Args args;
  const std::vector<OptionSpec> specs = {{"kind", true},  {"alpha", true},     {"lower", true},
                                         {"upper", true}, {"training", false}, {"seed", true},
                                         {"x", true},     {"scalar", false},   {"help", false}};
  if (auto error = parse_args(argc, argv, 2, specs, args))
    return fail(*error + " (see leaky-lab activation --help)");
  if (args.has("help")) {
    std::fputs(activation_help().c_str(), stdout);
    return 0;
  }

  const std::string kind_name = args.get("kind").value_or("");
  const auto kind = parse_kind(kind_name);
  if (!kind)
    return fail((kind_name.empty() ? std::string("--kind is required")
                                   : "unknown kind '" + kind_name + "'") +
                "; valid kinds: " + kind_names());
  Activation act = default_activation(*kind);
  // An option the kind does not read would change nothing: refused, not ignored.
  const KindInfo& traits = info(*kind);
  if (args.has("alpha") && !traits.uses_alpha)
    return fail("--alpha: " + kind_name + " has no alpha (only " +
                kind_names(&KindInfo::uses_alpha) + " do)");
  for (const char* bound : {"lower", "upper"})
    if (args.has(bound) && !traits.uses_bounds)
      return fail("--" + std::string(bound) + ": " + kind_name +
                  " has no lower and upper bounds (only rrelu has)");

  auto number_option = [&](const char* name, float& target) -> std::optional<std::string> {
    auto text = args.get(name);
    if (!text) return std::nullopt;
    auto v = parse_number(*text, /*non_finite=*/true); // validate() says why nan is refused
    if (!v) return "--" + std::string(name) + " must be a number, got '" + *text + "'";
    target = to_float(*v);
    return std::nullopt;
  };
  const std::pair<const char*, float*> numbers[] = {
      {"alpha", &act.alpha}, {"lower", &act.lower}, {"upper", &act.upper}};
  for (auto [name, target] : numbers)
    if (auto error = number_option(name, *target)) return fail(*error);
  act.training = args.has("training");
  if (act.training && !traits.uses_bounds) return fail("--training applies to rrelu only");
  if (args.has("seed") && !act.training)
    return fail("--seed applies to rrelu's --training noise only");
  if (Problems problems = validate(act); !problems.empty()) return fail(problems_to_text(problems));

  double seed = 0;
  if (auto text = args.get("seed")) {
    auto v = parse_number(*text);
    if (!v || *v < 0 || *v > 9007199254740992.0 || std::floor(*v) != *v)
      return fail("--seed must be an integer within [0, 2^53], got '" + *text + "'");
    seed = *v;
  }

  auto x_text = args.get("x");
  if (!x_text) return fail("--x is required, e.g. --x=-2,-0.5,0,1.5");
  auto xs = parse_number_list(*x_text, /*non_finite=*/true);
  if (!xs)
    return fail("--x must be comma-separated numbers, e.g. --x=-2,0,1.5; got '" + *x_text + "'");

  std::vector<float> x, f(xs->size()), df(xs->size()), noise;
  for (double v : *xs)
    x.push_back(to_float(v));
  if (act.training) {
    noise.resize(x.size());
    Rng rng(static_cast<std::uint64_t>(seed));
    fill_rrelu_noise(act, rng, noise);
  }
  const Kernels kernels = args.has("scalar") ? Kernels::scalar : best_kernels();
  forward(kernels, act, x, f, noise);
  derivative(kernels, act, x, df, noise);

  std::string out = "{\"kind\":" + json::quote(kind_name) + ",\"alpha\":" +
                    (info(*kind).uses_alpha ? json::number(act.alpha) : std::string("null"));
  if (info(*kind).uses_bounds) {
    out += ",\"lower\":" + json::number(act.lower) + ",\"upper\":" + json::number(act.upper) +
           ",\"training\":" + (act.training ? "true" : "false");
    if (act.training) out += ",\"seed\":" + json::number(seed);
  }
  out +=
      ",\"x\":" + json::array(x) + ",\"f\":" + json::array(f) + ",\"df\":" + json::array(df) + "}";
  std::puts(out.c_str());
  return 0;
}

} // namespace leaky::cli
