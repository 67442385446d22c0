#include "run_config.hpp"

namespace leaky {

RunConfig default_config() {
  RunConfig c;
  c.data.spec.kind = DatasetKind::spiral;
  c.data.spec.points = 500;
  HiddenLayerSpec h;
  h.units = 8;
  h.act = default_activation(Kind::leaky_relu);
  c.hidden = {h, h};
  return c;
}

Loss resolve_loss(const RunConfig& config, Task task, Problems& problems) {
  switch (config.loss) {
  case LossChoice::auto_:
    return task == Task::regression ? Loss::mse : Loss::bce;
  case LossChoice::mse:
    return Loss::mse;
  case LossChoice::bce:
  case LossChoice::softmax_ce:
    if (task == Task::regression) {
      problems.push_back({"loss", std::string(loss_choice_name(config.loss)),
                          "a classification loss needs a classification dataset; use mse or auto"});
      return Loss::mse;
    }
    return config.loss == LossChoice::bce ? Loss::bce : Loss::softmax_ce;
  }
  return Loss::mse;
}

NetworkSpec network_spec(const RunConfig& config, const Dataset& data, Loss loss) {
  NetworkSpec spec;
  spec.inputs = data.inputs;
  spec.hidden = config.hidden;
  spec.loss = loss;
  spec.outputs = loss == Loss::softmax_ce ? data.classes : 1;
  return spec;
}

CsvSpec csv_spec(const RunConfig& config) {
  CsvSpec spec;
  spec.task = config.data.csv.task;
  spec.target_column = config.data.csv.target_column;
  spec.header = config.data.csv.header;
  spec.train_fraction = config.data.spec.train_fraction;
  spec.features = config.data.spec.features;
  spec.seed = config.data.spec.seed;
  return spec;
}

const std::vector<FieldRange>& config_field_ranges() {
  static const std::vector<FieldRange> fields = {
      {"seed", kSeedRange},
      {"data.points", kPointsRange},
      {"data.noise", kNoiseRange},
      {"data.train_fraction", kTrainFractionRange},
      {"data.input_min", kInputBoundRange},
      {"data.input_max", kInputBoundRange},
      {"data.seed", kSeedRange},
      {"data.csv.target_column", kCsvTargetColumnRange},
      {"network.hidden", kHiddenLayersRange},
      {"network.hidden[].units", kUnitsRange},
      {"network.alpha", kAlphaRange},
      {"network.lower", kRreluBoundRange},
      {"network.upper", kRreluBoundRange},
      {"init.bias_value", kBiasValueRange},
      {"optimizer.lr", kLearningRateRange},
      {"optimizer.momentum", kMomentumRange},
      {"optimizer.beta1", kBetaRange},
      {"optimizer.beta2", kBetaRange},
      {"optimizer.eps", kEpsRange},
      {"regularization.l1", kPenaltyRange},
      {"regularization.l2", kPenaltyRange},
      {"training.batch_size", kBatchSizeRange},
      {"training.steps", kStepsRange},
      {"training.epochs", kEpochsRange},
      {"training.eval_every", kEvalEveryRange},
      {"training.near_dead_threshold", kNearDeadThresholdRange},
      {"training.histogram_bins", kHistogramBinsRange},
      {"training.histogram_range", kHistogramRangeRange},
      {"training.target_loss", kTargetLossRange},
      {"training.dormant_tau", kDormantTauRange},
  };
  return fields;
}

} // namespace leaky
