#!/usr/bin/env bash
# Installs the Debian packages kanon needs to build and test, only those missing.
# Usage: scripts/install-deps.sh [build|test]   (test adds the oracles and services)
set -euo pipefail
what=${1:-build}
pkgs=(build-essential cmake ninja-build pkg-config git nlohmann-json3-dev libyaml-cpp-dev
      libre2-dev libcli11-dev libfmt-dev libssl-dev libgtest-dev libgmock-dev
      clang-format python3)
if [ "$what" = test ]; then
  pkgs+=(golang-1.19-go golang-github-masterminds-sprig-dev clang libclang-rt-14-dev hyperfine)
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
