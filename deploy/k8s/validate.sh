#!/usr/bin/env bash
# Validates the Kubernetes deployment offline (after `npm ci` in deploy/k8s):
#   1. renders every overlay with kustomize (`kustomize`, or `kubectl kustomize` with kustomize >= v5;
#      without either, the minimal renderer validate/render.mjs, which supports only what these
#      kustomizations use: resources, namespace, labels, images, patches);
#   2. validates every rendered object against the Kubernetes schemas (npm kubernetes-models,
#      @kubernetes-models/gateway-api, @kubernetes-models/prometheus-operator) and the Strimzi / Envoy Gateway
#      CRD shapes (validate/schemas.mjs), plus the suite's rules (validate/validate.mjs, Kafka access in
#      validate/kafka-access.mjs), and the outside consumers' KafkaUser template (outside-consumers/);
#   3. checks the HTTPRoutes against deploy/gateway/routes.tsv (deploy/gateway/check-routes.mjs);
#   4. checks the request size limits and the gateways' JSON error answers against docs/operations.md in every
#      rendered overlay, the nginx template and the services (deploy/gateway/check-limits.mjs).
# Prints "N passed, M failed" last; exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")"
out=.out
rm -rf "$out" && mkdir -p "$out"
passed=0
failed=0
tally() { # tally <log>: adds the "N passed, M failed" of a sub-check's last line
  local line
  line=$(grep -Eo '[0-9]+ passed, [0-9]+ failed' "$1" | tail -1)
  if [ -z "$line" ]; then failed=$((failed + 1)); return; fi
  passed=$((passed + $(echo "$line" | cut -d' ' -f1)))
  failed=$((failed + $(echo "$line" | cut -d' ' -f3)))
}

if [ ! -d node_modules ]; then
  echo "FAIL  node_modules missing: run npm ci in deploy/k8s"
  echo "validate: 0 passed, 1 failed"
  exit 1
fi

render() { # render <overlay dir> <out file>
  if command -v kustomize >/dev/null 2>&1; then
    kustomize build "$1" >"$2"
  elif command -v kubectl >/dev/null 2>&1 && kubectl version --client 2>/dev/null | grep -Eq 'Kustomize Version: v[5-9]'; then
    kubectl kustomize "$1" >"$2"
  else
    node validate/render.mjs "$1" >"$2"
  fi
}
if command -v kustomize >/dev/null 2>&1; then echo "renderer: $(kustomize version 2>/dev/null)";
elif command -v kubectl >/dev/null 2>&1 && kubectl version --client 2>/dev/null | grep -Eq 'Kustomize Version: v[5-9]'; then
  echo "renderer: kubectl kustomize ($(kubectl version --client 2>/dev/null | grep Kustomize))"
else echo "renderer: validate/render.mjs (no kustomize >= v5 found)"; fi

args=()
for dir in overlays/*/; do
  o=$(basename "$dir")
  if render "$dir" "$out/$o.yaml" 2>"$out/$o.err"; then
    passed=$((passed + 1)); echo "ok    kustomize build overlays/$o ($(grep -c '^kind:' "$out/$o.yaml") objects)"
    args+=("$o=$out/$o.yaml")
  else
    failed=$((failed + 1)); echo "FAIL  kustomize build overlays/$o: $(head -5 "$out/$o.err")"
  fi
  # When the real tool rendered, the fallback renderer must agree with it (keeps it honest for machines
  # without kustomize).
  if [ -s "$out/$o.yaml" ] && ! grep -q 'render.mjs' <<<"$(head -1 "$out/$o.yaml")"; then
    if node validate/render.mjs "$dir" >"$out/$o.fallback.yaml" 2>"$out/$o.fallback.err" \
       && node validate/same-objects.mjs "$out/$o.yaml" "$out/$o.fallback.yaml" >"$out/$o.diff" 2>&1; then
      passed=$((passed + 1)); echo "ok    fallback renderer agrees with kustomize on overlays/$o"
    else
      failed=$((failed + 1)); echo "FAIL  fallback renderer differs from kustomize on overlays/$o: $(head -5 "$out/$o.diff" "$out/$o.fallback.err" 2>/dev/null)"
    fi
  fi
done

node validate/validate.mjs "${args[@]}" outside-consumer=outside-consumers/kafkauser-template.yaml | tee "$out/manifests.log"
tally "$out/manifests.log"
node ../gateway/check-routes.mjs >"$out/routes.log" 2>&1
grep -v '^ok' "$out/routes.log"
tally "$out/routes.log"

node ../gateway/check-limits.mjs "${args[@]}" >"$out/limits.log" 2>&1
grep -v '^ok' "$out/limits.log"
tally "$out/limits.log"

echo "validate: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
