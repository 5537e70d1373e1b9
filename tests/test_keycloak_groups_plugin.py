"""plugins/mlflow_keycloak_groups.py: groups are realm roles, read from verified claims only.

Unit tests for the claim handling, then real tokens from a real Keycloak configured by the
bootstrap Job (mappers: docs/overlays/homelab.md, Bootstrap Jobs), and a call through
mlflow-oidc-auth's own plugin loader.
"""

from __future__ import annotations

import base64
import importlib.util
import json
import subprocess
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.jobs.test_keycloak_bootstrap import (
    APPS_PASSWORD,
    SEED_CONFIG,
    TKADMIN_PASSWORD,
    Realm,
    succeed,
)
from tests.servers.keycloak import (
    ROOT,
    KeycloakServer,
    create_platform_realm,
    keycloak_server,  # noqa: F401
)

PLUGIN_DIR = ROOT / "plugins"
MLFLOW_PYTHON = ROOT / ".cache" / "mlflow-venv" / "bin" / "python"


def load_plugin() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "mlflow_keycloak_groups", PLUGIN_DIR / "mlflow_keycloak_groups.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


plugin = load_plugin()


def b64(data: dict[str, Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")


def unsigned_token(claims: dict[str, Any]) -> str:
    return f"{b64({'alg': 'none', 'typ': 'JWT'})}.{b64(claims)}."


def payload(token: str) -> dict[str, Any]:
    part = token.split(".")[1]
    return dict(json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))))


@pytest.fixture(autouse=True)
def no_oidc_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("OIDC_DISCOVERY_URL", "OIDC_CLIENT_ID", "OIDC_AUDIENCE", "OIDC_ISSUER"):
        monkeypatch.delenv(name, raising=False)


def test_roles_come_from_the_callers_verified_bearer_claims() -> None:
    claims = {"realm_access": {"roles": ["mlflow-user", "offline_access", 7, ""]}}
    groups = plugin.get_user_groups("opaque", token_response={"claims": claims})
    assert groups == ["mlflow-user", "offline_access"]


def test_roles_come_from_the_verified_id_token_claims_on_login() -> None:
    userinfo = {"sub": "u1", "realm_access": {"roles": ["mlflow-admin"]}}
    token_response = {"access_token": "opaque", "userinfo": userinfo}
    assert plugin.get_user_groups("opaque", token_response=token_response) == ["mlflow-admin"]


def test_verified_claims_without_roles_give_no_groups() -> None:
    claims = {"realm_access": {"other": 1}}
    assert plugin.get_user_groups("opaque", token_response={"claims": claims}) == []


def test_an_unverified_token_is_never_trusted() -> None:
    forged = unsigned_token({"realm_access": {"roles": ["mlflow-admin"]}, "aud": "mlflow"})
    with pytest.raises(plugin.GroupDetectionError):
        plugin.get_user_groups(forged)
    with pytest.raises(plugin.GroupDetectionError):
        plugin.get_user_groups(forged, token_response={"access_token": forged})


def test_signature_opts_in_to_token_response() -> None:
    # mlflow-oidc-auth passes token_response only to a function declaring that parameter.
    import inspect

    assert "token_response" in inspect.signature(plugin.get_user_groups).parameters


@pytest.fixture(scope="module")
def plugin_realm(
    keycloak_server: KeycloakServer,  # noqa: F811
    tmp_path_factory: pytest.TempPathFactory,
) -> Realm:
    config_path = tmp_path_factory.mktemp("plugin") / "keycloak-bootstrap.json"
    config_path.write_text(json.dumps(SEED_CONFIG))
    realm = Realm(keycloak_server, "thinkube-plugin", config_path)
    create_platform_realm(keycloak_server, realm.name, "tkadmin", TKADMIN_PASSWORD)
    succeed(realm)
    return realm


@pytest.fixture
def oidc_env(plugin_realm: Realm, monkeypatch: pytest.MonkeyPatch) -> None:
    """What docs/overlays/homelab.md sets on the MLflow Deployment."""
    discovery = f"{plugin_realm.server.url}/realms/{plugin_realm.name}"
    monkeypatch.setenv("OIDC_DISCOVERY_URL", f"{discovery}/.well-known/openid-configuration")
    monkeypatch.setenv("OIDC_CLIENT_ID", "mlflow")


def access_token(realm: Realm, username: str, password: str) -> str:
    response = realm.token(username, password)
    assert response.status_code == 200, response.text
    return str(response.json()["access_token"])


@pytest.mark.servers
@pytest.mark.usefixtures("oidc_env")
def test_real_tokens_give_realm_roles(plugin_realm: Realm) -> None:
    admin = plugin.get_user_groups(access_token(plugin_realm, "tkadmin", TKADMIN_PASSWORD))
    assert "mlflow-admin" in admin and "mlflow-user" not in admin
    apps = plugin.get_user_groups(access_token(plugin_realm, "mlflow-apps", APPS_PASSWORD))
    assert "mlflow-user" in apps and "mlflow-admin" not in apps


@pytest.mark.servers
@pytest.mark.usefixtures("oidc_env")
def test_tampered_real_token_is_rejected(plugin_realm: Realm) -> None:
    token = access_token(plugin_realm, "mlflow-apps", APPS_PASSWORD)
    header, _, signature = token.split(".")
    claims = payload(token)
    claims["realm_access"]["roles"].append("mlflow-admin")
    with pytest.raises(plugin.GroupDetectionError):
        plugin.get_user_groups(f"{header}.{b64(claims)}.{signature}")


@pytest.mark.servers
@pytest.mark.usefixtures("oidc_env")
def test_wrong_audience_or_issuer_is_rejected(
    plugin_realm: Realm, monkeypatch: pytest.MonkeyPatch
) -> None:
    token = access_token(plugin_realm, "tkadmin", TKADMIN_PASSWORD)
    monkeypatch.setenv("OIDC_CLIENT_ID", "another-client")
    with pytest.raises(plugin.GroupDetectionError):
        plugin.get_user_groups(token)
    monkeypatch.setenv("OIDC_CLIENT_ID", "mlflow")
    monkeypatch.setenv("OIDC_ISSUER", "https://keycloak.example.com/realms/thinkube")
    with pytest.raises(plugin.GroupDetectionError):
        plugin.get_user_groups(token)


@pytest.mark.servers
def test_mlflow_oidc_auth_loader_calls_the_plugin(plugin_realm: Realm, tmp_path: Path) -> None:
    """Through mlflow-oidc-auth's own `call_group_detection_plugin`, as the image runs it."""
    if not MLFLOW_PYTHON.is_file():
        pytest.fail(f"{MLFLOW_PYTHON} missing: run tools/install/50_mlflow_runtime.sh")
    response = plugin_realm.token("tkadmin", TKADMIN_PASSWORD)
    assert response.status_code == 200, response.text
    # The raw token response carries no verified claims: the plugin must verify the token.
    (tmp_path / "token_response.json").write_text(response.text)
    script = (
        "import json, sys\n"
        "from mlflow_oidc_auth.utils.group_detection import call_group_detection_plugin\n"
        "tr = json.load(open(sys.argv[1]))\n"
        "print(json.dumps(call_group_detection_plugin("
        "'mlflow_keycloak_groups', tr['access_token'], tr)))\n"
    )
    discovery = f"{plugin_realm.server.url}/realms/{plugin_realm.name}"
    done = subprocess.run(
        [str(MLFLOW_PYTHON), "-c", script, str(tmp_path / "token_response.json")],
        env={
            "PYTHONPATH": str(PLUGIN_DIR),
            "OIDC_DISCOVERY_URL": f"{discovery}/.well-known/openid-configuration",
            "OIDC_CLIENT_ID": "mlflow",
            "SECRET_KEY": "test-only-secret-key",
        },
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    groups = json.loads(done.stdout.strip().splitlines()[-1])
    assert "mlflow-admin" in groups
