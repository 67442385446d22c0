// Embind bindings for a training run. Thin: it builds a core Trainer from a config JSON,
// forwards calls, and exposes core-owned buffers as typed_memory_views. Any bad input comes
// back as a JSON array of problems, never an abort: a run larger than the page's memory
// budget (resource_limits.hpp), or one the browser cannot find the memory for, is refused
// before it is built.
//
// Views (params, heatmap, data) point into wasm memory, which may grow on later calls: take
// fresh views after every call and copy out (slice()) what you keep or post elsewhere.
#include "config_json.hpp"
#include "csv_import.hpp"
#include "divergence_advice.hpp"
#include "import_json.hpp"
#include "init_grid_json.hpp"
#include "live_settings.hpp"
#include "memory_estimate.hpp"
#include "model_json.hpp"
#include "predict.hpp"
#include "stats_json.hpp"
#include "text.hpp"
#include "trainer.hpp"
#include "trainer_json.hpp"
#include "unit_map_json.hpp"

#include <emscripten/bind.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>

// The modules' maximum memory (wasm/CMakeLists.txt) must leave room above the budget for the
// module itself, the data and the messages.
static_assert(leaky::kBrowserMemoryBudgetMiB + 256 <= LEAKY_WASM_MAXIMUM_MEMORY_MIB);

namespace {

using emscripten::val;

// The heatmap: its workspace's rows, and its largest side.
constexpr std::size_t kPredictionRows = 1024;
constexpr int kMaxGridSide = 400;

// Memory for reading a config and generating its data (at most kMaxPoints points), asked for
// before either: a config is at most 1 MiB, its tree a few times that.
constexpr double kSetupBytes = 64.0 * 1024 * 1024;

// A volatile home for the reservation below, so the compiler cannot drop the malloc and
// free that it sees nothing use.
void* volatile g_reserved = nullptr;

// Reserves `bytes` and gives them back: the heap grows now, or the browser has no more
// memory to give, and a problem says so instead of an abort later.
leaky::Problems memory_available(double bytes) {
  g_reserved = std::malloc(static_cast<std::size_t>(bytes));
  const bool ok = g_reserved != nullptr;
  std::free(g_reserved);
  g_reserved = nullptr;
  if (ok) return {};
  return {{"memory", leaky::byte_size_text(bytes),
           "the browser could not give this run the memory it needs; try a smaller network or "
           "batch, or close other runs"}};
}

val view(const std::vector<float>& v) {
  return val(emscripten::typed_memory_view(v.size(), v.data()));
}

class TrainerHandle {
public:
  explicit TrainerHandle(const std::string& config_json) : TrainerHandle(config_json, "", "") {}

  // A run on a CSV file's data (csv_text, read with the config's data.csv options) and/or from
  // a model file's weights (model_text); "" for the config's own data and initial weights.
  // The files' text is already in wasm memory; the core bounds what parsing them takes.
  TrainerHandle(const std::string& config_json, const std::string& csv_text,
                const std::string& model_text) {
    if (leaky::Problems none = memory_available(kSetupBytes); !none.empty()) {
      problems_ = leaky::problems_to_json(none);
      return;
    }
    leaky::ConfigResult parsed = leaky::parse_config(config_json);
    if (!parsed.ok()) {
      problems_ = leaky::problems_to_json(parsed.problems);
      return;
    }
    leaky::Dataset data;
    if (csv_text.empty()) {
      data = leaky::make_dataset(parsed.config.data.spec);
    } else {
      leaky::CsvImport imported = leaky::import_csv(csv_text, leaky::csv_spec(parsed.config));
      if (!imported.ok()) {
        problems_ = leaky::problems_to_json(imported.problems);
        return;
      }
      data = std::move(imported.dataset);
    }
    std::optional<leaky::ModelResult> model;
    if (!model_text.empty()) {
      model = leaky::parse_model(model_text);
      if (!model->ok()) {
        problems_ = leaky::problems_to_json(model->problems);
        return;
      }
    }
    leaky::MemoryExtras extras;
    extras.prediction_rows = kPredictionRows;
    extras.grid_points = static_cast<std::size_t>(kMaxGridSide) * kMaxGridSide;
    const leaky::MemoryEstimate estimate = leaky::estimate_memory(parsed.config, data, extras);
    leaky::Problems refused = leaky::check_memory(estimate, leaky::kBrowserMemoryBudget);
    if (refused.empty()) refused = memory_available(estimate.total());
    if (!refused.empty()) {
      problems_ = leaky::problems_to_json(refused);
      return;
    }
    leaky::TrainerResult made =
        leaky::make_trainer(parsed.config, std::move(data), leaky::best_kernels(),
                            model ? &model->net : nullptr, leaky::kBrowserMemoryBudget, extras);
    if (!made.trainer) {
      problems_ = leaky::problems_to_json(made.problems);
      return;
    }
    t_ = std::move(made.trainer);
    // The heatmap and the statistics run on a workspace of their own: the training batch's
    // buffers stay untouched between steps.
    grid_ws_ = leaky::make_workspace(t_->net, kPredictionRows);
  }

  // "" when the run was built, else a JSON array of problems (field, value, message).
  std::string problems() const { return problems_; }

  // Runs up to n steps (n within [0, 1e6]); returns the steps taken (fewer if it diverged).
  double step(double n) {
    if (!t_ || !(n >= 0) || n > 1e6) return 0;
    return static_cast<double>(leaky::train(*t_, static_cast<std::int64_t>(n)));
  }

  // The statistics now (an evaluation: it counts revivals), as one JSON object, or "" when
  // the run has diverged (see divergence()). perUnit false leaves out the per-unit arrays and
  // histograms, which only the last evaluation a page draws needs: evaluationDetail() gives them.
  std::string evaluate(bool perUnit) {
    if (!t_ || t_->divergence.diverged) return "";
    last_ = leaky::evaluate(*t_);
    if (t_->divergence.diverged) return "";
    return evaluation_json(perUnit);
  }

  // The last evaluation again, with every per-unit array and histogram ("" before the first).
  std::string evaluationDetail() const { return last_ ? evaluation_json(true) : ""; }

  std::string divergence() const {
    if (!t_) return leaky::divergence_to_json(leaky::Divergence{});
    return leaky::divergence_to_json(t_->divergence, leaky::divergence_advice(*t_));
  }

  double stepCount() const { return t_ ? static_cast<double>(t_->step) : 0; }
  double epoch() const { return t_ ? t_->epoch : 0; }

  std::string setAlpha(double alpha) {
    if (!t_) return problems_;
    leaky::Problems p = leaky::set_alpha(*t_, alpha);
    return p.empty() ? "" : leaky::problems_to_json(p);
  }

  std::string setLearningRate(double lr) {
    if (!t_) return problems_;
    leaky::Problems p = leaky::set_learning_rate(*t_, lr);
    return p.empty() ? "" : leaky::problems_to_json(p);
  }

  // Predictions over the data's domain: width x height (2-D data) or width points (1-D),
  // each within [1, kMaxGridSide]. Returns a view of width*height values (see predict.hpp).
  val heatmap(int width, int height) {
    if (!t_) return view(empty_);
    width = std::clamp(width, 1, kMaxGridSide);
    height = std::clamp(height, 1, kMaxGridSide);
    if (grid_.width != width || grid_.height != (t_->data.base_inputs == 2 ? height : 1))
      grid_ = leaky::make_grid(t_->data, width, height);
    leaky::predict_grid(t_->net, t_->config.data.spec.features, t_->data.base_inputs, grid_,
                        grid_ws_, t_->kernels, scratch_);
    return view(grid_.values);
  }

  // Every hidden unit's pre-activation z over a width x height grid of the data's domain
  // (width points for 1-D data), unit-major (train/predict.hpp unit_maps): where z > 0 the
  // unit fires. An empty view when unitMapLayout(width, height) reports problems; that call
  // also says where each layer's units start.
  val unitMaps(int width, int height) {
    if (!t_ || !leaky::unit_map_problems(t_->net, t_->data, width, height).empty())
      return view(empty_);
    if (unit_grid_.width != width || unit_grid_.height != (t_->data.base_inputs == 2 ? height : 1))
      unit_grid_ = leaky::make_grid(t_->data, width, height);
    leaky::unit_maps(t_->net, t_->config.data.spec.features, t_->data.base_inputs, unit_grid_,
                     grid_ws_, t_->kernels, scratch_, unit_values_);
    return view(unit_values_);
  }

  std::string unitMapLayout(int width, int height) const {
    return t_ ? leaky::unit_map_layout_json(t_->net, t_->data, width, height) : "{}";
  }

  // The dataset: rows of `inputs` values (base inputs first, then features) and targets.
  val trainX() const { return t_ ? view(t_->data.x_train) : view(empty_); }
  val trainY() const { return t_ ? view(t_->data.y_train) : view(empty_); }
  val testX() const { return t_ ? view(t_->data.x_test) : view(empty_); }
  // The raw inputs of the same rows, base_inputs per row (what a plot of the data shows).
  val trainBase() const { return t_ ? view(t_->data.base_train) : view(empty_); }
  val testBase() const { return t_ ? view(t_->data.base_test) : view(empty_); }
  val testY() const { return t_ ? view(t_->data.y_test) : view(empty_); }
  val params() const { return t_ ? view(t_->net.params) : view(empty_); }

  // The shape of things (schema/trainer_json.hpp).
  std::string layout() const { return t_ ? leaky::layout_to_json(*t_) : "{}"; }

  // The run's config as the core understood it (every field, defaults included).
  std::string config() const { return t_ ? leaky::config_to_json(t_->config) : "{}"; }

  std::string modelJson() const {
    return t_ ? leaky::model_to_json(t_->net, t_->data.input_names) : "";
  }

  // What beyond the weights decides how the run goes on (schema/trainer_json.hpp).
  std::string resumeState() const { return t_ ? leaky::resume_state_to_json(*t_) : "{}"; }

private:
  std::string evaluation_json(bool per_unit) const {
    leaky::StatsJsonOptions options;
    options.per_unit = per_unit;
    options.unit_histograms = per_unit;
    options.histogram_range = t_->config.training.histogram_range;
    return leaky::evaluation_to_json(*last_, t_->net, options);
  }

  std::optional<leaky::Evaluation> last_;
  std::string problems_;
  std::unique_ptr<leaky::Trainer> t_;
  leaky::Workspace grid_ws_;
  leaky::Grid grid_, unit_grid_;
  std::vector<float> scratch_, unit_values_, empty_;
};

// Checks a config without building a run: "" or a JSON array of problems.
std::string validate_config(const std::string& json) {
  leaky::ConfigResult parsed = leaky::parse_config(json);
  return parsed.ok() ? "" : leaky::problems_to_json(parsed.problems);
}

std::string default_config() {
  return leaky::config_to_json(leaky::default_config());
}

// Checks a CSV file as a run of `config_json` would read it (its data.csv options, train
// fraction, features): schema/import_json.hpp's summary, or its problems with line and column.
std::string check_csv(const std::string& csv_text, const std::string& config_json) {
  leaky::ConfigResult parsed = leaky::parse_config(config_json);
  if (!parsed.ok()) return "{\"problems\":" + leaky::problems_to_json(parsed.problems) + "}";
  return leaky::csv_import_to_json(leaky::import_csv(csv_text, leaky::csv_spec(parsed.config)));
}

// Checks a model file: its summary, or its problems.
std::string check_model(const std::string& model_text) {
  return leaky::model_summary_to_json(leaky::parse_model(model_text));
}

// The born-dead grid in one call (schema/init_grid_json.hpp): a request JSON in, the counts
// per (depth, width) cell or {"problems": [...]} out. Sizes are bounded by the core.
std::string init_grid(const std::string& request) {
  return leaky::init_grid_json(request, leaky::best_kernels());
}

} // namespace

EMSCRIPTEN_BINDINGS(leaky_trainer) {
  emscripten::function("validateConfig", &validate_config);
  emscripten::function("defaultConfig", &default_config);
  emscripten::function("checkCsv", &check_csv);
  emscripten::function("checkModel", &check_model);
  emscripten::function("initGrid", &init_grid);
  emscripten::class_<TrainerHandle>("Trainer")
      .constructor<std::string>()
      .constructor<std::string, std::string, std::string>()
      .function("problems", &TrainerHandle::problems)
      .function("step", &TrainerHandle::step)
      .function("evaluate", &TrainerHandle::evaluate)
      .function("evaluationDetail", &TrainerHandle::evaluationDetail)
      .function("divergence", &TrainerHandle::divergence)
      .function("stepCount", &TrainerHandle::stepCount)
      .function("epoch", &TrainerHandle::epoch)
      .function("setAlpha", &TrainerHandle::setAlpha)
      .function("setLearningRate", &TrainerHandle::setLearningRate)
      .function("heatmap", &TrainerHandle::heatmap)
      .function("unitMaps", &TrainerHandle::unitMaps)
      .function("unitMapLayout", &TrainerHandle::unitMapLayout)
      .function("trainX", &TrainerHandle::trainX)
      .function("trainY", &TrainerHandle::trainY)
      .function("testX", &TrainerHandle::testX)
      .function("trainBase", &TrainerHandle::trainBase)
      .function("testBase", &TrainerHandle::testBase)
      .function("testY", &TrainerHandle::testY)
      .function("params", &TrainerHandle::params)
      .function("layout", &TrainerHandle::layout)
      .function("config", &TrainerHandle::config)
      .function("modelJson", &TrainerHandle::modelJson)
      .function("resumeState", &TrainerHandle::resumeState);
}
