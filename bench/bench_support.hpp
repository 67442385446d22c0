// What the benchmark programs share: the platform's name, the timing loop, the options.
#pragma once
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace leaky::bench {

#ifdef __EMSCRIPTEN__
inline constexpr const char* kPlatform = "wasm-node";
#else
inline constexpr const char* kPlatform = "native";
#endif

using Clock = std::chrono::steady_clock;

// Units of work per second: run(n) does n units. Best of 5 trials (the least disturbed),
// each timing chunks long enough (about a millisecond) for the clock's cost not to count.
template <class Run> double best_rate(double seconds, Run&& run) {
  run(1); // warm-up: page in the buffers, let the JIT tier up
  auto start = Clock::now();
  std::size_t chunk = 1;
  while (std::chrono::duration<double>(Clock::now() - start).count() < 1e-3) {
    run(chunk);
    chunk *= 2;
  }
  double best = 0.0;
  for (int trial = 0; trial < 5; ++trial) {
    std::size_t done = 0;
    start = Clock::now();
    double elapsed = 0.0;
    do {
      run(chunk);
      done += chunk;
      elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    } while (elapsed < seconds / 5);
    best = std::max(best, static_cast<double>(done) / elapsed);
  }
  return best;
}

// "--seconds S" (time per measurement, within (0, 600]) and, when `only` is given,
// "--only W1,W3". Prints the usage and returns false on anything else.
inline bool parse_options(int argc, char** argv, const char* program, double& seconds,
                          std::string* only = nullptr) {
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--seconds") && i + 1 < argc) {
      seconds = std::atof(argv[++i]);
      if (!(seconds > 0 && seconds <= 600)) {
        std::fprintf(stderr, "%s: --seconds must be within (0, 600]\n", program);
        return false;
      }
    } else if (only && !std::strcmp(argv[i], "--only") && i + 1 < argc) {
      *only = argv[++i];
    } else {
      std::fprintf(stderr, "usage: %s [--seconds S]%s\n", program,
                   only ? " [--only W1,W2,...]" : "");
      return false;
    }
  }
  return true;
}

} // namespace leaky::bench
