#!/usr/bin/env python3
"""Writes the JSONL workload of bench/tmpl_bench.sh: about N render requests in the
`{"params":...,"template":...}` protocol shared by `gotmpl -batch` and `kanon tmpl --batch`.

The workload mixes (1) every differential-corpus case that the oracle renders successfully
and deterministically and (2) blueprint argument templates shaped like Kanister's examples
(KubeTask scripts, artifact paths, the WaitV2 condition), which weigh more because they are
what a controller renders. Requests are repeated up to N lines.

Usage: tmpl_workload.py --gotmpl GOTMPL --out FILE [--lines N] [--corpus DIR]
"""

import argparse
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(ROOT, "tests", "tmpl_diff"))
import run_diff  # noqa: E402  (the corpus reader is shared with the differential harness)

# Blueprint-shaped argument templates; all render against params.json.
BLUEPRINT_ARGS = [
    "{{ .StatefulSet.Namespace }}",
    '{{ index .Object.metadata.labels "app.kubernetes.io/instance" }}-postgresql',
    '{{ index .Phases.pgDump.Secrets.pgSecret.Data "postgres-password" | toString }}',
    "{{ toJson .Profile }}",
    "{{ len .StatefulSet.Pods }}",
    "{{ index .Deployment.Pods 0 }}",
    "{{ .Profile.Location.Bucket }}/time-log",
    "{{ .ArtifactsIn.cloudObject.KeyValue.backupLocation }}",
    "{{ .Phases.pgDump.Output.backupLocation }}",
    '/mongodb-replicaset-backups/{{ .StatefulSet.Name }}/{{ toDate "2006-01-02T15:04:05.999999999Z07:00" .Time | date "2006-01-02T15-04-05" }}/rs_backup.gz',
    "{{- range $key, $_ := index .StatefulSet.PersistentVolumeClaims (index .StatefulSet.Pods 0) -}}{{$key}}{{break}}{{end}}",
    '{{ $available := false }}{{ range $condition := $.Object.status.conditions }}{{ if and (eq .type "ContainersReady") (eq .status "True") }}{{ $available = true }}{{ end }}{{ end }}{{ $available }}',
    '{{if index .Options "kanisterImage" }} {{- .Options.kanisterImage -}} {{else -}} ghcr.io/kanisterio/kanister-tools:0.117.0 {{- end}}',
    """export PGHOST='{{ index .Object.metadata.labels "app.kubernetes.io/instance" }}-postgresql.{{ .StatefulSet.Namespace }}.svc.cluster.local'
export PGUSER='postgres'
export PGPASSWORD='{{ index .Phases.pgDump.Secrets.pgSecret.Data "postgres-password" | toString }}'
set -o errexit
set -o pipefail
BACKUP_LOCATION=pg_backups/{{ .StatefulSet.Namespace }}/{{ .StatefulSet.Name }}/{{ toDate "2006-01-02T15:04:05.999999999Z07:00" .Time | date "2006-01-02T15:04:05Z07:00" }}/backup.sql.gz
pg_dumpall --clean -U $PGUSER | gzip -c | kando location push --profile '{{ toJson .Profile }}' --path "${BACKUP_LOCATION}" -
kando output backupLocation "${BACKUP_LOCATION}"
""",
    """kando location pull --profile '{{ toJson .Profile }}' --path "{{ .ArtifactsIn.cloudObject.KeyValue.backupLocation }}" - | gunzip -c -f | psql -q -U "${PGUSER}"
""",
    """s3_path="/mysql-backups/{{ .StatefulSet.Namespace }}/{{ index .Object.metadata.labels "app.kubernetes.io/instance" }}/{{ toDate "2006-01-02T15:04:05.999999999Z07:00" .Time | date "2006-01-02T15-04-05" }}/dump.sql.gz"
root_password="{{ index .Phases.pgDump.Secrets.pgSecret.Data "postgres-password" | toString }}"
mysqldump --column-statistics=0 -u root --password=${root_password} -h {{ index .Object.metadata.labels "app.kubernetes.io/instance" }} --single-transaction --all-databases | gzip - | kando location push --profile '{{ toJson .Profile }}' --path ${s3_path} -
kando output s3path ${s3_path}
""",
    """{{- range $i, $pod := .StatefulSet.Pods }}
nodetool -h {{ $pod }}.{{ $.StatefulSet.Name }}-headless.{{ $.StatefulSet.Namespace }} snapshot -t {{ toDate "2006-01-02T15:04:05.999999999Z07:00" $.Time | date "20060102150405" }}-{{ $i }}
{{- end }}
""",
    """namespace: {{ .StatefulSet.Namespace }}
pods:
{{- range .StatefulSet.Pods }}
  - {{ . }}
{{- end }}
labels:
{{- range $k, $v := .Object.metadata.labels }}
  {{ $k }}: {{ $v | quote }}
{{- end }}
""",
    '{{- if .Profile.Location.Endpoint }} --endpoint {{ .Profile.Location.Endpoint }}{{ end }}{{ if .Profile.SkipSSLVerify }} --insecure{{ end }}',
    '{{ list .Profile.Location.Prefix .StatefulSet.Namespace .StatefulSet.Name | join "/" | clean }}',
    '{{ printf "%s/%s/%s" .Profile.Location.Prefix .StatefulSet.Namespace .StatefulSet.Name }}',
    '{{ .StatefulSet.Name }}-0.{{ .StatefulSet.Name }}-headless.{{ .StatefulSet.Namespace }}.svc.cluster.local',
]
# Key generation, ciphers, randomness and megabyte-wide printf padding measure crypto and
# allocation, not template rendering: left out.
NOT_REPRESENTATIVE = re.compile(r"genPrivateKey|encryptAES|decryptAES|uuidv4|rand[A-Z]|shuffle"
                                r"|\bnow\b|\bago\b|%[0-9]{4,}")
BLUEPRINT_WEIGHT = 8  # each blueprint template appears this many times per corpus pass


def oracle_results(gotmpl, cases):
    results, _ = run_diff.run_batch([gotmpl, "-batch"], cases, 600)
    return results


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gotmpl", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--lines", type=int, default=20000)
    ap.add_argument("--corpus", default=os.path.join(ROOT, "src", "tmpl", "testdata", "diff"))
    args = ap.parse_args()

    # Cases with a documented kanon deviation would only make the output check below noisy.
    known = set()
    known_path = os.path.join(ROOT, "tests", "tmpl_diff", "known_deviations.txt")
    if os.path.exists(known_path):
        with open(known_path, encoding="utf-8") as f:
            known = {ln.split()[0] for ln in f if ln.strip() and not ln.startswith("#")}
    cases = [c for c in run_diff.load_corpus(args.corpus) if c.id not in known]
    default_params = json.load(open(os.path.join(args.corpus, "params.json"), encoding="utf-8"))
    for i, text in enumerate(BLUEPRINT_ARGS):
        c = run_diff.Case("blueprint", f"arg{i}", 0)
        c.params, c.template = default_params, text
        for _ in range(BLUEPRINT_WEIGHT):
            cases.append(c)
    # Keep what the oracle renders, identically twice (no clock or randomness).
    first, second = oracle_results(args.gotmpl, cases), oracle_results(args.gotmpl, cases)
    keep = [c for c, a, b in zip(cases, first, second)
            if a.get("ok") and a == b and not NOT_REPRESENTATIVE.search(c.template)]
    bad_blueprint = [c.name for c, a in zip(cases, first) if c.file == "blueprint" and not a.get("ok")]
    if bad_blueprint:
        print(f"blueprint templates that do not render: {sorted(set(bad_blueprint))}",
              file=sys.stderr)
        return 1
    lines = [json.dumps({"params": c.params, "template": c.template}, ensure_ascii=False)
             for c in keep]
    with open(args.out, "w", encoding="utf-8") as f:
        n = 0
        while n < args.lines:
            for line in lines:
                if n >= args.lines:
                    break
                f.write(line + "\n")
                n += 1
    print(f"{args.lines} requests ({len(keep)} distinct: corpus cases that render "
          f"deterministically + {len(BLUEPRINT_ARGS)} blueprint templates x{BLUEPRINT_WEIGHT})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
