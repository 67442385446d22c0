#!/usr/bin/env bash
# Builds everything: native (core, CLI, tests, bench), wasm (three variants, tests, bench),
# then the web page into dist/ (the site, dist/leaky-lab.html, dist/leaky-lab.js).
# Incremental; run scripts/setup.sh first.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

jobs=${LEAKY_JOBS:-$(nproc 2>/dev/null || echo 2)}
generator=()
command -v ninja >/dev/null 2>&1 && generator=(-G Ninja)

if ! [ -f build/native/CMakeCache.txt ]; then
  cmake -S . -B build/native "${generator[@]}" -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build build/native -j "$jobs"

if ! [ -f build/wasm/CMakeCache.txt ]; then
  # Debian's toolchain file names an emulator flag Node 20 rejects; tests pass node themselves.
  emcmake cmake -S . -B build/wasm "${generator[@]}" -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_CROSSCOMPILING_EMULATOR="node;--no-experimental-fetch" >/dev/null
fi
cmake --build build/wasm -j "$jobs"

# The page, into dist/: the site, then the single file, then the element's script.
for mode in production single element; do
  npx vite build --config web/vite.config.ts --mode "$mode" --logLevel warn
done
