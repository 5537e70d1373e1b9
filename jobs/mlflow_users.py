"""Declare MLflow basic-auth users and their permissions (docs/overlays/gke-gcs.md, Bootstrap Jobs).

Every GitHub user reaches MLflow through oauth2-proxy, which forwards HTTP basic auth with the
user's e-mail and ONE shared "bridge" password (Secret `oauth2-mlflow-creds`). So each user must
exist in MLflow's basic-auth store with that bridge password and the permissions we declare.
This Job converges that state and can run on every sync:

- missing users are created with the bridge password; an existing user's password is never
  changed (an admin may have rotated it on purpose);
- missing experiments / registered models named in the config are created;
- declared permissions are granted, or updated when they differ; grants that are not declared are
  left alone (an admin may have added them by hand).

Environment:
  MLFLOW_TRACKING_URI        server address, e.g. http://mlflow.mlflow.svc:5000
  MLFLOW_TRACKING_USERNAME   MLflow admin (Secret mlflow-tracking / mlflow-creds)
  MLFLOW_TRACKING_PASSWORD   its password
  MLFLOW_BRIDGE_PASSWORD     password oauth2-proxy forwards for every user (>= 12 characters)
  MLFLOW_USERS_CONFIG        path of the JSON config below
  MLFLOW_USERS_WAIT_ATTEMPTS tries before giving up on an unreachable server (default 30)
  MLFLOW_USERS_WAIT_SECONDS  first back-off delay in seconds, doubled per try (default 2)
  MLFLOW_USERS_WAIT_MAX_SECONDS  cap of that delay (default 30)

Config (JSON):
  {"users": [{"username": "alice@example.com",
              "experiments": [{"name": "qwen", "permission": "READ"}],
              "registered_models": [{"name": "qwen-7b", "permission": "READ"}]}]}
  permission: one of READ, USE, EDIT, MANAGE, NO_PERMISSIONS. Both lists are optional.

Works with the unified permission API of MLflow >= 3.16 (`/api/3.0/mlflow/users/permissions/*`,
the synthetic per-user role) and with the legacy per-resource API of older servers such as the
Bitnami 3.3.2 image (`/api/2.0/mlflow/experiments/permissions/*`).

Exit codes: 0 converged, 1 configuration or credential problem, 2 server unreachable.
Run as `python /scripts/mlflow_users.py`, next to jobkit.py (as its ConfigMap ships them):
stdlib and requests only.
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import requests

import jobkit
from jobkit import JobError

log = jobkit.Log("mlflow_users")
PERMISSIONS = ("READ", "USE", "EDIT", "MANAGE", "NO_PERMISSIONS")
MIN_PASSWORD_LENGTH = 12  # MLflow's own password policy; fail early with a clear message.
REQUEST_TIMEOUT = 60.0  # basic auth hashes the password on every request: slow on small pods.
SYNTHETIC_ROLE = re.compile(r"^__user_\d+__$")


# --------------------------------------------------------------------------- configuration


@dataclass(frozen=True)
class Grant:
    name: str
    permission: str


@dataclass(frozen=True)
class User:
    username: str
    experiments: tuple[Grant, ...]
    registered_models: tuple[Grant, ...]


@dataclass(frozen=True)
class Settings:
    tracking_uri: str
    admin_username: str
    admin_password: str
    bridge_password: str
    users: tuple[User, ...]
    wait_attempts: int
    wait_seconds: float
    wait_max_seconds: float


def _grants(raw: object, where: str) -> tuple[Grant, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise JobError(f"config: {where} must be a list")
    grants: list[Grant] = []
    for i, item in enumerate(raw):
        at = f"{where}[{i}]"
        if not isinstance(item, dict) or set(item) != {"name", "permission"}:
            raise JobError(f'config: {at} must be {{"name": ..., "permission": ...}}')
        name, permission = item["name"], item["permission"]
        if not isinstance(name, str) or not name:
            raise JobError(f"config: {at}.name must be a non-empty string")
        if permission not in PERMISSIONS:
            raise JobError(f"config: {at}.permission must be one of {', '.join(PERMISSIONS)}")
        grants.append(Grant(name, permission))
    return tuple(grants)


def parse_config(data: object) -> tuple[User, ...]:
    """Validate the config once, here; the rest of the Job trusts it."""
    if not isinstance(data, dict) or set(data) != {"users"} or not isinstance(data["users"], list):
        raise JobError('config: expected {"users": [...]} and nothing else')
    users: list[User] = []
    seen: set[str] = set()
    for i, item in enumerate(data["users"]):
        at = f"users[{i}]"
        allowed = {"username", "experiments", "registered_models"}
        if not isinstance(item, dict) or "username" not in item or set(item) - allowed:
            raise JobError(f"config: {at} needs 'username' and only {sorted(allowed)}")
        username = item["username"]
        if not isinstance(username, str) or not username:
            raise JobError(f"config: {at}.username must be a non-empty string")
        if username in seen:
            raise JobError(f"config: {at}.username {username!r} is listed twice")
        seen.add(username)
        users.append(
            User(
                username,
                _grants(item.get("experiments"), f"{at}.experiments"),
                _grants(item.get("registered_models"), f"{at}.registered_models"),
            )
        )
    return tuple(users)


def load_config(environ: Mapping[str, str], files: Mapping[str, str]) -> Settings:
    """The Job's settings from its environment and its users (a ConfigMap file)."""
    env = jobkit.Env.of(environ)
    users = parse_config(jobkit.read_json(env, files, "MLFLOW_USERS_CONFIG"))
    bridge = env.require("MLFLOW_BRIDGE_PASSWORD")
    if len(bridge) < MIN_PASSWORD_LENGTH:
        raise JobError(f"MLFLOW_BRIDGE_PASSWORD must be at least {MIN_PASSWORD_LENGTH} characters")
    return Settings(
        tracking_uri=env.require("MLFLOW_TRACKING_URI").rstrip("/"),
        admin_username=env.require("MLFLOW_TRACKING_USERNAME"),
        admin_password=env.require("MLFLOW_TRACKING_PASSWORD"),
        bridge_password=bridge,
        users=users,
        wait_attempts=env.integer("MLFLOW_USERS_WAIT_ATTEMPTS", 30, low=1),
        wait_seconds=float(env.integer("MLFLOW_USERS_WAIT_SECONDS", 2, low=1)),
        wait_max_seconds=float(env.integer("MLFLOW_USERS_WAIT_MAX_SECONDS", 30, low=1)),
    )


# --------------------------------------------------------------------------- HTTP


class Api:
    """MLflow REST calls as the admin; maps HTTP failures to one-line JobErrors."""

    def __init__(self, settings: Settings) -> None:
        self.base = settings.tracking_uri
        self.session = requests.Session()
        self.session.auth = (settings.admin_username, settings.admin_password)

    def raw(
        self,
        method: str,
        path: str,
        *,
        params: dict[str, str] | None = None,
        body: dict[str, Any] | None = None,
    ) -> requests.Response:
        """The answer, after the failures no caller can handle (network, 401, Host check)."""
        try:
            resp = self.session.request(
                method, f"{self.base}{path}", params=params, json=body, timeout=REQUEST_TIMEOUT
            )
        except requests.RequestException as e:
            raise JobError(f"{method} {path}: {type(e).__name__}", 2) from None
        if resp.status_code == 401:
            raise JobError("MLflow rejected the admin credentials (401): check the admin Secret")
        if resp.status_code == 403 and "Host header" in resp.text:
            host = urlsplit(self.base).netloc
            raise JobError(
                f"MLflow rejected Host {host!r} (403): add it to MLFLOW_SERVER_ALLOWED_HOSTS"
            )
        return resp

    def call(
        self,
        method: str,
        path: str,
        *,
        params: dict[str, str] | None = None,
        body: dict[str, Any] | None = None,
        missing_ok: bool = False,
    ) -> dict[str, Any] | None:
        """JSON of a 2xx answer; None for a 404 when missing_ok; JobError otherwise."""
        resp = self.raw(method, path, params=params, body=body)
        if resp.status_code == 404 and missing_ok:
            return None
        if not resp.ok:
            raise JobError(f"{method} {path}: HTTP {resp.status_code}: {_error_message(resp)}")
        if not resp.content:
            return {}
        try:
            payload = resp.json()
        except ValueError:
            raise JobError(f"{method} {path}: answer is not JSON") from None
        return payload if isinstance(payload, dict) else {}


def _error_message(resp: requests.Response) -> str:
    try:
        payload = resp.json()
    except ValueError:
        return resp.text.strip().splitlines()[0][:200] if resp.text.strip() else resp.reason
    if isinstance(payload, dict) and "message" in payload:
        return str(payload["message"])[:200]
    return str(payload)[:200]


def wait_for_server(settings: Settings) -> None:
    """Poll /health (no auth, no Host check) with capped exponential back-off."""
    url = f"{settings.tracking_uri}/health"
    waits = jobkit.delays(settings.wait_seconds, settings.wait_max_seconds)
    last = ""
    for attempt in range(1, settings.wait_attempts + 1):
        try:
            resp = requests.get(url, timeout=10)
            if resp.status_code == 200:
                log(f"server {settings.tracking_uri} is up (try {attempt})")
                return
            last = f"HTTP {resp.status_code}"
        except requests.RequestException as e:
            last = type(e).__name__
        if attempt < settings.wait_attempts:
            log(f"waiting for {url} ({last}), try {attempt}/{settings.wait_attempts}")
            time.sleep(next(waits))
    raise JobError(f"server unreachable after {settings.wait_attempts} tries: {url} ({last})", 2)


# --------------------------------------------------------------------------- permissions


class Permissions:
    """Declared grant -> created / updated / unchanged, on whichever API the server has."""

    def __init__(self, api: Api) -> None:
        self.api = api
        # Servers before the role API answer Flask's HTML 404 (no such route); newer ones answer
        # an MLflow error JSON for the unknown user.
        probe = api.raw("GET", "/api/3.0/mlflow/users/roles/list", params={"username": "__probe__"})
        self.unified = probe.ok or "RESOURCE_DOES_NOT_EXIST" in probe.text

    def converge(self, username: str, resource_type: str, resource_id: str, want: str) -> str:
        if self.unified:
            return self._converge_unified(username, resource_type, resource_id, want)
        return self._converge_legacy(username, resource_type, resource_id, want)

    def _converge_unified(
        self, username: str, resource_type: str, resource_id: str, want: str
    ) -> str:
        roles = self.api.call(
            "GET", "/api/3.0/mlflow/users/roles/list", params={"username": username}
        )
        for role in (roles or {}).get("roles", []):
            if not SYNTHETIC_ROLE.match(str(role.get("name", ""))):
                continue
            for rp in role.get("permissions", []):
                if rp.get("resource_type") == resource_type and str(
                    rp.get("resource_pattern")
                ) == str(resource_id):
                    if rp.get("permission") == want:
                        return "unchanged"
                    self.api.call(
                        "PATCH",
                        "/api/3.0/mlflow/roles/permissions/update",
                        body={"role_permission_id": rp["id"], "permission": want},
                    )
                    return f"updated {rp.get('permission')} -> {want}"
        self.api.call(
            "POST",
            "/api/3.0/mlflow/users/permissions/grant",
            body={
                "username": username,
                "resource_type": resource_type,
                "resource_id": str(resource_id),
                "permission": want,
            },
        )
        return "granted"

    def _converge_legacy(
        self, username: str, resource_type: str, resource_id: str, want: str
    ) -> str:
        if resource_type == "experiment":
            base, key, field = (
                "/api/2.0/mlflow/experiments/permissions",
                "experiment_id",
                "experiment_permission",
            )
        else:
            base, key, field = (
                "/api/2.0/mlflow/registered-models/permissions",
                "name",
                "registered_model_permission",
            )
        ident = {key: str(resource_id), "username": username}
        current = self.api.call("GET", f"{base}/get", params=ident, missing_ok=True)
        if current is None:
            self.api.call("POST", f"{base}/create", body={**ident, "permission": want})
            return "granted"
        have = current.get(field, {}).get("permission")
        if have == want:
            return "unchanged"
        self.api.call("PATCH", f"{base}/update", body={**ident, "permission": want})
        return f"updated {have} -> {want}"


# --------------------------------------------------------------------------- steps


def check_admin(api: Api, settings: Settings) -> None:
    found = api.call(
        "GET",
        "/api/2.0/mlflow/users/get",
        params={"username": settings.admin_username},
        missing_ok=True,
    )
    if found is None:
        raise JobError("no /api/2.0/mlflow/users/get: is the server running --app-name basic-auth?")
    if not found.get("user", {}).get("is_admin", False):
        raise JobError(f"user {settings.admin_username!r} is not an MLflow admin")
    log(f"admin {settings.admin_username} authenticated")


def ensure_user(api: Api, username: str, password: str) -> None:
    if api.call("GET", "/api/2.0/mlflow/users/get", params={"username": username}, missing_ok=True):
        log(f"user {username}: found (password left unchanged)")
        return
    api.call(
        "POST", "/api/2.0/mlflow/users/create", body={"username": username, "password": password}
    )
    log(f"user {username}: created with the bridge password")


def ensure_experiment(api: Api, name: str) -> str:
    found = api.call(
        "GET",
        "/api/2.0/mlflow/experiments/get-by-name",
        params={"experiment_name": name},
        missing_ok=True,
    )
    if found is not None:
        experiment_id = str(found["experiment"]["experiment_id"])
        log(f"experiment {name}: found (id {experiment_id})")
        return experiment_id
    created = api.call("POST", "/api/2.0/mlflow/experiments/create", body={"name": name})
    experiment_id = str((created or {})["experiment_id"])
    log(f"experiment {name}: created (id {experiment_id})")
    return experiment_id


def ensure_registered_model(api: Api, name: str) -> None:
    found = api.call(
        "GET", "/api/2.0/mlflow/registered-models/get", params={"name": name}, missing_ok=True
    )
    if found is not None:
        log(f"registered model {name}: found")
        return
    api.call("POST", "/api/2.0/mlflow/registered-models/create", body={"name": name})
    log(f"registered model {name}: created")


def run(settings: Settings) -> None:
    wait_for_server(settings)
    api = Api(settings)
    check_admin(api, settings)
    experiment_ids = {
        name: ensure_experiment(api, name)
        for name in dict.fromkeys(g.name for u in settings.users for g in u.experiments)
    }
    for name in dict.fromkeys(g.name for u in settings.users for g in u.registered_models):
        ensure_registered_model(api, name)
    permissions = Permissions(api)
    for user in settings.users:
        ensure_user(api, user.username, settings.bridge_password)
        for grant in user.experiments:
            outcome = permissions.converge(
                user.username, "experiment", experiment_ids[grant.name], grant.permission
            )
            log(f"user {user.username}: experiment {grant.name} {grant.permission}: {outcome}")
        for grant in user.registered_models:
            outcome = permissions.converge(
                user.username, "registered_model", grant.name, grant.permission
            )
            log(
                f"user {user.username}: registered model {grant.name} {grant.permission}: {outcome}"
            )
    log(f"done: {len(settings.users)} user(s) converged")


def main() -> int:
    return jobkit.main(log, load_config, run)


if __name__ == "__main__":
    sys.exit(main())
