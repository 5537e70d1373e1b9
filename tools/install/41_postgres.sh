#!/usr/bin/env bash
# PostgreSQL server binaries for the real-server tests (tests/servers/postgres.py), from Debian's
# own packages: the major version is the one the Debian release ships (bookworm: 15), so the
# pin is the major version and apt's security updates stay in effect. The tests run initdb /
# pg_ctl from /usr/lib/postgresql/<major>/bin as the unprivileged `postgres` user the package
# creates; no cluster is created or started here.
# Idempotent: a no-op when initdb of the pinned major version is present.
set -euo pipefail

PG_MAJOR="15"
BIN="/usr/lib/postgresql/$PG_MAJOR/bin"

installed() {
  [[ -x "$BIN/initdb" ]] && [[ -x "$BIN/pg_ctl" ]] \
    && [[ "$("$BIN/initdb" --version)" == "initdb (PostgreSQL) $PG_MAJOR."* ]] \
    && id -u postgres >/dev/null 2>&1
}

if installed; then exit 0; fi

if [[ "$(id -u)" != "0" ]]; then
  echo "41_postgres: postgresql-$PG_MAJOR is missing; run as root (apt-get install)" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
# postgresql-common's policy would create and start a default cluster: tests need neither.
mkdir -p /etc/postgresql-common/createcluster.d
echo "create_main_cluster = false" >/etc/postgresql-common/createcluster.d/50-no-main-cluster.conf
apt-get install -y -qq --no-install-recommends "postgresql-$PG_MAJOR" >/dev/null
installed || { echo "41_postgres: postgresql-$PG_MAJOR did not install initdb/pg_ctl" >&2; exit 1; }
