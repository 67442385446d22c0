// Not compiled: the layer check's own test feeds it to core/check_layers.cmake as if it were
// a file of the model layer, and expects the check to fail (model may not use train).
#include "network.hpp"
#include "trainer.hpp"
