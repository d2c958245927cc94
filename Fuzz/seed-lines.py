#!/usr/bin/env python3
"""Seeds the text fuzz targets with one value per file: the `when:`/`expression:` conditions,
`target:` paths and deadline texts found in the repository's rule files and examples."""
import os, re, sys, hashlib

target, corpus = sys.argv[1], sys.argv[2]
keys = {"expression": ("when", "expression", "message"), "jsonpath": ("target", "path"),
        "deadline": ("deadline", "完成时限", "时限")}[target]
pattern = re.compile(r"^\s*-?\s*(?:%s)\s*:\s*(.+?)\s*$" % "|".join(map(re.escape, keys)))
found = set()
for base in ("Rules", "Examples", "Tests/cel-differential"):
    for folder, _, files in os.walk(base):
        for name in files:
            if not name.endswith((".yml", ".yaml", ".csv", ".txt")):
                continue
            with open(os.path.join(folder, name), encoding="utf-8", errors="replace") as f:
                for line in f:
                    m = pattern.match(line)
                    if m:
                        found.add(m.group(1).strip("'\""))
                    if target == "deadline" and name.endswith(".csv"):
                        found.update(cell for cell in line.split(",") if "年" in cell or "月" in cell)
for value in sorted(found)[:2000]:
    path = os.path.join(corpus, hashlib.sha1(value.encode()).hexdigest())
    with open(path, "w", encoding="utf-8") as f:
        f.write(value)
