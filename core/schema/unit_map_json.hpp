// Where each hidden unit's values sit in a unit-map buffer (train/predict.hpp unit_maps), as
// JSON for the wasm module:
// {"width": w, "height": h (1 for 1-D data), "cells": w*h, "units": hidden units,
//  "layers": [{"offset": first unit's index, "units": n}]}  unit j's map is
//  values[j*cells .. (j+1)*cells), row 0 at the top;
// or {"problems": [{"field", "value", "message"}]} when the size is refused.
#pragma once
#include "dataset.hpp"
#include "network.hpp"

#include <string>

namespace leaky {

std::string unit_map_layout_json(const Network& net, const Dataset& data, int width, int height);

} // namespace leaky
