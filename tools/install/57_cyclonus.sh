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

INSTALL_NAME=57_cyclonus
# shellcheck source=lib/go_install.sh
source "$ROOT/tools/install/lib/go_install.sh"

go_install_pinned cyclonus "$MODULE/cmd/cyclonus" "$MODULE" "$VERSION"
