"""A real Keycloak for tests: `kc.sh start --optimized` on free loopback ports, temp database.

tools/install/40_keycloak.sh unpacks and pre-builds Keycloak (dev-file H2 database, health on),
so a start skips Quarkus' augmentation; the database file and transaction logs go to a temp dir,
so every session starts from an empty master realm with a fresh bootstrap admin.
- `running_keycloak()`: context manager, stops the server on exit even on failure;
- `keycloak_server`: session-scoped fixture;
- `create_platform_realm(server, ...)`: the `thinkube` realm and its realm admin user, which
  the platform owns (test set-up data, not something the Job under test creates).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import requests

from tests.servers.processes import free_port, stop_process_group

ROOT = Path(__file__).resolve().parents[2]
INSTALL_SCRIPT = "tools/install/40_keycloak.sh"
INSTALL_INFO = ROOT / ".cache" / "keycloak" / "install.json"
START_TIMEOUT = 600.0  # seconds; 30-45 s measured on 2 cores, 100 s under heavy load


@dataclass(frozen=True)
class KeycloakServer:
    url: str
    admin_username: str
    admin_password: str
    version: str
    start_seconds: float

    def admin_token(self) -> str:
        response = requests.post(
            f"{self.url}/realms/master/protocol/openid-connect/token",
            data={
                "grant_type": "password",
                "client_id": "admin-cli",
                "username": self.admin_username,
                "password": self.admin_password,
            },
            timeout=30,
        )
        response.raise_for_status()
        return str(response.json()["access_token"])

    def admin(self, method: str, path: str, body: Any = None) -> Any:
        """One call to /admin/realms{path} with a fresh admin token; raises on HTTP errors."""
        response = requests.request(
            method,
            f"{self.url}/admin/realms{path}",
            json=body,
            headers={"Authorization": f"Bearer {self.admin_token()}"},
            timeout=30,
        )
        response.raise_for_status()
        return response.json() if response.content else None


def _install_info() -> tuple[str, Path, Path]:
    if not INSTALL_INFO.is_file():
        pytest.fail(f"Keycloak is not installed ({INSTALL_INFO} missing): run {INSTALL_SCRIPT}")
    info = json.loads(INSTALL_INFO.read_text())
    home = INSTALL_INFO.parent / info["version"]
    if not (home / "bin" / "kc.sh").is_file():
        pytest.fail(f"Keycloak {info['version']} missing under {home}: run {INSTALL_SCRIPT}")
    return str(info["version"]), home, Path(info["java_home"])


@contextlib.contextmanager
def running_keycloak(
    admin_username: str = "bootstrap-admin",
    admin_password: str = "bootstrap-admin-pw-1",  # noqa: S107 (throw-away test server)
    *,
    host: str = "127.0.0.1",
    port: int | None = None,
) -> Iterator[KeycloakServer]:
    version, home, java_home = _install_info()
    top = Path(tempfile.mkdtemp(prefix="keycloak-test-"))
    port, management_port = port or free_port(), free_port()
    url = f"http://{host}:{port}"
    env = {
        **os.environ,
        "JAVA_HOME": str(java_home),
        "KC_BOOTSTRAP_ADMIN_USERNAME": admin_username,
        "KC_BOOTSTRAP_ADMIN_PASSWORD": admin_password,
        # The install tree stays read-only: transaction logs go to the temp dir too.
        "JAVA_OPTS_APPEND": f"-Dquarkus.transaction-manager.object-store.directory={top}/tx",
    }
    cmd = [
        str(home / "bin" / "kc.sh"),
        "start",
        "--optimized",
        "--http-enabled=true",
        f"--http-host={host}",
        f"--http-port={port}",
        f"--http-management-port={management_port}",
        "--hostname-strict=false",
        # Production mode clusters by default (JGroups on all interfaces, ports 7800/57800).
        "--cache=local",
        f"--db-url=jdbc:h2:file:{top}/h2/keycloakdb;NON_KEYWORDS=VALUE",
    ]
    log_path = top / "keycloak.log"
    started = time.monotonic()
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            cmd, stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True
        )
    try:
        ready = f"http://{host}:{management_port}/health/ready"
        while True:
            if process.poll() is not None:
                pytest.fail(f"Keycloak exited early ({process.returncode}):\n{_tail(log_path)}")
            with contextlib.suppress(requests.RequestException):
                if requests.get(ready, timeout=5).status_code == 200:
                    break
            if time.monotonic() - started > START_TIMEOUT:
                pytest.fail(f"Keycloak not ready after {START_TIMEOUT:.0f} s:\n{_tail(log_path)}")
            time.sleep(0.5)
        yield KeycloakServer(
            url=url,
            admin_username=admin_username,
            admin_password=admin_password,
            version=version,
            start_seconds=time.monotonic() - started,
        )
    finally:
        stop_process_group(process, 30.0)
        shutil.rmtree(top, ignore_errors=True)


def _tail(path: Path, lines: int = 30) -> str:
    return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])


_shared: dict[str, Any] = {}


@pytest.fixture(scope="session")
def keycloak_server() -> Iterator[KeycloakServer]:
    # Each test module imports this fixture, which gives each module its own session-scoped
    # definition: share one server between them and stop it when the last one is done.
    if not _shared:
        stack = contextlib.ExitStack()
        server = stack.enter_context(running_keycloak())
        print(f"\nKeycloak {server.version} ready in {server.start_seconds:.1f} s")
        _shared.update(stack=stack, server=server, users=0)
    _shared["users"] += 1
    try:
        yield _shared["server"]
    finally:
        _shared["users"] -= 1
        if _shared["users"] == 0:
            _shared.pop("stack").close()
            _shared.clear()


def create_platform_realm(server: KeycloakServer, realm: str, username: str, password: str) -> None:
    """The realm and its admin user as the platform's Keycloak set-up leaves them.

    The profile fields are filled because Keycloak 24+ refuses a password grant for an account
    whose required profile attributes are missing ("Account is not fully set up").
    """
    server.admin("POST", "", {"realm": realm, "enabled": True})
    server.admin(
        "POST",
        f"/{realm}/users",
        {
            "username": username,
            "enabled": True,
            "email": f"{username}@example.com",
            "emailVerified": True,
            "firstName": "Thinkube",
            "lastName": "Admin",
            "credentials": [{"type": "password", "value": password, "temporary": False}],
        },
    )
