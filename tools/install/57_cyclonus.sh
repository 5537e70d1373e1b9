#!/usr/bin/env bash
# Cyclonus (github.com/mattfenwick/cyclonus), the offline NetworkPolicy evaluator the network
# policy tests run (`cyclonus analyze --mode query-traffic`: is this packet allowed by these
# policies, with no cluster). Built with `go install` at its newest tag (no replace directives)
# into .cache/bin. Idempotent: a no-op when the binary records the pinned module version.
# Cold: 11 min wall-clock, 2 min CPU on 2 busy cores (mostly module downloads); warm: none.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BIN="$ROOT/.cache/bin"
MODULE="github.com/mattfenwick/cyclonus"
VERSION="v0.5.6"

command -v go >/dev/null || { echo "57_cyclonus: needs Go (go install)" >&2; exit 1; }
mkdir -p "$BIN"

built() {
  [[ -x "$BIN/cyclonus" ]] \
    && go version -m "$BIN/cyclonus" | grep -E "^[[:space:]]*mod[[:space:]]+$MODULE[[:space:]]+$VERSION[[:space:]]" >/dev/null
}

built && exit 0
# Quiet on success: go reports every module it downloads on stderr.
if ! log="$(GOBIN="$BIN" go install "$MODULE/cmd/cyclonus@$VERSION" 2>&1)"; then
  echo "$log" >&2
  echo "57_cyclonus: go install cyclonus@$VERSION failed" >&2
  exit 1
fi
built || { echo "57_cyclonus: $BIN/cyclonus is not $MODULE $VERSION" >&2; exit 1; }
