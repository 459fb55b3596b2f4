#!/usr/bin/env bash
# The runtime demo (built with -DKANON_WIP=ON; becomes `make demo` when the runtime lands):
# the main job of kanon on the embedded default, from a fresh machine.
#   1. start PostgreSQL as a StatefulSet pod of the embedded cluster, load a shop with personal data
#   2. apply the Kanister PostgreSQL blueprint and a filesystem Profile (examples/postgres/)
#   3. kanon run backup; damage the database; kanon run restore --from the backup
#   4. prove the data is back (row counts and checksums); kanon run delete
# Prints a summary with times and bytes. Everything lives under $DEMO_DIR (default /tmp/kanon-demo).
set -euo pipefail
build=${1:-build}
cd "$(dirname "$0")/.."
root=$PWD
bin="$root/$build/bin"
export PATH="$bin:$PATH"
DEMO_DIR=/tmp/kanon-demo   # the example manifests name this directory
state="$DEMO_DIR/state"
k() { kanon --local "$state" "$@"; }
psql_shop() { psql -h 127.0.0.1 -p 55433 -U postgres -d shop -qAt "$@"; }
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", b-a}'; }
fingerprint() {
  psql_shop -c "SELECT (SELECT count(*) FROM customers) || ' customers, ' ||
                       (SELECT count(*) FROM orders) || ' orders, checksum ' ||
                       md5((SELECT string_agg(c::text, '|' ORDER BY id) FROM customers c) ||
                           (SELECT string_agg(o::text, '|' ORDER BY id) FROM orders o))"
}
cleanup() {
  [ -d "$state" ] && k delete statefulset shop-postgresql -n shop >/dev/null 2>&1 || true
}
trap cleanup EXIT

scripts/install-deps.sh demo
echo "== fresh state in $DEMO_DIR"
cleanup
rm -rf "$DEMO_DIR"
mkdir -p "$DEMO_DIR/objects"

echo "== 1. PostgreSQL as a StatefulSet of the embedded cluster"
k apply -f examples/postgres/namespaces.yaml -f examples/postgres/workload.yaml
for _ in $(seq 1 200); do
  pg_isready -h 127.0.0.1 -p 55433 -q && break
  sleep 0.1
done
pg_isready -h 127.0.0.1 -p 55433 -q || { echo "PostgreSQL did not start" >&2; k get pods -n shop -o yaml >&2; exit 1; }
k get pods -n shop
psql -h 127.0.0.1 -p 55433 -U postgres -qAt -f examples/postgres/shop.sql >/dev/null
before=$(fingerprint)
echo "   loaded: $before"

echo "== 2. blueprint and profile"
kanon validate -f examples/postgres/blueprint.yaml
k apply -f examples/postgres/blueprint.yaml -f examples/postgres/profile.yaml

echo "== 3. backup"
t0=$(now)
backup=$(k -n kanister run --action backup --blueprint postgres-bp \
  --statefulset shop/shop-postgresql --profile kanister/local-fs -q | awk '/^actionset .* created$/ {print $2}')
t1=$(now)
location=$(k -n kanister get actionset "$backup" -o json | python3 -c \
  'import json,sys; print(json.load(sys.stdin)["status"]["actions"][0]["artifacts"]["cloudObject"]["keyValue"]["backupLocation"])')
object="$DEMO_DIR/objects/demo/$location"
bytes=$(stat -c %s "$object")
echo "   actionset $backup wrote $location ($bytes bytes)"

echo "== damage: drop orders, delete half of the customers"
psql_shop -c "DROP TABLE orders; DELETE FROM customers WHERE id % 2 = 0;"
echo "   now: $(psql_shop -c 'SELECT count(*) FROM customers') customers, no orders table"

echo "== 4. restore --from $backup"
t2=$(now)
restore=$(k -n kanister run --action restore --from "$backup" -q | awk '/^actionset .* created$/ {print $2}')
t3=$(now)
after=$(fingerprint)
echo "   restored by $restore: $after"
if [ "$before" != "$after" ]; then
  echo "FAIL: data after restore differs from before the damage" >&2
  exit 1
fi

echo "== 5. delete the backup"
t4=$(now)
k -n kanister run --action delete --from "$backup" -q >/dev/null
t5=$(now)
if [ -e "$object" ]; then echo "FAIL: $object still exists" >&2; exit 1; fi
k -n kanister get actionsets

cat <<SUMMARY

== summary
   database      : $before
   backup        : $(secs "$t0" "$t1")s, $bytes bytes compressed, actionset $backup
   restore       : $(secs "$t2" "$t3")s, data identical (row counts and checksums match)
   delete        : $(secs "$t4" "$t5")s, object removed from the filesystem store
SUMMARY
