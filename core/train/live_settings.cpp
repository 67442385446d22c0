#include "live_settings.hpp"

#include "json_writer.hpp"

#include <algorithm>
#include <cmath>

namespace leaky {

Problems set_alpha(Trainer& t, double alpha) {
  const auto a = static_cast<float>(alpha);
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
  if (!(lr > 0.0 && lr <= 10.0) || !std::isfinite(lr))
    return {{"optimizer.lr", json::number(lr), "must be > 0 and <= 10"}};
  t.config.optimizer.lr = static_cast<float>(lr);
  return {};
}

} // namespace leaky
