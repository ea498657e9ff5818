#!/usr/bin/env python3
"""Writes k8s/base/ (one file per component) from the table below, so the seven components stay
consistent. The generated files are committed; edit this table and re-run:
    python3 deploy/k8s-gen/generate_base.py
"""
import os
import yaml

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BASE = os.path.join(ROOT, "k8s", "base")

KAFKA = {"namespace": "kafka", "pods": {"strimzi.io/cluster": "forecourt", "strimzi.io/kind": "Kafka"}, "port": 9092}
MONGO_PODS = {"app": "forecourt-mongodb-svc"}
SERVICES = ["hr-service", "sales-service", "service-order-service", "parts-service", "claims-service", "crm-service"]

# name: port, database, peers it calls (in-namespace components), extra config, extra secrets
COMPONENTS = {
    "hr-service": dict(port=8081, db="forecourt-hr", calls=[], config={},
                       secrets={"FORECOURT_SVC_WORKSHOP_PASSWORD": ("forecourt-service-accounts", "svc-workshop-password")}),
    "sales-service": dict(port=8082, db="forecourt-sales", calls=["hr-service"], config={}),
    "service-order-service": dict(port=8083, db="forecourt-workshop", calls=["hr-service", "parts-service"], config={
        "FORECOURT_PARTS_URL": "http://parts-service:8084", "FORECOURT_HR_URL": "http://hr-service:8081"},
        secrets={"FORECOURT_SVC_WORKSHOP_PASSWORD": ("forecourt-service-accounts", "svc-workshop-password")}),
    "parts-service": dict(port=8084, db="forecourt-parts", calls=["hr-service"], config={}),
    "claims-service": dict(port=8085, db="forecourt-claims", calls=["hr-service"], oem_egress=True, config={
        # the OEM's warranty API (HTTPS egress); the simulator is for docker-compose and dev only
        "OEM_URL": "https://warranty.oem.example.com"},
        secrets={"OEM_WEBHOOK_SECRET": ("forecourt-oem", "webhook-secret"), "OEM_API_KEY": ("forecourt-oem", "api-key")}),
    "crm-service": dict(port=8086, db="forecourt-crm", calls=["hr-service"], config={}),
    "gateway": dict(port=8080, db=None, calls=SERVICES, config={
        "GATEWAY_PORT": "8080",
        "FORECOURT_HR_URL": "http://hr-service:8081", "FORECOURT_SALES_URL": "http://sales-service:8082",
        "FORECOURT_WORKSHOP_URL": "http://service-order-service:8083", "FORECOURT_PARTS_URL": "http://parts-service:8084",
        "FORECOURT_CLAIMS_URL": "http://claims-service:8085", "FORECOURT_CRM_URL": "http://crm-service:8086",
        "FORECOURT_JWKS_URI": "http://hr-service:8081/.well-known/jwks.json"}),
}

def labels(name):
    return {"app.kubernetes.io/name": name, "app.kubernetes.io/part-of": "forecourt",
            "app.kubernetes.io/component": "gateway" if name == "gateway" else "service"}

def sel(name):
    return {"app.kubernetes.io/name": name}

def callers(name):
    return [n for n, c in COMPONENTS.items() if name in c["calls"]]

def deployment(name, c):
    port = c["port"]
    env = []
    if c["db"]:
        env.append({"name": "MONGODB_URI", "valueFrom": {"secretKeyRef": {"name": f"mongodb-{name}", "key": "connectionString.standard"}}})
    for var, (secret, key) in sorted(c.get("secrets", {}).items()):
        env.append({"name": var, "valueFrom": {"secretKeyRef": {"name": secret, "key": key}}})
    env.append({"name": "LOGGING_STRUCTURED_JSON_ADD_STORE_ID", "value": "$(FORECOURT_STORE_ID)"})
    probe = lambda path, period, failures: {"httpGet": {"path": path, "port": "http"}, "periodSeconds": period,
                                             "timeoutSeconds": 3, "failureThreshold": failures}
    container = {
        "name": name,
        "image": f"forecourt/{name}:0.1.0-SNAPSHOT",
        "imagePullPolicy": "IfNotPresent",
        "ports": [{"name": "http", "containerPort": port, "protocol": "TCP"}],
        "envFrom": [{"configMapRef": {"name": "forecourt-common"}}, {"configMapRef": {"name": f"{name}-config"}}],
        "env": env,
        "startupProbe": probe("/actuator/health/liveness", 5, 36),
        "livenessProbe": probe("/actuator/health/liveness", 10, 3),
        "readinessProbe": probe("/actuator/health/readiness", 5, 3),
        "resources": {"requests": {"cpu": "250m", "memory": "512Mi"}, "limits": {"cpu": "1", "memory": "768Mi"}},
        "securityContext": {"allowPrivilegeEscalation": False, "readOnlyRootFilesystem": True,
                            "capabilities": {"drop": ["ALL"]}},
        "volumeMounts": [{"name": "tmp", "mountPath": "/tmp"}],
    }
    return {
        "apiVersion": "apps/v1", "kind": "Deployment",
        "metadata": {"name": name, "labels": labels(name)},
        "spec": {
            # no replicas: the HorizontalPodAutoscaler owns the count (an apply must not reset it)
            "revisionHistoryLimit": 5,
            "selector": {"matchLabels": sel(name)},
            "strategy": {"type": "RollingUpdate", "rollingUpdate": {"maxSurge": 1, "maxUnavailable": 0}},
            "template": {
                "metadata": {"labels": labels(name), "annotations": {
                    "prometheus.io/scrape": "true", "prometheus.io/port": str(port),
                    "prometheus.io/path": "/actuator/prometheus"}},
                "spec": {
                    "automountServiceAccountToken": False,
                    "terminationGracePeriodSeconds": 30,
                    "securityContext": {"runAsNonRoot": True, "runAsUser": 10001, "runAsGroup": 10001,
                                        "fsGroup": 10001, "seccompProfile": {"type": "RuntimeDefault"}},
                    "topologySpreadConstraints": [{"maxSkew": 1, "topologyKey": "kubernetes.io/hostname",
                                                   "whenUnsatisfiable": "ScheduleAnyway",
                                                   "labelSelector": {"matchLabels": sel(name)}}],
                    "containers": [container],
                    "volumes": [{"name": "tmp", "emptyDir": {"sizeLimit": "256Mi"}}],
                }}}}

def service(name, c):
    return {"apiVersion": "v1", "kind": "Service", "metadata": {"name": name, "labels": labels(name)},
            "spec": {"type": "ClusterIP", "selector": sel(name),
                     "ports": [{"name": "http", "port": c["port"], "targetPort": "http", "protocol": "TCP"}]}}

def hpa(name, c):
    return {"apiVersion": "autoscaling/v2", "kind": "HorizontalPodAutoscaler",
            "metadata": {"name": name, "labels": labels(name)},
            "spec": {"scaleTargetRef": {"apiVersion": "apps/v1", "kind": "Deployment", "name": name},
                     "minReplicas": 1, "maxReplicas": 3,
                     "metrics": [{"type": "Resource", "resource": {"name": "cpu", "target": {"type": "Utilization", "averageUtilization": 70}}},
                                 {"type": "Resource", "resource": {"name": "memory", "target": {"type": "Utilization", "averageUtilization": 85}}}],
                     "behavior": {"scaleDown": {"stabilizationWindowSeconds": 300}}}}

def pdb(name, c):
    return {"apiVersion": "policy/v1", "kind": "PodDisruptionBudget", "metadata": {"name": name, "labels": labels(name)},
            "spec": {"maxUnavailable": 1, "selector": {"matchLabels": sel(name)}}}

def configmap(name, c):
    data = {"PORT": str(c["port"])}
    if c["db"]:
        data["MONGODB_DATABASE"] = c["db"]
    data.update(c["config"])
    return {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": f"{name}-config", "labels": labels(name)}, "data": data}

def peer(name):
    return {"podSelector": {"matchLabels": sel(name)}}

def netpol(name, c):
    port = c["port"]
    ingress_from = []
    if name == "gateway":
        # the ingress controller (the only way in from outside)
        ingress_from.append({"namespaceSelector": {"matchLabels": {"kubernetes.io/metadata.name": "ingress-nginx"}}})
    ingress_from += [peer(p) for p in callers(name)]
    if name == "hr-service":  # everyone verifies tokens against hr's JWKS
        ingress_from += [peer(p) for p in COMPONENTS if p != "hr-service" and p not in callers(name)]
    # Prometheus scrapes /actuator/prometheus
    ingress_from.append({"namespaceSelector": {"matchLabels": {"kubernetes.io/metadata.name": "monitoring"}}})
    egress = [{"to": [peer(p)], "ports": [{"protocol": "TCP", "port": COMPONENTS[p]["port"]}]} for p in c["calls"]]
    if c["db"]:
        egress.append({"to": [{"namespaceSelector": {"matchLabels": {"kubernetes.io/metadata.name": KAFKA["namespace"]}},
                               "podSelector": {"matchLabels": KAFKA["pods"]}}],
                       "ports": [{"protocol": "TCP", "port": KAFKA["port"]}]})
        egress.append({"to": [{"podSelector": {"matchLabels": MONGO_PODS}}], "ports": [{"protocol": "TCP", "port": 27017}]})
    if c.get("oem_egress"):
        egress.append({"to": [{"ipBlock": {"cidr": "0.0.0.0/0", "except": ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"]}}],
                       "ports": [{"protocol": "TCP", "port": 443}]})
    return {"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy", "metadata": {"name": name, "labels": labels(name)},
            "spec": {"podSelector": {"matchLabels": sel(name)}, "policyTypes": ["Ingress", "Egress"],
                     "ingress": [{"from": ingress_from, "ports": [{"protocol": "TCP", "port": port}]}],
                     "egress": egress}}

HEADER = "# GENERATED by deploy/k8s-gen/generate_base.py from its component table: edit there and re-run.\n"

def write(path, docs):
    with open(path, "w") as f:
        f.write(HEADER)
        f.write(yaml.safe_dump_all(docs, sort_keys=False, default_flow_style=False, width=120))

os.makedirs(BASE, exist_ok=True)
files = []
for name, c in COMPONENTS.items():
    fn = f"{name}.yaml"
    write(os.path.join(BASE, fn), [configmap(name, c), deployment(name, c), service(name, c), hpa(name, c), pdb(name, c), netpol(name, c)])
    files.append(fn)
print("wrote", ", ".join(files))
