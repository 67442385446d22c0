// `leaky-lab train`: one run, one JSON line of statistics per evaluation.
#include "args.hpp"
#include "commands.hpp"
#include "config_json.hpp"
#include "json_writer.hpp"
#include "model_json.hpp"
#include "run_setup.hpp"
#include "stats_json.hpp"
#include "trainer.hpp"

#include <cstdio>
#include <fstream>

namespace leaky::cli {

std::string train_help() {
  return "leaky-lab train --config C.json [--data D.csv] [--model M.json] [--steps N]\n"
         "                [--eval-every K] [--out metrics.jsonl] [--save-model out.json]\n"
         "                [--unit-histograms] [--scalar]\n"
         "  Trains one network and writes one JSON line of statistics per evaluation (step 0,\n"
         "  every K steps, and the last step) to stdout or --out: losses, accuracy, and per\n"
         "  hidden layer the inactive/dead/dormant/near-dead/born-dead units, revivals,\n"
         "  sparsity, mean |gradient|, weight norm, PReLU slopes and a pre-activation histogram.\n"
         "  --data      a CSV file instead of the config's generated dataset (data.csv options)\n"
         "  --model     start from a saved model instead of fresh weights\n"
         "  --steps     override training.steps (0 to 1e9); --eval-every: training.eval_every\n"
         "  --scalar    use the scalar reference kernels instead of SIMD\n"
         "  The config (JSON, schema version " +
         std::to_string(kConfigVersion) +
         ") chooses among\n"
         "    data.kind           " +
         dataset_kind_names() +
         "\n"
         "    network.activation  " +
         kind_names() +
         "\n"
         "    init.weights        " +
         names_of(kWeightInits) + "; init.bias " + names_of(kBiasInits) +
         "\n"
         "    init.gain           " +
         names_of(kHeGains) +
         "\n"
         "    optimizer.kind      " +
         names_of(kOptimizers) + "; loss " + names_of(kLossChoices) +
         "\n"
         "  and `leaky-lab catalog` lists every number of it with its range.\n"
         "  Exit status 3 when the run diverges (a non-finite loss, gradient or weight): the\n"
         "  last line is {\"diverged\":true,\"step\":...,\"cause\":...}.\n";
}

namespace {
int fail(const std::string& message) {
  std::fprintf(stderr, "leaky-lab train: %s\n", message.c_str());
  return 2;
}
} // namespace

int run_train(int argc, char** argv) {
  Args args;
  const std::vector<OptionSpec> specs = {
      {"config", true},     {"data", true}, {"model", true},      {"steps", true},
      {"eval-every", true}, {"out", true},  {"save-model", true}, {"unit-histograms", false},
      {"scalar", false},    {"help", false}};
  if (auto error = parse_args(argc, argv, 2, specs, args))
    return fail(*error + " (see leaky-lab train --help)");
  if (args.has("help")) {
    std::fputs(train_help().c_str(), stdout);
    return 0;
  }
  std::string error;
  auto run = load_run(args, error);
  if (!run) return fail(error);
  TrainerResult made = make_trainer(run->config, std::move(run->data),
                                    args.has("scalar") ? Kernels::scalar : best_kernels(),
                                    run->model ? &*run->model : nullptr);
  if (!made.trainer) return fail(problems_to_text(made.problems));
  Trainer& t = *made.trainer;

  std::FILE* out = stdout;
  if (auto path = args.get("out")) {
    out = std::fopen(path->c_str(), "w");
    if (!out) return fail("cannot write --out '" + *path + "'");
  }
  StatsJsonOptions json_options;
  json_options.unit_histograms = args.has("unit-histograms");
  json_options.histogram_range = t.config.training.histogram_range;
  auto emit = [&](const std::string& line) {
    std::fputs(line.c_str(), out);
    std::fputc('\n', out);
  };

  // An evaluation that finds the run diverged (a non-finite loss on the whole set) is not
  // written: the diverged line below says what happened.
  auto evaluate_and_emit = [&] {
    const Evaluation ev = evaluate(t);
    if (!t.divergence.diverged) emit(evaluation_to_json(ev, t.net, json_options));
  };
  evaluate_and_emit();
  while (t.step < t.total_steps && !t.divergence.diverged) {
    const std::int64_t chunk =
        std::min<std::int64_t>(t.config.training.eval_every, t.total_steps - t.step);
    train(t, chunk);
    if (t.divergence.diverged) break;
    evaluate_and_emit();
  }
  int status = 0;
  if (t.divergence.diverged) {
    emit("{\"diverged\":true,\"step\":" + std::to_string(t.divergence.step) +
         ",\"cause\":" + json::quote(t.divergence.cause) + "}");
    std::fprintf(stderr,
                 "leaky-lab train: the run diverged at step %lld: %s. Try a lower learning rate "
                 "(optimizer.lr is %g).\n",
                 static_cast<long long>(t.divergence.step), t.divergence.cause.c_str(),
                 static_cast<double>(t.config.optimizer.lr));
    status = 3;
  }
  if (out != stdout) std::fclose(out);

  if (auto path = args.get("save-model")) {
    if (t.divergence.diverged) {
      // Still status 3, as the help promises for a diverged run, not 2 (a usage error).
      std::fprintf(stderr, "leaky-lab train: not saving --save-model: the run diverged\n");
      return status;
    }
    std::ofstream file(*path, std::ios::binary);
    if (!file) return fail("cannot write --save-model '" + *path + "'");
    file << model_to_json(t.net, t.data.input_names) << "\n";
  }
  return status;
}

} // namespace leaky::cli
