#!/usr/bin/env bash
# The MLflow image's runtime for the tests: .cache/mlflow-venv holds EXACTLY what the image
# installs (images/mlflow/requirements.txt, hash-checked, nothing resolved), on the image's
# Python minor (the Dockerfile's PYTHON_VERSION; mlflow-oidc-auth 11 does not import on 3.11).
#
#   tools/install/50_mlflow_runtime.sh            install / no-op when up to date
#   tools/install/50_mlflow_runtime.sh --compile  re-lock requirements.in -> requirements.txt
set -euo pipefail
INSTALL_NAME="50_mlflow_runtime"
# shellcheck source=lib/venv.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/venv.sh"

PYTHON_MINOR="3.12"
REQ="$INSTALL_ROOT/images/mlflow/requirements"

if [[ "${1:-}" == "--compile" ]]; then
  compile_lock "$REQ.in" "$REQ.txt" "$PYTHON_MINOR"
  exit 0
fi
install_locked_venv "$INSTALL_CACHE/mlflow-venv" "$REQ.txt" "$PYTHON_MINOR" \
  'import mlflow.server.auth, mlflow_oidc_auth.app, psycopg, psycopg2, boto3, google.cloud.storage'
