#!/usr/bin/env bash
# Installs whatever the build and the tests need and is missing, then exits quickly
# when everything is present. Idempotent: safe to run before every build.
#   scripts/setup.sh          what `npm start` needs (compilers, xsimd, zstd, npm packages)
#   scripts/setup.sh --test   also what `npm test` needs (doctest, Chromium, wabt, clang-14
#                             with libFuzzer and the sanitizers, GNU parallel)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
DEPS=$ROOT/build/deps
want_test=0
[ "${1:-}" = "--test" ] && want_test=1

log() { printf '[setup] %s\n' "$*" >&2; }

# --- system packages ---------------------------------------------------------------
missing=()
have() { command -v "$1" >/dev/null 2>&1; }
have cmake || missing+=(cmake)
have g++ || missing+=(g++)
have ninja || missing+=(ninja-build)
# The single file packs both wasm variants with it (web/vite-wasm-inline.ts).
have zstd || missing+=(zstd)
# An emsdk in $EMSDK or an em++ on PATH is used as it is; otherwise Debian's emscripten.
if ! have em++ && ! [ -x "${EMSDK:-/nonexistent}/upstream/emscripten/em++" ]; then
  missing+=(emscripten)
fi
if [ $want_test = 1 ]; then
  [ -f /usr/include/doctest/doctest.h ] || missing+=(doctest-dev)
  have wasm2wat || missing+=(wabt)
  have chromium || [ -n "${CHROMIUM_PATH:-}" ] || missing+=(chromium)
  # The fuzz harnesses (tests/fuzz): clang-14, and its runtime with libFuzzer and ASan/UBSan.
  have clang++-14 || missing+=(clang-14)
  compgen -G "/usr/lib/llvm-14/lib/clang/*/lib/linux/libclang_rt.fuzzer-*.a" >/dev/null \
    || missing+=(libclang-rt-14-dev)
  have parallel || missing+=(parallel)
fi

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then apt_get=(apt-get)
  elif have sudo && sudo -n true 2>/dev/null; then apt_get=(sudo -n apt-get)
  else
    log "These Debian packages are missing and I have no rights to install them:"
    log "  ${missing[*]}"
    log "Install them with:  sudo apt-get install -y ${missing[*]}"
    exit 1
  fi
  log "installing ${missing[*]} (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  # An old package list may lack the packages (or name versions no longer served).
  "${apt_get[@]}" update -qq >/dev/null || log "apt-get update failed; trying the lists already here"
  "${apt_get[@]}" install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# --- header-only dependencies, gathered in build/deps/include --------------------------
# em++'s sysroot cannot see /usr/include (adding it breaks the build), so xsimd, nlohmann/json
# and doctest are linked into a folder of their own that the native and the wasm builds use.
INC=$DEPS/include
mkdir -p "$INC"
link_headers() { ln -sfn "$1" "$INC/$2"; }

# One Debian package of `suite`, unpacked into build/deps/<dest>: fetched from the system's
# own Debian mirror and keyring through a private apt list, so the system's sources are never
# changed (mixing releases there breaks a machine) and no root is needed.
fetch_deb() {
  local suite=$1 package=$2 dest=$DEPS/$3
  local apt_dir=$DEPS/apt/$suite uri="" key="" f
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    if grep -Eq '^Suites:.*\bbookworm\b' "$f"; then
      uri=$(awk '/^URIs:/{print $2; exit}' "$f")
      key=$(awk '/^Signed-By:/{print $2; exit}' "$f")
      break
    fi
  done
  if [ -z "$uri" ] && [ -f /etc/apt/sources.list ]; then
    uri=$(awk '$1=="deb" && $0 !~ /security/ {for(i=2;i<=NF;i++) if ($i ~ /^(https?|file|mirror):/) {print $i; exit}}' /etc/apt/sources.list)
  fi
  if [ -z "$uri" ]; then
    log "cannot find the system's Debian mirror in /etc/apt."
    return 1
  fi
  local opts=""
  [ -n "$key" ] && opts="[signed-by=$key] "
  mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial" "$dest"
  echo "deb ${opts}$uri $suite main" > "$apt_dir/sources.list"
  local apt_opts=(-o "Dir::Etc::sourcelist=$apt_dir/sources.list" -o Dir::Etc::sourceparts=/dev/null
                  -o "Dir::State::Lists=$apt_dir/lists" -o "Dir::Cache=$apt_dir/cache"
                  -o Debug::NoLocking=1 -o APT::Sandbox::User=root)
  # One chain: set -e does not apply inside a function called with ||.
  apt-get "${apt_opts[@]}" update -qq >/dev/null \
    && (cd "$apt_dir" && rm -f "${package}"_*.deb && apt-get "${apt_opts[@]}" download "$package" >/dev/null) \
    && dpkg -x "$apt_dir/${package}"_*.deb "$dest"
}

# xsimd >= 10 has the WebAssembly arch; Debian 12 ships 8.1 without it. Use one the machine
# has (XSIMD_INCLUDE_DIR, /usr/local/include, /usr/include), else unpack Debian 13's
# header-only package.
xsimd_ok() { [ -f "$1/xsimd/arch/xsimd_wasm.hpp" ]; }
if ! xsimd_ok "$INC"; then
  found=""
  for dir in "${XSIMD_INCLUDE_DIR:-}" /usr/local/include /usr/include "$DEPS/xsimd-pkg/usr/include"; do
    if [ -n "$dir" ] && xsimd_ok "$dir"; then found=$dir; break; fi
  done
  if [ -z "$found" ]; then
    log "fetching xsimd (Debian trixie's libxsimd-dev, header-only) into build/deps"
    fetch_deb trixie libxsimd-dev xsimd-pkg \
      || { log "Install xsimd >= 10 (headers) and set XSIMD_INCLUDE_DIR to the folder holding xsimd/."; exit 1; }
    found=$DEPS/xsimd-pkg/usr/include
    xsimd_ok "$found" || { log "the xsimd package has no wasm arch"; exit 1; }
  fi
  link_headers "$found/xsimd" xsimd
fi

# nlohmann/json parses configs and models in core. Its version is pinned (its one home is
# CMakeLists.txt, which checks it again): a different one may parse or fail differently. Use
# that version where the machine has it (NLOHMANN_INCLUDE_DIR, /usr/include), else unpack
# Debian 12's header-only package, which holds it.
nlohmann_pin=$(sed -n 's/^set(LEAKY_NLOHMANN_VERSION \([0-9.]*\)).*/\1/p' CMakeLists.txt)
nlohmann_version() { # "3.11.2", from the headers in $1 (abi_macros.hpp since 3.11); "" if none
  { cat "$1/nlohmann/detail/abi_macros.hpp" "$1/nlohmann/json.hpp" 2>/dev/null || true; } | awk '
    $1 == "#define" && $2 ~ /^NLOHMANN_JSON_VERSION_(MAJOR|MINOR|PATCH)$/ && !($2 in v) { v[$2] = $3; n++ }
    END { if (n == 3) print v["NLOHMANN_JSON_VERSION_MAJOR"] "." v["NLOHMANN_JSON_VERSION_MINOR"] "." v["NLOHMANN_JSON_VERSION_PATCH"] }'
}
if [ "$(nlohmann_version "$INC")" != "$nlohmann_pin" ]; then
  found=""
  for dir in "${NLOHMANN_INCLUDE_DIR:-}" /usr/include "$DEPS/nlohmann-pkg/usr/include"; do
    if [ -n "$dir" ] && [ "$(nlohmann_version "$dir")" = "$nlohmann_pin" ]; then found=$dir; break; fi
  done
  if [ -z "$found" ]; then
    log "fetching nlohmann/json $nlohmann_pin (Debian bookworm's nlohmann-json3-dev) into build/deps"
    rm -rf "$DEPS/nlohmann-pkg"
    fetch_deb bookworm nlohmann-json3-dev nlohmann-pkg \
      || { log "Install nlohmann/json $nlohmann_pin (headers) and set NLOHMANN_INCLUDE_DIR to the folder holding nlohmann/."; exit 1; }
    found=$DEPS/nlohmann-pkg/usr/include
    got=$(nlohmann_version "$found")
    [ "$got" = "$nlohmann_pin" ] \
      || { log "Debian's nlohmann-json3-dev is ${got:-unreadable}, not $nlohmann_pin: set NLOHMANN_INCLUDE_DIR to a $nlohmann_pin copy"; exit 1; }
  fi
  link_headers "$found/nlohmann" nlohmann
fi

if [ $want_test = 1 ] && ! [ -f "$INC/doctest/doctest.h" ]; then
  link_headers /usr/include/doctest doctest
fi

# --- npm packages ------------------------------------------------------------------------
if ! [ -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ] \
   || [ package.json -nt node_modules/.package-lock.json ]; then
  log "installing npm packages"
  if [ -f package-lock.json ]; then npm ci --no-audit --no-fund --loglevel=error
  else npm install --no-audit --no-fund --loglevel=error; fi
  mkdir -p node_modules && touch node_modules/.package-lock.json
fi
log "ready"
