"""Bootstrap Job: MLflow's PostgreSQL role and databases, idempotently.

Connects as an admin (libpq variables PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE, PGSSLMODE)
and ensures:
- a LOGIN role MLFLOW_DB_USER (password MLFLOW_DB_PASSWORD) that is NOSUPERUSER NOCREATEDB
  NOCREATEROLE: MLflow needs to own its tables, nothing more;
- databases MLFLOW_DB_NAME and MLFLOW_AUTH_DB_NAME owned by that role, CONNECT revoked from
  PUBLIC, and the owner able to CREATE in schema `public` (PostgreSQL 15 stopped granting it to
  everyone; older clusters may have a `public` schema owned by the admin).

Never drops anything, never changes the password of an existing role (rotation is an operator
act), never alters an existing role's attributes. A database that exists with another owner is
left untouched and the Job fails: handing it over would not hand over the tables inside (MLflow
migrations would then fail on ALTER TABLE), and the name may belong to another application. The
error names the operator's fix.

With a non-superuser admin (managed PostgreSQL: CREATEROLE CREATEDB), the role is granted to the
admin once, as PostgreSQL requires to assign ownership to it.
The new role's password is sent as a SCRAM-SHA-256 verifier computed here (ASCII passwords), so
the clear text never reaches the server's logs.

Optional: DB_WAIT_TIMEOUT_SECONDS (default 300) bounds the wait for the server,
DB_CONNECT_TIMEOUT_SECONDS (default 5) each attempt. A refused admin login fails at once.
Run as `python /scripts/database_bootstrap.py`, next to jobkit.py (as its ConfigMap ships them).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import psycopg2
from psycopg2 import sql
from psycopg2.extensions import connection as Connection

import jobkit
from jobkit import JobError, NotReady

SCRAM_ITERATIONS = 4096  # PostgreSQL's default scram_iterations
log = jobkit.Log("database_bootstrap")


@dataclass(frozen=True)
class Settings:
    host: str
    port: int
    admin_user: str
    admin_password: str
    maintenance_db: str
    sslmode: str | None
    role: str
    role_password: str
    databases: tuple[str, ...]
    wait_timeout: float
    connect_timeout: int


def load_config(environ: Mapping[str, str], files: Mapping[str, str]) -> Settings:
    """The Job's settings from its environment (it reads no file)."""
    env = jobkit.Env.of(environ)
    databases = (env.require("MLFLOW_DB_NAME"), env.require("MLFLOW_AUTH_DB_NAME"))
    if databases[0] == databases[1]:
        raise JobError("MLFLOW_DB_NAME and MLFLOW_AUTH_DB_NAME must differ")
    return Settings(
        host=env.require("PGHOST"),
        port=env.integer("PGPORT", 5432, low=1),
        admin_user=env.require("PGUSER"),
        admin_password=env.require("PGPASSWORD"),
        maintenance_db=env.optional("PGDATABASE", "postgres"),
        sslmode=env.optional("PGSSLMODE") or None,
        role=env.require("MLFLOW_DB_USER"),
        role_password=env.require("MLFLOW_DB_PASSWORD"),
        databases=databases,
        wait_timeout=env.number("DB_WAIT_TIMEOUT_SECONDS", 300, low=0),
        connect_timeout=env.integer("DB_CONNECT_TIMEOUT_SECONDS", 5, low=1),
    )


def _is_auth_failure(exc: psycopg2.OperationalError) -> bool:
    # libpq reports connection failures as text only (no SQLSTATE): match the server's words.
    text = str(exc)
    return "authentication failed" in text or "no pg_hba.conf entry" in text


def connect(s: Settings, dbname: str) -> Connection:
    kwargs: dict[str, Any] = {
        "host": s.host,
        "port": s.port,
        "user": s.admin_user,
        "password": s.admin_password,
        "dbname": dbname,
        "connect_timeout": s.connect_timeout,
        "application_name": "mlflow-database-bootstrap",
    }
    if s.sslmode:
        kwargs["sslmode"] = s.sslmode
    conn: Connection = psycopg2.connect(**kwargs)
    conn.autocommit = True  # CREATE DATABASE cannot run inside a transaction
    return conn


def wait_for_server(s: Settings) -> Connection:
    """Connect with backoff until wait_timeout; a refused password fails at once."""

    def attempt() -> Connection:
        try:
            return connect(s, s.maintenance_db)
        except psycopg2.OperationalError as exc:
            if _is_auth_failure(exc):
                raise JobError(
                    f"admin login as {s.admin_user!r} refused by {s.host}:{s.port} "
                    "(check PGUSER/PGPASSWORD)"
                ) from None
            raise NotReady(jobkit.first_line(exc, "no answer")) from None

    conn = jobkit.wait_for(
        f"PostgreSQL at {s.host}:{s.port}", attempt, timeout=s.wait_timeout, log=log
    )
    log(f"connected to {s.host}:{s.port} as {s.admin_user}")
    return conn


def scram_verifier(password: str) -> str:
    """SCRAM-SHA-256 verifier as PostgreSQL stores it: the clear password never reaches the
    server, so it cannot end up in its logs or pg_stat_activity."""
    salt = secrets.token_bytes(16)
    salted = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, SCRAM_ITERATIONS)
    client_key = hmac.new(salted, b"Client Key", "sha256").digest()
    stored_key = hashlib.sha256(client_key).digest()
    server_key = hmac.new(salted, b"Server Key", "sha256").digest()
    b64 = base64.b64encode
    return (
        f"SCRAM-SHA-256${SCRAM_ITERATIONS}:{b64(salt).decode()}"
        f"${b64(stored_key).decode()}:{b64(server_key).decode()}"
    )


def ensure_role(conn: Connection, s: Settings) -> None:
    with conn.cursor() as cur:
        cur.execute(
            "SELECT rolcanlogin, rolsuper, rolcreatedb, rolcreaterole FROM pg_roles "
            "WHERE rolname = %s",
            (s.role,),
        )
        row = cur.fetchone()
        if row is None:
            # PostgreSQL SASLprep-normalises non-ASCII passwords; hashing those here could
            # disagree with the server, so only ASCII passwords are pre-hashed.
            secret = (
                scram_verifier(s.role_password) if s.role_password.isascii() else (s.role_password)
            )
            cur.execute(
                sql.SQL(
                    "CREATE ROLE {} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE "
                    "NOREPLICATION NOBYPASSRLS PASSWORD %s"
                ).format(sql.Identifier(s.role)),
                (secret,),
            )
            log(f"role {s.role}: created (LOGIN, no superuser/createdb/createrole)")
            return
        can_login, is_super, create_db, create_role = row
        log(f"role {s.role}: exists, password and attributes left unchanged")
        extra = [
            n
            for n, on in (
                ("SUPERUSER", is_super),
                ("CREATEDB", create_db),
                ("CREATEROLE", create_role),
            )
            if on
        ]
        if extra:
            log(
                f"WARNING role {s.role}: has {', '.join(extra)}; not least privilege "
                f"(an operator may run ALTER ROLE ... NO{' NO'.join(extra)})"
            )
        if not can_login:
            raise JobError(
                f"role {s.role} exists without LOGIN; MLflow cannot connect "
                f"(operator fix: ALTER ROLE {s.role} LOGIN)"
            )


def ensure_admin_can_assign(conn: Connection, s: Settings) -> None:
    """A non-superuser admin (managed PostgreSQL) may only give objects to roles it belongs to."""
    with conn.cursor() as cur:
        cur.execute(
            "SELECT rolsuper, pg_has_role(current_user, %s, 'MEMBER') FROM pg_roles "
            "WHERE rolname = current_user",
            (s.role,),
        )
        row = cur.fetchone()
        assert row is not None
        if row[0] or row[1]:
            return
        cur.execute(sql.SQL("GRANT {} TO CURRENT_USER").format(sql.Identifier(s.role)))
        log(f"role {s.role}: granted to admin {s.admin_user} (needed to assign ownership)")


def ensure_database(conn: Connection, s: Settings, name: str) -> bool:
    """Create `name` owned by the role; False when it exists with another owner."""
    with conn.cursor() as cur:
        cur.execute("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = %s", (name,))
        row = cur.fetchone()
        if row is None:
            cur.execute(
                sql.SQL("CREATE DATABASE {} OWNER {}").format(
                    sql.Identifier(name), sql.Identifier(s.role)
                )
            )
            log(f"database {name}: created, owner {s.role}")
        elif row[0] != s.role:
            log(
                f"ERROR database {name}: exists, owned by {row[0]}, not {s.role}; left untouched "
                f"(operator fix: ALTER DATABASE {name} OWNER TO {s.role}, then REASSIGN OWNED "
                f"BY {row[0]} TO {s.role} inside it if its tables are MLflow's)"
            )
            return False
        else:
            log(f"database {name}: exists, owner {s.role}")
        cur.execute("SELECT has_database_privilege('public', %s, 'CONNECT')", (name,))
        public_connect = cur.fetchone()
        if public_connect is not None and public_connect[0]:
            cur.execute(
                sql.SQL("REVOKE CONNECT ON DATABASE {} FROM PUBLIC").format(sql.Identifier(name))
            )
            log(f"database {name}: CONNECT revoked from PUBLIC")
        else:
            log(f"database {name}: PUBLIC has no CONNECT (unchanged)")
    return True


def ensure_public_schema(s: Settings, name: str) -> None:
    conn = connect(s, name)
    try:
        with conn.cursor() as cur:
            cur.execute(
                "SELECT has_schema_privilege(%s, n.oid, 'USAGE'), "
                "has_schema_privilege(%s, n.oid, 'CREATE') "
                "FROM pg_namespace n WHERE n.nspname = 'public'",
                (s.role, s.role),
            )
            row = cur.fetchone()
            if row is None:
                cur.execute(
                    sql.SQL("CREATE SCHEMA public AUTHORIZATION {}").format(sql.Identifier(s.role))
                )
                log(f"database {name}: schema public created, owner {s.role}")
            elif row[0] and row[1]:
                log(f"database {name}: {s.role} can use and create in schema public (unchanged)")
            else:
                cur.execute(
                    sql.SQL("GRANT USAGE, CREATE ON SCHEMA public TO {}").format(
                        sql.Identifier(s.role)
                    )
                )
                log(f"database {name}: granted USAGE, CREATE on schema public to {s.role}")
    finally:
        conn.close()


def run(s: Settings) -> None:
    conn = wait_for_server(s)
    try:
        ensure_role(conn, s)
        ensure_admin_can_assign(conn, s)
        owned = [name for name in s.databases if ensure_database(conn, s, name)]
    finally:
        conn.close()
    for name in owned:
        ensure_public_schema(s, name)
    foreign = [name for name in s.databases if name not in owned]
    if foreign:
        raise JobError(
            f"database(s) {', '.join(foreign)} owned by another role; left untouched (see log)"
        )


def describe(exc: Exception) -> str | None:
    # SQL errors (e.g. missing privileges) name the statement's problem on their first line.
    if isinstance(exc, psycopg2.Error):
        return f"PostgreSQL: {jobkit.first_line(exc, type(exc).__name__)}"
    return None


def main() -> int:
    return jobkit.main(log, load_config, run, describe=describe, done="done")


if __name__ == "__main__":
    sys.exit(main())
