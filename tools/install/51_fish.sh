#!/usr/bin/env bash
# fish shell for tests/test_code_server_scripts.py (scripts/code-server/mlflow-auth.fish), from
# Debian's own package. The pin is the upstream version bookworm ships (3.6.0); the Debian
# revision is left to apt so security updates stay in effect.
# Idempotent: a no-op when fish of the pinned version is on PATH.
set -euo pipefail

FISH_VERSION="3.6.0"

installed() {
  command -v fish >/dev/null 2>&1 && [[ "$(fish --version)" == "fish, version $FISH_VERSION"* ]]
}

if installed; then exit 0; fi

if [[ "$(id -u)" != "0" ]]; then
  echo "51_fish: fish $FISH_VERSION is missing; run as root (apt-get install fish)" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
candidate="$(apt-cache policy fish | awk '/Candidate:/ {print $2}')"
if [[ "$candidate" != "$FISH_VERSION"-* ]]; then
  echo "51_fish: apt offers fish '$candidate', pinned $FISH_VERSION" >&2
  exit 1
fi
apt-get install -y -qq --no-install-recommends "fish=$candidate" >/dev/null
installed || { echo "51_fish: fish $FISH_VERSION did not install" >&2; exit 1; }
