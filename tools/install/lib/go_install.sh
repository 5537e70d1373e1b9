# shellcheck shell=bash
# Shared by the installers that build a Go tool with `go install PACKAGE@VERSION` (sourced):
#
#   built_as BINARY MODULE VERSION    -> whether BINARY's build info records MODULE at VERSION
#                                        (`go version -m`: tags built by go install often
#                                        report "development" from their own --version)
#   go_install_pinned NAME PACKAGE MODULE VERSION
#       idempotent: a no-op when $BIN/NAME is built_as MODULE VERSION; otherwise
#       `go install PACKAGE@VERSION` into $BIN (quiet on success: go reports every module it
#       downloads on stderr), then the check again.
# Go checks every module download against the checksum database (go.sum semantics).
# The caller sets BIN and INSTALL_NAME (its own name, for the messages).

built_as() {
  # grep reads to the end: under pipefail, `grep -q` could fail a match (SIGPIPE to the writer).
  [[ -x "$1" ]] \
    && go version -m "$1" | grep -E "^[[:space:]]*mod[[:space:]]+$2[[:space:]]+$3[[:space:]]" >/dev/null
}

go_install_pinned() {
  local name="$1" package="$2" module="$3" version="$4" log
  built_as "$BIN/$name" "$module" "$version" && return 0
  command -v go >/dev/null || { echo "$INSTALL_NAME: needs Go (go install)" >&2; exit 1; }
  mkdir -p "$BIN"
  if ! log="$(GOBIN="$BIN" nice go install "$package@$version" 2>&1)"; then
    echo "$log" >&2
    echo "$INSTALL_NAME: go install $package@$version failed" >&2
    exit 1
  fi
  built_as "$BIN/$name" "$module" "$version" \
    || { echo "$INSTALL_NAME: $BIN/$name is not $module $version" >&2; exit 1; }
}
