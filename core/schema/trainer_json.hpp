// A run's shape and state as JSON, for the wasm module (and anything else that drives a
// Trainer from outside C++).
#pragma once
#include "trainer.hpp"

#include <string>

namespace leaky {

// The shape of things: the data's layout and domain, the resolved loss, the steps the config
// asks for, and every layer with its offsets into the parameter block.
// {"inputs","base_inputs","task","loss","total_steps","kernels","domain_min","domain_max",
//  "input_names", "layers":[{"in","out","activation","alpha","output","w","b","alpha_offset",
//  "alpha_count"}]}
std::string layout_to_json(const Trainer& t);

// {"diverged": true|false, "step": s, "cause": "...", "advice": "..."} (step 0, cause and
// advice "" until it diverges; advice: divergence_advice.hpp)
std::string divergence_to_json(const Divergence& d, const std::string& advice = "");

// Everything beyond the weights that decides how a run goes on, so that another program can
// continue it: {"step","epoch","cursor" (next position in "order"), "order" (this epoch's
// training rows), "shuffle", "batch_rng" and "noise_rng" ({"state","inc"}: PCG32, as decimal
// strings, 64-bit), "optimizer":{"kind","t" (steps taken),"m","v" (flat, like the parameters;
// empty where the optimizer keeps none)}}.
std::string resume_state_to_json(const Trainer& t);

} // namespace leaky
