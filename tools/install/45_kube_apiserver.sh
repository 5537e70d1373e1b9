#!/usr/bin/env bash
# kube-apiserver and etcd, pinned, built from source into .cache/bin for the generated-secrets Job
# tests (a real Kubernetes API with RBAC); kube-controller-manager, kube-scheduler and kubectl of
# the same release for the control-plane tier (tests/controlplane). Idempotent: a no-op when the binaries
# report the pinned version and were built from the current wrapper go.mod/go.sum.
#   Both upstream modules carry `replace` directives, so `go install` fails; the wrapper modules
#   in tools/kube-apiserver/ (kube-apiserver) and tools/kube-apiserver/etcd/ (etcd) pin every
#   dependency in their go.sum. Cold: 10-20 min on 2 cores for kube-apiserver, ~5 min more for
#   the controller-manager and scheduler (measured 2026-12-02); Go's build cache makes reruns fast.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
KUBE_VERSION="v1.35.4"
ETCD_VERSION="3.6.16"
WRAPPER="$ROOT/tools/kube-apiserver"
BIN="$ROOT/.cache/bin"
STAMP="$BIN/.kube-apiserver.stamp"
mkdir -p "$BIN"

# Never fetch another Go toolchain: the pinned modules build with the installed Go (>= 1.26).
export GOTOOLCHAIN=local CGO_ENABLED=0

stamp() {
  cat "$WRAPPER/go.mod" "$WRAPPER/go.sum" "$WRAPPER/etcd/go.mod" "$WRAPPER/etcd/go.sum" \
    | sha256sum | cut -d' ' -f1
}

KUBE_BINARIES=(kube-apiserver kube-controller-manager kube-scheduler)

kube_ok() {
  local name
  for name in "${KUBE_BINARIES[@]}"; do
    [[ -x "$BIN/$name" ]] \
      && [[ "$("$BIN/$name" --version 2>/dev/null)" == "Kubernetes $KUBE_VERSION" ]] \
      || return 1
  done
  [[ -x "$BIN/kubectl" ]] \
    && "$BIN/kubectl" version --client 2>/dev/null | grep -x "Client Version: $KUBE_VERSION" >/dev/null
}

etcd_ok() {
  [[ -x "$BIN/etcd" ]] \
    && "$BIN/etcd" --version 2>/dev/null | grep -x "etcd Version: $ETCD_VERSION" >/dev/null
}

if kube_ok && etcd_ok && [[ -f "$STAMP" ]] && [[ "$(cat "$STAMP")" == "$(stamp)" ]]; then
  exit 0
fi

command -v go >/dev/null || { echo "45_kube_apiserver: needs Go >= 1.26 (go build)" >&2; exit 1; }

# The version stamp is what `kube-apiserver --version` and GET /version report.
ldflags="-s -w -X k8s.io/component-base/version.gitVersion=$KUBE_VERSION"
ldflags+=" -X k8s.io/component-base/version.gitMajor=1"
ldflags+=" -X k8s.io/component-base/version.gitMinor=35"
ldflags+=" -X k8s.io/component-base/version.gitTreeState=clean"

for name in "${KUBE_BINARIES[@]}" kubectl; do
  (cd "$WRAPPER" && go build -mod=readonly -trimpath -ldflags "$ldflags" \
    -o "$BIN/$name.tmp" "k8s.io/kubernetes/cmd/$name")
  mv "$BIN/$name.tmp" "$BIN/$name"
done
(cd "$WRAPPER/etcd" && go build -mod=readonly -trimpath -ldflags "-s -w" \
  -o "$BIN/etcd.tmp" go.etcd.io/etcd/server/v3)
mv "$BIN/etcd.tmp" "$BIN/etcd"

kube_ok || { echo "45_kube_apiserver: built Kubernetes binaries are not $KUBE_VERSION" >&2; exit 1; }
etcd_ok || { echo "45_kube_apiserver: built etcd is not $ETCD_VERSION" >&2; exit 1; }
stamp >"$STAMP"
