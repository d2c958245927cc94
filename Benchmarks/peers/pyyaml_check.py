#!/usr/bin/env python3
"""The 8 plan rules as a plain Python script over PyYAML's C loader: what a user would write.

    python pyyaml_check.py plan.yaml [--as-of 2013-06-30] [--gc-off]

Prints the number of findings per rule as JSON.
"""
import argparse
import datetime as dt
import gc
import json
import sys

import yaml

REQUIRED = ["id", "title", "lead", "status"]
PERMITS = ["siteSelection", "landUse", "construction"]


def as_date(value):
    # PyYAML already turns unquoted ISO dates into datetime.date; strings are parsed here.
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def names(value):
    if isinstance(value, list):
        return value
    if isinstance(value, str):
        return [v.strip() for v in value.split("、") if v.strip()]
    return []


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("file")
    ap.add_argument("--as-of", default="2013-06-30")
    ap.add_argument("--gc-off", action="store_true", help="disable the garbage collector while loading")
    args = ap.parse_args()
    if args.gc_off:
        gc.disable()
    as_of = dt.date.fromisoformat(args.as_of)

    with open(args.file, "rb") as f:
        plan = yaml.load(f, Loader=yaml.CSafeLoader)

    counts = {"required": 0, "reference": 0, "unique": 0, "period": 0,
              "overdue": 0, "done-late": 0, "permits": 0, "indicator": 0}

    registry = set()
    for unit in plan.get("units") or []:
        registry.add(unit["name"])
        registry.update(unit.get("aliases") or [])

    period = plan["plan"]["period"]
    start, end = as_date(period["start"]), as_date(period["end"])

    seen_ids = set()
    for task in plan.get("tasks") or []:
        for field in REQUIRED:
            if task.get(field) in (None, "", [], {}):
                counts["required"] += 1
        for lead in names(task.get("lead")):
            if lead not in registry:
                counts["reference"] += 1
        tid = task.get("id")
        if tid is not None:
            if tid in seen_ids:
                counts["unique"] += 1
            seen_ids.add(tid)
        due = as_date(task.get("due"))
        if due is None:
            continue
        if not (start <= due <= end):
            counts["period"] += 1
        done = task.get("status") == "done"
        if not done and due < as_of:
            counts["overdue"] += 1
        completed = as_date(task.get("completed"))
        if done and completed is not None and completed > due:
            counts["done-late"] += 1

    for project in plan.get("projects") or []:
        permits = project.get("permits") or {}
        if not all(permits.get(p) is True for p in PERMITS):
            counts["permits"] += 1

    for ind in plan.get("indicators") or []:
        if ind.get("kind") != "binding" or ind.get("actual") is None:
            continue
        if ind.get("direction") == "at-most":
            missed = ind["actual"] > ind["target"]
        else:
            missed = ind["actual"] < ind["target"]
        if missed:
            counts["indicator"] += 1

    json.dump(counts, sys.stdout)
    print()


if __name__ == "__main__":
    main()
