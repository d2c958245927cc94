#!/usr/bin/env python3
"""Measures `plancheck audit` on a large generated plan: 10 000 tasks across 200 units.

Usage: python3 Scripts/audit-measure.py [PLANCHECK-BINARY] [--tasks N] [--units N] [--keep DIR]

Generates a plan in the docs/dataset-schema.md shape (deterministic: seeded), runs the audit
in every format, and prints wall time and output size. The figures in docs/audit.md come from
this script. It is a measurement, not a test: timings depend on the machine.
"""
import argparse, os, random, subprocess, sys, tempfile, time

def generate(folder, tasks, units):
    rnd = random.Random(2011)
    unit_names = [f"市第{i + 1}局" for i in range(units)]
    lines = ["plan:", "  id: large", "  title: 大规模示例计划（生成）", "  period: {start: 2021-01-01, end: 2021-12-31}", "units:"]
    lines += [f"  - {{id: u{i}, name: {n}, aliases: [第{i + 1}局]}}" for i, n in enumerate(unit_names)]
    actions = max(1, tasks // 50)
    lines.append("actions:")
    lines += [f"  - {{id: A{a:03d}, title: 第{a + 1}项行动, lead: {rnd.choice(unit_names)}}}" for a in range(actions)]
    lines.append("tasks:")
    for t in range(tasks):
        lead = rnd.choice(unit_names)
        # One in ten co-led, written as one string the way documents do.
        if rnd.random() < 0.1:
            lead = lead + "、" + rnd.choice(unit_names)
        parts = rnd.sample(unit_names, 2)
        month, day = rnd.randint(1, 12), rnd.randint(1, 28)
        status = rnd.choice(["done", "done", "in-progress", "not-started"])
        task = [f"  - id: T{t:05d}", f"    action: A{t % actions:03d}", f"    title: 第{t + 1}项任务：推进重点工作落实",
                f"    lead: {lead}", f"    participants: [{parts[0]}, {parts[1]}]"]
        if rnd.random() < 0.9:
            task.append(f"    owner: 责任人{t % 997}")
        if rnd.random() < 0.95:
            task.append(f"    due: 2021年{month}月{day}日前")
        task.append(f"    status: {status}")
        if status == "done":
            task.append(f"    completed: 2021-{month:02d}-{min(28, day + rnd.randint(-10, 10)) if day > 10 else day:02d}")
        lines += task
    lines.append("indicators:")
    for i in range(40):
        target = rnd.randint(50, 500)
        lines.append(f"  - {{id: I{i:02d}, name: 指标{i + 1}, kind: {rnd.choice(['binding', 'expected'])}, unit: 亿元, "
                     f"target: {target}, actual: {round(target * rnd.uniform(0.6, 1.2), 1)}, actualYear: 2021}}")
    with open(os.path.join(folder, "plan.yaml"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    # The audit is built from the rules' assessments: the packs that feed every section.
    with open(os.path.join(folder, ".plancheck.yml"), "w", encoding="utf-8") as f:
        f.write("packs: [plan-basics, accountability, deadlines, indicators]\ndatasets: [plan.yaml]\nasOf: 2021-06-30\n")

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary", nargs="?", default=".build/release/plancheck")
    parser.add_argument("--tasks", type=int, default=10_000)
    parser.add_argument("--units", type=int, default=200)
    parser.add_argument("--keep", help="write the plan and reports to DIR and keep them")
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    folder = args.keep or tempfile.mkdtemp(prefix="plancheck-audit-")
    os.makedirs(folder, exist_ok=True)
    generate(folder, args.tasks, args.units)
    size = os.path.getsize(os.path.join(folder, "plan.yaml"))
    print(f"plan.yaml: {args.tasks} tasks, {args.units} units, {size / 1e6:.1f} MB")
    for fmt in ["html", "json", "markdown", "text", "csv"]:
        out = os.path.join(folder, f"audit.{fmt}")
        start = time.perf_counter()
        run = subprocess.run([binary, "audit", "--format", fmt, "--output", out], cwd=folder, capture_output=True, text=True)
        elapsed = time.perf_counter() - start
        if run.returncode != 0:
            sys.exit(f"{fmt}: exit {run.returncode}: {run.stderr}")
        print(f"{fmt:9} {elapsed:6.2f} s  {os.path.getsize(out) / 1e6:6.2f} MB")
    if not args.keep:
        print(f"(files in {folder})")

if __name__ == "__main__":
    main()
