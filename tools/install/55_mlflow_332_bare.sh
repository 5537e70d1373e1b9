#!/usr/bin/env bash
# .cache/mlflow-332-bare-venv: exactly mlflow==3.3.2's dependency closure on Python 3.12 (the
# bitnamilegacy/mlflow:3.3.2 image's Python), nothing added, for the test that runs the
# bitnami-legacy overlay's Jobs where only MLflow's own requirements can be relied on.
# Lock: tools/venvs/mlflow-332-bare.txt.
#
#   tools/install/55_mlflow_332_bare.sh            install / no-op when up to date
#   tools/install/55_mlflow_332_bare.sh --compile  re-lock the .in -> .txt
set -euo pipefail
INSTALL_NAME="55_mlflow_332_bare"
# shellcheck source=lib/venv.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/venv.sh"

PYTHON_MINOR="3.12"
# As of the image's build (chart 5.1.17's tag r0, 2025-08-28), like 52_mlflow_bitnami.sh.
EXCLUDE_NEWER="2025-08-29T00:00:00Z"
LOCK="$INSTALL_ROOT/tools/venvs/mlflow-332-bare"

if [[ "${1:-}" == "--compile" ]]; then
  compile_lock "$LOCK.in" "$LOCK.txt" "$PYTHON_MINOR" --exclude-newer "$EXCLUDE_NEWER"
  exit 0
fi
install_locked_venv "$INSTALL_CACHE/mlflow-332-bare-venv" "$LOCK.txt" "$PYTHON_MINOR" \
  'import mlflow, requests'
