#!/usr/bin/env bash
# .cache/mlflow-previous-venv: the MLflow minor before the image's (3.16.1 vs 3.17.2), which
# writes the data tests/test_migrations.py then upgrades with the rendered migration Job.
# Lock: tools/venvs/mlflow-previous.txt.
#
#   tools/install/53_mlflow_previous.sh            install / no-op when up to date
#   tools/install/53_mlflow_previous.sh --compile  re-lock the .in -> .txt
set -euo pipefail
INSTALL_NAME="53_mlflow_previous"
# shellcheck source=lib/venv.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/venv.sh"

PYTHON_MINOR="3.12"
LOCK="$INSTALL_ROOT/tools/venvs/mlflow-previous"

if [[ "${1:-}" == "--compile" ]]; then
  compile_lock "$LOCK.in" "$LOCK.txt" "$PYTHON_MINOR"
  exit 0
fi
install_locked_venv "$INSTALL_CACHE/mlflow-previous-venv" "$LOCK.txt" "$PYTHON_MINOR" \
  'import mlflow.server.auth, psycopg, psycopg2'
