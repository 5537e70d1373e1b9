#!/usr/bin/env bash
# Create the project's virtual environment and install the locked dependencies (with hashes).
set -euo pipefail
python=${1:-python3}
venv=${2:-.venv}
root=$(cd "$(dirname "$0")/.." && pwd)
version=$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
if [[ "$version" != "3.11" ]]; then
    echo "error: $python is Python $version; this project uses 3.11 (the MLflow image and its test venv use 3.12, see images/mlflow/README.md)." >&2
    echo "Fix: run make with PYTHON=/path/to/python3.11" >&2
    exit 2
fi
cd "$root"
[[ -x "$venv/bin/python" ]] || "$python" -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check pip==25.3
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
    --require-hashes --no-deps -r requirements.lock
