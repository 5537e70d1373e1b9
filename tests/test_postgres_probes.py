"""The in-namespace PostgreSQL StatefulSets' probes, run as the kubelet would (an exec in the
container: its command with the container's environment) against a real PostgreSQL.

Liveness stays cheap (the server accepts connections); readiness checks more: the app's login
runs a query on the app's database (issue 13, item 3). The rendered commands name the pod's
port 5432 and the files of its mounted Secret; the test server listens on a free port and the
Secret's files sit in a temporary folder: those are the substitutions made.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest

from tests.runtime.harness import secret_mounts
from tests.servers.postgres import PostgresServer, bin_dir, running_postgres

PASSWORD = "probe-password-1"  # a test server's throw-away password
OVERLAYS = ["gke-gcs", "bitnami-legacy"]


@pytest.fixture(scope="module")
def server() -> Iterator[PostgresServer]:
    with running_postgres() as pg:
        yield pg


def container(objects: Mapping[str, Any], overlay: str) -> Mapping[str, Any]:
    statefulset = objects[f"{overlay}/statefulset-mlflow-postgresql.yaml"]
    [main] = statefulset["spec"]["template"]["spec"]["containers"]
    return main


def mounted_secrets(
    objects: Mapping[str, Any], overlay: str
) -> dict[str, dict[str, tuple[str, str]]]:
    statefulset = objects[f"{overlay}/statefulset-mlflow-postgresql.yaml"]
    return secret_mounts(statefulset["spec"]["template"]["spec"], container(objects, overlay))


def probe(
    main: Mapping[str, Any],
    kind: str,
    server: PostgresServer,
    secrets: Mapping[str, Mapping[str, tuple[str, str]]],
) -> int:
    """Exit status of the probe's command with the container's environment (a TCP probe: 0
    when the port accepts a connection). Every file of a mounted Secret holds the test
    password, in a temporary folder that stands for its mount."""
    if "tcpSocket" in main[kind]:
        assert main[kind]["tcpSocket"]["port"] == 5432
        with (
            contextlib.suppress(OSError),
            socket.create_connection((server.host, server.port), timeout=3),
        ):
            return 0
        return 1
    with tempfile.TemporaryDirectory() as folder:
        local: dict[str, str] = {}
        for mount, files in secrets.items():
            target = Path(folder) / mount.strip("/").replace("/", "_")
            target.mkdir()
            for name in files:
                (target / name).write_text(PASSWORD)
            local[mount] = str(target)
        command = []
        for rendered in main[kind]["exec"]["command"]:
            part = rendered.replace("127.0.0.1", server.host).replace("5432", str(server.port))
            for mount, target in local.items():
                part = part.replace(f"{mount}/", f"{target}/")
            command.append(part)
        env = {"PATH": f"{bin_dir()}:/usr/bin:/bin", "HOME": "/tmp"}
        for var in main["env"]:
            # Every Secret-backed variable gets the test password; the rest as rendered.
            env[var["name"]] = var.get("value", PASSWORD)
        result = subprocess.run(
            command, env=env, capture_output=True, text=True, timeout=30, check=False
        )
    return result.returncode


def user_and_database(main: Mapping[str, Any]) -> tuple[str, str]:
    env = {v["name"]: v.get("value") for v in main["env"]}
    user = env.get("POSTGRES_USER") or env["POSTGRESQL_USERNAME"]
    database = env.get("POSTGRES_DB") or env["POSTGRESQL_DATABASE"]
    assert user and database
    return user, database


def _reset(server: PostgresServer, user: str, database: str) -> None:
    conn = server.connect()  # autocommit: DROP DATABASE refuses a transaction
    try:
        with conn.cursor() as cur:
            cur.execute(f'DROP DATABASE IF EXISTS "{database}"')
            cur.execute(f'DROP ROLE IF EXISTS "{user}"')
    finally:
        conn.close()


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_ready_only_when_the_app_login_can_query_its_database(
    objects: Mapping[str, Any], overlay: str, server: PostgresServer
) -> None:
    main = container(objects, overlay)
    secrets = mounted_secrets(objects, overlay)
    user, database = user_and_database(main)
    assert main["livenessProbe"] != main["readinessProbe"]
    _reset(server, user, database)
    conn = server.connect()
    cur = conn.cursor()
    try:
        # The server answers but the app's role and database do not exist yet (first start,
        # an init script that failed): alive, not ready.
        assert probe(main, "livenessProbe", server, secrets) == 0
        assert probe(main, "readinessProbe", server, secrets) != 0
        cur.execute(f"CREATE ROLE \"{user}\" LOGIN PASSWORD '{PASSWORD}'")
        # The role exists but its database does not: still not ready.
        assert probe(main, "readinessProbe", server, secrets) != 0
        cur.execute(f'CREATE DATABASE "{database}" OWNER "{user}"')
        assert probe(main, "readinessProbe", server, secrets) == 0
        # The Secret's password no longer matches the role's: not ready, still alive.
        cur.execute(f"ALTER ROLE \"{user}\" PASSWORD 'another-password-2'")
        assert probe(main, "readinessProbe", server, secrets) != 0
        assert probe(main, "livenessProbe", server, secrets) == 0
    finally:
        cur.close()
        conn.close()
        _reset(server, user, database)


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_neither_probe_passes_when_nothing_listens(
    objects: Mapping[str, Any], overlay: str
) -> None:
    main = container(objects, overlay)
    secrets = mounted_secrets(objects, overlay)
    with running_postgres() as pg:
        stopped = pg
    assert not os.path.exists(stopped.data_dir)
    assert probe(main, "livenessProbe", stopped, secrets) != 0
    assert probe(main, "readinessProbe", stopped, secrets) != 0
