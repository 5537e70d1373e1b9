#!/usr/bin/env bash
# MLflow server runtime for the tests: .cache/mlflow-venv holds EXACTLY what the image installs
# (images/mlflow/requirements.txt, hash-checked, no dependency resolution), on the same Python
# minor version as the image (3.11: mlflow-oidc-auth 10.2.1+ do not import on 3.11, see
# images/mlflow/README.md). Idempotent: the stamp is the hash of the requirements file.
#
#   tools/install/50_mlflow_runtime.sh            install / no-op when up to date
#   tools/install/50_mlflow_runtime.sh --compile  re-lock requirements.in -> requirements.txt
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
UV_VERSION="0.13.9"
PYTHON_MINOR="3.11"
REQ_DIR="$ROOT/images/mlflow"
CACHE="$ROOT/.cache"
UV_VENV="$CACHE/uv"
UV="$UV_VENV/bin/uv"
VENV="$CACHE/mlflow-venv"
STAMP="$VENV/.requirements.sha256"
export UV_CACHE_DIR="$CACHE/uv-cache"
export UV_NO_PROGRESS=1

# The tests' interpreter is the project venv's; the MLflow venv must share its minor version.
base_python() {
  local py="$ROOT/.venv/bin/python"
  if [[ ! -x "$py" ]]; then py="$(command -v "python$PYTHON_MINOR" || true)"; fi
  if [[ -z "$py" ]]; then
    echo "50_mlflow_runtime: need python$PYTHON_MINOR (or the project .venv)" >&2
    exit 1
  fi
  local minor
  minor="$("$py" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
  if [[ "$minor" != "$PYTHON_MINOR" ]]; then
    echo "50_mlflow_runtime: $py is Python $minor, the image uses $PYTHON_MINOR" >&2
    exit 1
  fi
  "$py" -c 'import sys; print(sys._base_executable)'
}

ensure_uv() {
  if [[ -x "$UV" ]] && [[ "$("$UV" --version)" == "uv $UV_VERSION"* ]]; then return; fi
  local py
  py="$(base_python)"
  rm -rf "$UV_VENV"
  "$py" -m venv "$UV_VENV"
  "$UV_VENV/bin/pip" install --quiet --disable-pip-version-check "uv==$UV_VERSION"
}

if [[ "${1:-}" == "--compile" ]]; then
  ensure_uv
  cd "$REQ_DIR"
  "$UV" pip compile --quiet --generate-hashes --python-version "$PYTHON_MINOR" \
    --python-platform x86_64-manylinux_2_28 requirements.in -o requirements.txt
  exit 0
fi

want="$(sha256sum "$REQ_DIR/requirements.txt" | cut -d' ' -f1)"
if [[ -f "$STAMP" ]] && [[ "$(cat "$STAMP")" == "$want" ]] && [[ -x "$VENV/bin/mlflow" ]]; then
  exit 0
fi

ensure_uv
PY="$(base_python)"
rm -rf "$VENV"
"$UV" venv --quiet --python "$PY" "$VENV"
# Same flags as the Dockerfile: every file hash-checked, nothing resolved beyond the lock.
"$UV" pip install --quiet --python "$VENV/bin/python" --require-hashes --no-deps \
  -r "$REQ_DIR/requirements.txt"
# The plugin's Python-version failure shows only when its app is imported; importing it writes
# ./auth.db and ~/.config/mlflow, hence the scratch directory.
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
if ! (cd "$scratch" && HOME="$scratch" "$VENV/bin/python" -c \
  'import mlflow.server.auth, mlflow_oidc_auth.app, psycopg, psycopg2, boto3, google.cloud.storage' \
  >"$scratch/import.log" 2>&1); then
  echo "50_mlflow_runtime: the new venv fails to import the server apps:" >&2
  tail -n 3 "$scratch/import.log" >&2
  exit 1
fi
echo "$want" >"$STAMP"
