#!/usr/bin/env bash
# kanon mask benchmark, in one run on a generated table of ROWS rows (default 2,000,000) with
# personal data (dump-formats.md section 5 generator; every row exercises COPY escaping):
#   (a) kanon mask alone on the dump file: MB/s passing through, and with 4 masked columns
#       (email, name, phone, birth date; with and without keeping e-mails unique), next to
#       cat and md5sum on the same file as the floor and a peer;
#   (b) pg_dump | kanon mask | psql   against   pg_dump | psql;
#   (c) what users do without us: pg_dump | psql, then SQL UPDATEs (md5 and the like) over the
#       same 4 columns, against (b).
# Goals (issue 6): pass-through > 1 GB/s, 4 masked columns > 300 MB/s on one core, (b) within
# 1.15x of plain, and faster than (c). The table has a UNIQUE e-mail, so (b) keeps it unique.
# Usage: bench/mask_bench.sh [KANON_BINARY] [WORKDIR]   (default build/bin/kanon, build/mask-bench)
# Env: ROWS, RUNS (repetitions, best taken; default 3), BENCH_PG_PORT (55452).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
kanon=$(realpath "${1:-$root/build/bin/kanon}")
work=$(mkdir -p "${2:-$root/build/mask-bench}" && realpath "${2:-$root/build/mask-bench}")
rows=${ROWS:-2000000} runs=${RUNS:-3}
svc=$root/../shared/tools/services/svc.sh
export BASE=$work/svc PG_PORT=${BENCH_PG_PORT:-55452}
export KANON_MASK_KEY=bench-mask-key-0123456789abcdef
export PGHOST=127.0.0.1 PGPORT=$PG_PORT PGUSER=postgres
psql() { command psql -X -q -v ON_ERROR_STOP=1 "$@"; }

"$svc" start pg >/dev/null || { echo "PostgreSQL did not start" >&2; exit 1; }
trap '"$svc" stop pg || true' EXIT

# Seconds (wall) that "$@" takes.
secs() {
  local s e
  s=$(date +%s.%N)
  "$@" || { echo "mask_bench: failed: $*" >&2; exit 1; }
  e=$(date +%s.%N)
  echo "$e - $s" | bc -l
}
# Best (smallest) wall time of RUNS runs of "$@".
best() {
  local b="" t i
  for ((i = 0; i < runs; i++)); do
    t=$(secs "$@")
    if [ -z "$b" ] || (($(echo "$t < $b" | bc -l))); then b=$t; fi
  done
  echo "$b"
}
# CPU seconds (user + sys) of "$@", one run.
cpu() {
  local f=$work/cpu.txt
  /usr/bin/time -f "%U %S" -o "$f" "$@"
  awk '{printf "%.2f", $1 + $2}' "$f"
}
mbps() { echo "scale=0; $1 / 1000000 / $2" | bc -l; }
ratio() { echo "scale=2; $1 / $2" | bc -l; }

if [ "$(psql -At -d perf -c "SELECT count(*) FROM people" 2>/dev/null || echo 0)" != "$rows" ]; then
  echo "generating $rows rows ..."
  dropdb --if-exists perf
  createdb perf
  psql -d perf <<SQL
CREATE TABLE people (
  id bigint PRIMARY KEY, email text NOT NULL UNIQUE, full_name text NOT NULL,
  phone text, address text, birth_date date, notes text);
INSERT INTO people
SELECT g, 'user' || g || '@example.com',
       'Given' || (g % 9973) || ' Family' || (g % 7919),
       '+1-555-' || lpad((g % 10000000)::text, 7, '0'),
       g || ' Main Street, Apt ' || (g % 500) || E'\nSpringfield ' || lpad((g % 99999)::text, 5, '0'),
       date '1940-01-01' + (g % 25000),
       md5(g::text) || E'\t' || repeat('lorem ipsum ', 1 + g % 8)
FROM generate_series(1, $rows) AS g;
VACUUM ANALYZE people;
SQL
fi
dump=$work/perf.sql
pg_dump perf > "$dump"
size=$(stat -c %s "$dump")

cat > "$work/pass.yaml" <<'YAML'
apiVersion: kanon.io/v1alpha1
kind: MaskPolicy
spec:
  tables:
    public.people:
      columns: {id: keep, email: keep, full_name: keep, phone: keep, address: keep,
                birth_date: keep, notes: keep}
YAML
cat > "$work/mask4.yaml" <<'YAML'
apiVersion: kanon.io/v1alpha1
kind: MaskPolicy
spec:
  key: {env: KANON_MASK_KEY}
  tables:
    public.people:
      columns:
        id: keep
        email: {mask: email}
        full_name: {mask: name}
        phone: {mask: phone, keepDigits: 1}
        address: keep
        birth_date: {mask: dateShift, maxDays: 30}
        notes: keep
YAML
sed 's/email: {mask: email}/email: {mask: email, unique: true}/' "$work/mask4.yaml" \
  > "$work/mask4u.yaml"

cat "$dump" > /dev/null  # page cache
file_cat=$(best sh -c "cat '$dump' > /dev/null")
pipe_cat=$(best sh -c "cat '$dump' | cat > /dev/null")
md5=$(best sh -c "md5sum < '$dump' > /dev/null")
pass_file=$(best sh -c "'$kanon' mask --policy '$work/pass.yaml' < '$dump' > /dev/null")
pass_pipe=$(best sh -c "cat '$dump' | '$kanon' mask --policy '$work/pass.yaml' | cat > /dev/null")
m4=$(best sh -c "'$kanon' mask --policy '$work/mask4.yaml' < '$dump' > /dev/null")
m4u=$(best sh -c "'$kanon' mask --policy '$work/mask4u.yaml' < '$dump' > /dev/null")
m4_cpu=$(cpu sh -c "'$kanon' mask --policy '$work/mask4.yaml' < '$dump' > /dev/null")
m4u_cpu=$(cpu sh -c "'$kanon' mask --policy '$work/mask4u.yaml' < '$dump' > /dev/null")
pass_cpu=$(cpu sh -c "'$kanon' mask --policy '$work/pass.yaml' < '$dump' > /dev/null")

set -o pipefail
restore_plain() {
  dropdb --if-exists perf_r && createdb perf_r
  pg_dump perf | psql -d perf_r >/dev/null
}
restore_masked() {
  dropdb --if-exists perf_r && createdb perf_r
  pg_dump perf | "$kanon" mask --policy "$work/mask4u.yaml" | psql -d perf_r >/dev/null
}
restore_update() {
  dropdb --if-exists perf_r && createdb perf_r
  pg_dump perf | psql -d perf_r >/dev/null
  psql -d perf_r -c "UPDATE people SET
      email = 'u' || substr(md5(email), 1, 12) || '@example.com',
      full_name = 'N' || substr(md5(full_name), 1, 10),
      phone = '+1-' || substr(md5(coalesce(phone, '')), 1, 10),
      birth_date = birth_date + (abs(hashtext(id::text)) % 61 - 30)" >/dev/null
}
b_plain=$(best restore_plain)
b_mask=$(best restore_masked)
c_update=$(best restore_update)
dropdb --if-exists perf_r

printf '\nkanon mask benchmark: %s rows, dump %s bytes (%s MB); best of %s runs, wall time\n' \
  "$rows" "$size" "$((size / 1000000))" "$runs"
printf '%-52s %8s %10s\n' "" "seconds" "MB/s"
row() { printf '%-52s %8.2f %10s\n' "$1" "$2" "$(mbps "$size" "$2")"; }
echo "(a) the dump file, alone"
row "  cat file > /dev/null (floor)" "$file_cat"
row "  cat file | cat > /dev/null (pipe floor)" "$pipe_cat"
row "  md5sum < file (peer)" "$md5"
row "  kanon mask, pass-through, file -> /dev/null" "$pass_file"
row "  kanon mask, pass-through, pipe -> pipe" "$pass_pipe"
row "  kanon mask, 4 masked columns" "$m4"
row "  kanon mask, 4 masked columns, e-mail kept unique" "$m4u"
printf '  CPU seconds (user+sys): pass-through %s, 4 columns %s (%s MB/s of one core), unique %s (%s MB/s)\n' \
  "$pass_cpu" "$m4_cpu" "$(mbps "$size" "$m4_cpu")" "$m4u_cpu" "$(mbps "$size" "$m4u_cpu")"
echo "(b) pipelines into PostgreSQL"
row "  pg_dump | psql" "$b_plain"
row "  pg_dump | kanon mask (4 columns, unique e-mail) | psql" "$b_mask"
printf '  ratio masked / plain: %s (goal <= 1.15)\n' "$(ratio "$b_mask" "$b_plain")"
echo "(c) restore, then UPDATE the same 4 columns in SQL"
row "  pg_dump | psql; UPDATE ..." "$c_update"
printf '  ratio (c) / (b) masked: %s (goal > 1)\n' "$(ratio "$c_update" "$b_mask")"
printf 'goals: pass-through %s MB/s (> 1000), 4 columns %s MB/s wall, %s MB/s CPU (> 300)\n' \
  "$(mbps "$size" "$pass_file")" "$(mbps "$size" "$m4")" "$(mbps "$size" "$m4_cpu")"
printf 'load average during the run: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
