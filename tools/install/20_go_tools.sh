#!/usr/bin/env bash
# kubeconform, kubectl-validate and kustomize, built from pinned module versions with `go install` into
# .cache/bin. Idempotent: a no-op when the binaries record the pinned module versions.
#   kubeconform:      tag v0.7.0 (`kubeconform -v` says "development" when built by go install,
#                     so the version is read from the build info with `go version -m`).
#   kubectl-validate: no release since v0.0.4 (2024), whose built-in schemas stop at old
#                     Kubernetes versions; pinned to a commit through its pseudo-version.
#   kustomize:        v5.8.2, the yardstick of `make bench` (v5.8.3 is refused by the module proxy).
# Cold build: about 3 min CPU; 25 min wall-clock on 2 busy cores.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BIN="$ROOT/.cache/bin"
TOOLS=(
  "kubeconform github.com/yannh/kubeconform/cmd/kubeconform github.com/yannh/kubeconform v0.7.0"
  "kubectl-validate sigs.k8s.io/kubectl-validate sigs.k8s.io/kubectl-validate v0.0.5-0.20260105161640-a97ccfaca20b"
  "kustomize sigs.k8s.io/kustomize/kustomize/v5 sigs.k8s.io/kustomize/kustomize/v5 v5.8.2"
)

INSTALL_NAME=20_go_tools
# shellcheck source=lib/go_install.sh
source "$ROOT/tools/install/lib/go_install.sh"

for tool in "${TOOLS[@]}"; do
  read -r name package module version <<<"$tool"
  go_install_pinned "$name" "$package" "$module" "$version"
done
