"""A real MLflow tracking server for tests, from the venv that mirrors the image.

- `start_mlflow(argv, env, port)`: a context manager that runs a container-style command line
  (`["mlflow", "server", "--host=0.0.0.0", "--port=5000", ...]`, e.g. the rendered Deployment's
  command + args) on 127.0.0.1:`port`, waits for `/health`, yields a `MlflowServer`, and stops
  the whole process group (SIGTERM, then SIGKILL after a timeout) even when the test fails.
- `running_basic_auth_mlflow(...)`: `mlflow server --app-name basic-auth` backed by a PostgreSQL
  fixture (tracking store and auth store in databases of their own), as in docs/overlays/gke-gcs.md.
- `basic_auth_server`: a module-scoped fixture around the latter.

Binaries: tools/install/50_mlflow_runtime.sh (.cache/mlflow-venv = images/mlflow/requirements.txt).
"""

from __future__ import annotations

import contextlib
import re
import secrets
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

from tests.servers.postgres import PostgresServer
from tests.servers.processes import free_port, stop_process_group

ROOT = Path(__file__).resolve().parents[2]
VENV = ROOT / ".cache" / "mlflow-venv"
INSTALL_SCRIPT = "tools/install/50_mlflow_runtime.sh"
# Two cores shared with other suites: a cold `mlflow server` (parent + uvicorn worker each import
# MLflow) measured 20-60 s to /health here.
HEALTH_TIMEOUT = 240.0
STOP_TIMEOUT = 20.0

ADMIN_USERNAME = "admin"


@dataclass(frozen=True)
class MlflowServer:
    base_url: str
    port: int
    process: subprocess.Popen[bytes]
    log_path: Path
    startup_seconds: float  # 0.0 when started with wait=False

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def fail_if_exited(self) -> None:
        """For wait=False users: turn a crashed server into a clear test failure."""
        if self.process.poll() is not None:
            pytest.fail(
                f"mlflow server exited with {self.process.returncode}:\n{_tail(self.log_path)}"
            )


@dataclass(frozen=True)
class BasicAuthMlflow:
    server: MlflowServer
    admin_username: str
    admin_password: str
    tracking_db: str
    auth_db: str

    @property
    def base_url(self) -> str:
        return self.server.base_url


def mlflow_executable() -> Path:
    exe = VENV / "bin" / "mlflow"
    if not exe.is_file():
        pytest.fail(f"{exe} missing: run {INSTALL_SCRIPT}")
    return exe


_K8S_VAR = re.compile(r"\$\$|\$\(([A-Za-z_][A-Za-z0-9_]*)\)")


def expand_k8s_vars(arg: str, env: dict[str, str]) -> str:
    """Kubelet's `$(VAR)` expansion of command/args: unknown names stay, `$$` escapes `$`."""

    def sub(m: re.Match[str]) -> str:
        if m.group(0) == "$$":
            return "$"
        name = m.group(1)
        return env.get(name, m.group(0))

    return _K8S_VAR.sub(sub, arg)


def _bind_loopback(argv: list[str], port: int) -> list[str]:
    """Replace the container's --host/--port (any form) by 127.0.0.1:port."""
    out: list[str] = []
    skip = False
    for arg in argv:
        if skip:
            skip = False
            continue
        if arg in ("--host", "-h", "--port", "-p"):
            skip = True
            continue
        if arg.startswith(("--host=", "--port=")):
            continue
        out.append(arg)
    return [*out, "--host", "127.0.0.1", "--port", str(port)]


@contextlib.contextmanager
def start_mlflow(
    argv: list[str],
    env: dict[str, str],
    port: int | None = None,
    *,
    wait: bool = True,
    health_timeout: float = HEALTH_TIMEOUT,
    quiet_jobs: bool = True,
) -> Iterator[MlflowServer]:
    """Run `argv` (argv[0] == "mlflow", as in the container) on 127.0.0.1:`port`.

    `env` is the container's environment; the fixture adds only PATH, a writable HOME and
    PYTHONUNBUFFERED, and (quiet_jobs) MLFLOW_SERVER_ENABLE_JOB_EXECUTION=false unless `env`
    sets it: the job runner forks 7 huey consumers that double start-up time and are irrelevant
    to these tests. `$(VAR)` in argv is expanded from `env` like the kubelet does.
    MLFLOW_HOST/MLFLOW_PORT in `env` are overridden so the server stays on loopback.
    """
    if not argv or Path(argv[0]).name != "mlflow":
        raise ValueError(f"argv must start with 'mlflow', got {argv[:1]}")
    port = port or free_port()
    exe = mlflow_executable()
    top = Path(tempfile.mkdtemp(prefix="mlflow-test-"))
    home = top / "home"
    home.mkdir()
    log_path = top / "server.log"
    full_env = {
        "PATH": f"{VENV / 'bin'}:/usr/bin:/bin",
        "HOME": str(home),
        "PYTHONUNBUFFERED": "1",
        "LANG": "C.UTF-8",
        **env,
        "MLFLOW_HOST": "127.0.0.1",
        "MLFLOW_PORT": str(port),
    }
    if quiet_jobs:
        full_env.setdefault("MLFLOW_SERVER_ENABLE_JOB_EXECUTION", "false")
    args = [expand_k8s_vars(a, full_env) for a in argv[1:]]
    command = [str(exe), *_bind_loopback(args, port)]
    base_url = f"http://127.0.0.1:{port}"
    started = time.monotonic()
    with open(log_path, "wb") as log_file:
        # Own session: the server forks a uvicorn worker (and maybe job runners); stop them all.
        proc = subprocess.Popen(
            command,
            env=full_env,
            cwd=top,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        server = MlflowServer(base_url, port, proc, log_path, 0.0)
        if wait:
            elapsed = wait_for_health(base_url, proc, log_path, health_timeout, started)
            server = MlflowServer(base_url, port, proc, log_path, elapsed)
        yield server
    finally:
        stop_process_group(proc, STOP_TIMEOUT)
        shutil.rmtree(top, ignore_errors=True)


def wait_for_health(
    base_url: str,
    proc: subprocess.Popen[bytes],
    log_path: Path,
    timeout: float,
    started: float,
) -> float:
    """Seconds from `started` until GET /health answers 200; pytest.fail with the log tail."""
    deadline = started + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(
                f"mlflow server exited with {proc.returncode} before /health:\n{_tail(log_path)}"
            )
        with contextlib.suppress(requests.RequestException):
            if requests.get(f"{base_url}/health", timeout=2).status_code == 200:
                return time.monotonic() - started
        time.sleep(0.25)
    pytest.fail(f"mlflow server not healthy after {timeout:.0f} s:\n{_tail(log_path)}")


def _tail(path: Path, chars: int = 3000) -> str:
    return path.read_text(errors="replace")[-chars:] if path.exists() else "(no log)"


# --------------------------------------------------------------------------- basic-auth


def _create_database(pg: PostgresServer, name: str) -> str:
    with contextlib.closing(pg.connect()) as conn, conn.cursor() as cur:
        cur.execute(f'CREATE DATABASE "{name}"')
    return f"postgresql://{pg.superuser}:{pg.password}@{pg.host}:{pg.port}/{name}"


@contextlib.contextmanager
def running_basic_auth_mlflow(
    pg: PostgresServer,
    *,
    port: int | None = None,
    default_permission: str = "NO_PERMISSIONS",
    admin_password: str | None = None,
    wait: bool = True,
) -> Iterator[BasicAuthMlflow]:
    """`mlflow server --app-name basic-auth` on PostgreSQL, admin from the environment.

    default_permission NO_PERMISSIONS (Bitnami and MLflow ship READ) so that a test can tell
    an explicit grant from the default.
    """
    suffix = secrets.token_hex(4)
    tracking_db = _create_database(pg, f"mlflow_{suffix}")
    auth_db = _create_database(pg, f"mlflow_auth_{suffix}")
    admin_password = admin_password or secrets.token_urlsafe(18)
    top = Path(tempfile.mkdtemp(prefix="mlflow-auth-"))
    try:
        ini = top / "basic_auth.ini"
        ini.write_text(
            "[mlflow]\n"
            f"default_permission = {default_permission}\n"
            f"database_uri = {auth_db}\n"
            "authorization_function = mlflow.server.auth:authenticate_request_basic_auth\n"
        )
        env = {
            "MLFLOW_AUTH_CONFIG_PATH": str(ini),
            "MLFLOW_AUTH_ADMIN_USERNAME": ADMIN_USERNAME,
            "MLFLOW_AUTH_ADMIN_PASSWORD": admin_password,
            "MLFLOW_FLASK_SERVER_SECRET_KEY": secrets.token_hex(16),
        }
        argv = [
            "mlflow",
            "server",
            f"--backend-store-uri={tracking_db}",
            f"--artifacts-destination={top / 'artifacts'}",
            "--serve-artifacts",
            "--workers=1",
            "--app-name=basic-auth",
        ]
        with start_mlflow(argv, env, port, wait=wait) as server:
            yield BasicAuthMlflow(server, ADMIN_USERNAME, admin_password, tracking_db, auth_db)
    finally:
        shutil.rmtree(top, ignore_errors=True)


@pytest.fixture(scope="module")
def basic_auth_server(postgres_server: PostgresServer) -> Iterator[BasicAuthMlflow]:
    """One basic-auth MLflow per test module (start-up costs 20-60 s on two cores).

    Import `postgres_server` from tests.servers.postgres next to this fixture.
    """
    with running_basic_auth_mlflow(postgres_server) as server:
        yield server
