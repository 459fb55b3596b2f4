#!/usr/bin/env bash
# Per-phase overhead of the blueprint engine: an action of N phases of `KubeExec true` run by
# `kanon run` on the embedded cluster, against the same N `true` commands run by a plain shell
# loop, in the same run. Prints both times, the per-phase overhead and the goal (< 2 ms/phase).
# Usage: bench/phase_bench.sh BUILD_DIR [PHASES] [REPEATS]
set -euo pipefail
build=${1:-build}
phases=${2:-200}
repeats=${3:-3}
cd "$(dirname "$0")/.."
kanon="$PWD/$build/bin/kanon"
work=$(mktemp -d /tmp/kanon-phase-bench.XXXXXX)
trap 'kanon --local "$work/state" -n bench delete statefulset idle >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
export PATH="$PWD/$build/bin:$PATH"
k() { "$kanon" --local "$work/state" "$@"; }

cat > "$work/workload.yaml" <<YAML
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: idle, namespace: bench}
spec:
  replicas: 1
  selector: {matchLabels: {app: idle}}
  template:
    metadata: {labels: {app: idle}}
    spec:
      containers:
      - {name: main, image: busybox, command: [sleep, infinity]}
YAML
{
  echo "apiVersion: cr.kanister.io/v1alpha1"
  echo "kind: Blueprint"
  echo "metadata: {name: many, namespace: bench}"
  echo "actions:"
  echo "  noop:"
  echo "    phases:"
  for i in $(seq 1 "$phases"); do
    echo "    - {func: KubeExec, name: p$i, args: {namespace: bench, pod: '{{ index .StatefulSet.Pods 0 }}', command: [\"true\"]}}"
  done
} > "$work/blueprint.yaml"
k apply -f "$work/workload.yaml" -f "$work/blueprint.yaml" >/dev/null
for _ in $(seq 1 100); do
  k -n bench get pods -o json | grep -q '"phase": "Running"' && break
  sleep 0.1
done

ms() { date +%s%N; }
best_kanon=999999999999; best_shell=999999999999
for r in $(seq 1 "$repeats"); do
  t0=$(ms)
  k -n bench run --action noop --blueprint many --statefulset bench/idle -q >/dev/null
  t1=$(ms)
  for i in $(seq 1 "$phases"); do /bin/true; done
  # a shell loop forking a process per command, as the engine forks one per phase
  t2=$(ms)
  for i in $(seq 1 "$phases"); do sh -c true; done
  t3=$(ms)
  kt=$(( (t1 - t0) / 1000 )); st=$(( (t3 - t2) / 1000 ))
  [ "$kt" -lt "$best_kanon" ] && best_kanon=$kt
  [ "$st" -lt "$best_shell" ] && best_shell=$st
  echo "run $r: kanon ${kt} us, shell ${st} us"
done
awk -v k="$best_kanon" -v s="$best_shell" -v n="$phases" 'BEGIN {
  printf "phases: %d\nkanon run (best): %.1f ms\nshell loop (best): %.1f ms\n", n, k/1000, s/1000
  printf "overhead per phase beyond the shell: %.3f ms (goal < 2 ms)\n", (k - s) / n / 1000
  printf "ratio kanon/shell: %.2f\n", k / s
}'
