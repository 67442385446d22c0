#!/usr/bin/env bash
# Runs every test group: C++ natively, C++ as wasm under Node, JS unit tests, the end-to-end
# tests in headless Chromium, and the fuzz harnesses' seeds and regression corpus. Every
# group runs even if an earlier one fails.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

failed=()
group() {
  local name=$1
  shift
  printf '\n=== %s ===\n' "$name"
  "$@" || failed+=("$name")
}

group "C++ natively (doctest via ctest)" ctest --test-dir build/native --output-on-failure
group "C++ as wasm under Node (doctest via ctest)" ctest --test-dir build/wasm --output-on-failure
group "JS unit tests (node --test)" node --import tsx --test tests/js/*.test.ts
group "End-to-end in headless Chromium (node --test + playwright-core)" \
  node --import tsx --test --test-concurrency=1 tests/e2e/*.test.ts
group "Fuzz corpus replayed under ASan and UBSan (libFuzzer via ctest)" bash scripts/fuzz.sh --replay

if [ ${#failed[@]} -gt 0 ]; then
  printf '\nFAILED groups: %s\n' "${failed[*]}"
  exit 1
fi
printf '\nAll test groups passed.\n'
