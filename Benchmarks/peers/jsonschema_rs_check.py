#!/usr/bin/env python3
"""The schema-expressible part of the rules (required fields, types, date formats) with
jsonschema-rs over the JSON form.

    python jsonschema_rs_check.py plan.json

Prints the number of validation errors per error kind as JSON; "required" is the benchmark's
required-fields rule. The other 5 plan rules (registry references, period, overdue, done late,
unique ids, permit ratio, indicators) are not expressible in JSON Schema.
"""
import argparse
import json
import os
import sys
from collections import Counter

import jsonschema_rs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("file")
    args = ap.parse_args()
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "schema.json"), encoding="utf-8") as f:
        schema = json.load(f)
    validator = jsonschema_rs.validator_for(schema, validate_formats=True)
    with open(args.file, "rb") as f:
        plan = json.load(f)
    counts = Counter()
    for error in validator.iter_errors(plan):
        counts[type(error.kind).__name__.lower()] += 1
    json.dump({"required": counts.pop("required", 0), **dict(sorted(counts.items()))}, sys.stdout)
    print()


if __name__ == "__main__":
    main()
