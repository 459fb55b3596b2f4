#!/usr/bin/env bash
# Template rendering throughput: `kanon tmpl --batch` against the Go oracle `gotmpl -batch`,
# in the same run, on the same JSONL workload (bench/tmpl_workload.py: the differential
# corpus's deterministic successes plus blueprint-shaped argument templates, ~20k renders).
# Prints the median wall time of each over several runs, renders/s and the speed ratio
# (goal: kanon >= 3x gotmpl), and checks that both produced the same output.
#
# Usage: bench/tmpl_bench.sh BUILD_DIR
#   env: KANON_GOTMPL (default BUILD_DIR/gotmpl/gotmpl), KANON_BENCH_LINES (20000),
#        KANON_BENCH_RUNS (5)
set -euo pipefail
if [ $# -ne 1 ]; then
  echo "usage: $0 BUILD_DIR" >&2
  exit 2
fi
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
build=$(cd "$1" && pwd)
kanon=$build/bin/kanon
gotmpl=${KANON_GOTMPL:-$build/gotmpl/gotmpl}
lines=${KANON_BENCH_LINES:-20000}
runs=${KANON_BENCH_RUNS:-5}
for bin in "$kanon" "$gotmpl"; do
  [ -x "$bin" ] || { echo "tmpl_bench: $bin not found (build it; the oracle: scripts/oracle.sh)" >&2; exit 1; }
done
export TZ=UTC  # sprig's date functions use the local zone

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
workload=$work/workload.jsonl
python3 "$here/tmpl_workload.py" --gotmpl "$gotmpl" --out "$workload" --lines "$lines"
echo "kanon:  $kanon"
echo "gotmpl: $gotmpl"

# Same answers first: a fast wrong engine is not a result.
"$kanon" tmpl --batch < "$workload" > "$work/kanon.out" \
  || { echo "tmpl_bench: kanon exited $? on the workload (run tests/tmpl_diff/run_diff.py to find the case)" >&2; exit 1; }
"$gotmpl" -batch < "$workload" > "$work/gotmpl.out"
python3 - "$work/gotmpl.out" "$work/kanon.out" <<'PY'
import json, sys
go = open(sys.argv[1], encoding="utf-8").read().splitlines()
kn = open(sys.argv[2], encoding="utf-8").read().splitlines()
diff = sum(1 for a, b in zip(go, kn) if json.loads(a) != json.loads(b)) + abs(len(go) - len(kn))
print(f"outputs: {len(go) - diff} of {len(go)} identical" + ("" if diff == 0 else "  (WARNING: engines disagree)"))
PY

# Times in seconds, one per line, for `cmd < workload > /dev/null`.
time_runs() {
  local out=$1; shift
  if command -v hyperfine >/dev/null 2>&1; then
    local q; q=$(printf '%q ' "$@")
    hyperfine --style none --warmup 1 --runs "$runs" --export-json "$work/hf.json" \
      "$q < $(printf '%q' "$workload") > /dev/null" >/dev/null
    python3 -c 'import json,sys; [print(t) for t in json.load(open(sys.argv[1]))["results"][0]["times"]]' \
      "$work/hf.json" > "$out"
  else
    : > "$out"
    "$@" < "$workload" > /dev/null  # warm-up
    for _ in $(seq "$runs"); do
      local t0 t1; t0=$(date +%s%N)
      "$@" < "$workload" > /dev/null
      t1=$(date +%s%N)
      echo "scale=6; ($t1 - $t0) / 1000000000" | bc >> "$out" 2>/dev/null \
        || python3 -c "print(($t1 - $t0) / 1e9)" >> "$out"
    done
  fi
}

time_runs "$work/kanon.times" "$kanon" tmpl --batch
time_runs "$work/gotmpl.times" "$gotmpl" -batch

python3 - "$lines" "$runs" "$work/kanon.times" "$work/gotmpl.times" <<'PY'
import statistics, sys
lines, runs = int(sys.argv[1]), int(sys.argv[2])
kn = [float(x) for x in open(sys.argv[3]).read().split()]
go = [float(x) for x in open(sys.argv[4]).read().split()]
mk, mg = statistics.median(kn), statistics.median(go)
print(f"\n{lines} renders per run, {runs} runs, median wall time")
print(f"  {'engine':<8} {'median s':>9} {'min s':>8} {'max s':>8} {'renders/s':>11} {'us/render':>10}")
for name, ts, m in (("kanon", kn, mk), ("gotmpl", go, mg)):
    print(f"  {name:<8} {m:>9.3f} {min(ts):>8.3f} {max(ts):>8.3f} {lines / m:>11.0f} {1e6 * m / lines:>10.1f}")
ratio = mg / mk
print(f"\nkanon is {ratio:.2f}x the speed of gotmpl (goal >= 3x): {'OK' if ratio >= 3 else 'BELOW GOAL'}")
PY
