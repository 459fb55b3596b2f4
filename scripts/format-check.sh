#!/usr/bin/env bash
# Checks (or with --fix, applies) clang-format on every C++ source of the project.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files -co --exclude-standard -- '*.cc' '*.h' | grep -v '^build')
[ ${#files[@]} -eq 0 ] && exit 0
if [ "${1:-}" = --fix ]; then
  clang-format -i "${files[@]}"
  exit 0
fi
if ! clang-format --dry-run --Werror "${files[@]}" 2>/tmp/kanon-format.log; then
  grep -E '^[^ ].*(warning|error):' /tmp/kanon-format.log | cut -d: -f1 | sort -u | sed 's/^/needs clang-format: /' >&2
  echo "run 'make format' to fix" >&2
  exit 1
fi
echo "clang-format: ${#files[@]} files clean"
