#!/usr/bin/env bash
# Benchmarks (not tests), each natively and then as wasm under Node. Tables go to stdout,
# JSON lines to build/bench/<name>.jsonl. Options (e.g. --seconds 1) go to every benchmark.
#   activation  forward+backward of relu, leaky_relu, elu, gelu; SIMD vs scalar
#   dense       dense layers of W1 and W3; SIMD vs scalar
#   train       workloads W1-W4 (docs/definitions.md); relu vs leaky_relu, SIMD vs scalar
#   eval        an evaluation and its JSON against 100 training steps, the page's default run
# dense and train print the machine's multiply-add peak, measured in the same run, and their
# GFLOP/s as a fraction of it; every rate is a median of timed windows. Then, under Node only:
# the page and the sweep in headless Chromium, and, when LEAKY_TFP_NN names the TensorFlow
# Playground's src/nn.ts, W1 in that engine against this one in one process.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
mkdir -p build/bench
for dir in build/native build/wasm; do
  cmake --build "$dir" --target leaky-bench leaky-dense-bench leaky-bench-train leaky-bench-eval -j "$(nproc)" >/dev/null
done
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), node $(node --version)"
for bench in activation dense train eval; do
  case $bench in
    activation) exe=leaky-bench ;;
    dense) exe=leaky-dense-bench ;;
    train) exe=leaky-bench-train ;;
    eval) exe=leaky-bench-eval ;;
  esac
  out=build/bench/$bench.jsonl
  : > "$out"
  for run in "build/native/bench/$exe" "node --no-experimental-fetch build/wasm/bench/$exe.cjs"; do
    $run "$@" | tee >(grep '^{' >> "$out") | grep -v '^{'
  done
done

# The page in headless Chromium: bytes, time to the first frame, fast pacing against the engine.
node --import tsx bench/page/page-bench.ts
# Sweeps: the page's worker pool against one worker, and the CLI's --jobs 1 and 2.
node --import tsx bench/page/sweep-bench.ts
# W1 against the TensorFlow Playground's engine, which is not in this repository: only when
# LEAKY_TFP_NN names its src/nn.ts (bench/tfp/w1-vs-tfp.ts says how to get it).
: > build/bench/tfp.jsonl
if [[ -n "${LEAKY_TFP_NN:-}" ]]; then
  node --import tsx bench/tfp/w1-vs-tfp.ts --nn "$LEAKY_TFP_NN"
else
  echo
  echo "W1 against the TensorFlow Playground's engine: skipped (set LEAKY_TFP_NN to its src/nn.ts)"
fi
echo
echo "JSON lines: build/bench/{activation,dense,train,eval,page,sweep,tfp}.jsonl"
