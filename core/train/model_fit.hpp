// Whether a loaded model is the network a run's config describes: the same inputs, loss,
// outputs and hidden layers (units, activation and its parameters). A run starting from a
// model that does not fit is refused, because everything after (live settings, statistics,
// the config the run reports) indexes the config's layers.
#pragma once
#include "network.hpp"
#include "problem.hpp"

namespace leaky {

// Every mismatch, with fields "model.inputs", "model.loss", "model.layers", "model.layers[i]".
// PReLU's slopes are learned, so a model's own slopes are kept whatever the config's alpha.
Problems model_fit_problems(const Network& model, const NetworkSpec& wanted);

} // namespace leaky
