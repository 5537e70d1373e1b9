#!/usr/bin/env bash
# The Kyverno CLI (kubectl-kyverno) v1.19.1, built from source into .cache/bin/kyverno for
# tests/test_kyverno_policy.py: the engine Kyverno's controllers run, offline.
# Idempotent: a no-op when the binary reports the pinned version and was built from the current
# wrapper go.mod/go.sum.
#   github.com/kyverno/kyverno replaces k8s.io/pod-security-admission with its own fork, so
#   `go install ...@v1.19.1` fails; tools/kyverno/ is a wrapper module with that replace line
#   and a go.sum pinning every dependency.
#   Measured here (2026-12-02, 2 cores shared with three other engineers' builds and tests,
#   load average 10-25): `go mod tidy` of the wrapper 2 min (downloads); the build 737 CPU-s
#   (647 user + 90 sys), 37 min wall, 2.7 GB peak RSS, a 265 MB binary. Not fully cold: Go's
#   build cache already held packages other -trimpath builds here share (client-go...).
#   737 CPU-s on 2 idle cores would be about 6-7 min wall (estimated, not measured). A rebuild from the warm cache: 15 s;
#   a re-run with the stamp in place: 0.1 s.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
VERSION="v1.19.1"
WRAPPER="$ROOT/tools/kyverno"
BIN="$ROOT/.cache/bin"
STAMP="$BIN/.kyverno.stamp"
mkdir -p "$BIN"

# Never fetch another Go toolchain: v1.19.1's go.mod asks for go 1.26.6.
export GOTOOLCHAIN=local CGO_ENABLED=0

stamp() { cat "$WRAPPER/go.mod" "$WRAPPER/go.sum" "${BASH_SOURCE[0]}" | sha256sum | cut -d' ' -f1; }

ok() {
  [[ -x "$BIN/kyverno" ]] && "$BIN/kyverno" version 2>/dev/null | grep -x "Version: $VERSION" >/dev/null
}

if ok && [[ -f "$STAMP" ]] && [[ "$(cat "$STAMP")" == "$(stamp)" ]]; then
  exit 0
fi

command -v go >/dev/null || { echo "46_kyverno: needs Go >= 1.26.6 (go build)" >&2; exit 1; }

(cd "$WRAPPER" && go build -mod=readonly -trimpath \
  -ldflags "-s -w -X github.com/kyverno/kyverno/pkg/version.BuildVersion=$VERSION" \
  -o "$BIN/kyverno.tmp" github.com/kyverno/kyverno/cmd/cli/kubectl-kyverno)
mv "$BIN/kyverno.tmp" "$BIN/kyverno"
ok || { echo "46_kyverno: the built CLI does not report $VERSION" >&2; exit 1; }
stamp >"$STAMP"
