"""jobs/mlflow_users.py against a real `mlflow server --app-name basic-auth`
(docs/overlays/gke-gcs.md, Bootstrap Jobs).

The Job runs as a subprocess, as in its container; its effects are checked by logging in as the
users it manages, not by reading its own output.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import requests

from tests.servers.mlflow_server import (  # noqa: F401
    BasicAuthMlflow,
    basic_auth_server,
    running_basic_auth_mlflow,
)
from tests.servers.postgres import PostgresServer, postgres_server  # noqa: F401
from tests.servers.processes import free_port

ROOT = Path(__file__).resolve().parents[2]
BRIDGE_PASSWORD = "bridge-pw-0123456789"  # what oauth2-proxy forwards for every GitHub user
ALICE = "alice@example.com"
BOB = "bob@example.com"
CONFIG = {
    "users": [
        {
            "username": ALICE,
            "experiments": [{"name": "qwen", "permission": "READ"}],
            "registered_models": [{"name": "qwen-7b", "permission": "READ"}],
        },
        {"username": BOB, "experiments": [{"name": "qwen", "permission": "EDIT"}]},
    ]
}


def run_job(
    tmp_path: Path,
    base_url: str,
    admin: tuple[str, str],
    config: object = CONFIG,
    **extra_env: str,
) -> subprocess.CompletedProcess[str]:
    config_path = tmp_path / "users.json"
    config_path.write_text(json.dumps(config))
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "MLFLOW_TRACKING_URI": base_url,
        "MLFLOW_TRACKING_USERNAME": admin[0],
        "MLFLOW_TRACKING_PASSWORD": admin[1],
        "MLFLOW_BRIDGE_PASSWORD": BRIDGE_PASSWORD,
        "MLFLOW_USERS_CONFIG": str(config_path),
        **extra_env,
    }
    result = subprocess.run(
        [sys.executable, str(ROOT / "jobs" / "mlflow_users.py")],
        check=False,
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    for secret in (admin[1], BRIDGE_PASSWORD):
        assert secret not in result.stdout + result.stderr, "the Job printed a secret"
    return result


def as_user(
    server: BasicAuthMlflow, user: str, password: str, method: str, path: str, **kw: Any
) -> requests.Response:
    return requests.request(
        method, f"{server.base_url}{path}", auth=(user, password), timeout=60, **kw
    )


def admin_call(server: BasicAuthMlflow, method: str, path: str, **kw: Any) -> dict[str, Any]:
    resp = as_user(server, server.admin_username, server.admin_password, method, path, **kw)
    assert resp.ok, f"{method} {path}: {resp.status_code} {resp.text}"
    body: dict[str, Any] = resp.json() if resp.content else {}
    return body


def experiment_id(server: BasicAuthMlflow, name: str) -> str:
    got = admin_call(
        server, "GET", "/api/2.0/mlflow/experiments/get-by-name", params={"experiment_name": name}
    )
    return str(got["experiment"]["experiment_id"])


def grants(server: BasicAuthMlflow, user: str) -> dict[tuple[str, str], tuple[int, str]]:
    """(resource_type, resource_pattern) -> (role_permission_id, permission), read from MLflow."""
    roles = admin_call(
        server, "GET", "/api/3.0/mlflow/users/roles/list", params={"username": user}
    )["roles"]
    return {
        (rp["resource_type"], rp["resource_pattern"]): (rp["id"], rp["permission"])
        for role in roles
        for rp in role["permissions"]
    }


def can_read_experiment(server: BasicAuthMlflow, user: str, password: str, name: str) -> int:
    return as_user(
        server,
        user,
        password,
        "GET",
        "/api/2.0/mlflow/experiments/get-by-name",
        params={"experiment_name": name},
    ).status_code


def create_run_status(server: BasicAuthMlflow, user: str, password: str, exp_id: str) -> int:
    return as_user(
        server,
        user,
        password,
        "POST",
        "/api/2.0/mlflow/runs/create",
        json={"experiment_id": exp_id},
    ).status_code


@pytest.mark.servers
def test_job_creates_then_is_idempotent_then_converges(
    basic_auth_server: BasicAuthMlflow,  # noqa: F811
    tmp_path: Path,
) -> None:
    server = basic_auth_server
    admin = (server.admin_username, server.admin_password)

    # Before: nobody but the admin exists.
    assert can_read_experiment(server, ALICE, BRIDGE_PASSWORD, "Default") == 401

    # Run 1 creates users, the experiment, the model, and the grants.
    first = run_job(tmp_path, server.base_url, admin)
    assert first.returncode == 0, first.stderr
    assert f"user {ALICE}: created" in first.stdout
    assert "experiment qwen: created" in first.stdout
    exp_id = experiment_id(server, "qwen")

    # docs/overlays/gke-gcs.md: the user logs in with the bridge password, reads the experiment ...
    assert can_read_experiment(server, ALICE, BRIDGE_PASSWORD, "qwen") == 200
    assert can_read_experiment(server, ALICE, "not-the-bridge-pw", "qwen") == 401
    # ... but READ refuses writes, while EDIT allows them.
    assert create_run_status(server, ALICE, BRIDGE_PASSWORD, exp_id) == 403
    assert create_run_status(server, BOB, BRIDGE_PASSWORD, exp_id) == 200
    model = as_user(
        server,
        ALICE,
        BRIDGE_PASSWORD,
        "GET",
        "/api/2.0/mlflow/registered-models/get",
        params={"name": "qwen-7b"},
    )
    assert model.status_code == 200
    rename = as_user(
        server,
        ALICE,
        BRIDGE_PASSWORD,
        "PATCH",
        "/api/2.0/mlflow/registered-models/update",
        json={"name": "qwen-7b", "description": "x"},
    )
    assert rename.status_code == 403
    assert {key: perm for key, (_, perm) in grants(server, ALICE).items()} == {
        ("experiment", exp_id): "READ",
        ("registered_model", "qwen-7b"): "READ",
    }
    assert {key: perm for key, (_, perm) in grants(server, BOB).items()} == {
        ("experiment", exp_id): "EDIT"
    }

    # Run 2 changes nothing.
    before = {u: grants(server, u) for u in (ALICE, BOB)}
    second = run_job(tmp_path, server.base_url, admin)
    assert second.returncode == 0, second.stderr
    for word in ("created", "granted", "updated"):
        assert word not in second.stdout, second.stdout
    assert {u: grants(server, u) for u in (ALICE, BOB)} == before

    # By hand (another route than the Job's): an admin raises alice to MANAGE and rotates her
    # password.
    for path, extra in (
        ("/api/3.0/mlflow/users/permissions/revoke", {}),
        ("/api/3.0/mlflow/users/permissions/grant", {"permission": "MANAGE"}),
    ):
        body = {"username": ALICE, "resource_type": "experiment", "resource_id": exp_id}
        admin_call(server, "POST", path, json={**body, **extra})
    rp_id, permission = grants(server, ALICE)[("experiment", exp_id)]
    assert permission == "MANAGE"
    admin_call(
        server,
        "PATCH",
        "/api/2.0/mlflow/users/update-password",
        json={"username": ALICE, "password": "rotated-by-hand-42"},
    )
    assert create_run_status(server, ALICE, "rotated-by-hand-42", exp_id) == 200

    # Run 3 converges the permission back to READ and leaves the password alone.
    third = run_job(tmp_path, server.base_url, admin)
    assert third.returncode == 0, third.stderr
    assert f"user {ALICE}: experiment qwen READ: updated MANAGE -> READ" in third.stdout
    assert grants(server, ALICE)[("experiment", exp_id)] == (rp_id, "READ")
    assert create_run_status(server, ALICE, "rotated-by-hand-42", exp_id) == 403
    assert can_read_experiment(server, ALICE, BRIDGE_PASSWORD, "qwen") == 401


@pytest.mark.servers
def test_wrong_admin_password_fails_with_one_line(
    basic_auth_server: BasicAuthMlflow,  # noqa: F811
    tmp_path: Path,
) -> None:
    server = basic_auth_server
    result = run_job(tmp_path, server.base_url, (server.admin_username, "wrong-password-123"))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "401" in lines[0] and "admin credentials" in lines[0]
    assert "created" not in result.stdout


@pytest.mark.servers
def test_waits_for_a_server_that_starts_late(
    postgres_server: PostgresServer,  # noqa: F811
    tmp_path: Path,
) -> None:
    port = free_port()
    admin_password = "late-admin-password-123"
    config_path = tmp_path / "users.json"
    config_path.write_text(json.dumps(CONFIG))
    out, err = tmp_path / "job.out", tmp_path / "job.err"
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "MLFLOW_TRACKING_URI": f"http://127.0.0.1:{port}",
        "MLFLOW_TRACKING_USERNAME": "admin",
        "MLFLOW_TRACKING_PASSWORD": admin_password,
        "MLFLOW_BRIDGE_PASSWORD": BRIDGE_PASSWORD,
        "MLFLOW_USERS_CONFIG": str(config_path),
        "MLFLOW_USERS_WAIT_ATTEMPTS": "200",
        "MLFLOW_USERS_WAIT_SECONDS": "1",
        "MLFLOW_USERS_WAIT_MAX_SECONDS": "2",
    }
    with open(out, "w") as stdout, open(err, "w") as stderr:
        job = subprocess.Popen(
            [sys.executable, str(ROOT / "jobs" / "mlflow_users.py")],
            cwd=ROOT,
            env=env,
            stdout=stdout,
            stderr=stderr,
            text=True,
        )
    try:
        # The Job polls a port nobody listens on yet ...
        deadline = time.monotonic() + 30
        while "waiting for" not in out.read_text() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert "waiting for" in out.read_text(), err.read_text()
        assert job.poll() is None
        # ... then the server comes up on it, and the Job carries on.
        with running_basic_auth_mlflow(
            postgres_server, port=port, admin_password=admin_password, wait=False
        ) as server:
            deadline = time.monotonic() + 540
            while job.poll() is None and time.monotonic() < deadline:
                server.server.fail_if_exited()
                time.sleep(0.5)
            returncode = job.wait(timeout=5)
    finally:
        if job.poll() is None:
            job.kill()
            job.wait()
    stdout_text = out.read_text()
    assert returncode == 0, err.read_text()
    assert f"user {ALICE}: created" in stdout_text
    assert admin_password not in stdout_text + err.read_text()


def test_unreachable_server_gives_up_after_bounded_tries(tmp_path: Path) -> None:
    port = free_port()  # nothing listens here
    started = time.monotonic()
    result = run_job(
        tmp_path,
        f"http://127.0.0.1:{port}",
        ("admin", "admin-password-123"),
        MLFLOW_USERS_WAIT_ATTEMPTS="3",
        MLFLOW_USERS_WAIT_SECONDS="1",
    )
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"mlflow_users: error: server unreachable after 3 tries: "
        f"http://127.0.0.1:{port}/health (ConnectionError)"
    ]
    assert result.stdout.count("waiting for") == 2
    assert time.monotonic() - started < 30


@pytest.mark.parametrize(
    ("config", "message"),
    [
        (
            {"users": [{"username": ALICE, "experiments": [{"name": "q", "permission": "ALL"}]}]},
            "users[0].experiments[0].permission must be one of",
        ),
        ({"users": [{"username": ALICE}, {"username": ALICE}]}, "listed twice"),
        ({"people": []}, 'expected {"users": [...]}'),
        ({"users": [{"username": ALICE, "groups": []}]}, "users[0] needs 'username'"),
    ],
)
def test_bad_config_is_rejected_before_any_call(
    tmp_path: Path, config: object, message: str
) -> None:
    # Port 9 (discard) on loopback: if the Job tried the network first, it would report that.
    result = run_job(tmp_path, "http://127.0.0.1:9", ("admin", "admin-password-123"), config)
    assert result.returncode == 1
    assert message in result.stderr
    assert result.stdout == ""


def test_short_bridge_password_is_rejected(tmp_path: Path) -> None:
    config_path = tmp_path / "users.json"
    config_path.write_text(json.dumps(CONFIG))
    result = subprocess.run(
        [sys.executable, str(ROOT / "jobs" / "mlflow_users.py")],  # the container's form
        check=False,
        env={
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "MLFLOW_TRACKING_URI": "http://127.0.0.1:9",
            "MLFLOW_TRACKING_USERNAME": "admin",
            "MLFLOW_TRACKING_PASSWORD": "admin-password-123",
            "MLFLOW_BRIDGE_PASSWORD": "short",
            "MLFLOW_USERS_CONFIG": str(config_path),
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "MLFLOW_BRIDGE_PASSWORD must be at least 12 characters" in result.stderr
    assert "short" not in result.stderr.replace("MLFLOW_BRIDGE_PASSWORD", "")
