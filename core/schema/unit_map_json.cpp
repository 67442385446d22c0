#include "unit_map_json.hpp"

#include "predict.hpp"

namespace leaky {

std::string unit_map_layout_json(const Network& net, const Dataset& data, int width, int height) {
  const Problems problems = unit_map_problems(net, data, width, height);
  if (!problems.empty()) return "{\"problems\":" + problems_to_json(problems) + "}";
  const int rows = data.base_inputs == 2 ? height : 1;
  std::string layers;
  int offset = 0;
  for (std::size_t i = 0; i < net.hidden_count(); ++i) {
    if (i) layers += ',';
    layers += "{\"offset\":" + std::to_string(offset) +
              ",\"units\":" + std::to_string(net.layers[i].out) + "}";
    offset += net.layers[i].out;
  }
  return "{\"width\":" + std::to_string(width) + ",\"height\":" + std::to_string(rows) +
         ",\"cells\":" + std::to_string(width * rows) + ",\"units\":" + std::to_string(offset) +
         ",\"layers\":[" + layers + "]}";
}

} // namespace leaky
