#!/usr/bin/env bash
# .cache/mlflow-client-venv: the users' workload of the runtime tier (the image's MLflow as a
# client, scikit-learn, boto3, google-cloud-storage). Lock: tools/venvs/mlflow-client.txt.
#
#   tools/install/54_mlflow_client.sh            install / no-op when up to date
#   tools/install/54_mlflow_client.sh --compile  re-lock the .in -> .txt
set -euo pipefail
INSTALL_NAME="54_mlflow_client"
# shellcheck source=lib/venv.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/venv.sh"

PYTHON_MINOR="3.12"
LOCK="$INSTALL_ROOT/tools/venvs/mlflow-client"

if [[ "${1:-}" == "--compile" ]]; then
  compile_lock "$LOCK.in" "$LOCK.txt" "$PYTHON_MINOR"
  exit 0
fi
install_locked_venv "$INSTALL_CACHE/mlflow-client-venv" "$LOCK.txt" "$PYTHON_MINOR" \
  'import mlflow.sklearn, sklearn, boto3, google.cloud.storage'
