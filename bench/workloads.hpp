// The reference workloads' configurations and data (docs/definitions.md, Benchmark
// workloads), shared by the benchmarks that train them.
#pragma once
#include "dataset.hpp"
#include "run_config.hpp"

#include <vector>

namespace leaky::bench {

// Spiral data, hidden layers of the given units and activation, SGD at 0.03.
inline RunConfig workload_config(Kind kind, std::vector<int> hidden, int points, int batch) {
  RunConfig c = default_config();
  c.data.spec.kind = DatasetKind::spiral;
  c.data.spec.points = points;
  c.data.spec.train_fraction = 0.5f;
  c.hidden.clear();
  for (int units : hidden) {
    HiddenLayerSpec h;
    h.units = units;
    h.act = default_activation(kind);
    c.hidden.push_back(h);
  }
  c.optimizer.lr = 0.03f;
  c.training.batch_size = batch;
  c.training.steps = 1000000000;
  return c;
}

// 784 inputs in [0, 1), labels 0..9, from the run's PRNG.
inline Dataset random_mnist_like(int rows) {
  Dataset d;
  d.task = Task::binary_classification;
  d.inputs = d.base_inputs = 784;
  d.classes = 10;
  Rng rng(3);
  d.x_train.resize(static_cast<std::size_t>(rows) * 784);
  for (float& x : d.x_train)
    x = rng.uniform();
  d.y_train.resize(rows);
  for (float& y : d.y_train)
    y = static_cast<float>(rng.next_u32() % 10);
  d.x_test = d.x_train;
  d.y_test = d.y_train;
  return d;
}

} // namespace leaky::bench
