// What to try after a run diverged. Before any update the learning rate played no part: the
// data or the starting weights are the cause, and an enormous input or target is named.
// After updates, a lower learning rate is the usual cure.
#pragma once
#include "trainer.hpp"

#include <string>

namespace leaky {

// Inputs and targets beyond this magnitude are called enormous (well-scaled data stays
// within about 10).
inline constexpr float kEnormousValue = 1e6f;

// "" while the run has not diverged.
std::string divergence_advice(const Trainer& t);

} // namespace leaky
