"""The RENDERED homelab MLflow container starts and is locked (issue 7, "Done when").

Reads dist/homelab (the Deployment, the database Job, the group-plugin ConfigMap), not the
constructs: what Argo CD applies is what runs here. Real PostgreSQL 15 gets the `mlflow` login
and the `mlflow` / `mlflow_auth` databases from the rendered database Job; then `mlflow server`
from .cache/mlflow-venv (the image's exact requirements) runs with the rendered command, args and
env. Only what cannot exist outside the cluster is changed, each change named below.

Measured on 2 cores: cold run (first import of MLflow) ~90 s, warm ~45 s; server start-up
dominates (the tracking store migrates before /health answers; the auth store does not gate it).
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import pytest
import requests
import yaml

from tests.servers.mlflow_server import VENV, MlflowServer, expand_k8s_vars, start_mlflow
from tests.servers.postgres import PostgresServer, running_postgres
from tests.servers.processes import free_port

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist" / "homelab"
ARTIFACTS_IN_POD = "/models/mlflow-artifacts"
PLUGIN_MOUNT = "/mlflow/plugins"
INGRESS_HOST = "mlflow.example.com"
EVIL_HOST = "evil.example.net"
SEARCH = "/api/2.0/mlflow/experiments/search?max_results=1"

pytestmark = pytest.mark.servers


# ---------------------------------------------------------------- rendered manifests


def load(name: str) -> dict[str, Any]:
    doc = yaml.safe_load((DIST / name).read_text())
    assert isinstance(doc, dict), name
    return doc


def only_container(doc: Mapping[str, Any]) -> dict[str, Any]:
    containers = doc["spec"]["template"]["spec"]["containers"]
    assert len(containers) == 1, f"{doc['metadata']['name']}: expected one container"
    container: dict[str, Any] = containers[0]
    return container


def rendered_value(manifest: str, name: str) -> str:
    """A plain env value of the manifest's container, as rendered."""
    values = [e.get("value") for e in only_container(load(manifest))["env"] if e["name"] == name]
    assert len(values) == 1 and isinstance(values[0], str), f"{manifest}: {name} = {values}"
    return values[0]


def resolve_env(
    env: list[dict[str, Any]],
    secrets_by_ref: Mapping[tuple[str, str], str],
    overrides: Mapping[str, str],
) -> dict[str, str]:
    """The container's env as the kubelet builds it: plain values as rendered ($(VAR) expanded
    in order), secretKeyRef
    from `secrets_by_ref` (a ref the test does not know fails: a new Secret must be looked at),
    `overrides` for cluster-only values. Any other valueFrom kind fails too."""
    out: dict[str, str] = {}
    for item in env:
        name = item["name"]
        if "value" in item:
            # The kubelet expands $(VAR) in env values from the variables defined above.
            out[name] = expand_k8s_vars(str(item["value"]), out)
        else:
            ref = item.get("valueFrom", {}).get("secretKeyRef")
            assert ref is not None, f"{name}: unsupported valueFrom {item.get('valueFrom')}"
            key = (ref["name"], ref["key"])
            assert key in secrets_by_ref, f"{name}: no test value for Secret {key}"
            out[name] = secrets_by_ref[key]
        if name in overrides:
            out[name] = overrides[name]
    unknown = set(overrides) - {item["name"] for item in env}
    assert not unknown, f"overrides for variables the manifest does not set: {unknown}"
    return out


def rehost(url: str, netloc: str) -> str:
    """`url` with its scheme://host:port replaced, path and query kept."""
    parts = urlsplit(url)
    return urlunsplit(("http", netloc, parts.path, parts.query, parts.fragment))


# ---------------------------------------------------------------- the running server


@dataclass(frozen=True)
class Homelab:
    pg: PostgresServer
    server: MlflowServer
    env: dict[str, str]
    db_password: str
    artifacts: Path
    job_stdout: str
    keycloak_netloc: str


def run_database_job(pg: PostgresServer, db_password: str) -> subprocess.CompletedProcess[str]:
    container = only_container(load("job-mlflow-db-setup.yaml"))
    assert container["command"] == ["python", "/scripts/database_bootstrap.py"]
    env = resolve_env(
        container["env"],
        {
            ("postgres-admin", "username"): pg.superuser,
            ("postgres-admin", "password"): pg.password,
            ("mlflow-db-secret", "DB_PASSWORD"): db_password,
        },
        # The cluster's Service name does not resolve here: the local server stands in for it.
        {"PGHOST": pg.host, "PGPORT": str(pg.port)},
    )
    base = {k: os.environ[k] for k in ("PATH", "LANG") if k in os.environ}
    # The ConfigMap mounts jobs/database_bootstrap.py at /scripts: run the file the same way.
    return subprocess.run(
        [sys.executable, str(ROOT / "jobs" / "database_bootstrap.py")],
        env={**base, **env, "DB_WAIT_TIMEOUT_SECONDS": "30"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def server_argv(container: Mapping[str, Any], artifacts: Path) -> list[str]:
    argv = [*container["command"], *container["args"]]
    flag = f"--artifacts-destination={ARTIFACTS_IN_POD}"
    assert flag in argv, f"rendered args lost {flag}: {argv}"
    # /models is a PVC in the pod; only that argument is rewritten.
    return [f"--artifacts-destination={artifacts}" if a == flag else a for a in argv]


def plugin_dir(top: Path) -> Path:
    """What the pod mounts at /mlflow/plugins: the rendered ConfigMap's files."""
    data = load("configmap-mlflow-group-plugin.yaml")["data"]
    path = top / "plugins"
    path.mkdir()
    for name, text in data.items():
        (path / name).write_text(text)
    return path


def server_env(
    container: Mapping[str, Any],
    pg: PostgresServer,
    db_password: str,
    plugins: Path,
    keycloak_netloc: str,
) -> dict[str, str]:
    rendered = {e["name"]: e for e in container["env"]}
    assert rendered["PYTHONPATH"].get("value") == PLUGIN_MOUNT
    discovery = rendered["OIDC_DISCOVERY_URL"]["value"]
    return resolve_env(
        container["env"],
        {
            ("mlflow-db-secret", "DB_PASSWORD"): db_password,
            ("mlflow-s3-secret", "AWS_ACCESS_KEY_ID"): "test-" + secrets.token_hex(4),
            ("mlflow-s3-secret", "AWS_SECRET_ACCESS_KEY"): secrets.token_urlsafe(24),
            ("oauth2-proxy-secret", "client-secret"): secrets.token_urlsafe(24),
            ("mlflow-secret-key", "SECRET_KEY"): secrets.token_hex(32),
        },
        {
            # Cluster DNS names do not resolve here: only the host part moves to the local
            # servers; the URIs built from them ($(DB_HOST) ...) stay exactly as rendered.
            "DB_HOST": pg.host,
            "DB_PORT": str(pg.port),
            # mlflow-oidc-auth fetches discovery lazily (first login), so no Keycloak runs:
            # a loopback port where nothing listens proves start-up never reaches it.
            "OIDC_DISCOVERY_URL": rehost(discovery, keycloak_netloc),
            "PYTHONPATH": str(plugins),
        },
    )


@contextlib.contextmanager
def homelab_server(
    env_patch: Mapping[str, str | None] | None = None, *, wait: bool = True
) -> Iterator[Homelab]:
    """PostgreSQL + the rendered db Job + the rendered MLflow container; `env_patch` edits the
    server env (None removes a variable) so a test can show an assertion fails without it."""
    top = Path(tempfile.mkdtemp(prefix="homelab-runtime-"))
    try:
        with running_postgres() as pg:
            db_password = "Db-" + secrets.token_urlsafe(18)
            job = run_database_job(pg, db_password)
            assert job.returncode == 0, f"database Job failed:\n{job.stdout}\n{job.stderr}"
            container = only_container(load("deployment-mlflow.yaml"))
            artifacts = top / "artifacts"
            keycloak_netloc = f"127.0.0.1:{free_port()}"
            env = server_env(container, pg, db_password, plugin_dir(top), keycloak_netloc)
            for name, value in (env_patch or {}).items():
                if value is None:
                    env.pop(name, None)
                else:
                    env[name] = value
            # Exactly the rendered environment: no job-runner switch added by the helper.
            with start_mlflow(
                server_argv(container, artifacts), env, wait=wait, quiet_jobs=False
            ) as server:
                yield Homelab(pg, server, env, db_password, artifacts, job.stdout, keycloak_netloc)
    finally:
        shutil.rmtree(top, ignore_errors=True)


@pytest.fixture(scope="module")
def homelab() -> Iterator[Homelab]:
    with homelab_server() as h:
        yield h


def get(h: Homelab, path: str, host: str, accept: str = "application/json") -> requests.Response:
    return requests.get(
        h.server.base_url + path,
        headers={"Host": host, "Accept": accept},
        allow_redirects=False,
        timeout=30,
    )


def as_mlflow_login(h: Homelab, dbname: str, sql: str) -> list[tuple[Any, ...]]:
    conn = h.pg.connect(user=h.env["DB_USER"], password=h.db_password, dbname=dbname)
    with contextlib.closing(conn), conn.cursor() as cur:
        cur.execute(sql)
        return list(cur.fetchall())


def tables(h: Homelab, dbname: str) -> set[str]:
    rows = as_mlflow_login(h, dbname, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
    return {str(r[0]) for r in rows}


# ---------------------------------------------------------------- tests


def test_database_job_created_login_and_both_databases(homelab: Homelab) -> None:
    out = homelab.job_stdout
    user = homelab.env["DB_USER"]
    assert f"role {user}: created" in out
    auth_db = urlsplit(homelab.env["OIDC_USERS_DB_URI"]).path.lstrip("/")
    for db in (homelab.env["DB_NAME"], auth_db):
        assert f"database {db}: created, owner {user}" in out
    assert homelab.db_password not in out
    assert homelab.pg.password not in out


def test_health_answers_200(homelab: Homelab) -> None:
    for host in (INGRESS_HOST, EVIL_HOST):
        # Probes hit the pod IP; /health must answer whatever the Host header says.
        assert get(homelab, "/health", host).status_code == 200
    # /health says ok even when the auth database is unreachable; /health/ready checks it.
    ready = get(homelab, "/health/ready", INGRESS_HOST)
    assert ready.status_code == 200, ready.text[:300]
    assert ready.json()["checks"] == {"oidc": True, "database": True}


def test_no_password_in_any_uri(homelab: Homelab) -> None:
    for name in ("MLFLOW_BACKEND_STORE_URI", "OIDC_USERS_DB_URI"):
        uri = urlsplit(homelab.env[name])
        assert uri.password is None, f"{name} carries a password"
        assert uri.username == homelab.env["DB_USER"]


def test_tracking_store_migrated_in_mlflow_database(homelab: Homelab) -> None:
    names = tables(homelab, homelab.env["DB_NAME"])
    assert {"experiments", "runs", "alembic_version"} <= names, names


def test_auth_store_migrated_in_mlflow_auth_database(homelab: Homelab) -> None:
    """OIDC_USERS_DB_URI (no password) + PGPASSWORD reach PostgreSQL as the `mlflow` login."""
    # The database the Job created, which the server's URI must name.
    auth_db = rendered_value("job-mlflow-db-setup.yaml", "MLFLOW_AUTH_DB_NAME")
    assert urlsplit(homelab.env["OIDC_USERS_DB_URI"]).path == f"/{auth_db}"
    assert auth_db != homelab.env["DB_NAME"]
    names = tables(homelab, auth_db)
    assert "users" in names, names
    assert "experiments" not in names, "auth DB holds tracking tables: URIs point at one DB"
    # Owned by the login (created by it at start-up), not by the admin.
    owners = as_mlflow_login(
        homelab,
        auth_db,
        "SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'",
    )
    assert owners == [(homelab.env["DB_USER"],)]


def test_unauthenticated_api_call_is_refused(homelab: Homelab) -> None:
    # mlflow-oidc-auth answers 401 JSON (no redirect) to API clients without a session/token.
    for path in (SEARCH, "/ajax-api/2.0/mlflow/experiments/search?max_results=1"):
        response = get(homelab, path, INGRESS_HOST)
        assert response.status_code == 401, (path, response.status_code, response.text[:300])
        assert response.json() == {"detail": "Authentication required"}


def test_browser_without_session_is_sent_to_login(homelab: Homelab) -> None:
    response = get(homelab, "/", INGRESS_HOST, accept="text/html")
    assert response.status_code == 302, (response.status_code, response.text[:300])
    assert response.headers["location"].startswith("/login"), response.headers["location"]


def test_unknown_host_is_refused(homelab: Homelab) -> None:
    # MLflow's host check runs inside its Flask app, i.e. only on requests the OIDC layer lets
    # through: unauthenticated Flask paths (static UI bundle, /metrics) answer 403 ...
    for path in ("/static-files/index.html", "/metrics"):
        response = get(homelab, path, EVIL_HOST)
        assert response.status_code == 403, (path, response.status_code, response.text[:300])
        assert "Invalid Host header" in response.text
    # ... while protected paths are refused earlier by the OIDC middleware (401).
    response = get(homelab, SEARCH, EVIL_HOST)
    assert response.status_code == 401, (response.status_code, response.text[:300])


def test_rendered_allowed_hosts_are_accepted(homelab: Homelab) -> None:
    """Every MLFLOW_SERVER_ALLOWED_HOSTS entry (`*` = the Service port) reaches the UI."""
    entries = rendered_value("deployment-mlflow.yaml", "MLFLOW_SERVER_ALLOWED_HOSTS").split(",")
    assert INGRESS_HOST in entries
    for entry in entries:
        host = entry.replace("*", "5000")
        response = get(homelab, "/static-files/index.html", host)
        assert response.status_code == 200, (host, response.status_code, response.text[:200])
        assert "<html" in response.text


def test_ingress_host_reaches_the_oidc_ui(homelab: Homelab) -> None:
    response = get(homelab, "/oidc/ui/", INGRESS_HOST, accept="text/html")
    assert response.status_code == 200, (response.status_code, response.text[:300])
    assert "Invalid Host header" not in response.text


def test_discovery_is_lazy(homelab: Homelab) -> None:
    """The server became healthy with nothing listening at the OIDC_DISCOVERY_URL's host; the
    first login is what needs Keycloak (so Argo CD's order between the two does not matter)."""
    assert urlsplit(homelab.env["OIDC_DISCOVERY_URL"]).netloc == homelab.keycloak_netloc
    host, port = homelab.keycloak_netloc.rsplit(":", 1)
    with contextlib.suppress(OSError), socket.create_connection((host, int(port)), timeout=2):
        pytest.fail(f"something listens on {homelab.keycloak_netloc}")
    response = get(homelab, "/login", INGRESS_HOST, accept="text/html")
    assert response.status_code == 500, (response.status_code, response.text[:300])
    assert response.json() == {"detail": "Failed to initiate OIDC login"}


def test_group_plugin_imports_from_the_rendered_configmap(homelab: Homelab) -> None:
    python = VENV / "bin" / "python"
    code = (
        "import inspect, mlflow_keycloak_groups as m; "
        "print(m.__file__); print(list(inspect.signature(m.get_user_groups).parameters))"
    )
    result = subprocess.run(
        [str(python), "-c", code],
        env={"PATH": os.environ["PATH"], "PYTHONPATH": homelab.env["PYTHONPATH"]},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    path, params = result.stdout.splitlines()
    assert Path(path).parent == Path(homelab.env["PYTHONPATH"])
    assert params == "['access_token', 'token_response']"


def test_rendered_probe_paths_answer_200_on_the_pod_address(homelab: Homelab) -> None:
    """The kubelet probes the pod IP with the rendered paths: they must report healthy."""
    container = only_container(load("deployment-mlflow.yaml"))
    for probe in ("livenessProbe", "readinessProbe"):
        path = container[probe]["httpGet"]["path"]
        # The kubelet's Host header is the pod IP: a private address, not an allowed host.
        response = get(homelab, path, "10.1.2.3:5000")
        assert response.status_code == 200, f"{probe} {path}: {response.status_code}"
