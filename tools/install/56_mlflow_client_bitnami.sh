#!/usr/bin/env bash
# .cache/mlflow-client-bitnami-venv: the bitnami-legacy users' workload (MLflow 3.3.2 as a client,
# scikit-learn, boto3). Lock: tools/venvs/mlflow-client-bitnami.txt.
#
#   tools/install/56_mlflow_client_bitnami.sh            install / no-op when up to date
#   tools/install/56_mlflow_client_bitnami.sh --compile  re-lock the .in -> .txt
set -euo pipefail
INSTALL_NAME="56_mlflow_client_bitnami"
# shellcheck source=lib/venv.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/venv.sh"

PYTHON_MINOR="3.12"
# As of the image's build (see 52_mlflow_bitnami.sh).
EXCLUDE_NEWER="2025-08-29T00:00:00Z"
LOCK="$INSTALL_ROOT/tools/venvs/mlflow-client-bitnami"

if [[ "${1:-}" == "--compile" ]]; then
  compile_lock "$LOCK.in" "$LOCK.txt" "$PYTHON_MINOR" --exclude-newer "$EXCLUDE_NEWER"
  exit 0
fi
install_locked_venv "$INSTALL_CACHE/mlflow-client-bitnami-venv" "$LOCK.txt" "$PYTHON_MINOR" \
  'import mlflow.sklearn, sklearn, boto3'
