#!/usr/bin/env python3
"""Writes libFuzzer seeds for fuzz/tmpl_fuzz.cc from the differential template corpus.

A case using the corpus's default params becomes its bare template (the fuzz target supplies a
small built-in dot); a case with its own `### params:` becomes PARAMS_JSON + NUL + TEMPLATE.

Usage: make_seeds.py OUTDIR [--corpus DIR]
"""

import argparse
import hashlib
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests", "tmpl_diff"))
import run_diff  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("outdir")
    ap.add_argument("--corpus", default=os.path.join(ROOT, "src", "tmpl", "testdata", "diff"))
    args = ap.parse_args()
    cases = run_diff.load_corpus(args.corpus)
    default = json.load(open(os.path.join(args.corpus, "params.json"), encoding="utf-8"))
    os.makedirs(args.outdir, exist_ok=True)
    n = 0
    for c in cases:
        data = c.template.encode("utf-8")
        if c.params != default:
            data = json.dumps(c.params, separators=(",", ":")).encode("utf-8") + b"\0" + data
        name = hashlib.sha1(data).hexdigest()
        with open(os.path.join(args.outdir, name), "wb") as f:
            f.write(data)
        n += 1
    print(f"{n} seeds in {args.outdir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
