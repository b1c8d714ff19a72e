#!/usr/bin/env bash
# KubeVela's classic multi-cluster walkthrough, offline: two versions of a revision-only
# Application become ApplicationRevisions, and an AppDeployment places helloworld-v1 on
# prod-cluster-1 (3 replicas) and helloworld-v2 on prod-cluster-2 (4 replicas) through OCM
# ManifestWorks on the hub. Run from the repository root: examples/walkthrough.sh [OUT_DIR]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
out=${1:-$(mktemp -d)}
revs=$out/revisions
mkdir -p "$revs"

echo "1. revisions of the revision-only application (nothing is deployed from it):"
./vela4j revision -f examples/apps/helloworld-revision-only.yaml -d examples/definitions --revisions "$revs"
./vela4j revision -f examples/apps/helloworld-revision-only-v2.yaml -d examples/definitions --revisions "$revs"
./vela4j revision -f examples/apps/helloworld-revision-only.yaml -d examples/definitions --revisions "$revs"

echo "2. what the AppDeployment renders, per revision and cluster:"
./vela4j dry-run -f examples/apps/cross-cluster-app.yaml --revisions "$revs" --clusters examples/clusters.yaml \
  | grep '^# '

echo "3. the OCM plan: one ManifestWork per cluster, in the cluster's namespace on the hub:"
./vela4j dispatch plan --via ocm -f examples/apps/cross-cluster-app.yaml --revisions "$revs" \
  --clusters examples/clusters.yaml -o "$out/plan"
grep -E '^  (name|namespace):' "$out/plan/control-plane.yaml"
