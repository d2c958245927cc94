#!/usr/bin/env python3
"""Deterministic generator of benchmark plan datasets (docs/dataset-schema.md shape).

    python3 Benchmarks/generate.py N OUTDIR [--seed S] [--csv-only]

Writes OUTDIR/plan.yaml, OUTDIR/plan.json, OUTDIR/tasks.csv and OUTDIR/expected.json.
The same N and seed always give byte-identical files (Python's `random` with a fixed seed,
no clock, no hash-order dependence).

Injected defects (each on its own, disjoint set of records, at a small known rate; every
other record is clean for every rule, and no date sits on a rule's boundary):

  required        task without `lead`                          0.5 % of tasks
  reference       one lead that is neither a unit name nor an alias   0.5 % of tasks
  unique          task reusing the id of the task just before it     0.2 % of tasks
  period          due outside plan.period (2011-01-01 … 2020-12-31)  0.5 % of tasks
  overdue         due before --as-of (2013-06-30), status not done   1 % of tasks
  done-late       status done, completed after due                  1 % of tasks
  permits         project with one of its three permits false        2 % of projects
  indicator       binding indicator whose actual misses its target  10 % of binding indicators

All deadlines are ISO dates, so that every peer reads them identically (see docs/performance.md).
"""
import argparse
import csv
import datetime as dt
import json
import os
import random

PERIOD_START = dt.date(2011, 1, 1)
PERIOD_END = dt.date(2020, 12, 31)
AS_OF = dt.date(2013, 6, 30)
PERMITS = ("siteSelection", "landUse", "construction")

RATES = {  # rule -> fraction of tasks (projects / binding indicators for the last two)
    "required": 0.005,
    "reference": 0.005,
    "unique": 0.002,
    "period": 0.005,
    "overdue": 0.01,
    "done-late": 0.01,
    "permits": 0.02,
    "indicator": 0.10,
}

CITY_CORES = [
    ("发展改革", "委", "发改委"), ("科工贸信", "委", "科工贸信委"), ("文体旅游", "局", "文旅局"),
    ("金融", "办", "金融办"), ("教育", "局", "教育局"), ("公安", "局", "公安局"),
    ("民政", "局", "民政局"), ("司法", "局", "司法局"), ("财政", "委", "财委"),
    ("人力资源保障", "局", "人保局"), ("规划国土", "委", "规土委"), ("住房建设", "局", "住建局"),
    ("交通运输", "委", "交委"), ("水务", "局", "水务局"), ("农业", "局", "农业局"),
    ("卫生", "局", "卫生局"), ("人口计生", "委", "计生委"), ("审计", "局", "审计局"),
    ("外事", "办", "外办"), ("侨务", "办", "侨办"), ("港澳", "办", "港澳办"),
    ("人居环境", "委", "人居委"), ("城市管理", "局", "城管局"), ("统计", "局", "统计局"),
    ("物价", "局", "物价局"), ("海洋", "局", "海洋局"), ("口岸", "办", "口岸办"),
    ("安全监管", "局", "安监局"), ("药品监管", "局", "药监局"), ("市场监管", "局", "市监局"),
    ("地方税务", "局", "地税局"), ("法制", "办", "法制办"), ("应急管理", "办", "应急办"),
    ("信访", "办", "信访办"), ("机关事务", "局", "机关事务局"), ("档案", "局", "档案局"),
    ("气象", "局", "气象局"), ("国资", "委", "国资委"), ("经济贸易", "委", "经贸委"),
    ("政务服务", "办", "政务办"),
]
DISTRICTS = ["福田区", "罗湖区", "南山区", "盐田区", "宝安区", "龙岗区", "光明新区", "坪山新区"]
DISTRICT_CORES = [
    ("发展和改革", "局"), ("教育", "局"), ("财政", "局"), ("民政", "局"), ("卫生", "局"),
    ("文体旅游", "局"), ("城市管理", "局"), ("住房建设", "局"), ("经济促进", "局"), ("环境保护", "局"),
    ("公安", "分局"), ("司法", "局"), ("人力资源", "局"), ("规划国土", "局"), ("交通运输", "局"),
    ("水务", "局"), ("安全监管", "局"), ("统计", "局"), ("审计", "局"), ("外事", "办"),
]
FAKE_CORES = ["星际事务", "时间管理", "天气调度", "梦想促进", "幸福指数", "未来规划", "云端治理",
              "海绵城市", "智慧灯杆", "夜间经济", "楼宇招商", "湾区协同"]
VERBS = ["加快发展", "大力推进", "积极培育", "全面提升", "稳步推进", "加强", "完善", "深化",
         "建立健全", "着力打造", "支持", "优化", "规范", "探索建立", "扩大"]
OBJECTS = ["总部经济", "国际航运中心", "金融服务体系", "高新技术产业", "城市公共服务", "国际化社区",
           "外语标识系统", "对外交流合作", "人才引进机制", "营商环境", "会展业", "文化创意产业",
           "城市轨道交通", "口岸通关能力", "国际学校布局", "医疗服务体系", "生态环境质量",
           "信息基础设施", "社会信用体系", "公共安全体系", "现代物流业", "旅游服务质量"]
TAILS = ["，提升国际竞争力", "，形成示范效应", "，扩大辐射带动作用", "，完善配套政策",
         "，建立考核评估机制", "，推动深港合作", "", "，形成长效机制"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蔡蒋余"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍鹏辉建国志红海燕"
AREAS = ["提升城市综合竞争力", "营造国际化环境", "建设国际化城市基础设施", "提升市民国际化素质",
         "扩大对外交流合作"]
INDICATORS = [("地区生产总值", "亿元", "经济发展"), ("人均GDP", "美元", "经济发展"),
              ("外贸进出口总额", "亿美元", "对外开放"), ("单位GDP能耗", "吨标准煤/万元", "资源环境"),
              ("城镇登记失业率", "%", "社会民生"), ("研发投入占GDP比重", "%", "创新发展"),
              ("国际航线数量", "条", "国际化"), ("常住外籍人口", "万人", "国际化")]


def make_units():
    units = []
    for i, (core, suffix, abbr) in enumerate(CITY_CORES):
        name = "市" + core + suffix
        aliases = [core + suffix]
        if "市" + abbr != name:
            aliases.append("市" + abbr)
        units.append({"id": f"u{i + 1:03d}", "name": name, "aliases": aliases, "kind": "市直部门"})
    for district in DISTRICTS:
        short = district[:-1] if district.endswith("区") else district
        for core, suffix in DISTRICT_CORES:
            name = district + core + suffix
            aliases = [short.replace("新区", "") + core + suffix]
            units.append({"id": f"u{len(units) + 1:03d}", "name": name, "aliases": aliases, "kind": "区政府部门"})
    seen = set()
    for u in units:  # keep every name and alias unique across the registry
        assert u["name"] not in seen, u["name"]
        seen.add(u["name"])
        u["aliases"] = [a for a in u["aliases"] if a not in seen and a != u["name"]]
        seen.update(u["aliases"])
    assert len(units) == 200, len(units)
    return units, seen


def rand_date(rng, lo, hi):
    return lo + dt.timedelta(days=rng.randint(0, (hi - lo).days))


def pick_sets(rng, n, counts):
    """Disjoint index sets for the task defects; duplicate-id indices are >0 and not adjacent."""
    taken = set()
    result = {}
    for rule, k in counts.items():
        chosen = []
        while len(chosen) < k:
            i = rng.randrange(1, n)
            if i in taken:
                continue
            if rule == "unique" and (i - 1 in result.get("unique", ()) or i - 1 in chosen or i + 1 in chosen):
                continue
            chosen.append(i)
            taken.add(i)
        result[rule] = set(chosen)
    return result


def generate(n, seed):
    rng = random.Random(seed)
    units, registry = make_units()
    unit_refs = [[u["name"]] + u["aliases"] for u in units]
    fakes = []
    for core in FAKE_CORES:
        for prefix in ["市"] + DISTRICTS:
            name = prefix + core + "局"
            assert name not in registry
            fakes.append(name)

    def ref(u):  # a unit as the text writes it: mostly the full name, sometimes an alias
        names = unit_refs[u]
        return names[0] if len(names) == 1 or rng.random() < 0.7 else rng.choice(names[1:])

    task_rules = ["required", "reference", "unique", "period", "overdue", "done-late"]
    counts = {r: max(1, round(n * RATES[r])) for r in task_rules}
    defects = pick_sets(rng, n, counts)
    defect_of = {}
    for rule, idx in defects.items():
        for i in idx:
            defect_of[i] = rule

    n_actions = max(1, n // 20)
    tasks = []
    for i in range(n):
        kind = defect_of.get(i)
        tid = f"M{i + 1:07d}"
        if kind == "unique":
            tid = tasks[i - 1]["id"]
        k = 1 if rng.random() < 0.75 else 2
        lead_units = rng.sample(range(200), k + rng.randint(0, 4))
        lead = [ref(u) for u in lead_units[:k]]
        participants = [ref(u) for u in lead_units[k:]]
        if kind == "reference":
            lead[rng.randrange(len(lead))] = rng.choice(fakes)
        title = rng.choice(VERBS) + rng.choice(OBJECTS) + rng.choice(TAILS)
        owner = rng.choice(SURNAMES) + rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.6 else "")
        completed = None
        if kind == "overdue":
            due = rand_date(rng, dt.date(2011, 3, 1), dt.date(2013, 5, 31))
            status = rng.choice(["not-started", "in-progress"])
        elif kind == "done-late":
            due = rand_date(rng, dt.date(2011, 3, 1), dt.date(2013, 3, 31))
            status = "done"
            completed = due + dt.timedelta(days=rng.randint(1, 60))
        elif kind == "period":
            if rng.random() < 0.5:  # after the period: not yet due as of AS_OF
                due = rand_date(rng, dt.date(2021, 1, 15), dt.date(2023, 12, 31))
                status = rng.choice(["not-started", "in-progress"])
            else:  # before the period: done on time
                due = rand_date(rng, dt.date(2009, 3, 1), dt.date(2010, 11, 30))
                status = "done"
                completed = due - dt.timedelta(days=rng.randint(1, 60))
        else:
            due = rand_date(rng, dt.date(2011, 2, 1), dt.date(2020, 11, 30))
            if due == AS_OF:
                due += dt.timedelta(days=1)
            if due < AS_OF:
                status = "done"
                completed = max(due - dt.timedelta(days=rng.randint(1, 90)), dt.date(2011, 1, 2))
            else:
                r = rng.random()
                status = "not-started" if r < 0.4 else "in-progress" if r < 0.85 else "done"
                if status == "done":
                    completed = max(AS_OF - dt.timedelta(days=rng.randint(1, 400)), dt.date(2011, 1, 2))
        task = {"id": tid, "action": f"A{i * n_actions // n + 1:05d}", "title": title}
        if kind != "required":
            task["lead"] = lead
        task["participants"] = participants
        if rng.random() < 0.9:
            task["owner"] = owner
        task["due"] = due.isoformat()
        task["status"] = status
        if completed is not None:
            task["completed"] = completed.isoformat()
        tasks.append(task)

    actions = []
    for a in range(n_actions):
        lu = rng.sample(range(200), 3)
        actions.append({"id": f"A{a + 1:05d}", "area": AREAS[a % len(AREAS)],
                        "title": rng.choice(VERBS) + rng.choice(OBJECTS),
                        "lead": ref(lu[0]), "participants": "、".join(ref(u) for u in lu[1:])})

    n_ind = max(1, n // 100)
    kinds = ["binding" if i % 2 == 0 else "expected" for i in range(n_ind)]
    binding = [i for i in range(n_ind) if kinds[i] == "binding"]
    missed = set(rng.sample(binding, max(1, round(len(binding) * RATES["indicator"]))))
    indicators = []
    for i in range(n_ind):
        name, unit, category = INDICATORS[i % len(INDICATORS)]
        direction = "at-most" if unit in ("%", "吨标准煤/万元") and rng.random() < 0.7 else "at-least"
        target = rng.randint(100, 5000)
        baseline = target * rng.randint(40, 80) // 100
        if kinds[i] == "binding":
            miss = i in missed
        else:
            miss = rng.random() < 0.3  # expected indicators may miss: not a defect
        up = (direction == "at-least") != miss
        actual = target + rng.randint(1, 300) if up else target - rng.randint(1, 99)
        ind = {"id": f"I{i + 1:05d}", "category": category, "name": f"{name}（{i + 1}）",
               "kind": kinds[i], "unit": unit, "baseline": baseline, "target": target,
               "direction": direction, "actual": actual, "actualYear": 2012}
        indicators.append(ind)

    n_proj = max(1, n // 10)
    bad_projects = set(rng.sample(range(n_proj), max(1, round(n_proj * RATES["permits"]))))
    projects = []
    for p in range(n_proj):
        permits = {k: True for k in PERMITS}
        if p in bad_projects:
            permits[rng.choice(PERMITS)] = False
        projects.append({"id": f"P{p + 1:06d}", "name": rng.choice(DISTRICTS) + rng.choice(OBJECTS) + "项目",
                         "permits": permits})

    plan = {
        "plan": {"id": "shenzhen-2011", "title": "深圳市推进国际化城市建设行动纲要",
                 "issuer": "深圳市人民政府", "issued": "2011-05-12",
                 "period": {"start": PERIOD_START.isoformat(), "end": PERIOD_END.isoformat()}},
        "units": units, "actions": actions, "tasks": tasks,
        "indicators": indicators, "projects": projects,
    }
    expected = {
        "required": len(defects["required"]), "reference": len(defects["reference"]),
        "unique": len(defects["unique"]), "period": len(defects["period"]),
        "overdue": len(defects["overdue"]), "done-late": len(defects["done-late"]),
        "permits": len(bad_projects), "indicator": len(missed),
    }
    return plan, expected


# ---- writers (hand-rolled so that 1M-task files are written in seconds) -------------------

def yflow(items):
    return "[" + ", ".join(items) + "]"


def write_yaml(plan, path):
    p = plan["plan"]
    with open(path, "w", encoding="utf-8") as f:
        w = f.write
        w("plan:\n")
        for k in ("id", "title", "issuer", "issued"):
            w(f"  {k}: {p[k]}\n")
        w(f"  period: {{start: {p['period']['start']}, end: {p['period']['end']}}}\n")
        w("\nunits:\n")
        for u in plan["units"]:
            w(f"  - id: {u['id']}\n    name: {u['name']}\n    aliases: {yflow(u['aliases'])}\n    kind: {u['kind']}\n")
        w("\nactions:\n")
        for a in plan["actions"]:
            w(f"  - id: {a['id']}\n    area: {a['area']}\n    title: {a['title']}\n"
              f"    lead: {a['lead']}\n    participants: {a['participants']}\n")
        w("\ntasks:\n")
        for t in plan["tasks"]:
            w(f"  - id: {t['id']}\n    action: {t['action']}\n    title: {t['title']}\n")
            if "lead" in t:
                w(f"    lead: {yflow(t['lead'])}\n")
            w(f"    participants: {yflow(t['participants'])}\n")
            if "owner" in t:
                w(f"    owner: {t['owner']}\n")
            w(f"    due: {t['due']}\n    status: {t['status']}\n")
            if "completed" in t:
                w(f"    completed: {t['completed']}\n")
        w("\nindicators:\n")
        for i in plan["indicators"]:
            w(f"  - id: {i['id']}\n    category: {i['category']}\n    name: {i['name']}\n    kind: {i['kind']}\n"
              f"    unit: \"{i['unit']}\"\n    baseline: {i['baseline']}\n    target: {i['target']}\n"
              f"    direction: {i['direction']}\n    actual: {i['actual']}\n    actualYear: {i['actualYear']}\n")
        w("\nprojects:\n")
        for pr in plan["projects"]:
            pm = pr["permits"]
            w(f"  - id: {pr['id']}\n    name: {pr['name']}\n    permits:\n"
              f"      siteSelection: {str(pm['siteSelection']).lower()}\n"
              f"      landUse: {str(pm['landUse']).lower()}\n"
              f"      construction: {str(pm['construction']).lower()}\n")


CSV_FIELDS = ["id", "action", "title", "lead", "participants", "owner", "due", "status", "completed"]


def write_csv(tasks, path):
    with open(path, "w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(CSV_FIELDS)
        for t in tasks:
            out.writerow([t["id"], t["action"], t["title"], "、".join(t.get("lead", [])),
                          "、".join(t["participants"]), t.get("owner", ""), t["due"], t["status"],
                          t.get("completed", "")])


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", type=int, help="number of tasks")
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=20110512)
    ap.add_argument("--csv-only", action="store_true", help="write only tasks.csv and expected.json")
    args = ap.parse_args()
    os.makedirs(args.outdir, exist_ok=True)
    plan, expected = generate(args.n, args.seed)
    out = lambda name: os.path.join(args.outdir, name)
    write_csv(plan["tasks"], out("tasks.csv"))
    if not args.csv_only:
        write_yaml(plan, out("plan.yaml"))
        with open(out("plan.json"), "w", encoding="utf-8") as f:
            json.dump(plan, f, ensure_ascii=False, separators=(",", ":"))
    meta = {"n": args.n, "seed": args.seed, "asOf": AS_OF.isoformat(),
            "tasks": len(plan["tasks"]), "units": len(plan["units"]),
            "indicators": len(plan["indicators"]), "projects": len(plan["projects"]),
            "counts": expected}
    with open(out("expected.json"), "w", encoding="utf-8") as f:
        json.dump(meta, f, ensure_ascii=False, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
