// `leaky-lab train`: one run, one JSON line of statistics per evaluation.
#include "args.hpp"
#include "commands.hpp"
#include "config_json.hpp"
#include "divergence_advice.hpp"
#include "files.hpp"
#include "json_writer.hpp"
#include "messages.hpp"
#include "model_json.hpp"
#include "run_setup.hpp"
#include "run_summary.hpp"
#include "stats_json.hpp"
#include "trainer.hpp"

#include <cstdio>

namespace leaky::cli {

std::string train_help() {
  return "leaky-lab train --config C.json [--data D.csv] [--model M.json] [--steps N]\n"
         "                [--eval-every K] [--out metrics.jsonl] [--save-model out.json]\n"
         "                [--unit-histograms] [--scalar] [--memory-budget MiB]\n"
         "  Trains one network and writes one JSON line of statistics per evaluation (step 0,\n"
         "  every K steps, and the last step) to stdout or --out: losses, accuracy, and per\n"
         "  hidden layer the inactive/dead/dormant/near-dead/born-dead units, revivals,\n"
         "  sparsity, mean |gradient|, weight norm, PReLU slopes and a pre-activation histogram.\n"
         "  --data      a CSV file instead of the config's generated dataset (data.csv options)\n"
         "  --model     start from a saved model instead of fresh weights\n"
         "  --steps     override training.steps (0 to 1e9); --eval-every: training.eval_every\n"
         "  --scalar    use the scalar reference kernels instead of SIMD\n" +
         memory_budget_help() + "  The config (JSON, schema version " +
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
         "  Exit status 2 for bad input or an output that cannot be written (the line on\n"
         "  stderr names the option, the path and the reason); 3 when the run diverges (a\n"
         "  non-finite loss, gradient or weight): the last line is\n"
         "  {\"diverged\":true,\"step\":...,\"cause\":...}.\n";
}

namespace {
int fail(const std::string& message) {
  return cli::fail("train", message);
}
} // namespace

int run_train(int argc, char** argv) {
  Args args;
  const std::vector<OptionSpec> specs = {{"config", true},
                                         {"data", true},
                                         {"model", true},
                                         {"steps", true},
                                         {"eval-every", true},
                                         {"out", true},
                                         {"save-model", true},
                                         {"unit-histograms", false},
                                         {"scalar", false},
                                         {"help", false},
                                         {std::string(kMemoryBudgetOption), true}};
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
                                    run->model ? &*run->model : nullptr, run->budget);
  if (!made.trainer) return fail(problems_to_text(made.problems));
  Trainer& t = *made.trainer;

  Output out;
  if (auto path = args.get("out"); path && !out.open("out", *path)) return fail(out.error());
  StatsJsonOptions json_options;
  json_options.unit_histograms = args.has("unit-histograms");
  json_options.histogram_range = t.config.training.histogram_range;

  // An evaluation that finds the run diverged (a non-finite loss on the whole set) is not
  // written: the diverged line below says what happened. A failed write ends the run.
  bool written = true;
  train_evaluating(t, [&](Evaluation&& ev) {
    written = t.divergence.diverged || out.line(evaluation_to_json(ev, t.net, json_options));
    return written;
  });
  if (written && t.divergence.diverged)
    out.line("{\"diverged\":true,\"step\":" + std::to_string(t.divergence.step) +
             ",\"cause\":" + json::quote(t.divergence.cause) + "}");
  if (!out.finish()) return fail(out.error());
  if (t.divergence.diverged) {
    message("train", "the run diverged at step " + std::to_string(t.divergence.step) + ": " +
                         t.divergence.cause + "; " + divergence_advice(t) + ".");
    if (args.has("save-model")) message("train", "not saving --save-model: the run diverged");
    return kDiverged; // not 2 (bad input), as the help promises
  }

  if (auto path = args.get("save-model")) {
    Output model;
    if (!model.open("save-model", *path) || !model.line(model_to_json(t.net, t.data.input_names)) ||
        !model.finish())
      return fail(model.error());
  }
  return 0;
}

} // namespace leaky::cli
