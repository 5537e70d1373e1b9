#!/usr/bin/env bash
# The rest of the control-plane tier (tests/controlplane): kwok, which gives pods and Jobs a
# lifecycle on a fake node without a kubelet, its "fast" stage configs, and Redis, Argo CD's cache.
#   kwok v0.8.0: `go install` (no replace directives); the stages are rendered from the same module
#   with the pinned kustomize (20_go_tools.sh). Cold: ~2 min CPU.
#   Redis: Debian bookworm's redis-tools 7.0.x (its redis-check-rdb is the server binary, which acts
#   as redis-server when started under that name) and the two libraries it
#   needs that a slim system lacks, unpacked into .cache/redis with `dpkg-deb -x` (no system
#   install, no service started); the pin is the major.minor Debian ships, as for PostgreSQL.
# Idempotent: a no-op when kwok records the pinned module version, the stages exist and
# redis-server reports the pinned version.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BIN="$ROOT/.cache/bin"
KWOK_MODULE="sigs.k8s.io/kwok"
KWOK_VERSION="v0.8.0"
STAGES="$ROOT/.cache/kwok/stages.yaml"
REDIS="$ROOT/.cache/redis"
REDIS_VERSION="7.0."
mkdir -p "$BIN"

INSTALL_NAME=46_kwok_redis
# shellcheck source=lib/go_install.sh
source "$ROOT/tools/install/lib/go_install.sh"

kwok_ok() {
  [[ -s "$STAGES" ]] && built_as "$BIN/kwok" "$KWOK_MODULE" "$KWOK_VERSION"
}
redis_ok() {
  [[ -x "$REDIS/bin/redis-server" ]] \
    && "$REDIS/bin/redis-server" --version | grep "v=$REDIS_VERSION" >/dev/null
}

if ! kwok_ok; then
  go_install_pinned kwok "$KWOK_MODULE/cmd/kwok" "$KWOK_MODULE" "$KWOK_VERSION"
  dir="$(cd "$ROOT/tools/kube-apiserver" && go mod download -json "$KWOK_MODULE@$KWOK_VERSION" \
    | "$ROOT/.venv/bin/python" -c 'import json,sys; print(json.load(sys.stdin)["Dir"])')"
  mkdir -p "$(dirname "$STAGES")"
  "$BIN/kustomize" build "$dir/kustomize/stage/fast" >"$STAGES.tmp"
  mv "$STAGES.tmp" "$STAGES"
  kwok_ok || { echo "46_kwok_redis: kwok is not $KWOK_MODULE $KWOK_VERSION" >&2; exit 1; }
fi

if ! redis_ok; then
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  chmod a+rwx "$work"  # apt downloads as its own user
  (cd "$work" && apt-get download -qq redis-tools libjemalloc2 liblzf1 >/dev/null)
  rm -rf "$REDIS" && mkdir -p "$REDIS/root"
  for deb in "$work"/*.deb; do dpkg-deb -x "$deb" "$REDIS/root"; done
  mkdir -p "$REDIS/bin"
  # A wrapper, so the unpacked libraries are found without installing them.
  cat >"$REDIS/bin/redis-server" <<WRAP
#!/usr/bin/env bash
export LD_LIBRARY_PATH="$REDIS/root/usr/lib/x86_64-linux-gnu\${LD_LIBRARY_PATH:+:\$LD_LIBRARY_PATH}"
exec -a redis-server "$REDIS/root/usr/bin/redis-check-rdb" "\$@"
WRAP
  chmod +x "$REDIS/bin/redis-server"
  redis_ok || { echo "46_kwok_redis: redis-server is not $REDIS_VERSION*" >&2; exit 1; }
fi
