#!/usr/bin/env bash
# Pinned CRDs and the offline schemas kubeconform and kubectl-validate read (tools/crds.py):
#   .cache/crds/                        CRD files from Go modules (h1: sums in tools/crds.yaml)
#   .cache/schemas/kubeconform/k8s/     strict Kubernetes JSON schemas (kubernetes-validate wheel)
#   .cache/schemas/kubeconform/crds/    strict JSON schemas converted from the CRDs
#   .cache/schemas/kubectl-validate/    OpenAPI v3 documents per Kubernetes version (k8s.io/kubernetes)
# Idempotent: a no-op while the stamp matches the pins and the code that builds from them.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PY="$ROOT/.venv/bin/python"
STAMP="$ROOT/.cache/schemas/.stamp"

[[ -x "$PY" ]] || { echo "30_crds_and_schemas: needs the project venv (make python)" >&2; exit 1; }
command -v go >/dev/null || { echo "30_crds_and_schemas: needs Go (go mod download)" >&2; exit 1; }

want="$(cat "$ROOT/tools/crds.yaml" "$ROOT/tools/crds.py" "${BASH_SOURCE[0]}" | sha256sum | cut -d' ' -f1)"
if [[ -f "$STAMP" && "$(cat "$STAMP")" == "$want" && -d "$ROOT/.cache/crds" \
      && -d "$ROOT/.cache/schemas/kubeconform/k8s" && -d "$ROOT/.cache/schemas/kubeconform/crds" \
      && -d "$ROOT/.cache/schemas/kubectl-validate" ]]; then
  exit 0
fi

rm -f "$STAMP"
# crds.py logs one line per file it writes; keep them for a failure, stay quiet on success.
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
if ! "$PY" "$ROOT/tools/crds.py" all 2>"$log"; then
  cat "$log" >&2
  exit 1
fi
mkdir -p "$(dirname "$STAMP")"
echo "$want" > "$STAMP"
