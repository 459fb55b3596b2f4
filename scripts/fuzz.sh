#!/usr/bin/env bash
# Fuzzes the template engine (fuzz/tmpl_fuzz.cc) with libFuzzer for SECONDS (default 60).
#
# Configures a clang build with -DKANON_FUZZ=ON in build-fuzz/, builds only tmpl_fuzz, then
# runs it in fork mode (so one crash does not end the run) over the committed corpus
# fuzz/corpus/tmpl plus seeds made from the differential corpus, and finally minimises
# corpus + new finds back into fuzz/corpus/tmpl (-set_cover_merge=1, else -merge=1), so it
# only grows by inputs that add coverage. Crash/timeout/OOM reproducers land in
# build-fuzz/artifacts/ (replay one with `build-fuzz/fuzz/tmpl_fuzz FILE`).
# Exit status 1 if this run wrote any artifact.
# Env: KANON_FUZZ_JOBS (parallel fuzzing processes, default 1), KANON_FUZZ_MAX_LEN (4096).
# Usage: scripts/fuzz.sh [SECONDS]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
secs=${1:-60}
jobs=${KANON_FUZZ_JOBS:-1}
max_len=${KANON_FUZZ_MAX_LEN:-4096}
bd=$root/build-fuzz
corpus=$root/fuzz/corpus/tmpl
for tool in clang clang++; do
  command -v $tool >/dev/null || { echo "fuzz.sh: $tool not found (apt-get install clang libclang-rt-14-dev)" >&2; exit 1; }
done

if [ ! -f "$bd/build.ninja" ]; then
  # A clang-only warning must not stop a fuzzing run (CI builds with g++ -Werror): the compiler
  # is clang++ behind a wrapper that appends -Wno-error after the project's -Werror.
  mkdir -p "$bd"
  printf '#!/bin/sh\nexec clang++ "$@" -Wno-error\n' > "$bd/clang++-nowerror"
  chmod +x "$bd/clang++-nowerror"
  CC=clang cmake -S "$root" -B "$bd" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_COMPILER="$bd/clang++-nowerror" -DKANON_FUZZ=ON >/dev/null
fi
if ! ninja -C "$bd" -t targets all 2>/dev/null | grep -q '^tmpl_fuzz:'; then
  echo "fuzz.sh: no tmpl_fuzz target: the top-level CMakeLists.txt needs" \
       "'if(KANON_FUZZ) add_subdirectory(fuzz) endif()'" >&2
  exit 1
fi
ninja -C "$bd" -j 2 tmpl_fuzz
fuzzer=$bd/fuzz/tmpl_fuzz

work=$bd/fuzz-work
rm -rf "$work"
mkdir -p "$work/new" "$work/merged" "$bd/artifacts" "$corpus"
# Seeds from the differential corpus every time, so new diff cases feed the fuzzer too; the
# final merge keeps only those that add coverage.
python3 "$root/fuzz/make_seeds.py" "$work/seeds"
dirs=("$corpus" "$work/seeds")
before=$(ls "$bd/artifacts" | wc -l)

export TZ=UTC
common=(-max_len="$max_len" -timeout=10 -rss_limit_mb=2048 -dict="$root/fuzz/tmpl.dict"
        -artifact_prefix="$bd/artifacts/" -print_final_stats=1)
echo "fuzzing for ${secs}s with $jobs job(s); corpus: ${dirs[*]}"
"$fuzzer" "${common[@]}" -fork="$jobs" -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
  -max_total_time="$secs" "$work/new" "${dirs[@]}" 2>"$work/fuzz.log" || true
grep -E '^#[0-9]+.*(DONE|cov:)' "$work/fuzz.log" | tail -1 || true

# Minimise: a small subset of (committed corpus + seeds + new finds) covering the same edges.
# -set_cover_merge is -merge=1 with a greedy set cover (older libFuzzers lack it, hence the
# fallback); -use_counters=0 keeps edge coverage but not every hit-count variant, which cuts
# the committed corpus by about 3x (e.g. 1779 -> 685 files, 300 -> 84 KB).
merge_dirs=("${dirs[@]}" "$work/new")
if ! "$fuzzer" "${common[@]}" -use_counters=0 -set_cover_merge=1 "$work/merged" \
     "${merge_dirs[@]}" 2>"$work/merge.log"; then
  rm -rf "$work/merged" && mkdir -p "$work/merged"
  "$fuzzer" "${common[@]}" -use_counters=0 -merge=1 "$work/merged" "${merge_dirs[@]}" \
    2>"$work/merge.log" || { echo "fuzz.sh: merge failed; see $work/merge.log" >&2; exit 1; }
fi
rm -f "$corpus"/*
cp "$work/merged"/* "$corpus"/ 2>/dev/null || true
echo "corpus: $(ls "$corpus" | wc -l) files, $(cat "$corpus"/* | wc -c) bytes in fuzz/corpus/tmpl"

after=$(ls "$bd/artifacts" | wc -l)
if [ "$after" -gt "$before" ]; then
  echo "FINDINGS: $((after - before)) new artifact(s) in $bd/artifacts (log: $work/fuzz.log):"
  ls -t "$bd/artifacts" | head -n $((after - before))
  exit 1
fi
echo "no crashes, timeouts or OOMs"
