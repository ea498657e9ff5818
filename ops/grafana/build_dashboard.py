#!/usr/bin/env python3
"""Writes ops/grafana/forecourt-overview.json (committed). Edit the panels here and re-run:
    python3 ops/grafana/build_dashboard.py
Every service's metrics carry `store` and `service` labels (the platform's common tags)."""
import json, os

SEL = 'store=~"$store", service=~"$service"'
panels, y = [], 0
pid = 0

def row(title):
    global y, pid
    pid += 1
    panels.append({"type": "row", "title": title, "id": pid, "collapsed": False,
                   "gridPos": {"h": 1, "w": 24, "x": 0, "y": y}, "panels": []})
    y += 1

def panel(title, targets, unit="short", w=8, h=8, x=0, kind="timeseries", desc="", extra=None):
    global pid
    pid += 1
    p = {"type": kind, "title": title, "id": pid, "description": desc,
         "datasource": {"type": "prometheus", "uid": "${datasource}"},
         "gridPos": {"h": h, "w": w, "x": x, "y": y},
         "fieldConfig": {"defaults": {"unit": unit}, "overrides": []},
         "options": {"legend": {"displayMode": "table", "placement": "bottom", "calcs": ["lastNotNull", "max"]}}
                    if kind == "timeseries" else {},
         "targets": [{"refId": chr(65 + i), "expr": e, "legendFormat": l,
                      "datasource": {"type": "prometheus", "uid": "${datasource}"}} for i, (e, l) in enumerate(targets)]}
    if extra:
        p.update(extra)
    panels.append(p)

def line(*specs):
    """a row of panels side by side"""
    global y
    w = 24 // len(specs)
    for i, (args, kw) in enumerate(specs):
        panel(*args, w=w, x=i * w, **kw)
    y += 8

R = "$__rate_interval"
row("HTTP")
line(((f"Requests per second", [(f'sum by (service) (rate(http_server_requests_seconds_count{{{SEL}}}[{R}]))', "{{service}}")]), {"unit": "reqps"}),
     ((f"Latency p95", [(f'histogram_quantile(0.95, sum by (service, le) (rate(http_server_requests_seconds_bucket{{{SEL}}}[{R}])))', "{{service}}")]), {"unit": "s"}),
     ((f"5xx ratio", [(f'sum by (service) (rate(http_server_requests_seconds_count{{{SEL}, status=~"5.."}}[{R}])) / sum by (service) (rate(http_server_requests_seconds_count{{{SEL}}}[{R}]))', "{{service}}")]), {"unit": "percentunit", "desc": "Alert ForecourtHigh5xxRate fires above 5% for 5 minutes"}))
row("Events: outbox and Kafka")
line((("Outbox backlog", [(f'max by (service) (forecourt_outbox_backlog{{{SEL}}})', "{{service}}")]), {"desc": "Documents holding events not yet relayed to Kafka. Alert: ForecourtOutboxBacklogGrowing"}),
     (("Outbox lag (write to Kafka ack)", [(f'max by (service) (forecourt_outbox_lag_seconds_max{{{SEL}}})', "max {{service}}"),
                                          (f'sum by (service) (rate(forecourt_outbox_lag_seconds_sum{{{SEL}}}[{R}])) / sum by (service) (rate(forecourt_outbox_lag_seconds_count{{{SEL}}}[{R}]))', "avg {{service}}")]), {"unit": "s"}),
     (("Kafka consumer lag (records)", [(f'max by (service) (kafka_consumer_fetch_manager_records_lag_max{{{SEL}}})', "{{service}}")]), {"desc": "Alert: ForecourtConsumerLagHigh"}))
line((("Events consumed per second", [(f'sum by (service, outcome) (rate(forecourt_events_consumed_total{{{SEL}}}[{R}]))', "{{service}} {{outcome}}")]), {"unit": "ops"}),
     (("Events dead-lettered (1h)", [(f'sum by (service) (increase(forecourt_events_dead_lettered_total{{{SEL}}}[1h]))', "{{service}}")]), {}),
     (("Events published per second", [(f'sum by (service) (rate(forecourt_outbox_published_total{{{SEL}}}[{R}]))', "{{service}}"),
                                       (f'sum by (service) (rate(forecourt_outbox_failures_total{{{SEL}}}[{R}]))', "failures {{service}}")]), {"unit": "ops"}))
row("Resilience: circuit breakers")
line((("Circuit breakers open", [(f'max by (service, name) (resilience4j_circuitbreaker_state{{{SEL}, state=~"open|forced_open|half_open"}})', "{{service}} → {{name}} ({{state}})")]),
      {"kind": "stat", "desc": "1 = the breaker is not closed. Alert: ForecourtCircuitBreakerOpen",
       "extra": {"options": {"reduceOptions": {"calcs": ["lastNotNull"]}, "colorMode": "background"},
                 "fieldConfig": {"defaults": {"unit": "short", "thresholds": {"mode": "absolute", "steps": [{"color": "green", "value": None}, {"color": "red", "value": 1}]}}, "overrides": []}}}),
     (("Breaker failure rate", [(f'max by (service, name) (resilience4j_circuitbreaker_failure_rate{{{SEL}}})', "{{service}} → {{name}}")]), {"unit": "percent"}),
     (("Breaker calls by outcome", [(f'sum by (service, name, kind) (rate(resilience4j_circuitbreaker_calls_seconds_count{{{SEL}}}[{R}]))', "{{service}} → {{name}} {{kind}}")]), {"unit": "ops"}))
row("JVM")
line((("Heap used / max", [(f'sum by (service) (jvm_memory_used_bytes{{{SEL}, area="heap"}})', "used {{service}}"),
                           (f'sum by (service) (jvm_memory_max_bytes{{{SEL}, area="heap"}} > 0)', "max {{service}}")]), {"unit": "bytes"}),
     (("GC pause time per second", [(f'sum by (service) (rate(jvm_gc_pause_seconds_sum{{{SEL}}}[{R}]))', "{{service}}")]), {"unit": "s"}),
     (("CPU and threads", [(f'max by (service) (process_cpu_usage{{{SEL}}})', "cpu {{service}}"),
                           (f'max by (service) (jvm_threads_live_threads{{{SEL}}})', "threads {{service}}")]), {}))
row("Business")
line((("Repair orders opened", [(f'sum(increase(forecourt_repair_orders_opened_total{{store=~"$store"}}[$__range]))', "opened")]), {"kind": "stat", "extra": {"options": {"reduceOptions": {"calcs": ["lastNotNull"]}}}}),
     (("Parts issued", [(f'sum(increase(forecourt_parts_issued_total{{store=~"$store"}}[$__range]))', "issued")]), {"kind": "stat", "extra": {"options": {"reduceOptions": {"calcs": ["lastNotNull"]}}}}),
     (("Claims approved", [(f'sum(increase(forecourt_claims_approved_total{{store=~"$store"}}[$__range]))', "approved")]), {"kind": "stat", "extra": {"options": {"reduceOptions": {"calcs": ["lastNotNull"]}}}}),
     (("Callbacks completed", [(f'sum(increase(forecourt_callbacks_completed_total{{store=~"$store"}}[$__range]))', "completed")]), {"kind": "stat", "extra": {"options": {"reduceOptions": {"calcs": ["lastNotNull"]}}}}))
line((("Business events per hour by store", [(f'sum by (store) (increase(forecourt_repair_orders_opened_total{{store=~"$store"}}[1h]))', "repair orders {{store}}"),
                                             (f'sum by (store) (increase(forecourt_parts_issued_total{{store=~"$store"}}[1h]))', "parts issued {{store}}"),
                                             (f'sum by (store) (increase(forecourt_claims_approved_total{{store=~"$store"}}[1h]))', "claims approved {{store}}"),
                                             (f'sum by (store) (increase(forecourt_callbacks_completed_total{{store=~"$store"}}[1h]))', "callbacks completed {{store}}")]), {}),)

def var(name, label, query):
    return {"name": name, "label": label, "type": "query", "datasource": {"type": "prometheus", "uid": "${datasource}"},
            "query": {"query": query, "refId": name}, "definition": query, "refresh": 2, "includeAll": True,
            "multi": True, "current": {"selected": True, "text": ["All"], "value": ["$__all"]}, "sort": 1}

dashboard = {
    "uid": "forecourt-overview", "title": "Forecourt — store overview", "tags": ["forecourt"],
    "schemaVersion": 39, "version": 1, "editable": True, "timezone": "browser", "refresh": "30s",
    "time": {"from": "now-6h", "to": "now"},
    "templating": {"list": [
        {"name": "datasource", "label": "Prometheus", "type": "datasource", "query": "prometheus", "current": {}},
        var("store", "Store", "label_values(forecourt_outbox_backlog, store)"),
        var("service", "Service", 'label_values(http_server_requests_seconds_count{store=~"$store"}, service)')]},
    "annotations": {"list": []},
    "panels": panels,
}
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "forecourt-overview.json")
with open(out, "w") as f:
    json.dump(dashboard, f, indent=2, ensure_ascii=False)
    f.write("\n")
print(f"wrote {out}: {sum(1 for p in panels if p['type'] != 'row')} panels")
