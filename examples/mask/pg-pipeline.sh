#!/usr/bin/env bash
# Copies a PostgreSQL database into a masked test copy, in one stream:
#   pg_dump SRC | kanon mask --policy shop-postgres.yaml | psql DST
# Usage: KANON_MASK_KEY=... pg-pipeline.sh SRC_DB DST_DB   (libpq env: PGHOST, PGPORT, PGUSER)
# The masked copy is created fresh; on any failure it is dropped and the script exits non-zero.
set -euo pipefail
src=${1:?source database} dst=${2:?target database}
here=$(cd "$(dirname "$0")" && pwd)
kanon=${KANON:-kanon}
: "${KANON_MASK_KEY:?set KANON_MASK_KEY to a secret of 16 bytes or more}"
createdb "$dst"
trap 'dropdb --if-exists "$dst"' ERR
# pipefail makes a failure anywhere (pg_dump, kanon mask, psql) fail the pipeline; kanon mask
# also ends its output with a failing statement, and ON_ERROR_STOP makes psql stop on it.
pg_dump --no-owner --no-privileges "$src" \
  | "$kanon" mask --policy "$here/shop-postgres.yaml" --stats \
  | psql -X -q -v ON_ERROR_STOP=1 -d "$dst"
echo "masked copy of $src is in $dst"
