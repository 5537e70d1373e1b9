#!/usr/bin/env bash
# .cache/checkov-venv: checkov, a manifest linter of `make lint-manifests` (tests/lint/), in a
# hash-locked venv of its own (its bc-detect-secrets dependency shadows `detect_secrets`).
# It runs offline with --skip-download. Lock: tools/venvs/checkov.txt.
# Cold (empty uv cache, 2 shared cores): 41 s wall, 20 CPU-s (96 packages); warm: 0.2 s (a no-op).
#
#   tools/install/57_checkov.sh            install / no-op when up to date
#   tools/install/57_checkov.sh --compile  re-lock the .in -> .txt
set -euo pipefail
INSTALL_NAME="57_checkov"
# shellcheck source=lib/venv.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/venv.sh"

PYTHON_MINOR="3.12"
LOCK="$INSTALL_ROOT/tools/venvs/checkov"

if [[ "${1:-}" == "--compile" ]]; then
  compile_lock "$LOCK.in" "$LOCK.txt" "$PYTHON_MINOR"
  exit 0
fi
install_locked_venv "${CHECKOV_VENV:-$INSTALL_CACHE/checkov-venv}" "$LOCK.txt" "$PYTHON_MINOR" \
  'import checkov.main'
