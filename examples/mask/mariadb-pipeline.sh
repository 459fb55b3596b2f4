#!/usr/bin/env bash
# Copies a MariaDB/MySQL database into a masked test copy, in one stream:
#   mariadb-dump SRC | kanon mask --policy shop-mariadb.yaml | mariadb DST
# Usage: KANON_MASK_KEY=... mariadb-pipeline.sh SRC_DB DST_DB
#   (connection options in MYSQL_OPTS, e.g. "-h 127.0.0.1 -P 3306 -u root -psecret")
# The masked copy is created fresh; on any failure it is dropped and the script exits non-zero.
set -euo pipefail
src=${1:?source database} dst=${2:?target database}
here=$(cd "$(dirname "$0")" && pwd)
kanon=${KANON:-kanon}
opts=(--no-defaults ${MYSQL_OPTS:-})
: "${KANON_MASK_KEY:?set KANON_MASK_KEY to a secret of 16 bytes or more}"
mariadb "${opts[@]}" -e "CREATE DATABASE \`$dst\`"
trap 'mariadb "${opts[@]}" -e "DROP DATABASE IF EXISTS \`$dst\`"' ERR
# FOREIGN_KEY_CHECKS=0 in the dump header means the server does not check references while
# loading: sampling "by" the referenced key keeps them intact; check orphans after loading.
mariadb-dump "${opts[@]}" --single-transaction --routines "$src" \
  | "$kanon" mask --policy "$here/shop-mariadb.yaml" --stats \
  | mariadb "${opts[@]}" "$dst"
orphans=$(mariadb "${opts[@]}" -N "$dst" -e "SELECT COUNT(*) FROM orders o LEFT JOIN customers c
  ON c.id = o.customer_id WHERE c.id IS NULL")
[ "$orphans" = 0 ] || { echo "$orphans orders lost their customer" >&2; exit 1; }
echo "masked copy of $src is in $dst"
