#!/usr/bin/env bash
# Round trip through a real MariaDB: dump the shop database with mariadb-dump, mask it with
# examples/mask/shop-mariadb.yaml, load it into a fresh database, check.
# Usage: maria_roundtrip.sh KANON_BINARY WORKDIR
#   Env: MASK_E2E_BASE (server directory, default WORKDIR/svc), MASK_E2E_MARIA_PORT (53316).
# Fails loudly when the server cannot start. Stops the server on every path.
set -euo pipefail
kanon=$(realpath "$1")
work=$(mkdir -p "$2" && realpath "$2")
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
source "$here/lib.sh"
policy=$root/examples/mask/shop-mariadb.yaml
svc=$root/../shared/tools/services/svc.sh
export BASE=${MASK_E2E_BASE:-$work/svc} MARIA_PORT=${MASK_E2E_MARIA_PORT:-53316}
export KANON_MASK_KEY=e2e-mask-key-0123456789abcdef
[ -x "$svc" ] || die "no service script at $svc"

step "start MariaDB on 127.0.0.1:$MARIA_PORT"
"$svc" start maria || die "MariaDB did not start (see $BASE/maria/error.log)"
trap '"$svc" stop maria || true' EXIT
conn=(--no-defaults -h 127.0.0.1 -P "$MARIA_PORT" -uroot -prootpw)
db() { mariadb "${conn[@]}" "$@"; }
q() { mariadb "${conn[@]}" -N -B "$1" -e "$2"; }
for d in shop shop_masked shop_pipe shop_bad; do db -e "DROP DATABASE IF EXISTS $d"; done
db -e "CREATE DATABASE shop"
db shop < "$here/maria_shop.sql"

step "dump and mask"
mariadb-dump "${conn[@]}" --single-transaction shop > "$work/orig.sql"
"$kanon" mask --policy "$policy" --stats < "$work/orig.sql" > "$work/masked.sql"
"$kanon" mask --policy "$policy" < "$work/orig.sql" > "$work/masked2.sql"
cmp -s "$work/masked.sql" "$work/masked2.sql" && ok "two runs give identical bytes" \
  || bad "two runs differ"

step "load into a fresh database (stops at the first error)"
db -e "CREATE DATABASE shop_masked"
if db shop_masked < "$work/masked.sql" 2>"$work/restore.err"; then
  ok "mariadb loaded the masked dump"
else
  bad "load failed: $(head -5 "$work/restore.err")"
fi

step "rows kept as the sample says (oracle: Python hmac)"
q shop "SELECT id FROM customers" | sample_oracle 10 > "$work/kept-ids"
expect "customers" "$(wc -l < "$work/kept-ids")" "$(q shop_masked "SELECT COUNT(*) FROM customers")"
q shop "SELECT customer_id, id FROM orders WHERE status <> 'cancelled'" | tr '\t' ' ' \
  | sort > "$work/open-orders"
want_orders=$(join <(sort "$work/kept-ids") <(sort -k1,1 "$work/open-orders") | wc -l)
expect "orders" "$want_orders" "$(q shop_masked "SELECT COUNT(*) FROM orders")"
expect "products (kept)" 50 "$(q shop_masked "SELECT COUNT(*) FROM products")"
expect "audit_log (dropped)" 0 "$(q shop_masked "SELECT COUNT(*) FROM audit_log")"
expect "orphan orders" 0 "$(q shop_masked "SELECT COUNT(*) FROM orders o
  LEFT JOIN customers c ON c.id = o.customer_id WHERE c.id IS NULL")"
expect "generated column recomputed" 0 "$(q shop_masked "SELECT COUNT(*) FROM customers
  WHERE name_upper <> UPPER(full_name)")"

step "unique columns stay unique"
expect "duplicate emails" 0 "$(q shop_masked "SELECT COUNT(*) - COUNT(DISTINCT email) FROM customers")"
expect "duplicate ssns" 0 "$(q shop_masked "SELECT COUNT(ssn) - COUNT(DISTINCT ssn) FROM customers")"

step "masked columns hold no original value"
for col in email full_name phone ssn notes name_upper; do
  q shop "SELECT HEX($col) FROM customers WHERE $col IS NOT NULL" > "$work/orig-$col"
  q shop_masked "SELECT HEX($col) FROM customers WHERE $col IS NOT NULL" > "$work/masked-$col"
  expect "customers.$col values found in the original" 0 \
    "$(common_lines "$work/orig-$col" "$work/masked-$col")"
done

step "unmasked values identical"
q shop "SELECT id, created_at FROM customers" | sort > "$work/o-keep"
q shop_masked "SELECT id, created_at FROM customers" | sort > "$work/m-keep"
expect "customers rows whose kept columns differ" 0 \
  "$(comm -13 "$work/o-keep" "$work/m-keep" | grep -c . || true)"
q shop "SELECT id, customer_id, status, created_at FROM orders" | sort > "$work/o-orders"
q shop_masked "SELECT id, customer_id, status, created_at FROM orders" | sort > "$work/m-orders"
expect "orders rows whose kept columns differ" 0 \
  "$(comm -13 "$work/o-orders" "$work/m-orders" | grep -c . || true)"
grep '^INSERT INTO `products`' "$work/orig.sql" > "$work/o-products"
grep '^INSERT INTO `products`' "$work/masked.sql" > "$work/m-products"
cmp -s "$work/o-products" "$work/m-products" && ok "products INSERT byte-identical" \
  || bad "products INSERT changed"
strip() { grep -v -e '^INSERT INTO `customers`' -e '^INSERT INTO `orders`' \
  -e '^INSERT INTO `audit_log`' -e '^(' -e '^-- Dump completed' "$1"; }
cmp -s <(strip "$work/orig.sql") <(strip "$work/masked.sql") \
  && ok "everything outside the masked data is byte-identical" || bad "DDL changed"

step "kanon mask verify"
if "$kanon" mask verify --policy "$policy" --original "$work/orig.sql" \
     --masked "$work/masked.sql" > "$work/verify.txt"; then
  ok "no leak reported"
else
  bad "verify reported a leak: $(cat "$work/verify.txt")"
fi

step "pipeline: mariadb-dump | kanon mask | mariadb"
db -e "CREATE DATABASE shop_pipe"
if mariadb-dump "${conn[@]}" --single-transaction shop | "$kanon" mask --policy "$policy" \
     | db shop_pipe; then
  ok "pipeline loaded"
else
  bad "pipeline failed"
fi
expect "pipeline copy equals the file copy" \
  "$(q shop_masked "CHECKSUM TABLE customers, orders" | cut -f2 | tr '\n' ' ')" \
  "$(q shop_pipe "CHECKSUM TABLE customers, orders" | cut -f2 | tr '\n' ' ')"

step "fail closed: a new column nobody classified"
db shop -e "ALTER TABLE customers ADD COLUMN passport VARCHAR(20) DEFAULT 'P-123'"
mariadb-dump "${conn[@]}" --single-transaction shop > "$work/orig-new-col.sql"
if "$kanon" mask --policy "$policy" < "$work/orig-new-col.sql" > "$work/partial.sql" \
     2> "$work/new-col.err"; then
  bad "kanon mask accepted an unclassified column"
else
  grep -q passport "$work/new-col.err" && ok "error names the column" \
    || bad "error does not name the column: $(cat "$work/new-col.err")"
fi
grep -q ",'P-123')" "$work/partial.sql" && bad "the unclassified value reached the output" \
  || ok "the unclassified value never reached the output"
db -e "CREATE DATABASE shop_bad"
if db shop_bad < "$work/partial.sql" >/dev/null 2>&1; then
  bad "mariadb loaded the partial output without error"
else
  ok "mariadb stops on the partial output"
fi

finish
