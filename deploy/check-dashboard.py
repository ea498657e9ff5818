#!/usr/bin/env python3
"""Checks a Grafana dashboard JSON: structure (uid, unique panel ids, grid positions, a
Prometheus query on every panel) and writes every query, with Grafana's variables replaced, into a
Prometheus rules file so that `promtool check rules` parses each PromQL expression for real.
    check-dashboard.py DASHBOARD.json OUT_RULES.yml   -> exit 1 on a structural problem"""
import json, re, sys

dash_path, out = sys.argv[1], sys.argv[2]
problems = []
d = json.load(open(dash_path))
for key in ("uid", "title", "panels"):
    if not d.get(key):
        problems.append(f"missing {key}")
ids, exprs = set(), []
for p in d.get("panels", []):
    if p.get("id") in ids:
        problems.append(f"duplicate panel id {p.get('id')}")
    ids.add(p.get("id"))
    g = p.get("gridPos", {})
    if not all(isinstance(g.get(k), int) for k in ("h", "w", "x", "y")) or g.get("x", 0) + g.get("w", 0) > 24:
        problems.append(f"panel {p.get('title')!r}: bad gridPos {g}")
    if p.get("type") == "row":
        continue
    targets = p.get("targets") or []
    if not targets:
        problems.append(f"panel {p.get('title')!r}: no queries")
    for t in targets:
        e = t.get("expr", "")
        if not e.strip():
            problems.append(f"panel {p.get('title')!r}: empty query {t.get('refId')}")
        e = re.sub(r"\$__(rate_interval|interval|range)", "5m", e)
        e = re.sub(r"\$\{?(store|service)\}?", ".*", e)
        exprs.append((p.get("title"), e))
with open(out, "w") as f:
    f.write("groups:\n  - name: dashboard-queries\n    rules:\n")
    for i, (title, e) in enumerate(exprs):
        f.write(f"      - record: dashboard:query_{i}\n        expr: {json.dumps(e)}\n")
if problems:
    for p in problems:
        print(f"INVALID {dash_path}: {p}", file=sys.stderr)
    sys.exit(1)
print(f"{dash_path}: {len(ids)} panels, {len(exprs)} queries written to {out} for promtool")
