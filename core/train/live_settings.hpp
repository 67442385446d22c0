// Settings a user may change while a run trains, without resetting its weights: that is how
// one watches a dormant unit revive when alpha goes up, or a run calm down when the learning
// rate goes down. Both validate first and change nothing when they report a problem.
#pragma once
#include "problem.hpp"
#include "trainer.hpp"

namespace leaky {

// Sets alpha on every hidden layer whose activation has one: leaky_relu's and elu's alpha,
// and PReLU's learned slopes (all set to alpha). Problems: alpha not finite, or no layer
// with an alpha.
Problems set_alpha(Trainer& t, double alpha);

// Problems: lr outside (0, 10].
Problems set_learning_rate(Trainer& t, double lr);

} // namespace leaky
