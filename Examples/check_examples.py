import yaml, re, sys, glob, collections
def load(p): return yaml.safe_load(open(p, encoding='utf-8'))
def split(v):
    if v is None: return []
    if isinstance(v, list): return v
    return [x for x in re.split('[、,，]', v) if x]
errs = []
def dup(kind, ids):
    c = collections.Counter(ids)
    for k, n in c.items():
        if n > 1: errs.append(f'{kind}: duplicate id {k}')
for p in sorted(glob.glob('/work/wt-examples/Examples/*/*.yaml')):
    d = load(p); print('valid', p)
for ex in sorted(glob.glob('/work/wt-examples/Examples/*/plan.yaml')):
    name = ex.split('/')[-2]
    d = load(ex)
    units = d.get('units') or []
    up = ex.replace('plan.yaml', 'units.yaml')
    import os
    if os.path.exists(up): units = units + load(up)['units']
    known = {}
    for u in units:
        for f in [u['name']] + (u.get('aliases') or []):
            if f in known and known[f] != u['id']: errs.append(f'{name}: form {f} in {known[f]} and {u["id"]}')
            known[f] = u['id']
    dup(name + ' units', [u['id'] for u in units])
    acts = d.get('actions') or []; tasks = d.get('tasks') or []
    dup(name + ' actions', [a['id'] for a in acts]); dup(name + ' tasks', [t['id'] for t in tasks])
    dup(name + ' indicators', [i['id'] for i in d.get('indicators') or []])
    dup(name + ' projects', [i['id'] for i in d.get('projects') or []])
    aids = {a['id'] for a in acts}
    for t in tasks:
        if 'action' in t and t['action'] not in aids: errs.append(f'{name}: {t["id"]} unknown action')
        if not t.get('title'): errs.append(f'{name}: {t["id"]} no title')
    if units:
        for r in acts + tasks:
            for f in ('lead', 'participants'):
                for x in split(r.get(f)):
                    if x not in known: errs.append(f'{name}: {r["id"]}.{f} unknown unit {x}')
    print(name, {k: len(v) for k, v in d.items() if isinstance(v, list)}, 'units', len(units))
    if name == 'shenzhen-2011':
        assert len(acts) == 19, len(acts)
        ms = [t for t in tasks if t['id'].startswith('M')]
        assert [t['id'] for t in ms] == ['M%02d' % i for i in range(1, 52)]
        assert [t['id'] for t in tasks if not t['id'].startswith('M')] == ['G1', 'G2']
        for t in ms:
            a = next(a for a in acts if a['id'] == t['action'])
            assert t['lead'] == split(a['lead']) and t.get('participants', []) == split(a.get('participants'))
            assert 'owner' not in t and 'due' not in t
        used = {x for r in acts + tasks for f in ('lead','participants') for x in split(r.get(f))}
        unused = [u['name'] for u in units if not ({u['name']} | set(u.get('aliases') or [])) & used]
        if unused: errs.append(f'unused units {unused}')
print('\n'.join(errs) or 'ALL CHECKS PASS'); sys.exit(1 if errs else 0)
