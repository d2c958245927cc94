#!/usr/bin/env python3
"""Differential test of PlanCheck's expression language against Google's CEL runtime.

The oracle is cel-expr-python (Python bindings of the C++ CEL runtime), installed on demand.
Each line of corpus.jsonl is a case:

    {"id", "expr", "vars"?: {...},          # variables as JSON (PlanCheck sees them as the record)
     "oracle"?: result,                      # what the C++ runtime gave (written by --record)
     "check_error"?: true,                   # the runtime's type checker rejects the expression
     "expected": result,                     # what PlanCheck must give
     "note"?: "...",                         # why expected differs from the oracle (spec exception)
     "oracle_expr"?: "...",                  # what the runtime is asked instead of expr (PlanCheck's
                                             # date written as CEL's timestamp at midnight UTC)
     "domain"?: true}                        # PlanCheck-only function: expected written by hand

A result is {"value": typed} or {"error": "message"}, where typed is {"int": "5"}, {"uint": "5"},
{"double": "1.5"}, {"string": "…"}, {"bool": true}, {"null": null}, {"bytes": "hex"},
{"list": [typed…]}, {"map": [[typed, typed]…]} or {"type": "int"}.

    run.py            check that the recorded oracle results still hold, then run the Swift side
                      (swift test --filter CELCorpusTests), which compares PlanCheck with `expected`
    run.py --record   re-run the oracle and rewrite `oracle`/`check_error`, and `expected` for every
                      case that has no `note` and is not `domain`
"""
import json
import math
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus.jsonl")


def install_oracle():
    try:
        from cel_expr_python import cel  # noqa: F401
    except ImportError:
        subprocess.check_call([sys.executable, "-m", "pip", "install", "--quiet", "cel-expr-python"])
    from cel_expr_python import cel
    from cel_expr_python.ext import ext_math
    return cel, ext_math


def encode_double(d):
    if math.isnan(d):
        return "nan"
    if math.isinf(d):
        return "inf" if d > 0 else "-inf"
    return repr(d)


def encode(v):
    """A cel Value (or list/map accessor) as a typed JSON value."""
    t = str(v.type())
    raw = v.value()
    if t == "INT":
        return {"int": str(raw)}
    if t == "UINT":
        return {"uint": str(raw if raw >= 0 else raw + 2**64)}
    if t == "DOUBLE":
        return {"double": encode_double(raw)}
    if t == "STRING":
        return {"string": raw}
    if t == "BOOL":
        return {"bool": bool(raw)}
    if t == "NULL" or t == "NULL_TYPE":
        return {"null": None}
    if t == "BYTES":
        return {"bytes": bytes(raw).hex()}
    if t.startswith("LIST"):
        return {"list": [encode(item) for item in raw]}
    if t.startswith("MAP"):
        out = []
        for key in raw:
            if isinstance(key, bool):
                k = {"bool": key}
            elif isinstance(key, int):
                k = {"int": str(key)}
            else:
                k = {"string": key}
            out.append([k, encode(raw[key])])
        return {"map": out}
    if t == "TYPE":
        name = str(raw).lower()
        name = name.split("<")[0]
        return {"type": {"null": "null_type"}.get(name, name)}
    raise ValueError(f"unsupported result type {t}")


def run_oracle(cel, ext_math, case):
    variables = case.get("vars") or {}
    # CEL's math extension is on, as PlanCheck's math.* functions follow it.
    env = cel.NewEnv(variables={name: cel.Type.DYN for name in variables}, extensions=[ext_math.ExtMath()])
    expr = case.get("oracle_expr", case["expr"])
    checked = True
    try:
        env.compile(expr)
    except Exception:
        checked = False
    try:
        program = env.compile(expr, disable_check=True)
    except Exception as e:
        return {"error": "compile: " + str(e).splitlines()[0]}, not checked
    try:
        value = program.eval(data=variables)
    except Exception as e:
        return {"error": str(e).splitlines()[0]}, not checked
    if str(value.type()) == "ERROR":
        return {"error": str(value.value())}, not checked
    return {"value": encode(value)}, not checked


def normalized(typed):
    """Map entries sorted by key: CEL leaves map iteration order unspecified."""
    if isinstance(typed, dict) and "map" in typed:
        entries = [[normalized(k), normalized(v)] for k, v in typed["map"]]
        return {"map": sorted(entries, key=lambda e: json.dumps(e[0], sort_keys=True))}
    if isinstance(typed, dict) and "list" in typed:
        return {"list": [normalized(item) for item in typed["list"]]}
    return typed


def same(a, b):
    if "error" in a or "error" in b:
        return "error" in a and "error" in b
    return normalized(a.get("value")) == normalized(b.get("value"))


def main():
    record = "--record" in sys.argv
    cel, ext_math = install_oracle()
    cases = [json.loads(line) for line in open(CORPUS, encoding="utf-8") if line.strip()]
    drift = 0
    for case in cases:
        if case.get("domain"):
            continue
        result, check_error = run_oracle(cel, ext_math, case)
        if record:
            case["oracle"] = result
            if check_error:
                case["check_error"] = True
            else:
                case.pop("check_error", None)
            if "note" not in case:
                case["expected"] = result
        elif not same(case.get("oracle", {}), result):
            drift += 1
            print(f"{case['id']}: oracle now gives {result}, corpus recorded {case.get('oracle')}: {case['expr']}")
    if record:
        with open(CORPUS, "w", encoding="utf-8") as f:
            for case in cases:
                f.write(json.dumps(case, ensure_ascii=False) + "\n")
        exceptions = sum(1 for c in cases if "note" in c)
        print(f"recorded {len(cases)} cases ({exceptions} documented exceptions, "
              f"{sum(1 for c in cases if c.get('domain'))} PlanCheck-only)")
        return 0
    if drift:
        print(f"{drift} cases drifted from the recorded oracle results")
        return 1
    root = os.path.abspath(os.path.join(HERE, "..", ".."))
    return subprocess.call(["swift", "test", "--filter", "CELCorpusTests"], cwd=root)


if __name__ == "__main__":
    sys.exit(main())
