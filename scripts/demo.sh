#!/usr/bin/env bash
# make demo: render the phase command of a Kanister PostgreSQL blueprint with kanon's template
# engine, then show what a typo in a template reports.
set -euo pipefail
build=${1:-build}
kanon="$build/bin/kanon"
cd "$(dirname "$0")/.."
echo "== kanon tmpl: a Kanister PostgreSQL backup command rendered from examples/templates/"
"$kanon" tmpl --params examples/templates/params.json --template examples/templates/pg-backup-command.tmpl
echo
echo "== a template with a typo fails with its position and a suggestion:"
if "$kanon" tmpl --params examples/templates/params.json -t '{{ .StatefulSet.Name | upperr }}'; then
  echo "expected a parse error" >&2
  exit 1
fi
echo "== a missing key fails at execution, naming the action:"
"$kanon" tmpl --params examples/templates/params.json -t 'pods: {{ .Deployment.Pods }}' || true
