"""jobs/database_bootstrap.py against a real PostgreSQL 15 (tests/servers/postgres.py).

The Job runs as a subprocess with the environment its container gets; every effect is checked
with real queries, as the admin and as the new least-privilege role itself.
The run helpers at the top are shared with test_bucket_bootstrap.py.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import psycopg2
import pytest
from psycopg2 import errors

from tests.servers.postgres import (
    PostgresServer,
    postgres_server,  # noqa: F401
    running_postgres,
)
from tests.servers.processes import free_port

ROOT = Path(__file__).resolve().parents[2]
JOB = "database_bootstrap"

# ---------------------------------------------------------------- job runner (shared helpers)


@dataclass(frozen=True)
class JobResult:
    returncode: int
    stdout: str
    stderr: str
    seconds: float

    def assert_one_line_error(self, *fragments: str) -> None:
        assert self.returncode != 0, f"expected a failure, got success:\n{self.stdout}"
        lines = self.stderr.strip().splitlines()
        assert len(lines) == 1, f"expected a one-line reason on stderr, got:\n{self.stderr}"
        for fragment in fragments:
            assert fragment in lines[0], f"{fragment!r} not in {lines[0]!r}"

    def assert_no_secret(self, *secrets: str) -> None:
        for secret in secrets:
            assert secret not in self.stdout + self.stderr, "a secret value was printed"


def job_env(extra: Mapping[str, str]) -> dict[str, str]:
    """Only what a container would have: no PG*/AWS_*/GOOGLE_* leaking from the test runner."""
    base = {k: os.environ[k] for k in ("PATH", "LANG", "LC_ALL", "TMPDIR") if k in os.environ}
    return {**base, "PYTHONUNBUFFERED": "1", **extra}


def start_job(name: str, env: Mapping[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(ROOT / "jobs" / f"{name}.py")],  # as the container runs it
        cwd=ROOT,
        env=job_env(env),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


class StdoutReader:
    """Collects a running Job's stdout in a thread, so a test can wait for one line and later
    get the whole output (communicate() would miss what the reader had buffered)."""

    def __init__(self, proc: subprocess.Popen[str]) -> None:
        assert proc.stdout is not None
        self.lines: list[str] = []
        self._changed = threading.Condition()
        self._thread = threading.Thread(target=self._read, args=(proc.stdout,), daemon=True)
        self._thread.start()

    def _read(self, stream: IO[str]) -> None:
        for line in stream:
            with self._changed:
                self.lines.append(line)
                self._changed.notify_all()
        with self._changed:
            self.lines.append("")  # end-of-stream marker
            self._changed.notify_all()

    def wait_for(self, fragment: str, timeout: float) -> None:
        def seen() -> bool:
            return any(fragment in line for line in self.lines) or "" in self.lines

        with self._changed:
            self._changed.wait_for(seen, timeout)
            text = "".join(self.lines)
        assert fragment in text, f"no {fragment!r} from the Job within {timeout}s:\n{text}"

    def text(self, timeout: float) -> str:
        self._thread.join(timeout)
        return "".join(self.lines)


def finish(
    proc: subprocess.Popen[str], started: float, timeout: float, reader: StdoutReader | None = None
) -> JobResult:
    """Wait for the Job and collect its output (from `reader` if one is attached)."""
    try:
        if reader is None:
            out, err = proc.communicate(timeout=timeout)
        else:
            proc.wait(timeout=timeout)
            assert proc.stderr is not None
            err, out = proc.stderr.read(), reader.text(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        raise AssertionError(f"job still running after {timeout}s") from None
    return JobResult(proc.returncode, out, err, time.monotonic() - started)


def run_job(name: str, env: Mapping[str, str], timeout: float = 120) -> JobResult:
    started = time.monotonic()
    return finish(start_job(name, env), started, timeout)


@contextlib.contextmanager
def silent_port() -> Iterator[int]:
    """A loopback port that completes TCP handshakes (kernel backlog) but never answers."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        s.listen(64)
        yield int(s.getsockname()[1])


# ---------------------------------------------------------------- database helpers


@dataclass(frozen=True)
class Names:
    role: str
    password: str
    db: str
    auth_db: str


def fresh_names() -> Names:
    tag = uuid.uuid4().hex[:8]
    return Names(f"mlflow_{tag}", "Pw-" + uuid.uuid4().hex, f"mlflow_{tag}", f"mlflow_auth_{tag}")


def env_for(pg: PostgresServer, n: Names, **overrides: str) -> dict[str, str]:
    return {
        **pg.admin_env(),
        "MLFLOW_DB_USER": n.role,
        "MLFLOW_DB_PASSWORD": n.password,
        "MLFLOW_DB_NAME": n.db,
        "MLFLOW_AUTH_DB_NAME": n.auth_db,
        "DB_WAIT_TIMEOUT_SECONDS": "20",
        **overrides,
    }


def query(
    pg: PostgresServer, sql: str, params: tuple[Any, ...] = (), *, dbname: str = "postgres"
) -> list[tuple[Any, ...]]:
    with contextlib.closing(pg.connect(dbname=dbname)) as conn, conn.cursor() as cur:
        cur.execute(sql, params)
        return list(cur.fetchall())


def state(pg: PostgresServer, n: Names) -> dict[str, Any]:
    """Everything the Job may touch, as the admin sees it (password verifier included)."""
    role = query(
        pg,
        "SELECT oid, rolpassword, rolsuper, rolcreatedb, rolcreaterole, rolcanlogin,"
        " rolreplication, rolbypassrls FROM pg_authid WHERE rolname = %s",
        (n.role,),
    )
    dbs = query(
        pg,
        "SELECT datname, oid, pg_get_userbyid(datdba), datacl::text FROM pg_database"
        " WHERE datname IN (%s, %s) ORDER BY datname",
        (n.db, n.auth_db),
    )
    schemas = {
        db: query(
            pg,
            "SELECT nspowner::regrole::text, nspacl::text FROM pg_namespace"
            " WHERE nspname = 'public'",
            dbname=db,
        )
        for db, *_ in dbs
    }
    return {"role": role, "databases": dbs, "schemas": schemas}


def role_connect(
    pg: PostgresServer, n: Names, dbname: str, password: str | None = None
) -> psycopg2.extensions.connection:
    return pg.connect(user=n.role, password=password or n.password, dbname=dbname)


@pytest.fixture(scope="module")
def first_run(postgres_server: PostgresServer) -> tuple[Names, JobResult]:  # noqa: F811
    names = fresh_names()
    result = run_job(JOB, env_for(postgres_server, names))
    return names, result


# ---------------------------------------------------------------- run 1: creates


@pytest.mark.servers
def test_first_run_creates_and_logs_each_action(
    first_run: tuple[Names, JobResult],
    postgres_server: PostgresServer,  # noqa: F811
) -> None:
    n, result = first_run
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert f"role {n.role}: created" in out
    for db in (n.db, n.auth_db):
        assert f"database {db}: created, owner {n.role}" in out
        assert f"database {db}: CONNECT revoked from PUBLIC" in out
    result.assert_no_secret(n.password, postgres_server.password)


@pytest.mark.servers
def test_role_is_least_privilege_login_role(
    first_run: tuple[Names, JobResult],
    postgres_server: PostgresServer,  # noqa: F811
) -> None:
    n, _ = first_run
    [(login, superuser, createdb, createrole, replication, bypassrls)] = query(
        postgres_server,
        "SELECT rolcanlogin, rolsuper, rolcreatedb, rolcreaterole, rolreplication, rolbypassrls"
        " FROM pg_roles WHERE rolname = %s",
        (n.role,),
    )
    assert login
    assert not (superuser or createdb or createrole or replication or bypassrls)
    # The server stored a SCRAM verifier, not the password.
    [(stored,)] = query(
        postgres_server, "SELECT rolpassword FROM pg_authid WHERE rolname = %s", (n.role,)
    )
    assert stored.startswith("SCRAM-SHA-256$") and n.password not in stored
    with contextlib.closing(role_connect(postgres_server, n, n.db)) as conn, conn.cursor() as cur:
        with pytest.raises(errors.InsufficientPrivilege):
            cur.execute('CREATE DATABASE "should_not_exist"')
        with pytest.raises(errors.InsufficientPrivilege):
            cur.execute('CREATE ROLE "should_not_exist"')


@pytest.mark.servers
def test_role_owns_both_databases_and_creates_tables_in_public(
    first_run: tuple[Names, JobResult],
    postgres_server: PostgresServer,  # noqa: F811
) -> None:
    n, _ = first_run
    owners = dict(
        query(
            postgres_server,
            "SELECT datname, pg_get_userbyid(datdba) FROM pg_database WHERE datname IN (%s, %s)",
            (n.db, n.auth_db),
        )
    )
    assert owners == {n.db: n.role, n.auth_db: n.role}
    for db in (n.db, n.auth_db):
        with contextlib.closing(role_connect(postgres_server, n, db)) as conn, conn.cursor() as cur:
            cur.execute("CREATE TABLE public.alembic_probe (id int primary key)")
            cur.execute("INSERT INTO alembic_probe VALUES (1)")
            cur.execute(
                "SELECT current_user, tableowner FROM pg_tables WHERE tablename = 'alembic_probe'"
            )
            assert cur.fetchone() == (n.role, n.role)


@pytest.mark.servers
def test_public_cannot_connect(
    first_run: tuple[Names, JobResult],
    postgres_server: PostgresServer,  # noqa: F811
) -> None:
    n, _ = first_run
    other = fresh_names()
    with contextlib.closing(postgres_server.connect()) as conn, conn.cursor() as cur:
        cur.execute(f'CREATE ROLE "{other.role}" LOGIN PASSWORD %s', (other.password,))
    for db in (n.db, n.auth_db):
        with pytest.raises(psycopg2.OperationalError, match="permission denied for database"):
            postgres_server.connect(user=other.role, password=other.password, dbname=db)
    # The maintenance database still admits it: the refusal is the Job's REVOKE, not pg_hba.
    postgres_server.connect(user=other.role, password=other.password).close()


# ---------------------------------------------------------------- run 2 and 3: idempotent


@pytest.mark.servers
def test_second_run_finds_everything_and_changes_nothing(
    first_run: tuple[Names, JobResult],
    postgres_server: PostgresServer,  # noqa: F811
) -> None:
    n, first = first_run
    assert first.returncode == 0, first.stderr
    before = state(postgres_server, n)
    second = run_job(JOB, env_for(postgres_server, n))
    assert second.returncode == 0, second.stderr
    assert f"role {n.role}: exists, password and attributes left unchanged" in second.stdout
    for db in (n.db, n.auth_db):
        assert f"database {db}: exists, owner {n.role}" in second.stdout
        assert f"database {db}: PUBLIC has no CONNECT (unchanged)" in second.stdout
    assert "created" not in second.stdout and "revoked" not in second.stdout
    assert state(postgres_server, n) == before
    role_connect(postgres_server, n, n.db).close()


@pytest.mark.servers
def test_rerun_with_another_password_never_rotates_it(
    first_run: tuple[Names, JobResult],
    postgres_server: PostgresServer,  # noqa: F811
) -> None:
    n, _ = first_run
    before = state(postgres_server, n)
    new_password = "Rotated-" + uuid.uuid4().hex
    third = run_job(JOB, env_for(postgres_server, n, MLFLOW_DB_PASSWORD=new_password))
    assert third.returncode == 0, third.stderr
    third.assert_no_secret(new_password, n.password)
    assert state(postgres_server, n) == before
    role_connect(postgres_server, n, n.auth_db).close()
    with pytest.raises(psycopg2.OperationalError, match="password authentication failed"):
        role_connect(postgres_server, n, n.auth_db, password=new_password)


@pytest.mark.servers
def test_wrong_admin_password_fails_fast_and_changes_nothing(
    postgres_server: PostgresServer,  # noqa: F811
) -> None:
    n = fresh_names()
    wrong = "Wrong-" + uuid.uuid4().hex
    result = run_job(
        JOB, env_for(postgres_server, n, PGPASSWORD=wrong, DB_WAIT_TIMEOUT_SECONDS="60")
    )
    result.assert_one_line_error("refused", postgres_server.superuser)
    result.assert_no_secret(wrong, n.password)
    assert result.seconds < 30, "an authentication failure must not be retried until timeout"
    assert state(postgres_server, n) == {"role": [], "databases": [], "schemas": {}}


@pytest.mark.servers
def test_database_of_another_owner_is_left_untouched(
    postgres_server: PostgresServer,  # noqa: F811
) -> None:
    n = fresh_names()
    with contextlib.closing(postgres_server.connect()) as conn, conn.cursor() as cur:
        # owned by the admin, as the original homelab setup did
        cur.execute(f'CREATE DATABASE "{n.db}"')
    before = query(
        postgres_server,
        "SELECT oid, pg_get_userbyid(datdba), datacl::text FROM pg_database WHERE datname = %s",
        (n.db,),
    )
    result = run_job(JOB, env_for(postgres_server, n))
    result.assert_one_line_error(n.db, "owned by another role")
    assert f"ALTER DATABASE {n.db} OWNER TO {n.role}" in result.stdout  # the operator's fix
    after = query(
        postgres_server,
        "SELECT oid, pg_get_userbyid(datdba), datacl::text FROM pg_database WHERE datname = %s",
        (n.db,),
    )
    assert after == before and after[0][1] == postgres_server.superuser
    # The other database is still set up: one conflict does not block the rest.
    [(owner,)] = query(
        postgres_server,
        "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = %s",
        (n.auth_db,),
    )
    assert owner == n.role


@pytest.mark.servers
def test_non_superuser_admin_as_on_managed_postgresql(
    postgres_server: PostgresServer,  # noqa: F811
) -> None:
    # Cloud SQL and similar give an admin with CREATEROLE CREATEDB, never SUPERUSER.
    admin = fresh_names()
    with contextlib.closing(postgres_server.connect()) as conn, conn.cursor() as cur:
        cur.execute(
            f'CREATE ROLE "{admin.role}" LOGIN CREATEROLE CREATEDB PASSWORD %s', (admin.password,)
        )
    n = fresh_names()
    env = env_for(postgres_server, n, PGUSER=admin.role, PGPASSWORD=admin.password)
    first = run_job(JOB, env)
    assert first.returncode == 0, first.stderr
    assert f"role {n.role}: granted to admin {admin.role}" in first.stdout
    second = run_job(JOB, env)
    assert second.returncode == 0, second.stderr
    assert "granted" not in second.stdout and "created" not in second.stdout
    for db in (n.db, n.auth_db):
        with contextlib.closing(role_connect(postgres_server, n, db)) as conn, conn.cursor() as cur:
            cur.execute("CREATE TABLE probe (id int)")
            cur.execute("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = %s", (db,))
            assert cur.fetchone() == (n.role,)


@pytest.mark.servers
def test_missing_setting_fails_with_one_line_when_run_as_a_script(
    postgres_server: PostgresServer,  # noqa: F811
) -> None:
    # The container runs `python /scripts/database_bootstrap.py`: no package context.
    env = env_for(postgres_server, fresh_names())
    del env["MLFLOW_DB_PASSWORD"]
    proc = subprocess.run(
        [sys.executable, str(ROOT / "jobs" / f"{JOB}.py")],
        cwd="/",
        env=job_env(env),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    result = JobResult(proc.returncode, proc.stdout, proc.stderr, 0)
    result.assert_one_line_error("MLFLOW_DB_PASSWORD")


# ---------------------------------------------------------------- waiting


@pytest.mark.servers
def test_server_started_late_is_waited_for() -> None:
    port = free_port()
    n = fresh_names()
    placeholder = PostgresServer("127.0.0.1", port, "pgadmin", "unknown-yet", Path("/"))
    started = time.monotonic()
    # The admin password is only known once the server exists: hand it over through a
    # server we start with a password chosen here instead.
    password = "Admin-" + uuid.uuid4().hex
    env = {**env_for(placeholder, n), "PGPASSWORD": password, "DB_WAIT_TIMEOUT_SECONDS": "90"}
    proc = start_job(JOB, env)
    try:
        reader = StdoutReader(proc)
        reader.wait_for("waiting for PostgreSQL", timeout=60)
        time.sleep(2)
        assert proc.poll() is None, "the Job gave up before the server started"
        with running_postgres(port, password=password) as pg:
            result = finish(proc, started, timeout=120, reader=reader)
            assert result.returncode == 0, result.stderr
            assert "waiting for PostgreSQL" in result.stdout
            assert f"role {n.role}: created" in result.stdout
            role_connect(pg, n, n.db).close()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()


@pytest.mark.servers
@pytest.mark.parametrize("kind", ["refused", "silent"])
def test_server_that_never_answers_fails_within_the_bound(kind: str) -> None:
    n = fresh_names()
    with contextlib.ExitStack() as stack:
        # silent: TCP handshakes complete, nothing answers; refused: nothing listens.
        port = stack.enter_context(silent_port()) if kind == "silent" else free_port()
        pg = PostgresServer("127.0.0.1", port, "pgadmin", "Admin-pw", Path("/"))
        env = env_for(pg, n, DB_WAIT_TIMEOUT_SECONDS="6", DB_CONNECT_TIMEOUT_SECONDS="2")
        result = run_job(JOB, env, timeout=60)
    result.assert_one_line_error("unreachable after", f"127.0.0.1:{port}")
    # Bound: the wait plus one connect timeout, plus interpreter start-up on a loaded machine.
    assert 5 <= result.seconds < 30, result.seconds
    assert "waiting for PostgreSQL" in result.stdout
