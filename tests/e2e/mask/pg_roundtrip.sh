#!/usr/bin/env bash
# Round trip through a real PostgreSQL: dump the shop database, mask it with
# examples/mask/shop-postgres.yaml, restore into a fresh database with every constraint, check.
# Usage: pg_roundtrip.sh KANON_BINARY WORKDIR
#   KANON_BINARY: anything with the `mask` subcommand (build/bin/kanon, kanon_mask_dev).
#   Env: MASK_E2E_BASE (server directory, default WORKDIR/svc), MASK_E2E_PG_PORT (55442).
# Fails loudly when the server cannot start. Stops the server on every path.
set -euo pipefail
kanon=$(realpath "$1")
work=$(mkdir -p "$2" && realpath "$2")
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
source "$here/lib.sh"
policy=$root/examples/mask/shop-postgres.yaml
svc=$root/../shared/tools/services/svc.sh
export BASE=${MASK_E2E_BASE:-$work/svc} PG_PORT=${MASK_E2E_PG_PORT:-55442}
export KANON_MASK_KEY=e2e-mask-key-0123456789abcdef
[ -x "$svc" ] || die "no service script at $svc"

step "start PostgreSQL on 127.0.0.1:$PG_PORT"
"$svc" start pg || die "PostgreSQL did not start (see $BASE/pg/log)"
trap '"$svc" stop pg || true' EXIT
export PGHOST=127.0.0.1 PGPORT=$PG_PORT PGUSER=postgres
psql() { command psql -X -q -v ON_ERROR_STOP=1 "$@"; }
q() { command psql -X -q -At -v ON_ERROR_STOP=1 -d "$1" -c "$2"; }
for db in shop shop_masked shop_pipe shop_bad; do dropdb --if-exists "$db"; done
createdb shop
psql -d shop -f "$here/pg_shop.sql" >/dev/null

step "dump and mask"
pg_dump --no-owner --no-privileges shop > "$work/orig.sql"
"$kanon" mask --policy "$policy" --stats < "$work/orig.sql" > "$work/masked.sql"
"$kanon" mask --policy "$policy" < "$work/orig.sql" > "$work/masked2.sql"
cmp -s "$work/masked.sql" "$work/masked2.sql" && ok "two runs give identical bytes" \
  || bad "two runs differ"
KANON_MASK_KEY=another-key-0123456789abcdef "$kanon" mask --policy "$policy" \
  < "$work/orig.sql" > "$work/masked-other.sql"
cmp -s "$work/masked.sql" "$work/masked-other.sql" && bad "another key gave the same output" \
  || ok "another key gives another output"

step "restore into a fresh database, constraints on"
createdb shop_masked
if psql -d shop_masked -f "$work/masked.sql" >/dev/null 2>"$work/restore.err"; then
  ok "psql -v ON_ERROR_STOP=1 restored the masked dump"
else
  bad "restore failed: $(head -5 "$work/restore.err")"
fi

step "rows kept as the sample says (oracle: Python hmac)"
q shop "SELECT id FROM customers" | sample_oracle 10 > "$work/kept-ids"
expect "customers" "$(wc -l < "$work/kept-ids")" "$(q shop_masked "SELECT count(*) FROM customers")"
q shop "SELECT customer_id || ' ' || id FROM orders WHERE status <> 'cancelled'" \
  | sort > "$work/open-orders"
want_orders=$(join <(sort "$work/kept-ids") <(sort -k1,1 "$work/open-orders") | wc -l)
expect "orders" "$want_orders" "$(q shop_masked "SELECT count(*) FROM orders")"
expect "products (kept)" 50 "$(q shop_masked "SELECT count(*) FROM products")"
expect "audit_log (dropped)" 0 "$(q shop_masked "SELECT count(*) FROM audit_log")"
expect "orphan orders" 0 "$(q shop_masked "SELECT count(*) FROM orders o
  LEFT JOIN customers c ON c.id = o.customer_id WHERE c.id IS NULL")"

step "unique columns stay unique"
expect "duplicate emails" 0 "$(q shop_masked "SELECT count(*) - count(DISTINCT email) FROM customers")"
expect "duplicate ssns" 0 "$(q shop_masked "SELECT count(ssn) - count(DISTINCT ssn) FROM customers")"

step "masked columns hold no original value"
for col in email full_name phone ssn; do
  q shop "SELECT $col FROM customers WHERE $col IS NOT NULL" > "$work/orig-$col"
  q shop_masked "SELECT $col FROM customers WHERE $col IS NOT NULL" > "$work/masked-$col"
  expect "customers.$col values found in the original" 0 \
    "$(common_lines "$work/orig-$col" "$work/masked-$col")"
done
expect "notes left" 0 "$(q shop_masked "SELECT count(notes) FROM customers")"
q shop "SELECT id || ' ' || birth_date || ' ' || created_at FROM customers" | sort > "$work/o-dates"
q shop_masked "SELECT id || ' ' || birth_date || ' ' || created_at FROM customers" | sort > "$work/m-dates"
join "$work/o-dates" "$work/m-dates" > "$work/dates"
expect "birth dates moved by 1..30 days" 0 "$("$python" -c '
import sys, datetime as d
bad = 0
for line in open(sys.argv[1]):
    f = line.split()
    o, m = d.date.fromisoformat(f[1]), d.date.fromisoformat(f[4])
    bad += not (1 <= abs((m - o).days) <= 30)
print(bad)' "$work/dates")"

step "unmasked bytes identical"
q shop "SELECT id, created_at FROM customers ORDER BY id" | sort > "$work/o-keep"
q shop_masked "SELECT id, created_at FROM customers ORDER BY id" | sort > "$work/m-keep"
expect "customers rows whose kept columns differ" 0 \
  "$(comm -13 "$work/o-keep" "$work/m-keep" | grep -c . || true)"
q shop "SELECT id, customer_id, status, created_at FROM orders" | sort > "$work/o-orders"
q shop_masked "SELECT id, customer_id, status, created_at FROM orders" | sort > "$work/m-orders"
expect "orders rows whose kept columns differ" 0 \
  "$(comm -13 "$work/o-orders" "$work/m-orders" | grep -c . || true)"
if cmp -s <(copy_block "$work/orig.sql" public.products) \
          <(copy_block "$work/masked.sql" public.products); then
  ok "products COPY block byte-identical"
else
  bad "products COPY block changed"
fi
strip() { grep -v -e '^\\restrict' -e '^\\unrestrict' "$1" | awk '
  /^COPY public\.(customers|orders|audit_log) / {skip = 1; next}
  skip && $0 == "\\." {skip = 0; next}
  !skip'; }
if cmp -s <(strip "$work/orig.sql") <(strip "$work/masked.sql"); then
  ok "everything outside the masked data is byte-identical"
else
  bad "DDL or other statements changed"
fi

step "kanon mask verify"
if "$kanon" mask verify --policy "$policy" --original "$work/orig.sql" \
     --masked "$work/masked.sql" > "$work/verify.txt"; then
  ok "no leak reported"
else
  bad "verify reported a leak: $(cat "$work/verify.txt")"
fi
if "$kanon" mask verify --policy "$policy" --original "$work/orig.sql" \
     --masked "$work/orig.sql" > /dev/null 2>&1; then
  bad "verify missed the unmasked dump"
else
  ok "verify flags the unmasked dump"
fi

step "pipeline: pg_dump | kanon mask | psql"
createdb shop_pipe
if pg_dump --no-owner --no-privileges shop | "$kanon" mask --policy "$policy" \
     | psql -d shop_pipe >/dev/null; then
  ok "pipeline restored"
else
  bad "pipeline failed"
fi
sig="SELECT md5(string_agg(c::text, '|' ORDER BY id)) FROM customers c"
expect "pipeline copy equals the file copy" "$(q shop_masked "$sig")" "$(q shop_pipe "$sig")"

step "fail closed: a new column nobody classified"
psql -d shop -c "ALTER TABLE customers ADD COLUMN passport text DEFAULT 'P-123'" >/dev/null
pg_dump --no-owner --no-privileges shop > "$work/orig-new-col.sql"
if "$kanon" mask --policy "$policy" < "$work/orig-new-col.sql" > "$work/partial.sql" \
     2> "$work/new-col.err"; then
  bad "kanon mask accepted an unclassified column"
else
  grep -q 'passport' "$work/new-col.err" && ok "error names the column: $(head -c 160 "$work/new-col.err")" \
    || bad "error does not name the column: $(cat "$work/new-col.err")"
fi
# (the DDL still shows the column's DEFAULT 'P-123'; no data row may carry the value)
grep -q "$(printf '\t')P-123\$" "$work/partial.sql" && bad "the unclassified value reached the output" \
  || ok "the unclassified value never reached the output"
createdb shop_bad
if psql -d shop_bad -f "$work/partial.sql" >/dev/null 2>&1; then
  bad "psql loaded the partial output without error"
else
  ok "psql stops on the partial output"
fi

finish
