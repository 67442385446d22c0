#!/usr/bin/env bash
# Benchmarks (not tests): native, then wasm under Node. JSON lines go to build/bench/.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
mkdir -p build/bench
out=build/bench/activation.jsonl
: > "$out"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), node $(node --version)"
for run in "build/native/bench/leaky-bench" "node --no-experimental-fetch build/wasm/bench/leaky-bench.cjs"; do
  $run "$@" | tee >(grep '^{' >> "$out") | grep -v '^{'
done
echo
echo "JSON lines: $out"
