#include "divergence_advice.hpp"

#include "json_writer.hpp"

#include <cmath>

namespace leaky {

namespace {

struct Largest {
  float magnitude = 0;
  std::size_t column = 0;
};

// The largest |value| over both sets' rows of `columns` values each, and its column.
Largest largest(const std::vector<float>& a, const std::vector<float>& b, std::size_t columns) {
  Largest out;
  for (const std::vector<float>* v : {&a, &b})
    for (std::size_t i = 0; i < v->size(); ++i)
      if (!(std::fabs((*v)[i]) <= out.magnitude)) // NaN counts as enormous
        out = {std::isnan((*v)[i]) ? INFINITY : std::fabs((*v)[i]), i % columns};
  return out;
}

} // namespace

std::string divergence_advice(const Trainer& t) {
  if (!t.divergence.diverged) return "";
  if (t.optimizer.t > 0)
    return "try a lower learning rate (optimizer.lr is " + json::number(t.config.optimizer.lr) +
           ")";
  const Dataset& d = t.data;
  const std::string before =
      "it diverged before any update, so the learning rate is not the cause: ";
  const Largest x = largest(d.x_train, d.x_test, static_cast<std::size_t>(d.inputs));
  if (x.magnitude >= kEnormousValue) {
    return before + "input " + d.input_names[x.column] + " reaches " + json::number(x.magnitude) +
           " in magnitude; scale the inputs (to about [-10, 10])";
  }
  const Largest y = largest(d.y_train, d.y_test, static_cast<std::size_t>(d.outputs));
  if (d.task == Task::regression && y.magnitude >= kEnormousValue)
    return before + "the target " + d.target_name + " reaches " + json::number(y.magnitude) +
           " in magnitude; scale the targets";
  return before + "the starting weights already make the network's numbers overflow; try "
                  "another init (or model)";
}

} // namespace leaky
