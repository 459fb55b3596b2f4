#!/usr/bin/env bash
# Builds the Go text/template + sprig oracle (gotmpl) into OUTDIR unless it is already there,
# and prints the binary's path. The oracle's sources live next to the project, in
# ../shared/tools/gotmpl (override with KANON_SHARED=/path/to/shared).
# Usage: scripts/oracle.sh OUTDIR
set -euo pipefail
if [ $# -ne 1 ]; then
  echo "usage: $0 OUTDIR" >&2
  exit 2
fi
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
shared=${KANON_SHARED:-$root/../shared}
outdir=$1
mkdir -p "$outdir"
outdir=$(cd "$outdir" && pwd)
if [ ! -x "$outdir/gotmpl" ]; then
  build="$shared/tools/gotmpl/build.sh"
  if [ ! -x "$build" ] && [ ! -f "$build" ]; then
    echo "oracle.sh: $build not found (set KANON_SHARED)" >&2
    exit 1
  fi
  bash "$build" "$outdir" >&2
fi
echo "$outdir/gotmpl"
