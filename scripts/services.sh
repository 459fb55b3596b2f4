#!/usr/bin/env bash
# Starts or stops the real object-store servers the store tests and benchmarks use:
#   Ceph RADOS Gateway (S3, via ../shared/tools/services/rgw.sh; STS turned on, role "kanon")
#   and Azurite (Azure Blob, npm).
# Usage: scripts/services.sh start|stop|status [STATE_DIR]    (STATE_DIR default: build/services)
# Env: KANON_SERVICES ("rgw azurite": which to start), KANON_RGW_PORT (7580),
#      KANON_AZURITE_PORT (0: any free port; examples/profiles use 10000), KANON_RGW_SH (path of rgw.sh), KANON_AZURITE_VERSION (3.37.0),
#      KANON_AZURITE_CACHE (dir for the npm install; default STATE_DIR/../cache/azurite).
# `start` waits until both answer, creates the bucket/container "kanister", and writes
# STATE_DIR/services.env (KANON_S3_* and KANON_AZURE_* variables) for the tests. It fails loudly
# if a server cannot start. `stop` stops what `start` started and removes their data.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
STATE=${2:-$ROOT/build/services}
mkdir -p "$STATE"
STATE=$(cd "$STATE" && pwd)
RGW_SH=${KANON_RGW_SH:-$ROOT/../shared/tools/services/rgw.sh}
RGW_PORT=${KANON_RGW_PORT:-7580}
AZ_VERSION=${KANON_AZURITE_VERSION:-3.37.0}
SERVICES=${KANON_SERVICES:-rgw azurite}
AZ_CACHE=${KANON_AZURITE_CACHE:-$(dirname "$STATE")/cache/azurite}
AZ_KEY='Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='
ENV_FILE=$STATE/services.env

log() { echo "services.sh: $*" >&2; }
rgw() { BASE=$STATE/rgw PORT=$RGW_PORT MON_PORT=$((RGW_PORT + 1)) bash "$RGW_SH" "$@"; }

azurite_install() {
  [ -x "$AZ_CACHE/node_modules/.bin/azurite-blob" ] && return 0
  command -v npm >/dev/null || { log "npm is missing (apt-get install npm)"; return 1; }
  log "installing azurite@$AZ_VERSION into $AZ_CACHE"
  mkdir -p "$AZ_CACHE"
  npm install --prefix "$AZ_CACHE" --no-audit --no-fund --loglevel=error "azurite@$AZ_VERSION" \
    >"$STATE/azurite-npm.log" 2>&1 || { tail -20 "$STATE/azurite-npm.log" >&2; return 1; }
}

azurite_start() {
  local pidf=$STATE/azurite.pid logf=$STATE/azurite.log
  if [ -f "$pidf" ] && kill -0 "$(cat "$pidf")" 2>/dev/null; then return 0; fi
  azurite_install
  mkdir -p "$STATE/azurite"
  "$AZ_CACHE/node_modules/.bin/azurite-blob" --blobHost 127.0.0.1 --blobPort "${KANON_AZURITE_PORT:-0}" \
    --location "$STATE/azurite" --disableTelemetry >"$logf" 2>&1 &
  echo $! >"$pidf"
  local end=$((SECONDS + 120))
  until grep -q 'successfully listens on' "$logf"; do
    kill -0 "$(cat "$pidf")" 2>/dev/null || { log "azurite exited:"; cat "$logf" >&2; return 1; }
    [ $SECONDS -lt $end ] || { log "azurite not up after 120 s"; return 1; }
    sleep 0.2
  done
}

azurite_port() { sed -n 's/.*successfully listens on http:\/\/127.0.0.1:\([0-9]*\).*/\1/p' "$STATE/azurite.log" | tail -1; }

# PUT ?restype=container with a SharedKey signature (201 created, 409 exists).
azure_container() {
  /usr/bin/env python3 - "$1" "$AZ_KEY" <<'PY'
import base64, datetime, hashlib, hmac, sys, urllib.request, urllib.error
ep, key = sys.argv[1], sys.argv[2]
account, container = "devstoreaccount1", "kanister"
date = datetime.datetime.utcnow().strftime("%a, %d %b %Y %H:%M:%S GMT")
ctype = "application/octet-stream"  # urllib would add a form content type otherwise
sts = ("PUT\n\n\n\n\n" + ctype + "\n" * 7 + f"x-ms-date:{date}\nx-ms-version:2021-12-02\n"
       f"/{account}/{account}/{container}\nrestype:container")
sig = base64.b64encode(hmac.new(base64.b64decode(key), sts.encode(), hashlib.sha256).digest())
req = urllib.request.Request(f"{ep}/{container}?restype=container", method="PUT", data=b"",
    headers={"Content-Type": ctype, "x-ms-date": date, "x-ms-version": "2021-12-02",
             "Authorization": f"SharedKey {account}:{sig.decode()}"})
try:
    urllib.request.urlopen(req)
except urllib.error.HTTPError as e:
    if e.code != 409:
        sys.exit(f"create container: HTTP {e.code}")
PY
}

# Turns on RGW's STS (AssumeRole and session credentials) and creates the role "kanon" that the
# test user may assume. rgw_sts_key is read only at start-up, so radosgw is restarted once (with
# the same -c/-n arguments, so rgw.sh stop still finds it).
rgw_enable_sts() {
  local base=$STATE/rgw conf=$STATE/rgw/ceph.conf ep=http://127.0.0.1:$RGW_PORT
  local asok=$base/run/client.rgw.a.asok
  if ! ceph --admin-daemon "$asok" config get rgw_s3_auth_use_sts 2>/dev/null | grep -q true; then
    ceph -c "$conf" config set client.rgw.a rgw_sts_key kanonstskey01234 >/dev/null
    ceph -c "$conf" config set client.rgw.a rgw_s3_auth_use_sts true >/dev/null
    local pid; pid=$(cat "$base/run/client.rgw.a.pid")
    kill "$pid"
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    radosgw -c "$conf" -n client.rgw.a >>"$base/log/start.log" 2>&1
    local end=$((SECONDS + 60))
    until [ "$(curl -s -o /dev/null -w '%{http_code}' "$ep/")" = 200 ]; do
      [ $SECONDS -lt $end ] || { log "radosgw did not come back after enabling STS"; return 1; }
      sleep 0.1
    done
  fi
  radosgw-admin -c "$conf" role get --role-name=kanon >/dev/null 2>&1 && return 0
  radosgw-admin -c "$conf" role create --role-name=kanon --path=/ --assume-role-policy-doc=\
'{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":["arn:aws:iam:::user/test"]},"Action":["sts:AssumeRole"]}]}' \
    >/dev/null
  radosgw-admin -c "$conf" role-policy put --role-name=kanon --policy-name=all --policy-doc=\
'{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:*"],"Resource":"arn:aws:s3:::*"}]}' \
    >/dev/null
}

do_start() {
  [ -f "$RGW_SH" ] || { log "rgw.sh not found at $RGW_SH (set KANON_RGW_SH)"; return 1; }
  local banner; banner=$(rgw start)
  log "$banner"
  rgw_enable_sts
  local az_ep=""
  if [[ " $SERVICES " == *" azurite "* ]]; then
    azurite_start
    az_ep=http://127.0.0.1:$(azurite_port)/devstoreaccount1
    azure_container "$az_ep"
  fi
  cat >"$ENV_FILE.tmp" <<ENV
KANON_S3_ENDPOINT=http://127.0.0.1:$RGW_PORT
KANON_S3_ACCESS_KEY=$(sed -n 's/.*access_key=\([^ ]*\).*/\1/p' <<<"$banner")
KANON_S3_SECRET_KEY=$(sed -n 's/.*secret_key=\([^ ]*\).*/\1/p' <<<"$banner")
KANON_S3_BUCKET=$(sed -n 's/.*bucket=\([^ ]*\).*/\1/p' <<<"$banner")
KANON_S3_ROLE_ARN=arn:aws:iam:::role/kanon
KANON_AZURE_ENDPOINT=$az_ep
KANON_AZURE_ACCOUNT=devstoreaccount1
KANON_AZURE_KEY=$AZ_KEY
KANON_AZURE_CONTAINER=kanister
ENV
  mv "$ENV_FILE.tmp" "$ENV_FILE"
  log "ready: $ENV_FILE"
}

do_stop() {
  rm -f "$ENV_FILE"
  if [ -f "$STATE/azurite.pid" ]; then
    local pid; pid=$(cat "$STATE/azurite.pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$STATE/azurite.pid"
  fi
  rm -rf "$STATE/azurite"
  [ -f "$RGW_SH" ] && rgw stop || true
}

case "${1:-}" in
  start) do_start ;;
  stop) do_stop ;;
  status) rgw status; [ -f "$ENV_FILE" ] && cat "$ENV_FILE" ;;
  *) echo "usage: $0 start|stop|status [STATE_DIR]" >&2; exit 2 ;;
esac
