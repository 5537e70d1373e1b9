"""A real PostgreSQL server for tests: Debian's binaries, a throw-away cluster, a loopback port.

Two ways in:
- `running_postgres()`: a context manager (pick the port yourself to start a server late);
- `postgres_server`: a session-scoped pytest fixture sharing one server across the session.

The superuser authenticates with scram-sha-256 over TCP (pg_hba has no `trust` line), so tests
see the same password checks as a real deployment. As root, the server runs as the `postgres`
user (PostgreSQL refuses to run as root). Binaries: tools/install/41_postgres.sh.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import secrets
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg2
import pytest

from tests.servers.processes import free_port

INSTALL_SCRIPT = "tools/install/41_postgres.sh"
PG_MAJOR = "15"
RUN_AS = "postgres"


@dataclass(frozen=True)
class PostgresServer:
    host: str
    port: int
    superuser: str
    password: str
    data_dir: Path

    def dsn(
        self, *, user: str | None = None, password: str | None = None, dbname: str = "postgres"
    ) -> str:
        """A libpq key/value DSN; quote-free values only (tests pick simple names)."""
        return (
            f"host={self.host} port={self.port} dbname={dbname} "
            f"user={user or self.superuser} password={password or self.password} "
            "connect_timeout=5"
        )

    def connect(
        self, *, user: str | None = None, password: str | None = None, dbname: str = "postgres"
    ) -> psycopg2.extensions.connection:
        conn = psycopg2.connect(
            host=self.host,
            port=self.port,
            dbname=dbname,
            connect_timeout=5,
            user=user or self.superuser,
            password=password or self.password,
        )
        conn.autocommit = True
        return conn

    def admin_env(self) -> dict[str, str]:
        """libpq environment variables for the superuser (what a Job's Secret would hold)."""
        return {
            "PGHOST": self.host,
            "PGPORT": str(self.port),
            "PGUSER": self.superuser,
            "PGPASSWORD": self.password,
            "PGDATABASE": "postgres",
        }


def bin_dir() -> Path:
    path = Path(f"/usr/lib/postgresql/{PG_MAJOR}/bin")
    if not (path / "initdb").is_file() or not (path / "pg_ctl").is_file():
        pytest.fail(f"PostgreSQL {PG_MAJOR} binaries missing in {path}: run {INSTALL_SCRIPT}")
    return path


def _as_server_user() -> dict[str, object]:
    """subprocess kwargs that drop root to the `postgres` user; empty when not root."""
    if os.geteuid() != 0:
        return {}
    try:
        pw = pwd.getpwnam(RUN_AS)
    except KeyError:
        pytest.fail(f"user {RUN_AS!r} missing (created by Debian's package): run {INSTALL_SCRIPT}")
    return {"user": pw.pw_uid, "group": pw.pw_gid, "extra_groups": []}


def _chown_tree(path: Path) -> None:
    if os.geteuid() != 0:
        return
    pw = pwd.getpwnam(RUN_AS)
    for p in [path, *path.rglob("*")]:
        os.chown(p, pw.pw_uid, pw.pw_gid)


@contextlib.contextmanager
def running_postgres(
    port: int | None = None,
    *,
    host: str = "127.0.0.1",
    superuser: str = "pgadmin",
    password: str | None = None,
    stop_timeout: float = 30.0,
) -> Iterator[PostgresServer]:
    """Start a fresh cluster on `host`:`port` (free one if None); stop and delete it after.

    `host` may be any loopback address (the runtime tier gives each stand-in its own, so that
    it listens on the port the manifests name).

    Choose `port` and `password` to start a server late, after a client already waits for it.
    """
    bindir = bin_dir()
    port = port or free_port()
    password = password or secrets.token_urlsafe(18)
    top = Path(tempfile.mkdtemp(prefix="pg-test-"))
    data = top / "data"
    pwfile = top / "pw"
    pwfile.write_text(password + "\n")
    pwfile.chmod(0o600)
    _chown_tree(top)
    drop = _as_server_user()
    env = {**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}
    log = top / "server.log"
    started = False
    try:
        subprocess.run(
            [
                str(bindir / "initdb"),
                "-D",
                str(data),
                "-U",
                superuser,
                f"--pwfile={pwfile}",
                "--auth-local=scram-sha-256",
                "--auth-host=scram-sha-256",
                "-E",
                "UTF8",
                "--no-sync",
            ],
            check=True,
            capture_output=True,
            env=env,
            cwd=top,
            **drop,  # type: ignore[call-overload]
        )
        pwfile.unlink()
        options = (
            f"-c listen_addresses={host} -c port={port} -c unix_socket_directories={top} "
            "-c fsync=off -c full_page_writes=off -c synchronous_commit=off"
        )
        subprocess.run(
            [
                str(bindir / "pg_ctl"),
                "-D",
                str(data),
                "-l",
                str(log),
                "-o",
                options,
                "-w",
                "-t",
                "60",
                "start",
            ],
            check=True,
            capture_output=True,
            env=env,
            cwd=top,
            **drop,  # type: ignore[call-overload]
        )
        started = True
        yield PostgresServer(host, port, superuser, password, data)
    except subprocess.CalledProcessError as exc:
        tail = log.read_text()[-2000:] if log.exists() else ""
        pytest.fail(f"PostgreSQL failed to start: {exc.stderr!r}\n{tail}")
    finally:
        if started:
            _stop(bindir, data, env, drop, stop_timeout)
        shutil.rmtree(top, ignore_errors=True)


def _stop(
    bindir: Path, data: Path, env: dict[str, str], drop: dict[str, object], timeout: float
) -> None:
    pid_file = data / "postmaster.pid"
    pid = int(pid_file.read_text().split()[0]) if pid_file.exists() else None
    with contextlib.suppress(subprocess.SubprocessError):
        subprocess.run(
            [
                str(bindir / "pg_ctl"),
                "-D",
                str(data),
                "-m",
                "fast",
                "-w",
                "-t",
                str(int(timeout)),
                "stop",
            ],
            check=False,
            capture_output=True,
            env=env,
            timeout=timeout + 5,
            **drop,  # type: ignore[call-overload]
        )
    if pid is None:
        return
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.1)
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """One PostgreSQL for the session; tests isolate themselves by role and database names."""
    with running_postgres() as server:
        yield server
