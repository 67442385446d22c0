// What the benchmark programs share: the platform's name, the timing loops, the options.
#pragma once
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <functional>
#include <string>
#include <vector>

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#endif

namespace leaky::bench {

#ifdef __EMSCRIPTEN__
inline constexpr const char* kPlatform = "wasm-node";
#else
inline constexpr const char* kPlatform = "native";
#endif

#ifdef __EMSCRIPTEN__
// Node's CPU time of this process, in microseconds (the benchmarks run under Node only).
EM_JS(double, leaky_bench_cpu_microseconds, (), {
  const u = process.cpuUsage();
  return u.user + u.system;
});
#endif

// CPU time of this process (on a shared machine, time other processes take does not count).
// Emscripten's clock() is a coarse wall clock, which on a loaded machine counts the others'
// time too: in wasm, Node's process.cpuUsage() (which also counts Node's own helper threads:
// its JIT and garbage collector, idle once a benchmark has warmed up).
inline double cpu_seconds() {
#ifdef __EMSCRIPTEN__
  return leaky_bench_cpu_microseconds() * 1e-6;
#else
  return static_cast<double>(std::clock()) / CLOCKS_PER_SEC;
#endif
}

inline double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t h = v.size() / 2;
  return v.size() % 2 ? v[h] : (v[h - 1] + v[h]) / 2;
}

// The number of windows each measurement is split into; its median is reported (the peers'
// method: the best of a few trials reads about 11% high against it).
inline constexpr int kWindows = 9;
// Seconds of work before the windows, in wasm.
inline constexpr double kWasmWarmUp = 0.2;

// Units of work per chunk, after a warm-up: chunks long enough (a few milliseconds) for the
// clock's cost and resolution not to count. run(n) does n units.
template <class Run> std::size_t warmed_chunk(Run&& run) {
  run(1); // warm-up: page in the buffers, let the JIT tier up
  std::size_t chunk = 1;
  for (double start = cpu_seconds(); cpu_seconds() - start < 5e-3; chunk *= 2)
    run(chunk);
#ifdef __EMSCRIPTEN__
  // V8 optimizes hot wasm functions in the background and uses that code from their next
  // call: a few milliseconds were not enough (the first workload of a run read 2-4x low).
  for (const double start = cpu_seconds(); cpu_seconds() - start < kWasmWarmUp;)
    run(chunk);
#endif
  return chunk;
}

// Units per second over one window of at least `seconds`, run in chunks.
template <class Run> double window_rate(Run&& run, std::size_t chunk, double seconds) {
  std::size_t done = 0;
  const double start = cpu_seconds();
  double elapsed = 0.0;
  do {
    run(chunk);
    done += chunk;
    elapsed = cpu_seconds() - start;
  } while (elapsed < seconds);
  return static_cast<double>(done) / elapsed;
}

// Units of work per second: run(n) does n units. The median rate over kWindows windows
// of seconds / kWindows each.
template <class Run> double median_rate(double seconds, Run&& run) {
  const std::size_t chunk = warmed_chunk(run);
  std::vector<double> rates;
  for (int w = 0; w < kWindows; ++w)
    rates.push_back(window_rate(run, chunk, seconds / kWindows));
  return median(rates);
}

// Seconds per call of each function, timed in alternating windows in one process (their
// ratios stay stable when the machine's load changes): medians over the windows.
inline std::vector<double> interleaved_medians(double seconds,
                                               const std::vector<std::function<void()>>& fs) {
  std::vector<std::size_t> calls;
  for (const auto& f : fs) { // enough calls for a window of about 5 ms
    f();
    std::size_t n = 1;
    for (;; n *= 2) {
      const double start = cpu_seconds();
      for (std::size_t i = 0; i < n; ++i)
        f();
      if (cpu_seconds() - start >= 5e-3) break;
    }
    calls.push_back(n);
  }
  std::vector<std::vector<double>> times(fs.size());
  const double end = cpu_seconds() + seconds;
  while (times[0].size() < kWindows || cpu_seconds() < end)
    for (std::size_t j = 0; j < fs.size(); ++j) {
      const double start = cpu_seconds();
      for (std::size_t i = 0; i < calls[j]; ++i)
        fs[j]();
      times[j].push_back((cpu_seconds() - start) / static_cast<double>(calls[j]));
    }
  std::vector<double> medians;
  for (auto& t : times)
    medians.push_back(median(t));
  return medians;
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
