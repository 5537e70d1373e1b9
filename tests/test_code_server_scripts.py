"""scripts/code-server/mlflow-auth.{sh,fish} (docs/overlays/homelab.md), in real shells.

Each script is sourced by bash or fish against a local token endpoint that checks the form like
Keycloak's password grant; success must export MLFLOW_TRACKING_TOKEN (the token the endpoint
issued), failure must return non-zero with a message, export nothing and print no secret.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.servers.token_endpoint import TokenEndpoint, running_token_endpoint

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = ROOT / "scripts" / "code-server"
# Quotes, backslash, spaces, URL-reserved and non-ASCII characters must reach Keycloak intact.
CLIENT_SECRET = 's3cr"et\\ value&x=1'
PASSWORD = 'pa"ss\\w ord&%+=@é'


@dataclass(frozen=True)
class Shell:
    name: str
    script: Path
    # Runs the script, then prints the outcome on separate lines: status, token, leftovers.
    probe: str


SHELLS = [
    Shell(
        "bash",
        SCRIPTS / "mlflow-auth.sh",
        'source "$SCRIPT"; rc=$?; echo "rc=$rc"; echo "token=${MLFLOW_TRACKING_TOKEN-<unset>}";'
        " declare -F | grep -c __mlflow_auth || true",
    ),
    Shell(
        "fish",
        SCRIPTS / "mlflow-auth.fish",
        "source $SCRIPT; set rc $status; echo rc=$rc;"
        ' if set -q MLFLOW_TRACKING_TOKEN; echo "token=$MLFLOW_TRACKING_TOKEN";'
        " else; echo token=\\<unset\\>; end; functions --all | string match -e __mlflow_auth"
        " | count",
    ),
]


@dataclass(frozen=True)
class Outcome:
    rc: int
    token: str
    leftovers: int
    stderr: str


def shell_path(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} not found: run tools/install/51_fish.sh (fish) or install {name}")
    return path


@pytest.fixture
def endpoint() -> Iterator[TokenEndpoint]:
    with running_token_endpoint(client_secret=CLIENT_SECRET, password=PASSWORD) as ep:
        yield ep


def source(
    shell: Shell, endpoint: TokenEndpoint, overrides: dict[str, str] | None = None
) -> Outcome:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(ROOT / ".cache"),  # fish wants a HOME; nothing is written for these probes
        "LANG": "C.UTF-8",
        "SCRIPT": str(shell.script),
        "MLFLOW_KEYCLOAK_TOKEN_URL": endpoint.url,
        "MLFLOW_KEYCLOAK_CLIENT_ID": endpoint.client_id,
        "MLFLOW_CLIENT_SECRET": endpoint.client_secret,
        "MLFLOW_AUTH_USERNAME": endpoint.username,
        "MLFLOW_AUTH_PASSWORD": endpoint.password,
    }
    env.update(overrides or {})
    env = {k: v for k, v in env.items() if v != "<unset>"}
    result = subprocess.run(
        [shell_path(shell.name), "-c", shell.probe],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    for secret in (CLIENT_SECRET, PASSWORD, "wrong-password", *endpoint.issued):
        assert secret not in result.stderr, f"{shell.name} printed a secret on stderr"
    lines = dict(line.split("=", 1) for line in result.stdout.splitlines() if "=" in line)
    counts = [line for line in result.stdout.splitlines() if line.isdigit()]
    assert "rc" in lines and counts, (result.stdout, result.stderr)
    return Outcome(int(lines["rc"]), lines["token"], int(counts[-1]), result.stderr)


@pytest.mark.parametrize("shell", SHELLS, ids=lambda s: s.name)
def test_success_exports_the_issued_token(shell: Shell, endpoint: TokenEndpoint) -> None:
    out = source(shell, endpoint)
    assert out.rc == 0, out.stderr
    assert len(endpoint.issued) == 1
    assert out.token == endpoint.issued[0]
    assert out.leftovers == 0, "helper functions left in the user's shell"
    # Exactly the Keycloak password grant of docs/overlays/homelab.md, values intact.
    assert endpoint.requests == [
        {
            "grant_type": ["password"],
            "client_id": [endpoint.client_id],
            "client_secret": [CLIENT_SECRET],
            "username": [endpoint.username],
            "password": [PASSWORD],
            "scope": ["openid"],
        }
    ]


@pytest.mark.parametrize("shell", SHELLS, ids=lambda s: s.name)
def test_wrong_password_fails_without_exporting(shell: Shell, endpoint: TokenEndpoint) -> None:
    out = source(shell, endpoint, {"MLFLOW_AUTH_PASSWORD": "wrong-password"})
    assert out.rc != 0
    assert out.token == "<unset>"
    assert endpoint.issued == []
    assert "failed (HTTP 401): Invalid user credentials" in out.stderr
    assert out.leftovers == 0


@pytest.mark.parametrize("shell", SHELLS, ids=lambda s: s.name)
def test_failure_keeps_a_previous_token(shell: Shell, endpoint: TokenEndpoint) -> None:
    out = source(
        shell,
        endpoint,
        {
            "MLFLOW_CLIENT_SECRET": "not-the-client-secret",
            "MLFLOW_TRACKING_TOKEN": "previous-token",
        },
    )
    assert out.rc != 0
    assert out.token == "previous-token"
    assert "(HTTP 401): Invalid client or Invalid client credentials" in out.stderr


@pytest.mark.parametrize("shell", SHELLS, ids=lambda s: s.name)
def test_missing_variables_are_named(shell: Shell, endpoint: TokenEndpoint) -> None:
    out = source(shell, endpoint, {"MLFLOW_CLIENT_SECRET": "<unset>", "MLFLOW_AUTH_USERNAME": ""})
    assert out.rc != 0
    assert out.token == "<unset>"
    assert "not set: MLFLOW_CLIENT_SECRET MLFLOW_AUTH_USERNAME" in out.stderr
    assert endpoint.requests == []


@pytest.mark.parametrize("shell", SHELLS, ids=lambda s: s.name)
def test_unreachable_endpoint_fails_cleanly(shell: Shell, endpoint: TokenEndpoint) -> None:
    out = source(shell, endpoint, {"MLFLOW_KEYCLOAK_TOKEN_URL": "http://127.0.0.1:9/token"})
    assert out.rc != 0
    assert out.token == "<unset>"
    assert "mlflow-auth: cannot reach http://127.0.0.1:9/token: curl: (7)" in out.stderr


def test_bash_script_refuses_to_run_unsourced(endpoint: TokenEndpoint) -> None:
    result = subprocess.run(
        [shell_path("bash"), str(SCRIPTS / "mlflow-auth.sh")],
        env={"PATH": os.environ.get("PATH", "/usr/bin:/bin")},
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert result.returncode == 2
    assert "source this file" in result.stderr
    assert endpoint.requests == []
