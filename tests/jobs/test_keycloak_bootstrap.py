"""jobs/keycloak_bootstrap.py against a real Keycloak (docs/overlays/homelab.md, Bootstrap Jobs).

Each test gets a fresh realm holding only what the platform owns (the realm and `tkadmin`) and
runs the Job as the container would: `python jobs/keycloak_bootstrap.py` with environment only.
Expected values are those of docs/overlays/homelab.md, written out here, not taken from the Job.
"""

from __future__ import annotations

import base64
import contextlib
import itertools
import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import requests

from tests.servers.keycloak import (
    ROOT,
    KeycloakServer,
    create_platform_realm,
    keycloak_server,  # noqa: F401
)
from tests.servers.processes import free_port

pytestmark = pytest.mark.servers

HOST = "mlflow.example.com"
CLIENT_SECRET = "client-secret-7f3a9c2e41d8"
APPS_PASSWORD = "apps-password-5b7e13c9"
TKADMIN_PASSWORD = "tkadmin-password-2d4f6a8c"
SECRETS = (CLIENT_SECRET, APPS_PASSWORD, TKADMIN_PASSWORD)
_realm_numbers = itertools.count(1)

SEED_CONFIG: dict[str, Any] = {
    "client": {
        "clientId": "mlflow",
        "protocol": "openid-connect",
        "enabled": True,
        "publicClient": False,
        "standardFlowEnabled": True,
        "implicitFlowEnabled": False,
        "directAccessGrantsEnabled": True,
        "redirectUris": [
            f"https://{HOST}/*",
            f"https://{HOST}/oauth2/callback",
            f"https://{HOST}/callback",
        ],
        "webOrigins": [f"https://{HOST}", "+"],
        "attributes": {"access.token.lifespan": "3600", "post.logout.redirect.uris": "+"},
        "defaultClientScopes": ["email", "profile", "roles", "openid", "offline_access"],
        "optionalClientScopes": ["address", "phone"],
        "protocolMappers": [
            {
                "name": "mlflow-realm-role-mapper",
                "protocol": "openid-connect",
                "protocolMapper": "oidc-usermodel-realm-role-mapper",
                "config": {
                    "claim.name": "realm_access.roles",
                    "jsonType.label": "String",
                    "multivalued": "true",
                    "id.token.claim": "true",
                    "access.token.claim": "true",
                    "userinfo.token.claim": "true",
                },
            },
            {
                "name": "mlflow-audience-mapper",
                "protocol": "openid-connect",
                "protocolMapper": "oidc-audience-mapper",
                "config": {
                    "included.client.audience": "mlflow",
                    "included.custom.audience": "mlflow",
                    "id.token.claim": "false",
                    "access.token.claim": "true",
                },
            },
            {
                "name": "mlflow-client-role-mapper",
                "protocol": "openid-connect",
                "protocolMapper": "oidc-usermodel-client-role-mapper",
                "config": {
                    "claim.name": "resource_access.${client_id}.roles",
                    "usermodel.clientRoleMapping.clientId": "mlflow",
                    "jsonType.label": "String",
                    "multivalued": "true",
                    "id.token.claim": "true",
                    "access.token.claim": "true",
                    "userinfo.token.claim": "true",
                },
            },
        ],
    },
    "realmRoles": [
        {"name": "mlflow-admin", "description": "MLflow administrator"},
        {"name": "mlflow-user", "description": "MLflow standard user"},
    ],
    "roleAssignments": [{"username": "tkadmin", "realmRoles": ["mlflow-admin"]}],
    "appsIdentity": {
        "username": "mlflow-apps",
        "email": "mlflow-apps@example.com",
        "firstName": "MLflow",
        "lastName": "Apps",
        "realmRoles": ["mlflow-user"],
    },
}


@dataclass(frozen=True)
class Realm:
    server: KeycloakServer
    name: str
    config_path: Path

    def admin(self, method: str, path: str, body: Any = None) -> Any:
        return self.server.admin(method, f"/{self.name}{path}", body)

    def client(self) -> dict[str, Any] | None:
        found = self.admin("GET", "/clients?clientId=mlflow")
        return found[0] if found else None

    def user(self, username: str) -> dict[str, Any] | None:
        found = self.admin("GET", f"/users?username={username}&exact=true")
        return found[0] if found else None

    def user_roles(self, username: str) -> set[str]:
        user = self.user(username)
        assert user is not None, username
        return {r["name"] for r in self.admin("GET", f"/users/{user['id']}/role-mappings/realm")}

    def token(self, username: str, password: str, secret: str = CLIENT_SECRET) -> requests.Response:
        """Exactly the apps' request (docs/overlays/homelab.md): password grant, client id + secret,
        scope openid."""
        return requests.post(
            f"{self.server.url}/realms/{self.name}/protocol/openid-connect/token",
            data={
                "grant_type": "password",
                "client_id": "mlflow",
                "client_secret": secret,
                "username": username,
                "password": password,
                "scope": "openid",
            },
            timeout=30,
        )


@pytest.fixture
def realm(keycloak_server: KeycloakServer, tmp_path: Path) -> Realm:  # noqa: F811
    name = f"thinkube-{next(_realm_numbers)}"
    create_platform_realm(keycloak_server, name, "tkadmin", TKADMIN_PASSWORD)
    config_path = tmp_path / "keycloak-bootstrap.json"
    config_path.write_text(json.dumps(SEED_CONFIG))
    return Realm(keycloak_server, name, config_path)


@dataclass(frozen=True)
class Run:
    returncode: int
    stdout: str
    stderr: str

    def lines(self, outcome: str) -> list[str]:
        return [line for line in self.stdout.splitlines() if line.endswith(outcome)]


def run_job(realm: Realm, url: str | None = None, **overrides: str) -> Run:
    env = {
        "PATH": os.environ["PATH"],
        "KEYCLOAK_URL": url or realm.server.url,
        "KEYCLOAK_REALM": realm.name,
        "KEYCLOAK_ADMIN_USERNAME": realm.server.admin_username,
        "KEYCLOAK_ADMIN_PASSWORD": realm.server.admin_password,
        "MLFLOW_CLIENT_SECRET": CLIENT_SECRET,
        "MLFLOW_APPS_PASSWORD": APPS_PASSWORD,
        "KEYCLOAK_BOOTSTRAP_CONFIG": str(realm.config_path),
        "KEYCLOAK_WAIT_TIMEOUT_SECONDS": "60",
        **overrides,
    }
    done = subprocess.run(
        [sys.executable, str(ROOT / "jobs" / "keycloak_bootstrap.py")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    run = Run(done.returncode, done.stdout, done.stderr)
    secrets = [*SECRETS, realm.server.admin_password]
    secrets += [v for k, v in overrides.items() if "SECRET" in k or "PASSWORD" in k]
    for secret in secrets:
        assert secret not in run.stdout + run.stderr, "a secret value was printed"
    return run


def succeed(realm: Realm, **overrides: str) -> Run:
    run = run_job(realm, **overrides)
    assert run.returncode == 0, run.stdout + run.stderr
    return run


def normalized(client: dict[str, Any] | None) -> dict[str, Any]:
    """Keycloak returns scope lists in no fixed order."""
    assert client is not None
    return {
        k: sorted(v) if isinstance(v, list) and k.endswith("Scopes") else v
        for k, v in client.items()
    }


def jwt_payload(token: str) -> dict[str, Any]:
    payload = token.split(".")[1]
    return dict(json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))))


def assert_seed_001_state(realm: Realm) -> None:
    client = realm.client()
    assert client is not None, "client mlflow missing"
    assert client["protocol"] == "openid-connect"
    assert client["enabled"] is True
    assert client["publicClient"] is False
    assert client["standardFlowEnabled"] is True
    assert client["implicitFlowEnabled"] is False
    assert client["directAccessGrantsEnabled"] is True
    assert client["clientAuthenticatorType"] == "client-secret"
    assert sorted(client["redirectUris"]) == sorted(
        [f"https://{HOST}/*", f"https://{HOST}/oauth2/callback", f"https://{HOST}/callback"]
    )
    assert sorted(client["webOrigins"]) == sorted([f"https://{HOST}", "+"])
    assert client["attributes"]["access.token.lifespan"] == "3600"
    assert client["attributes"]["post.logout.redirect.uris"] == "+"
    uuid = client["id"]
    assert realm.admin("GET", f"/clients/{uuid}/client-secret")["value"] == CLIENT_SECRET

    default = {s["name"] for s in realm.admin("GET", f"/clients/{uuid}/default-client-scopes")}
    optional = {s["name"] for s in realm.admin("GET", f"/clients/{uuid}/optional-client-scopes")}
    # openid is the protocol scope, not a Keycloak client scope: the Job skips it.
    assert {"email", "profile", "roles", "offline_access"} <= default
    assert {"address", "phone"} <= optional
    assert not {"address", "phone"} & default
    assert not {"email", "profile", "roles", "offline_access"} & optional

    mappers = {m["name"]: m for m in realm.admin("GET", f"/clients/{uuid}/protocol-mappers/models")}
    realm_roles = mappers["mlflow-realm-role-mapper"]
    assert realm_roles["protocolMapper"] == "oidc-usermodel-realm-role-mapper"
    assert realm_roles["config"]["claim.name"] == "realm_access.roles"
    assert realm_roles["config"]["multivalued"] == "true"
    for key in ("id.token.claim", "access.token.claim", "userinfo.token.claim"):
        assert realm_roles["config"][key] == "true", key
    audience = mappers["mlflow-audience-mapper"]
    assert audience["protocolMapper"] == "oidc-audience-mapper"
    assert audience["config"]["included.client.audience"] == "mlflow"
    assert audience["config"]["included.custom.audience"] == "mlflow"
    assert audience["config"]["access.token.claim"] == "true"
    assert audience["config"]["id.token.claim"] == "false"
    client_roles = mappers["mlflow-client-role-mapper"]
    assert client_roles["protocolMapper"] == "oidc-usermodel-client-role-mapper"
    assert client_roles["config"]["claim.name"] == "resource_access.${client_id}.roles"
    assert client_roles["config"]["usermodel.clientRoleMapping.clientId"] == "mlflow"
    for key in ("id.token.claim", "access.token.claim", "userinfo.token.claim"):
        assert client_roles["config"][key] == "true", key

    names = {r["name"] for r in realm.admin("GET", "/roles")}
    assert {"mlflow-admin", "mlflow-user"} <= names
    assert "mlflow-admin" in realm.user_roles("tkadmin")
    assert "mlflow-user" in realm.user_roles("mlflow-apps")
    assert "mlflow-admin" not in realm.user_roles("mlflow-apps")


def test_seed_001_first_run_creates_everything(realm: Realm) -> None:
    run = succeed(realm)
    created = run.stdout
    for line in (
        "realm role mlflow-admin: created",
        "realm role mlflow-user: created",
        "client mlflow: created",
        "protocol mapper mlflow-realm-role-mapper: created",
        "protocol mapper mlflow-audience-mapper: created",
        "protocol mapper mlflow-client-role-mapper: created",
        "user tkadmin role mlflow-admin: created",
        "apps identity mlflow-apps: created",
        "user mlflow-apps role mlflow-user: created",
        "client scope openid: skipped",
    ):
        assert line in created, line
    assert_seed_001_state(realm)


def test_second_run_changes_nothing(realm: Realm) -> None:
    succeed(realm)
    client_before = realm.client()
    run = succeed(realm)
    assert not run.lines(": created") and "updated" not in run.stdout, run.stdout
    assert len(run.lines(": unchanged")) >= 14, run.stdout
    assert "apps identity mlflow-apps: password not reset" in run.stdout
    assert normalized(realm.client()) == normalized(client_before)
    assert_seed_001_state(realm)


def test_drift_is_converged(realm: Realm) -> None:
    succeed(realm)
    client = realm.client()
    assert client is not None
    uuid = client["id"]
    client["redirectUris"] = [f"https://{HOST}/*", "https://evil.example.net/callback"]
    client["implicitFlowEnabled"] = True
    realm.admin("PUT", f"/clients/{uuid}", client)
    mappers = realm.admin("GET", f"/clients/{uuid}/protocol-mappers/models")
    mapper = next(m for m in mappers if m["name"] == "mlflow-realm-role-mapper")
    mapper["config"]["claim.name"] = "roles"
    mapper["config"]["id.token.claim"] = "false"
    realm.admin("PUT", f"/clients/{uuid}/protocol-mappers/models/{mapper['id']}", mapper)
    scopes = {s["name"]: s["id"] for s in realm.admin("GET", "/client-scopes")}
    realm.admin("DELETE", f"/clients/{uuid}/default-client-scopes/{scopes['email']}")
    realm.admin("DELETE", f"/clients/{uuid}/optional-client-scopes/{scopes['phone']}")
    realm.admin("PUT", f"/clients/{uuid}/default-client-scopes/{scopes['phone']}")

    run = succeed(realm)
    assert "client mlflow: updated (implicitFlowEnabled, redirectUris)" in run.stdout
    assert "mlflow-realm-role-mapper: updated (claim.name, id.token.claim)" in run.stdout
    assert "default client scope email: created" in run.stdout
    assert "optional client scope phone: updated (moved from default)" in run.stdout
    assert_seed_001_state(realm)
    assert realm.token("mlflow-apps", APPS_PASSWORD).status_code == 200


def test_changed_secret_is_set_not_printed(realm: Realm) -> None:
    succeed(realm)
    rotated = "rotated-client-secret-99e1"
    run = run_job(realm, MLFLOW_CLIENT_SECRET=rotated)
    assert run.returncode == 0, run.stderr
    assert "client mlflow: updated (secret)" in run.stdout
    assert rotated not in run.stdout + run.stderr
    assert realm.token("mlflow-apps", APPS_PASSWORD, secret=rotated).status_code == 200
    assert realm.token("mlflow-apps", APPS_PASSWORD).status_code == 401


def test_wrong_admin_password_fails_and_changes_nothing(realm: Realm) -> None:
    run = run_job(realm, KEYCLOAK_ADMIN_PASSWORD="wrong-admin-password")  # noqa: S106
    assert run.returncode == 1
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1, run.stderr
    assert "admin login" in lines[0] and "rejected" in lines[0]
    assert "wrong-admin-password" not in run.stdout + run.stderr
    assert realm.client() is None
    assert realm.user("mlflow-apps") is None
    assert not {"mlflow-admin", "mlflow-user"} & {r["name"] for r in realm.admin("GET", "/roles")}


def test_existing_apps_identity_keeps_its_password(realm: Realm) -> None:
    succeed(realm)
    run = succeed(realm, MLFLOW_APPS_PASSWORD="another-apps-password-1")  # noqa: S106
    assert "apps identity mlflow-apps: password not reset" in run.stdout
    assert realm.token("mlflow-apps", APPS_PASSWORD).status_code == 200
    refused = realm.token("mlflow-apps", "another-apps-password-1")
    assert refused.status_code == 400 and refused.json()["error"] == "invalid_grant"


def test_missing_platform_user_fails_with_one_line(realm: Realm, tmp_path: Path) -> None:
    config = json.loads(json.dumps(SEED_CONFIG))
    config["roleAssignments"] = [{"username": "nobody", "realmRoles": ["mlflow-admin"]}]
    path = tmp_path / "other.json"
    path.write_text(json.dumps(config))
    run = run_job(realm, KEYCLOAK_BOOTSTRAP_CONFIG=str(path))
    assert run.returncode == 1
    assert run.stderr.strip().count("\n") == 0
    assert "user 'nobody' not found" in run.stderr


@contextlib.contextmanager
def late_proxy(target_port: int, delay: float) -> Iterator[int]:
    """A TCP forwarder to Keycloak whose port opens only after `delay` seconds."""
    port = free_port()
    stop = threading.Event()

    def pipe(src: socket.socket, dst: socket.socket) -> None:
        with contextlib.suppress(OSError):
            while data := src.recv(65536):
                dst.sendall(data)
        with contextlib.suppress(OSError):
            dst.shutdown(socket.SHUT_WR)

    def serve() -> None:
        if stop.wait(delay):
            return
        with socket.create_server(("127.0.0.1", port)) as listener:
            listener.settimeout(0.2)
            while not stop.is_set():
                try:
                    client, _ = listener.accept()
                except TimeoutError:
                    continue
                upstream = socket.create_connection(("127.0.0.1", target_port))
                for a, b in ((client, upstream), (upstream, client)):
                    threading.Thread(target=pipe, args=(a, b), daemon=True).start()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield port
    finally:
        stop.set()
        thread.join(timeout=5)


def test_waits_for_keycloak_then_succeeds(realm: Realm) -> None:
    target = int(realm.server.url.rsplit(":", 1)[1])
    with late_proxy(target, delay=4.0) as port:
        started = time.monotonic()
        run = run_job(realm, url=f"http://127.0.0.1:{port}")
        elapsed = time.monotonic() - started
    assert run.returncode == 0, run.stdout + run.stderr
    assert "waiting for Keycloak at " in run.stdout and "ConnectionError" in run.stdout
    assert "answered after" in run.stdout
    assert elapsed >= 4.0
    assert_seed_001_state(realm)


def test_unreachable_keycloak_gives_up_bounded(realm: Realm) -> None:
    started = time.monotonic()
    run = run_job(realm, url=f"http://127.0.0.1:{free_port()}", KEYCLOAK_WAIT_TIMEOUT_SECONDS="5")
    assert run.returncode == 1
    assert time.monotonic() - started < 30
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and "unreachable after" in lines[0], run.stderr


def test_seed_000_tokens_carry_roles_and_audience(realm: Realm) -> None:
    succeed(realm)
    for username, password, role in (
        ("mlflow-apps", APPS_PASSWORD, "mlflow-user"),
        ("tkadmin", TKADMIN_PASSWORD, "mlflow-admin"),
    ):
        response = realm.token(username, password)
        assert response.status_code == 200, response.text
        body = response.json()
        claims = jwt_payload(body["access_token"])
        assert role in claims["realm_access"]["roles"], claims
        audience = claims["aud"] if isinstance(claims["aud"], list) else [claims["aud"]]
        assert "mlflow" in audience
        assert claims["azp"] == "mlflow"
        # docs/overlays/homelab.md: access token lifespan
        assert claims["exp"] - claims["iat"] == 3600
        assert "openid" in body["scope"].split()
        id_claims = jwt_payload(body["id_token"])
        assert role in id_claims["realm_access"]["roles"]  # realm roles in the ID token too
    # Confidential client: no secret, no token.
    refused = realm.token("mlflow-apps", APPS_PASSWORD, secret="wrong")  # noqa: S106
    assert refused.status_code == 401
