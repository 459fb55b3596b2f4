#!/usr/bin/env bash
# Installs the Debian packages kanon needs to build and test, only those missing.
# Usage: scripts/install-deps.sh [build|demo|test]
#   build: compilers and libraries; demo: + PostgreSQL; test: + databases, oracles, fuzzing, peers
set -euo pipefail
what=${1:-build}
pkgs=(build-essential cmake ninja-build pkg-config git nlohmann-json3-dev libyaml-cpp-dev
      libre2-dev libcli11-dev libfmt-dev libssl-dev libgtest-dev libgmock-dev
      clang-format python3 libcurl4-openssl-dev)
if [ "$what" = demo ] || [ "$what" = test ]; then
  pkgs+=(postgresql-15 postgresql-client-15)
fi
if [ "$what" = test ]; then
  pkgs+=(mariadb-server mariadb-client redis-server redis-tools)
  pkgs+=(golang-1.19-go golang-github-masterminds-sprig-dev clang libclang-rt-14-dev hyperfine)
  pkgs+=(curl awscli rclone time bc python3-botocore)  # object stores: tests, bench, SigV4 oracle
fi
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
SUDO=; [ "$(id -u)" -ne 0 ] && SUDO=sudo
echo "installing: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
if ! $SUDO apt-get install -y -q "${missing[@]}" >/tmp/kanon-apt.log 2>&1; then
  $SUDO apt-get update -q >>/tmp/kanon-apt.log 2>&1
  $SUDO apt-get install -y -q "${missing[@]}" >>/tmp/kanon-apt.log 2>&1 \
    || { tail -30 /tmp/kanon-apt.log >&2; exit 1; }
fi
