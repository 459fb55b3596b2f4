#!/usr/bin/env python3
"""Differential test: kanon's template engine against the Go text/template + sprig oracle.

Both programs speak the same JSONL protocol on stdin/stdout (`gotmpl -batch`,
`kanon tmpl --batch`):

    in : {"params": {...}, "template": "..."}
    out: {"ok": true, "out": "..."}  or  {"ok": false, "phase": "parse|exec|input", "err": "..."}

A case passes when both succeed with byte-identical output, or both fail in the same phase.
Error texts are not compared (the oracle's data are JSON maps, Kanister's are structs; see
docs/template-tests.md); --error-texts lists the cases whose texts differ, for information.

Corpus format (*.tmpltest, UTF-8), summarised; docs/template-tests.md has the full version:

    Anything before the first case header is a free-form preamble (ignored).
    ### <name>                 starts a case; name = [A-Za-z0-9_.-]+, unique in its file
    ### params: <json object>  optional; default: params.json in the corpus directory
    ### expect: ok|parse|exec  optional; checked against the oracle (a corpus sanity check)
    ### escaped                optional; the body is decoded: \\n \\t \\r \\\\ \\xNN \\uNNNN
    <body lines>               the template, verbatim, up to the next line starting "###"

    The newline that ends the body's last line belongs to the file, not to the template:
    a template that must end with "\\n" is followed by one empty line before the next header.
    Blank lines inside and after a body are therefore significant.

Exit status: 0 all passed, 1 some case failed (or the corpus contradicts the oracle),
2 usage or corpus syntax error, 77 the oracle is absent (ctest SKIP_RETURN_CODE).
"""

import argparse
import json
import os
import re
import subprocess
import sys
import time

SKIP = 77
HEADER = "###"
NAME_RE = re.compile(r"^[A-Za-z0-9_.\-]+$")
DIRECTIVE_RE = re.compile(r"^### (params|expect):\s?(.*)$")
EXPECTS = ("ok", "parse", "exec")
# sprig's date/toDate use the local zone: pin it so that outputs do not depend on the machine.
ENGINE_ENV = dict(os.environ, TZ="UTC")


class CorpusError(Exception):
    pass


class Case:
    __slots__ = ("file", "name", "line", "params", "expect", "template")

    def __init__(self, file, name, line):
        self.file, self.name, self.line = file, name, line
        self.params, self.expect, self.template = None, None, ""

    @property
    def id(self):
        return f"{self.file}:{self.name}"


def decode_escapes(text, where):
    """Decodes the small escape set of `### escaped` bodies."""
    out, i = [], 0
    simple = {"n": "\n", "t": "\t", "r": "\r", "\\": "\\", "0": "\0"}
    while i < len(text):
        c = text[i]
        if c != "\\":
            out.append(c)
            i += 1
            continue
        nxt = text[i + 1:i + 2]
        if nxt in simple:
            out.append(simple[nxt])
            i += 2
        elif nxt in ("x", "u"):
            width = 2 if nxt == "x" else 4
            digits = text[i + 2:i + 2 + width]
            if len(digits) != width or not all(d in "0123456789abcdefABCDEF" for d in digits):
                raise CorpusError(f"{where}: bad \\{nxt} escape")
            out.append(chr(int(digits, 16)))
            i += 2 + width
        else:
            raise CorpusError(f"{where}: unknown escape \\{nxt!r}")
    return "".join(out)


def parse_corpus_file(path, default_params):
    """Returns the cases of one .tmpltest file, in file order."""
    fname = os.path.basename(path)
    with open(path, encoding="utf-8", newline="") as f:
        text = f.read()
    lines = text.split("\n")
    cases, seen = [], set()
    cur, body, escaped, in_directives = None, [], False, False

    def finish():
        if cur is None:
            return
        # The final "\n" before the next header (or EOF) belongs to the file format.
        tmpl = "\n".join(body)
        cur.template = decode_escapes(tmpl, f"{fname}:{cur.line}") if escaped else tmpl
        if cur.params is None:
            cur.params = default_params

    # A trailing "\n" at EOF produces one empty last element: drop it (it is the newline
    # that ends the last body line).
    if lines and lines[-1] == "":
        lines.pop()
    for lineno, line in enumerate(lines, 1):
        if line.startswith(HEADER):
            m = DIRECTIVE_RE.match(line)
            if m or line.rstrip() == "### escaped":
                if cur is None or not in_directives:
                    raise CorpusError(f"{fname}:{lineno}: directive outside a case header block")
                if line.rstrip() == "### escaped":
                    escaped = True
                elif m.group(1) == "params":
                    try:
                        cur.params = json.loads(m.group(2))
                    except ValueError as e:
                        raise CorpusError(f"{fname}:{lineno}: params are not JSON: {e}")
                    if not isinstance(cur.params, dict):
                        raise CorpusError(f"{fname}:{lineno}: params must be a JSON object")
                else:
                    val = m.group(2).strip()
                    if val not in EXPECTS:
                        raise CorpusError(f"{fname}:{lineno}: expect must be one of {EXPECTS}")
                    cur.expect = val
                continue
            finish()
            name = line[len(HEADER):].strip()
            if not NAME_RE.match(name):
                raise CorpusError(f"{fname}:{lineno}: bad case name {name!r}")
            if name in seen:
                raise CorpusError(f"{fname}:{lineno}: duplicate case name {name!r}")
            seen.add(name)
            cur = Case(fname, name, lineno)
            cases.append(cur)
            body, escaped, in_directives = [], False, True
            continue
        if cur is None:
            continue  # preamble
        in_directives = False
        body.append(line)
    finish()
    return cases


def load_corpus(corpus_dir, only=None):
    params_path = os.path.join(corpus_dir, "params.json")
    try:
        with open(params_path, encoding="utf-8") as f:
            default_params = json.load(f)
    except (OSError, ValueError) as e:
        raise CorpusError(f"{params_path}: {e}")
    files = sorted(f for f in os.listdir(corpus_dir) if f.endswith(".tmpltest"))
    if not files:
        raise CorpusError(f"{corpus_dir}: no .tmpltest files")
    cases = []
    for f in files:
        cases.extend(parse_corpus_file(os.path.join(corpus_dir, f), default_params))
    if only:
        rx = re.compile(only)
        cases = [c for c in cases if rx.search(c.id)]
    return cases


def to_jsonl(cases):
    return "".join(
        json.dumps({"params": c.params, "template": c.template}, ensure_ascii=False) + "\n"
        for c in cases)


def run_process(argv, cases, timeout):
    """One batch process over `cases`: (parsed answer lines, process or None on timeout)."""
    try:
        p = subprocess.run(argv, input=to_jsonl(cases).encode("utf-8"), capture_output=True,
                           timeout=timeout, env=ENGINE_ENV)
    except subprocess.TimeoutExpired:
        return [], None
    got = []
    for line in p.stdout.decode("utf-8", errors="replace").splitlines():
        try:
            got.append(json.loads(line))
        except ValueError:
            got.append({"crash": f"unparsable output line: {line[:200]!r}"})
    return got[:len(cases)], p


def run_batch(argv, cases, timeout):
    """Runs one batch process over all `cases`. If it dies (or hangs) before answering every
    case, the answers it did give are kept and the rest are run one process per case, so a
    crash is pinned on the case that causes it and hides nothing else. Returns (results,
    seconds); a result is the decoded answer, or {"crash": why}."""
    start = time.monotonic()
    results, p = run_process(argv, cases, timeout)
    if len(results) < len(cases):
        per_case_timeout = max(10.0, timeout / 20)
        for c in cases[len(results):]:
            got, p = run_process(argv, [c], per_case_timeout)
            if got:
                results.append(got[0])
            elif p is None:
                results.append({"crash": f"timed out after {per_case_timeout:.0f}s"})
            else:
                tail = p.stderr.decode("utf-8", errors="replace").strip().splitlines()[-3:]
                results.append({"crash": f"process exited {p.returncode}: " + " | ".join(tail)})
    return results, time.monotonic() - start


def describe(r):
    if "crash" in r:
        return f"CRASH {r['crash']}"
    if r.get("ok"):
        return f"ok  out={r.get('out', '')!r}"
    return f"ERR phase={r.get('phase')} err={r.get('err', '')!r}"


def verdict(go, kn):
    """None if the kanon result `kn` matches the oracle result `go`, else a reason."""
    if "crash" in go:
        return "oracle did not answer"
    if "crash" in kn:
        return "kanon did not answer"
    if go.get("ok") and kn.get("ok"):
        return None if go.get("out", "") == kn.get("out", "") else "output differs"
    if go.get("ok") != kn.get("ok"):
        return "oracle succeeded, kanon failed" if go.get("ok") else "oracle failed, kanon succeeded"
    return None if go.get("phase") == kn.get("phase") else "error phase differs"


def check_expectations(cases, go_results, runs_agree):
    problems = []
    for c, r, agree in zip(cases, go_results, runs_agree):
        if not agree:
            problems.append(f"{c.id}: oracle output is not deterministic across two runs")
        if c.expect is None or "crash" in r:
            continue
        got = "ok" if r.get("ok") else r.get("phase")
        if got != c.expect:
            problems.append(f"{c.id}: expect {c.expect}, oracle says {describe(r)}")
    return problems


def trunc(s, n=300):
    return s if len(s) <= n else s[:n] + f"... ({len(s)} chars)"


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--kanon", default=os.environ.get("KANON_BIN"),
                    help="kanon binary (env KANON_BIN); runs `kanon tmpl --batch`")
    ap.add_argument("--gotmpl", default=os.environ.get("KANON_GOTMPL"),
                    help="gotmpl oracle binary (env KANON_GOTMPL)")
    ap.add_argument("--corpus", default=os.path.join(here, "..", "..", "src", "tmpl",
                                                     "testdata", "diff"))
    ap.add_argument("--filter", help="regex on FILE:NAME selecting the cases to run")
    ap.add_argument("--validate", action="store_true",
                    help="oracle only: run it twice, check determinism and `### expect`")
    ap.add_argument("--dump", action="store_true", help="print every case's oracle result")
    ap.add_argument("--error-texts", action="store_true",
                    help="also list passing cases whose error texts differ")
    ap.add_argument("--timeout", type=float, default=600.0, help="per batch run, seconds")
    ap.add_argument("--known", default=os.path.join(here, "known_deviations.txt"),
                    help="case ids (FILE:NAME) that differ for a documented reason; they are "
                         "reported and do not fail the run, but one that starts to pass does")
    args = ap.parse_args()
    known = {}
    if os.path.exists(args.known):
        with open(args.known) as f:
            for line in f:
                line = line.strip()
                if line and not line.startswith("#"):
                    cid, _, why = line.partition(" ")
                    known[cid] = why.strip()

    if not args.gotmpl or not os.access(args.gotmpl, os.X_OK):
        print(f"SKIP: oracle not found (--gotmpl / KANON_GOTMPL = {args.gotmpl!r}); "
              "build it with scripts/oracle.sh BUILD_DIR/gotmpl", file=sys.stderr)
        return SKIP
    try:
        cases = load_corpus(os.path.abspath(args.corpus), args.filter)
    except CorpusError as e:
        print(f"corpus error: {e}", file=sys.stderr)
        return 2
    if not cases:
        print("no cases selected", file=sys.stderr)
        return 2

    go, go_secs = run_batch([args.gotmpl, "-batch"], cases, args.timeout)
    if args.dump:
        for c, r in zip(cases, go):
            print(f"{c.id}: {describe(r)}")
    if args.validate or args.dump:
        go2, _ = run_batch([args.gotmpl, "-batch"], cases, args.timeout)
        agree = [a == b for a, b in zip(go, go2)]
        problems = check_expectations(cases, go, agree)
        for p in problems:
            print(f"CORPUS: {p}")
        n_ok = sum(1 for r in go if r.get("ok"))
        print(f"{len(cases)} cases: {n_ok} render, {len(cases) - n_ok} fail in the oracle; "
              f"{len(problems)} corpus problems; oracle {go_secs:.2f}s")
        return 1 if problems else 0

    if not args.kanon or not os.access(args.kanon, os.X_OK):
        print(f"kanon binary not found (--kanon / KANON_BIN = {args.kanon!r})", file=sys.stderr)
        return 2
    kn, kn_secs = run_batch([args.kanon, "tmpl", "--batch"], cases, args.timeout)

    per_file, failures, err_text_diffs = {}, [], []
    corpus_problems = check_expectations(cases, go, [True] * len(cases))
    for c, g, k in zip(cases, go, kn):
        stats = per_file.setdefault(c.file, [0, 0])
        why = verdict(g, k)
        if why is None:
            stats[0] += 1
            if (args.error_texts and not g.get("ok") and "crash" not in g
                    and g.get("err") != k.get("err")):
                err_text_diffs.append((c, g, k))
        else:
            stats[1] += 1
            failures.append((c, g, k, why))

    width = max(len(f) for f in per_file)
    print(f"{'file':<{width}}  {'cases':>5}  {'pass':>5}  {'fail':>5}  {'rate':>6}")
    for f, (p, n) in sorted(per_file.items()):
        print(f"{f:<{width}}  {p + n:>5}  {p:>5}  {n:>5}  {100.0 * p / (p + n):>5.1f}%")
    for c, g, k, why in failures:
        print(f"\nMISMATCH {c.id} (line {c.line}): {why}")
        print(f"  template: {trunc(json.dumps(c.template, ensure_ascii=False))}")
        print(f"  oracle:   {trunc(describe(g))}")
        print(f"  kanon:    {trunc(describe(k))}")
    for c, g, k in err_text_diffs:
        print(f"\nERROR TEXT {c.id}:\n  oracle: {g.get('err')}\n  kanon:  {k.get('err')}")
    for p in corpus_problems:
        print(f"CORPUS: {p}")
    passed = sum(p for p, _ in per_file.values())
    failed = len(cases) - passed
    failed_ids = {c.id for c, _, _, _ in failures}
    selected_ids = {c.id for c in cases}
    expected = {cid for cid in known if cid in selected_ids}
    unexpected = failed_ids - expected
    fixed = expected - failed_ids
    for cid in sorted(failed_ids & expected):
        print(f"known deviation: {cid}: {known[cid]}")
    for cid in sorted(fixed):
        print(f"NOW PASSING (remove from {os.path.basename(args.known)}): {cid}")
    print(f"\noracle {go_secs:.2f}s, kanon {kn_secs:.2f}s for {len(cases)} cases")
    print(f"{passed} passed, {failed} failed ({100.0 * passed / len(cases):.1f}% pass rate); "
          f"{len(failed_ids & expected)} of the failures are known deviations")
    return 1 if unexpected or fixed or corpus_problems else 0


if __name__ == "__main__":
    sys.exit(main())
