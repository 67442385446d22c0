#!/usr/bin/env bash
# Fuzzing (README, "Fuzzing"). Builds the libFuzzer harnesses of tests/fuzz in build/fuzz
# (clang-14; the core's libraries and the harnesses under ASan and UBSan), then:
#   scripts/fuzz.sh [--seconds N] [HARNESS...]  fuzzes each harness (default: all) for N
#                                               seconds (default 60), one after another
#   scripts/fuzz.sh --replay                    runs every committed seed and regression
#                                               input once (a group of `npm test`)
# Fuzzing grows build/fuzz/corpus/<harness>, starting from tests/fuzz/seeds/<harness> and
# tests/fuzz/regressions/<harness>. Each distinct failure found is copied to
# tests/fuzz/regressions/<harness>/<what>-<where>-<hash> (commit it), its report to
# build/fuzz/findings/<harness>/.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

usage() { sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; }
die() { printf 'fuzz.sh: %s\n' "$*" >&2; exit 2; }

# The harnesses are the files tests/fuzz/fuzz_<name>.cpp (tests/fuzz/CMakeLists.txt agrees).
all=()
for f in tests/fuzz/fuzz_*.cpp; do
  name=${f##*/fuzz_}
  all+=("${name%.cpp}")
done

seconds=60 replay=0 chosen=()
while [ $# -gt 0 ]; do
  case $1 in
    --seconds) [ $# -ge 2 ] || die "--seconds needs a number"; seconds=$2; shift 2 ;;
    --seconds=*) seconds=${1#*=}; shift ;;
    --replay) replay=1; shift ;;
    -h | --help) usage; exit 0 ;;
    -*) die "unknown option '$1' (--seconds N, --replay, --help)" ;;
    *)
      [[ " ${all[*]} " == *" $1 "* ]] || die "unknown harness '$1' (one of: ${all[*]})"
      chosen+=("$1"); shift ;;
  esac
done
[[ $seconds =~ ^[1-9][0-9]{0,6}$ ]] || die "--seconds must be a whole number from 1 to 9999999, not '$seconds'"
[ ${#chosen[@]} -gt 0 ] || chosen=("${all[@]}")

# --- build ---------------------------------------------------------------------------------
cxx=${LEAKY_FUZZ_CXX:-clang++-14}
command -v "$cxx" >/dev/null || die "$cxx not found: run scripts/setup.sh --test"
jobs=${LEAKY_JOBS:-$(nproc 2>/dev/null || echo 2)}
out=build/fuzz
if ! [ -f $out/CMakeCache.txt ]; then
  generator=()
  command -v ninja >/dev/null 2>&1 && generator=(-G Ninja)
  # Debug adds -g and no NDEBUG: the core's asserts stay on (tests/fuzz sets -O1).
  cmake -S . -B $out "${generator[@]}" -DLEAKY_FUZZ=ON -DCMAKE_BUILD_TYPE=Debug \
    -DCMAKE_CXX_COMPILER="$cxx" >/dev/null
fi
cmake --build $out -j "$jobs" >$out/build.log 2>&1 || { cat $out/build.log; die "the fuzz build failed"; }

if [ $replay = 1 ]; then
  exec ctest --test-dir $out --output-on-failure
fi

# --- fuzz ----------------------------------------------------------------------------------
limits=(-timeout=10 -rss_limit_mb=2048)

# "<what>-in-<where>" for a failure's report: the property, or the sanitizer's finding and
# the function of the first stack frame in the repository's sources; for a stack overflow
# (whose stack is cut short) the function that recurses, the one most frames are in.
signature() {
  local report=$1 what frames where
  what=$(grep -m1 -oE '^PROPERTY FAILED: [A-Za-z0-9._-]+' <<<"$report" | cut -d' ' -f3 || true)
  if [ -n "$what" ]; then echo "$what"; return; fi
  if grep -q 'leaked in' <<<"$report"; then what=leak
  elif grep -q "Assertion .* failed" <<<"$report"; then what=assert
  else
    what=$(grep -m1 -E '^SUMMARY: ' <<<"$report" |
      sed -E 's/^SUMMARY: [A-Za-z]+: //; s/deadly signal/abort/; s/[^A-Za-z0-9-].*//' || true)
  fi
  frames=$(grep -E '^ *#[0-9]+ 0x[0-9a-f]+ in ' <<<"$report" || true)
  if [ "$what" = stack-overflow ]; then
    where=$(short_names <<<"$frames" | sort | uniq -c | sort -rn | awk 'NR==1 {print $2}')
  else
    where=$(grep -m1 -E " $PWD/(core|cli|wasm|tests)/" <<<"$frames" | short_names || true)
  fi
  echo "${what:-crash}-in-${where:-unknown}"
}

# "#3 0x... in leaky::(anonymous namespace)::read<T>(...) /path" -> "read", one a line.
short_names() {
  sed -E 's/^ *#[0-9]+ 0x[0-9a-f]+ in //; s/\(anonymous namespace\):://g; :a; s/<[^<>]*>//g; ta; s/\(.*//; s/.*:://'
}

# Copies one artifact of a run into the regression corpus, unless its signature is there.
keep() {
  local harness=$1 input=$2 report name
  mkdir -p "$out/findings/$harness"
  # libFuzzer writes its own copy of a failing input; not into the work tree.
  if report=$("$out/tests/fuzz/fuzz_$harness" "${limits[@]}" \
    -artifact_prefix="$out/findings/$harness/rerun-" "$input" 2>&1); then
    echo "    $input: passes when run alone (kept only in $out)"
    return
  fi
  name=$(signature "$report")
  printf '%s\n' "$report" >"$out/findings/$harness/$name.log"
  if compgen -G "tests/fuzz/regressions/$harness/$name-*" >/dev/null ||
    compgen -G "tests/fuzz/known-failures/$harness/$name-*" >/dev/null; then
    echo "    $name: already in the corpus"
    return
  fi
  local dest=tests/fuzz/regressions/$harness/$name-$(sha1sum <"$input" | cut -c1-8)
  cp "$input" "$dest"
  echo "    NEW $dest (report: $out/findings/$harness/$name.log)"
}

status=0
for harness in "${chosen[@]}"; do
  corpus=$out/corpus/$harness artifacts=$out/artifacts/$harness log=$out/logs/$harness.log
  mkdir -p "$corpus" "$artifacts" "$out/logs" "tests/fuzz/regressions/$harness"
  rm -f "$artifacts"/*
  printf '\n=== %s: fuzzing for %s s (log: %s) ===\n' "$harness" "$seconds" "$log"
  # Fork mode keeps fuzzing past a crash, so one run finds every failure it can; the corpus
  # grows in its first folder only. 4 KB inputs at most (libFuzzer's default): the large
  # hand-made seeds are replayed whole by --replay.
  # The dictionary (tests/fuzz/make-seeds.ts) offers the format's words and edge numbers.
  "$out/tests/fuzz/fuzz_$harness" -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
    -max_total_time="$seconds" -max_len=4096 "${limits[@]}" -artifact_prefix="$artifacts/" \
    -dict="tests/fuzz/dict/$harness.dict" \
    "$corpus" "tests/fuzz/seeds/$harness" "tests/fuzz/regressions/$harness" >"$log" 2>&1 || true
  # The last status line: "#runs: cov: C ft: F corp: N exec/s: E oom/timeout/crash: a/b/c ..."
  grep -E '^#[0-9]+: cov:' "$log" | tail -n1 | sed 's/^/  /' || echo "  (no status line: see $log)"
  found=$(find "$artifacts" -type f | sort)
  if [ -z "$found" ]; then
    echo "  no failures"
    continue
  fi
  status=1
  echo "  $(wc -l <<<"$found") failing inputs:"
  while IFS= read -r input; do keep "$harness" "$input"; done <<<"$found"
done
exit $status
