#!/usr/bin/env bash
# Argo CD v3.6.1 for the control-plane tier (tests/controlplane): one multi-call binary built from the
# wrapper module tools/argocd/ (go.sum pins every module), run as argocd-application-controller,
# argocd-repo-server, argocd-applicationset-controller and the `argocd` CLI through symlinks, plus the
# two shell wrappers the v3.6 repo server execs and the CRDs/config of the same release.
#   v3.6 needs Go >= 1.27: GOTOOLCHAIN=go1.27.3 makes the go command fetch that toolchain.
#   Cold: ~530 CPU-s (5-13 min wall on 2 cores), 2.5 GB peak memory, ~10 GB Go build cache; keep the
#   build flags below unchanged or the whole cache misses. Idempotent: a no-op when the binary reports
#   the pinned version and was built from the current go.mod/go.sum.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
VERSION="3.6.1"
MODULE="github.com/argoproj/argo-cd/v3"
WRAPPER="$ROOT/tools/argocd"
OUT="$ROOT/.cache/argocd"
STAMP="$OUT/.stamp"
export GOTOOLCHAIN=go1.27.3 CGO_ENABLED=0

stamp() { cat "$WRAPPER/go.mod" "$WRAPPER/go.sum" "${BASH_SOURCE[0]}" | sha256sum | cut -d' ' -f1; }

if [[ -x "$OUT/bin/argocd" && -f "$STAMP" && "$(cat "$STAMP")" == "$(stamp)" ]] \
  && "$OUT/bin/argocd" version --client --short 2>/dev/null | grep "v$VERSION" >/dev/null; then
  exit 0
fi
command -v go >/dev/null || { echo "47_argocd: needs Go (go build)" >&2; exit 1; }
mkdir -p "$OUT/bin"

ldflags="-s -w -X $MODULE/common.version=$VERSION -X $MODULE/common.gitTreeState=clean"
(cd "$WRAPPER" && nice go build -mod=readonly -trimpath -ldflags "$ldflags" \
  -o "$OUT/bin/argocd.tmp" "$MODULE/cmd")
mv "$OUT/bin/argocd.tmp" "$OUT/bin/argocd"
for name in argocd-application-controller argocd-repo-server argocd-applicationset-controller \
  argocd-server; do
  ln -sf argocd "$OUT/bin/$name"
done

# The release's own files: CRDs, the base config objects and the wrappers the repo server execs.
src="$(cd "$WRAPPER" && go list -m -f '{{.Dir}}' "$MODULE")"
rm -rf "$OUT/manifests" && mkdir -p "$OUT/manifests"
cp "$src"/manifests/crds/*-crd.yaml "$OUT/manifests/"
cp "$src"/manifests/base/config/*.yaml "$OUT/manifests/"
rm -f "$OUT/manifests/kustomization.yaml"
install -m 0755 "$src/hack/git-verify-wrapper.sh" "$src/hack/gpg-wrapper.sh" "$OUT/bin/"
chmod -R u+w "$OUT/manifests"

"$OUT/bin/argocd" version --client --short | grep "v$VERSION" >/dev/null \
  || { echo "47_argocd: built argocd is not v$VERSION" >&2; exit 1; }
stamp >"$STAMP"
