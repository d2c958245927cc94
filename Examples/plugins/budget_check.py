#!/usr/bin/env python3
"""PlanCheck external checker (protocol plancheck-plugin/1, see docs/plugins.md).

Tasks whose budget exceeds a threshold must have a finance unit among their participants
(大额资金安排须有财政部门参与).

Rule options (all optional):
  threshold      number    budgets above it need a finance unit (default 1000000)
  budgetField    string    the budget field (default "budget"); numbers, or strings such as "1,500,000"
  unitsField     string    the lead/participant field(s) to look in (default ["lead", "participants"])
  financeUnits   [string]  names that count as finance (default ["财政局", "市财政局"])

Reads one JSON request on standard input and writes one JSON reply on standard output.
Anything it cannot understand is reported on standard error with a non-zero exit, which
PlanCheck shows as an input error for the rule.
"""
import json
import sys

PROTOCOL = "plancheck-plugin/1"


def member(path, key):
    """The normalized path (RFC 9535) of member `key` under `path`."""
    escaped = key.replace("\\", "\\\\").replace("'", "\\'")
    return f"{path}['{escaped}']"


def number(value):
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return value
    if isinstance(value, str):
        try:
            return float(value.replace(",", "").strip())
        except ValueError:
            return None
    return None


def names(value):
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return []


def main():
    request = json.load(sys.stdin)
    if request.get("protocol") != PROTOCOL:
        sys.exit(f"budget_check: unsupported protocol {request.get('protocol')!r}, expected {PROTOCOL}")
    options = request["rule"]["options"]
    threshold = options.get("threshold", 1_000_000)
    budget_field = options.get("budgetField", "budget")
    units_fields = options.get("unitsField", ["lead", "participants"])
    if isinstance(units_fields, str):
        units_fields = [units_fields]
    finance = set(options.get("financeUnits", ["财政局", "市财政局"]))

    findings = []
    for record in request["records"]:
        value = record["value"]
        if not isinstance(value, dict):
            continue
        budget = number(value.get(budget_field))
        if budget is None or budget <= threshold:
            continue
        units = [name for field in units_fields for name in names(value.get(field))]
        if finance.intersection(units):
            continue
        findings.append({
            "record": record["key"],
            "path": member(record["path"], budget_field),
            "message": f"{record['key']}: budget {value.get(budget_field)} exceeds {threshold:,} "
                       f"but no finance unit ({', '.join(sorted(finance))}) takes part",
            "code": "no-finance-unit",
        })
    json.dump({"protocol": PROTOCOL, "findings": findings}, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
