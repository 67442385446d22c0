#!/usr/bin/env bash
# Runs a harness once on every file in the given folders (dot files skipped), each file whole:
# libFuzzer truncates only what it reads as a corpus folder, not files named one by one.
# Usage: replay.sh path/to/fuzz_x dir...
set -uo pipefail
harness=$1
shift
mapfile -t files < <(find "$@" -maxdepth 1 -type f ! -name '.*' | sort)
[ ${#files[@]} -gt 0 ] || { echo "no inputs in $*"; exit 1; }
# Generous per-input limits: the large hand-made inputs take a second or so under ASan.
# libFuzzer's copy of a failing input goes beside the harness, not into the caller's folder.
if out=$("$harness" -timeout=60 -rss_limit_mb=4096 -artifact_prefix="$(dirname "$harness")/" \
  "${files[@]}" 2>&1); then
  echo "${#files[@]} inputs replayed, none failed"
  exit 0
fi
# The failing input's report only, with lines and stack cut short (C++ frames run to pages).
awk '/^Running: /{report=""} {report=report $0 "\n"} END{printf "%s", report}' <<<"$out" |
  cut -c1-240 | head -n 60
echo "$harness failed on the input named above"
exit 1
