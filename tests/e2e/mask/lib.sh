# Helpers shared by the kanon mask round-trip tests (sourced, not run).
# Expects: $kanon (a binary with the `mask` subcommand), $work (scratch directory).

fails=0
step() { printf '== %s\n' "$*"; }
ok() { printf '   ok: %s\n' "$*"; }
bad() { printf '   FAIL: %s\n' "$*" >&2; fails=$((fails + 1)); }
die() { printf 'FATAL: %s\n' "$*" >&2; exit 1; }
# expect NAME WANT GOT
expect() { if [ "$2" = "$3" ]; then ok "$1 ($3)"; else bad "$1: want $2, got $3"; fi; }

python=/usr/bin/python3
[ -x "$python" ] || python=python3

# The rows `sample: {percent: P, by: C}` keeps, computed independently of kanon: HMAC-SHA256
# with Python's hmac module, as docs/masking.md specifies the sampling rule.
# Reads one key value per line on stdin; prints the ones kept.
sample_oracle() {
  "$python" -c '
import hmac, hashlib, math, os, sys
master = os.environ["KANON_MASK_KEY"].encode()
sub = hmac.new(master, b"kanon-mask/v1/sample", hashlib.sha256).digest()
limit = int(math.ldexp(float(sys.argv[1]) / 100.0, 64))
for line in sys.stdin:
    v = line.rstrip("\n")
    h = int.from_bytes(hmac.new(sub, v.encode(), hashlib.sha256).digest()[:8], "big")
    if h < limit:
        print(v)
' "$1"
}

# Lines common to two files (after sorting), counted.
common_lines() { comm -12 <(sort -u "$1") <(sort -u "$2") | grep -c . || true; }

# The text of one COPY block of a pg_dump file (header through \.).
copy_block() { awk -v h="COPY $2 " 'index($0, h) == 1 {on = 1} on {print} on && $0 == "\\." {exit}' "$1"; }

finish() {
  if [ "$fails" -gt 0 ]; then
    printf '%d check(s) failed\n' "$fails" >&2
    exit 1
  fi
  echo "all checks passed"
}
