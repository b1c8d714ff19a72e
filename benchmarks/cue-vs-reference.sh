#!/usr/bin/env bash
# Compares the wall time of exporting 200 KubeVela-shaped CUE instances with Vela4J's evaluator
# (`vela4j cue export --batch DIR`, one JVM for the whole batch) and with the reference, Go CUE
# v0.4.3 compiled to WebAssembly (`CUE_ORACLE_ENGINE=v0.4.3 cue-oracle batch DIR`, one Node.js
# process for the whole batch), on the same generated instances. Both write DIR/<name>.json (or
# .err); the script checks that both accepted the same instances and exported the same JSON
# (ignoring key order, which follows each version's own field order rules).
#
#   benchmarks/cue-vs-reference.sh [DIR]     DIR defaults to a fresh temporary directory
#
# Instances: 120 of the large component template (benchmarks' cue/component.cue: volumes, probes,
# ports, env, comprehensions), 50 of the trait patching containers by name (cue/trait.cue) and 30
# of the 5-line template (cue/tiny.cue), each with its own `parameter` and `context` written in.
# Vela4J runs through the ./vela4j launcher, as a user runs it: the time includes the launcher's
# checks, the JVM's start with the launcher's options and class-data archive, and the whole batch
# (evaluated on every core). VELA4J_JAVA_OPTS and VELA4J_CDS=off reach the launcher.
# Needs: a JDK 17+, Node.js and npm (for the oracle), python3 (to compare the outputs).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
oracle=${CUE_ORACLE:-$root/../shared/tools/cue-oracle}
tpl=$root/benchmarks/src/main/resources/io/vela4j/benchmarks/cue
dir=${1:-$(mktemp -d)}
mkdir -p "$dir/vela4j" "$dir/reference"

# builds the CLI jar if it is missing or stale, and its class-data archive (not timed)
"$root/vela4j" --version >/dev/null

gen() { # n -> one instance on stdout
  local n=$1
  if ((n < 120)); then
    cat "$tpl/component.cue"
    local ports="{port: 8080, name: \"http\", expose: true}"
    ((n % 3 == 0)) && ports+=", {port: $((9000 + n)), expose: true}"
    ((n % 4 == 0)) && ports+=", {port: 5005}"
    echo "parameter: {"
    echo "  image: \"registry.example.com/team$((n % 7))/svc-$n:1.$((n % 10)).0\""
    echo "  replicas: $((n % 5 + 1))"
    echo "  ports: [$ports]"
    echo "  env: [{name: \"INSTANCE\", value: \"$n\"}, {name: \"SECRET\", valueFrom: secretKeyRef: {name: \"s$n\", key: \"k\"}}]"
    ((n % 2 == 0)) && echo "  cpu: \"$((n % 4 + 1))00m\", memory: \"$((n % 8 + 1))28Mi\""
    ((n % 3 != 1)) && echo "  labels: {team: \"t$((n % 7))\", tier: \"backend\"}"
    if ((n % 2 == 1)); then
      echo "  volumeMounts: {"
      echo "    configMap: [{name: \"cfg\", mountPath: \"/etc/app\", cmName: \"cfg-$n\"}]"
      echo "    emptyDir: [{name: \"cache\", mountPath: \"/cache\"}]"
      ((n % 5 == 0)) && echo "    pvc: [{name: \"data\", mountPath: \"/data\", claimName: \"data-$n\"}]"
      echo "  }"
    fi
    ((n % 3 == 2)) && echo "  livenessProbe: {httpGet: {path: \"/healthz\", port: 8080}, initialDelaySeconds: $((n % 30))}"
    ((n % 4 == 1)) && echo "  readinessProbe: tcpSocket: port: 8080"
    echo "}"
    echo "context: {name: \"svc-$n\", namespace: \"ns-$((n % 9))\", appName: \"app-$((n / 3))\", appRevision: \"app-$((n / 3))-v1\"}"
  elif ((n < 170)); then
    cat "$tpl/trait.cue"
    echo "parameter: {containerName: \"app\", env: {INSTANCE: \"$n\", MODE: \"prod\"}"
    ((n % 2 == 0)) && echo "  resources: {cpu: \"$((n % 4 + 1))00m\"}"
    echo "}"
    echo "context: output: {apiVersion: \"apps/v1\", kind: \"Deployment\", metadata: name: \"svc-$n\""
    echo "  spec: template: spec: containers: [{name: \"init\", image: \"busybox\"}, {name: \"app\", image: \"svc:$n\"}, {name: \"proxy\", image: \"envoy\"}]}"
  else
    cat "$tpl/tiny.cue"
    echo "parameter: {image: \"nginx:1.$n\", replicas: $((n % 4 + 1))}"
    echo "context: name: \"web-$n\""
  fi
}
for ((i = 0; i < 200; i++)); do
  gen "$i" >"$dir/vela4j/$(printf 'i%03d' "$i").cue"
done
cp "$dir"/vela4j/*.cue "$dir/reference/"

now() { date +%s.%N; }
t0=$(now)
"$root/vela4j" cue export --batch "$dir/vela4j" 2>"$dir/vela4j.log"
t1=$(now)
CUE_ORACLE_ENGINE=v0.4.3 "$oracle" batch "$dir/reference" >"$dir/reference.log" 2>&1
t2=$(now)

python3 - "$dir" <<'PY'
import json, pathlib, sys
d = pathlib.Path(sys.argv[1])
bad = []
for cue in sorted((d / "vela4j").glob("*.cue")):
    a, b = cue.with_suffix(".json"), d / "reference" / (cue.stem + ".json")
    if a.exists() != b.exists() or (a.exists() and json.loads(a.read_text()) != json.loads(b.read_text())):
        bad.append(cue.stem)
print(f"outputs: {200 - len(bad)} of 200 instances agree" + (f"; differ: {' '.join(bad)}" if bad else ""))
PY
awk -v a="$t0" -v b="$t1" -v c="$t2" 'BEGIN {
  v = b - a; r = c - b
  printf "vela4j cue export --batch (Vela4J, JVM start included):   %.2f s\n", v
  printf "cue-oracle batch (Go CUE v0.4.3, WebAssembly on Node.js): %.2f s\n", r
  printf "ratio reference/vela4j: %.2fx\n", r / v
}'
echo "instances and outputs: $dir"
