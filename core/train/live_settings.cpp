#include "live_settings.hpp"

#include "json_writer.hpp"
#include "range.hpp"

#include <algorithm>
#include <cmath>

namespace leaky {

Problems set_alpha(Trainer& t, double alpha) {
  const float a = to_float(alpha);
  if (!std::isfinite(a))
    return {{"alpha", json::number(alpha), "must be a finite float32 number, |alpha| <= 3.4e38"}};
  bool any = false;
  for (std::size_t i = 0; i < t.net.hidden_count(); ++i) {
    LayerView& l = t.net.layers[i];
    if (!info(l.act.kind).uses_alpha) continue;
    any = true;
    l.act.alpha = a;
    t.config.hidden[i].act.alpha = a;
    t.net.spec.hidden[i].act.alpha = a;
    std::fill_n(t.net.params.begin() + l.alpha, l.alpha_count, a);
  }
  if (!any)
    return {{"alpha", json::number(alpha),
             "no hidden layer has an alpha (only " + kind_names(&KindInfo::uses_alpha) + " do)"}};
  return {};
}

Problems set_learning_rate(Trainer& t, double lr) {
  const float f = to_float(lr);
  if (!kLearningRateRange.contains(f))
    return {{"optimizer.lr", json::number(lr), "must be " + kLearningRateRange.describe()}};
  t.config.optimizer.lr = f;
  return {};
}

} // namespace leaky
