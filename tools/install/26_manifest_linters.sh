#!/usr/bin/env bash
# kube-score and gitleaks, the Go half of `make lint-manifests` (checkov: 57_checkov.sh), built
# from pinned module versions with `go install` into .cache/bin. Idempotent: a no-op when each
# binary's build info records the pinned module version.
#   kube-score: v1.20.0, best-practice checks over every rendered object.
#   gitleaks:   v8.30.1, secret scanner over dist/ (no secret value may be rendered).
# Go checks every module download against the checksum database (go.sum semantics).
# Cold (empty Go module and build caches, 2 shared cores): 3 min 41 s wall, 142 CPU-s, 470 MB peak;
# warm: under a second (a no-op).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BIN="${LINTERS_BIN:-$ROOT/.cache/bin}"
TOOLS=(
  "kube-score github.com/zegl/kube-score/cmd/kube-score github.com/zegl/kube-score v1.20.0"
  "gitleaks github.com/zricethezav/gitleaks/v8 github.com/zricethezav/gitleaks/v8 v8.30.1"
)

command -v go >/dev/null || { echo "26_manifest_linters: needs Go (go install)" >&2; exit 1; }
mkdir -p "$BIN"

built_as() {  # built_as BINARY MODULE VERSION: the binary's build info records MODULE VERSION
  [[ -x "$1" ]] && go version -m "$1" | grep -E "^[[:space:]]*mod[[:space:]]+$2[[:space:]]+$3[[:space:]]" >/dev/null
}

for tool in "${TOOLS[@]}"; do
  read -r name package module version <<<"$tool"
  built_as "$BIN/$name" "$module" "$version" && continue
  # Quiet on success: go reports every module it downloads on stderr.
  if ! log="$(GOBIN="$BIN" go install "$package@$version" 2>&1)"; then
    echo "$log" >&2
    echo "26_manifest_linters: go install $package@$version failed" >&2
    exit 1
  fi
  built_as "$BIN/$name" "$module" "$version" \
    || { echo "26_manifest_linters: $BIN/$name is not $module $version" >&2; exit 1; }
done
