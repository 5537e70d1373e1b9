#!/usr/bin/env bash
# .cache/mlflow-bitnami-venv: MLflow 3.3.2 as bitnamilegacy/mlflow:3.3.2-debian-12-r0 carries it
# (Python 3.12, mlflow[auth], psycopg2, boto3), for the bitnami-legacy runtime test and the
# way off the frozen images. Lock: tools/venvs/mlflow-bitnami.txt.
#
#   tools/install/52_mlflow_bitnami.sh            install / no-op when up to date
#   tools/install/52_mlflow_bitnami.sh --compile  re-lock the .in -> .txt
set -euo pipefail
INSTALL_NAME="52_mlflow_bitnami"
# shellcheck source=lib/venv.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/venv.sh"

PYTHON_MINOR="3.12"
# The image was built on 2025-08-28 (chart 5.1.17's tag r0): resolve as of then, so the venv
# holds that month's SQLAlchemy, Flask, ... and not releases the frozen image never saw.
EXCLUDE_NEWER="2025-08-29T00:00:00Z"
LOCK="$INSTALL_ROOT/tools/venvs/mlflow-bitnami"

if [[ "${1:-}" == "--compile" ]]; then
  compile_lock "$LOCK.in" "$LOCK.txt" "$PYTHON_MINOR" --exclude-newer "$EXCLUDE_NEWER"
  exit 0
fi
install_locked_venv "$INSTALL_CACHE/mlflow-bitnami-venv" "$LOCK.txt" "$PYTHON_MINOR" \
  'import mlflow.server.auth, psycopg2, boto3'
