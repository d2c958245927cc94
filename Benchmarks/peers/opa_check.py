#!/usr/bin/env python3
"""The 8 plan rules in Rego (policy.rego), evaluated by OPA embedded via opa-golib-python-bindings.

    python opa_check.py plan.json [--as-of 2013-06-30]

The JSON file's bytes go to OPA as they are (no json.loads in Python), so the time is OPA's:
its input conversion and its evaluation. Prints the number of findings per rule as JSON.
"""
import argparse
import json
import os
import sys

from opa_bindings import OpaEngine, OpaError


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("file")
    ap.add_argument("--as-of", default="2013-06-30")
    args = ap.parse_args()

    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "policy.rego"), encoding="utf-8") as f:
        policy = f.read()
    with open(args.file, "rb") as f:
        input_json = f.read()

    engine = OpaEngine()
    engine.add_policy("policy.rego", policy)
    engine.add_data({"as_of": args.as_of}, "plancheck.config")
    # OpaEngine.eval_document would json.dumps a Python value; hand OPA the raw bytes instead
    # through the same native call it makes.
    envelope = engine._call(engine._lib.OpaEvalDocument, b"plancheck.counts", input_json, 0, 0)
    results = envelope.get("result") or []
    if not results or not results[0].get("expressions"):
        raise OpaError("undefined", "data.plancheck.counts is undefined")
    json.dump(results[0]["expressions"][0]["value"], sys.stdout)
    print()


if __name__ == "__main__":
    main()
