#include "messages.hpp"

#include "text.hpp"

#include <cstdio>

namespace leaky::cli {

void message(const char* command, const std::string& text) {
  const std::string prefix = *command ? std::string("leaky-lab ") + command : "leaky-lab";
  std::fprintf(stderr, "%s: %s\n", prefix.c_str(), printable(text).c_str());
}

int fail(const char* command, const std::string& text) {
  message(command, text);
  return kBadInput;
}

} // namespace leaky::cli
