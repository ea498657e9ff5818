#!/usr/bin/env bash
# The deployment checks, run by `./mvnw verify` (module deploy) and by hand:
#   deploy/validate.sh [REPO_ROOT]
# 1. docker-compose.yml with a real compose validator (docker-compose v1 `config -q`, or `docker compose config -q`)
# 2. every Kubernetes manifest (k8s/base, k8s/overlays/*, k8s/platform) against the Kubernetes schemas
#    (deploy/validators/validate-k8s.mjs: kubernetes-models + @kubernetes/client-node, offline)
# 3. both store overlays rendered with kustomize (kubectl kustomize), then validated the same way
# 4. the Prometheus alert rules (promtool check rules + test rules) and the example config (check config)
# 5. the Grafana dashboard (structure, and every query parsed by promtool)
# A check whose tool is absent is SKIPPED with a message on a developer machine; under CI (CI=true)
# or with FORECOURT_REQUIRE_DEPLOY_TOOLS=true a missing tool FAILS (CI installs them with
# .ci/install-deploy-tools). Any failed check exits non-zero and so fails the Maven build.
set -uo pipefail
ROOT="$(cd "${1:-$(dirname "$0")/..}" && pwd)"
cd "$ROOT"
REQUIRE=false
if [ "${CI:-}" = "true" ] || [ "${FORECOURT_REQUIRE_DEPLOY_TOOLS:-}" = "true" ]; then REQUIRE=true; fi
TMP="$(mktemp -d)"; trap 'rm -rf "$TMP"' EXIT
passed=0; failed=0; skipped=0; failures=()

pass() { passed=$((passed + 1)); echo "[deploy] PASS  $1"; }
fail() { failed=$((failed + 1)); failures+=("$1"); echo "[deploy] FAIL  $1"; }
missing() { # check tool hint
  if $REQUIRE; then fail "$1: $2 is not installed (CI must run .ci/install-deploy-tools)"
  else skipped=$((skipped + 1)); echo "[deploy] SKIP  $1: $2 is not installed here (run .ci/install-deploy-tools to check it)"; fi
}
run() { # name command...
  local name="$1"; shift
  if "$@" > "$TMP/out" 2>&1; then pass "$name"; sed 's/^/          /' "$TMP/out" | tail -3
  else fail "$name"; sed 's/^/          /' "$TMP/out" | tail -40; fi
}

# 1. compose
if command -v docker-compose >/dev/null 2>&1; then
  run "docker-compose.yml (docker-compose $(docker-compose version --short 2>/dev/null) config -q)" docker-compose -f docker-compose.yml config -q
elif docker compose version >/dev/null 2>&1; then
  run "docker-compose.yml (docker compose config -q)" docker compose -f docker-compose.yml config -q
else
  missing "docker-compose.yml" "docker-compose"
fi

# 2 and 3. Kubernetes
VALIDATOR="deploy/validators/validate-k8s.mjs"
if command -v node >/dev/null 2>&1 && [ -d deploy/validators/node_modules/kubernetes-models ] && [ -d deploy/validators/node_modules/@kubernetes/client-node ]; then
  mapfile -t manifests < <(find k8s -name '*.yaml' ! -name 'kustomization.yaml' | sort)
  run "k8s manifests, ${#manifests[@]} files (Kubernetes schemas)" node "$VALIDATOR" "${manifests[@]}"
  if kubectl kustomize --help >/dev/null 2>&1; then KUSTOMIZE=(kubectl kustomize)
  elif command -v kustomize >/dev/null 2>&1; then KUSTOMIZE=(kustomize build)
  else KUSTOMIZE=(); fi
  for dir in k8s/base k8s/overlays/*/; do
    dir="${dir%/}"
    if [ ${#KUSTOMIZE[@]} -eq 0 ]; then missing "$dir rendered" "kubectl (kustomize)"; continue; fi
    out="$TMP/$(echo "$dir" | tr / _).yaml"
    if "${KUSTOMIZE[@]}" "$dir" > "$out" 2> "$TMP/err"; then
      run "$dir rendered with kustomize, $(grep -c '^kind:' "$out") objects (Kubernetes schemas)" node "$VALIDATOR" --name "$dir" "$out"
    else
      fail "$dir: kustomize could not render it"; sed 's/^/          /' "$TMP/err"
    fi
  done
else
  missing "k8s manifests and overlays" "node + deploy/validators/node_modules"
fi

# 4. alert rules
if command -v promtool >/dev/null 2>&1; then
  for rules in ops/prometheus/*.rules.yml; do run "$rules (promtool check rules)" promtool check rules "$rules"; done
  for t in ops/prometheus/*.rules.test.yml; do [ -e "$t" ] && run "$t (promtool test rules)" promtool test rules "$t"; done
  for c in ops/prometheus/prometheus*.yml; do [ -e "$c" ] && run "$c (promtool check config)" promtool check config "$c"; done
else
  missing "ops/prometheus alert rules" "promtool"
fi

# 5. dashboards
for dash in ops/grafana/*.json; do
  if ! command -v python3 >/dev/null 2>&1; then missing "$dash" "python3"; continue; fi
  if ! python3 deploy/check-dashboard.py "$dash" "$TMP/dashboard-queries.yml" > "$TMP/out" 2>&1; then
    fail "$dash (structure)"; sed 's/^/          /' "$TMP/out"; continue
  fi
  if command -v promtool >/dev/null 2>&1; then run "$dash (structure; queries parsed by promtool)" promtool check rules "$TMP/dashboard-queries.yml"
  else missing "$dash queries" "promtool"; fi
done

echo "[deploy] deployment checks: passed $passed, failed $failed, skipped $skipped"
if [ "$failed" -gt 0 ]; then
  printf '[deploy] failed: %s\n' "${failures[@]}"
  exit 1
fi
