#!/usr/bin/env bash
# kube-score and gitleaks, the Go half of `make lint-manifests` (checkov: 57_checkov.sh), built
# from pinned module versions with `go install` into .cache/bin. Idempotent: a no-op when each
# binary's build info records the pinned module version.
#   kube-score: v1.20.0, best-practice checks over every rendered object.
#   gitleaks:   v8.30.1, secret scanner over dist/ (no secret value may be rendered).
# Cold (empty Go module and build caches, 2 shared cores): 3 min 41 s wall, 142 CPU-s, 470 MB peak;
# warm: under a second (a no-op).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BIN="${LINTERS_BIN:-$ROOT/.cache/bin}"
TOOLS=(
  "kube-score github.com/zegl/kube-score/cmd/kube-score github.com/zegl/kube-score v1.20.0"
  "gitleaks github.com/zricethezav/gitleaks/v8 github.com/zricethezav/gitleaks/v8 v8.30.1"
)

INSTALL_NAME=26_manifest_linters
# shellcheck source=lib/go_install.sh
source "$ROOT/tools/install/lib/go_install.sh"

for tool in "${TOOLS[@]}"; do
  read -r name package module version <<<"$tool"
  go_install_pinned "$name" "$package" "$module" "$version"
done
