"""Bootstrap Job: MLflow's Keycloak client, realm roles and apps identity, declaratively.

The Keycloak setup of docs/overlays/homelab.md (Bootstrap Jobs) as a convergent Job: each run reads
the realm through the admin REST API, compares it with the desired state and changes only what
differs, logging one line per object: `created`, `updated (<fields>)` or `unchanged`. Anything it
does not manage (other clients, other mappers or scopes on the client) is left alone.

Environment:
- KEYCLOAK_URL              base URL, e.g. http://keycloak.keycloak.svc:8080
- KEYCLOAK_REALM            realm holding the client, e.g. thinkube (the platform owns it)
- KEYCLOAK_ADMIN_USERNAME / KEYCLOAK_ADMIN_PASSWORD   an admin of the master realm
- MLFLOW_CLIENT_SECRET      the client's secret: generated once into a Secret by another Job;
                            this Job sets the client to it, so it never rotates it
- MLFLOW_APPS_PASSWORD      initial password of the apps identity (docs/overlays/homelab.md)
- KEYCLOAK_BOOTSTRAP_CONFIG path of the JSON desired state below (a ConfigMap)
- KEYCLOAK_WAIT_TIMEOUT_SECONDS (default 300) bounds the wait for Keycloak (exponential backoff,
  1 s doubling to 10 s); KEYCLOAK_HTTP_TIMEOUT_SECONDS (default 10) bounds each request.

Config JSON (every key required unless marked optional):
    {
      "client": {                       # a subset of Keycloak's ClientRepresentation
        "clientId": "mlflow",
        "protocol": "openid-connect",
        "enabled": true,
        "publicClient": false,
        "standardFlowEnabled": true,
        "implicitFlowEnabled": false,
        "directAccessGrantsEnabled": true,
        "redirectUris": ["https://mlflow.example.com/*", ...],      # compared as sets
        "webOrigins": ["https://mlflow.example.com", "+"],           # compared as sets
        "attributes": {"access.token.lifespan": "3600",              # only these keys compared
                       "post.logout.redirect.uris": "+"},
        "defaultClientScopes": ["email", "profile", "roles", "openid", "offline_access"],
        "optionalClientScopes": ["address", "phone"],
        "protocolMappers": [                                         # matched by name
          {"name": "mlflow-realm-role-mapper", "protocol": "openid-connect",
           "protocolMapper": "oidc-usermodel-realm-role-mapper",
           "config": {"claim.name": "realm_access.roles", "multivalued": "true", ...}}
        ]
      },
      "realmRoles": [{"name": "mlflow-admin", "description": "..."}, ...],
      "roleAssignments": [{"username": "tkadmin", "realmRoles": ["mlflow-admin"]}],
      "appsIdentity": {"username": "mlflow-apps", "email": "...", "firstName": "...",
                       "lastName": "...", "realmRoles": ["mlflow-user"]}
    }

Semantics:
- Client: the listed fields are set back when they drift; the secret is set to
  MLFLOW_CLIENT_SECRET (logged as `secret set`, never printed). Attribute and mapper `config`
  keys not listed keep whatever Keycloak holds.
- Client scopes: each listed default scope is attached as default, each optional one as
  optional (moved if it sits in the other list). Scopes not listed are kept: Keycloak attaches
  realm defaults such as `basic` (the `sub` claim) and `web-origins`, which tokens need.
  `openid` is the OpenID Connect protocol scope, always granted; Keycloak has no client scope of
  that name, so it is skipped with a log line unless the realm defines one. Any other missing
  scope fails the run.
- Users: the platform owns the role-assignment users (homelab: `tkadmin`); a missing one fails the
  run. The apps identity is created with MLFLOW_APPS_PASSWORD if missing; an existing one keeps
  its password (rotation is a deliberate operator act) but gets its roles and `enabled` back.
- Realm roles are never deleted, role mappings never removed.
A rejected admin login fails at once, before any change. Exit status 1 with one line on stderr.
Run as `python /scripts/keycloak_bootstrap.py`, next to jobkit.py (as its ConfigMap ships them).
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import requests

import jobkit
from jobkit import JobError, NotReady

log = jobkit.Log("keycloak_bootstrap")
OPENID = "openid"
# Flags of the client compared one by one (redirectUris / webOrigins are compared as sets).
CLIENT_SCALARS = (
    "protocol",
    "enabled",
    "publicClient",
    "standardFlowEnabled",
    "implicitFlowEnabled",
    "directAccessGrantsEnabled",
)
CLIENT_SETS = ("redirectUris", "webOrigins")

Json = dict[str, Any]


@dataclass(frozen=True)
class Settings:
    url: str
    realm: str
    admin_user: str
    admin_password: str
    client_secret: str
    apps_password: str
    config: Json
    wait_timeout: float
    http_timeout: float


def _expect(obj: Any, key: str, kind: type | tuple[type, ...], where: str) -> Any:
    if not isinstance(obj, dict) or key not in obj:
        raise JobError(f"config: {where}.{key} is required")
    value = obj[key]
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise JobError(f"config: {where}.{key} has the wrong type ({type(value).__name__})")
    return value


def _validate_client(client: Json) -> None:
    _expect(client, "clientId", str, "client")
    for key in CLIENT_SCALARS:
        _expect(client, key, str if key == "protocol" else bool, "client")
    for key in (*CLIENT_SETS, "defaultClientScopes", "optionalClientScopes", "protocolMappers"):
        _expect(client, key, list, "client")
    for key, value in _expect(client, "attributes", dict, "client").items():
        if not isinstance(value, str):
            raise JobError(f"config: client.attributes.{key} must be a string")
    for i, mapper in enumerate(client["protocolMappers"]):
        for key in ("name", "protocol", "protocolMapper"):
            _expect(mapper, key, str, f"client.protocolMappers[{i}]")
        for key, value in _expect(mapper, "config", dict, f"client.protocolMappers[{i}]").items():
            if not isinstance(value, str):
                raise JobError(f"config: client.protocolMappers[{i}].config.{key}: string")


def validate_config(config: Any) -> Json:
    """Check the shape once at the edge; the rest of the Job trusts it."""
    if not isinstance(config, dict):
        raise JobError("config: top level must be an object")
    _validate_client(_expect(config, "client", dict, "$"))
    for i, role in enumerate(_expect(config, "realmRoles", list, "$")):
        _expect(role, "name", str, f"realmRoles[{i}]")
    for i, item in enumerate(_expect(config, "roleAssignments", list, "$")):
        _expect(item, "username", str, f"roleAssignments[{i}]")
        _expect(item, "realmRoles", list, f"roleAssignments[{i}]")
    apps = _expect(config, "appsIdentity", dict, "$")
    for key in ("username", "email", "firstName", "lastName"):
        _expect(apps, key, str, "appsIdentity")
    _expect(apps, "realmRoles", list, "appsIdentity")
    declared = {role["name"] for role in config["realmRoles"]}
    wanted = {r for a in (*config["roleAssignments"], apps) for r in a["realmRoles"]}
    if wanted - declared:
        raise JobError(f"config: roles {sorted(wanted - declared)} not in realmRoles")
    return config


def load_config(environ: Mapping[str, str], files: Mapping[str, str]) -> Settings:
    """The Job's settings from its environment and its desired state (a ConfigMap file)."""
    env = jobkit.Env.of(environ)
    config = jobkit.read_json(env, files, "KEYCLOAK_BOOTSTRAP_CONFIG")
    return Settings(
        url=env.require("KEYCLOAK_URL").rstrip("/"),
        realm=env.require("KEYCLOAK_REALM"),
        admin_user=env.require("KEYCLOAK_ADMIN_USERNAME"),
        admin_password=env.require("KEYCLOAK_ADMIN_PASSWORD"),
        client_secret=env.require("MLFLOW_CLIENT_SECRET"),
        apps_password=env.require("MLFLOW_APPS_PASSWORD"),
        config=validate_config(config),
        wait_timeout=env.number("KEYCLOAK_WAIT_TIMEOUT_SECONDS", 300, low=0),
        http_timeout=env.number("KEYCLOAK_HTTP_TIMEOUT_SECONDS", 10, low=0.1),
    )


class Admin:
    """The admin REST API of one realm, logged in through the master realm's admin-cli."""

    def __init__(self, s: Settings) -> None:
        self.s = s
        self.http = requests.Session()
        self.token = ""

    def wait_ready(self) -> None:
        # The master realm's discovery answers 503 while Keycloak bootstraps, 200 once it serves.
        probe = f"{self.s.url}/realms/master/.well-known/openid-configuration"

        def attempt() -> None:
            try:
                response = self.http.get(probe, timeout=self.s.http_timeout)
            except requests.RequestException as exc:
                raise NotReady(type(exc).__name__) from None
            if response.status_code != 200:
                raise NotReady(f"HTTP {response.status_code}")

        jobkit.wait_for(
            f"Keycloak at {self.s.url}", attempt, timeout=self.s.wait_timeout, log=log, cap=10.0
        )

    def login(self) -> None:
        response = self.http.post(
            f"{self.s.url}/realms/master/protocol/openid-connect/token",
            data={
                "grant_type": "password",
                "client_id": "admin-cli",
                "username": self.s.admin_user,
                "password": self.s.admin_password,
            },
            timeout=self.s.http_timeout,
        )
        if response.status_code in (400, 401):
            raise JobError(
                f"admin login as {self.s.admin_user!r} rejected (HTTP {response.status_code}): "
                "check KEYCLOAK_ADMIN_USERNAME / KEYCLOAK_ADMIN_PASSWORD"
            )
        if response.status_code != 200:
            raise JobError(f"admin login failed: HTTP {response.status_code}")
        self.token = str(response.json()["access_token"])

    def call(self, method: str, path: str, body: Any = None, ok: tuple[int, ...] = ()) -> Any:
        """One admin request; `path` is below /admin/realms/<realm>. None when 404 is in `ok`."""
        url = f"{self.s.url}/admin/realms/{quote(self.s.realm, safe='')}{path}"
        for retry in (True, False):
            response = self.http.request(
                method,
                url,
                json=body,
                headers={"Authorization": f"Bearer {self.token}"},
                timeout=self.s.http_timeout,
            )
            # admin-cli tokens live 60 s by default: log in again once when one expires.
            if response.status_code == 401 and retry:
                self.login()
                continue
            break
        if response.status_code == 404 and 404 in ok:
            return None
        if response.status_code >= 300:
            detail = response.text[:200].replace("\n", " ")
            raise JobError(f"{method} {path}: HTTP {response.status_code}: {detail}")
        return response.json() if response.content else None


def ensure_realm_roles(api: Admin, roles: list[Json]) -> None:
    for role in roles:
        name = role["name"]
        path = f"/roles/{quote(name, safe='')}"
        current = api.call("GET", path, ok=(404,))
        desired = {"name": name, "description": role.get("description", "")}
        if current is None:
            api.call("POST", "/roles", desired)
            log(f"realm role {name}: created")
        elif current.get("description", "") != desired["description"]:
            api.call("PUT", path, {**current, "description": desired["description"]})
            log(f"realm role {name}: updated (description)")
        else:
            log(f"realm role {name}: unchanged")


def _client_drift(current: Json, desired: Json) -> list[str]:
    fields = [k for k in CLIENT_SCALARS if current.get(k) != desired[k]]
    fields += [k for k in CLIENT_SETS if set(current.get(k) or []) != set(desired[k])]
    attributes = current.get("attributes") or {}
    fields += [
        f"attributes.{k}" for k, v in desired["attributes"].items() if attributes.get(k) != v
    ]
    return fields


def _client_body(current: Json, desired: Json, secret: str) -> Json:
    body = {**current, **{k: desired[k] for k in (*CLIENT_SCALARS, *CLIENT_SETS)}}
    body["attributes"] = {**(current.get("attributes") or {}), **desired["attributes"]}
    body["clientAuthenticatorType"] = "client-secret"
    body["secret"] = secret
    # Mappers and scopes are converged through their own endpoints; PUT must not replay them.
    for key in ("protocolMappers", "defaultClientScopes", "optionalClientScopes"):
        body.pop(key, None)
    return body


def ensure_client(api: Admin, desired: Json, secret: str) -> str:
    """Create or converge the client; returns its internal id."""
    client_id = desired["clientId"]
    found = api.call("GET", f"/clients?clientId={quote(client_id, safe='')}")
    if not found:
        body = _client_body({"clientId": client_id}, desired, secret)
        api.call("POST", "/clients", body)
        found = api.call("GET", f"/clients?clientId={quote(client_id, safe='')}")
        log(f"client {client_id}: created (secret set from MLFLOW_CLIENT_SECRET)")
        return str(found[0]["id"])
    current = found[0]
    uuid = str(current["id"])
    drift = _client_drift(current, desired)
    stored = api.call("GET", f"/clients/{uuid}/client-secret") or {}
    if stored.get("value") != secret:
        drift.append("secret")
    if drift:
        api.call("PUT", f"/clients/{uuid}", _client_body(current, desired, secret))
        log(f"client {client_id}: updated ({', '.join(drift)})")
    else:
        log(f"client {client_id}: unchanged")
    return uuid


def ensure_mappers(api: Admin, uuid: str, mappers: list[Json]) -> None:
    existing = {m["name"]: m for m in api.call("GET", f"/clients/{uuid}/protocol-mappers/models")}
    base = f"/clients/{uuid}/protocol-mappers/models"
    for mapper in mappers:
        name = mapper["name"]
        current = existing.get(name)
        desired = {k: mapper[k] for k in ("name", "protocol", "protocolMapper", "config")}
        if current is None:
            api.call("POST", base, desired)
            log(f"protocol mapper {name}: created")
            continue
        if (current["protocol"], current["protocolMapper"]) != (
            desired["protocol"],
            desired["protocolMapper"],
        ):
            # Keycloak does not change a mapper's type in place.
            api.call("DELETE", f"{base}/{current['id']}")
            api.call("POST", base, desired)
            log(f"protocol mapper {name}: updated (recreated as {desired['protocolMapper']})")
            continue
        config = current.get("config") or {}
        drift = [k for k, v in desired["config"].items() if config.get(k) != v]
        if drift:
            body = {**current, "config": {**config, **desired["config"]}}
            api.call("PUT", f"{base}/{current['id']}", body)
            log(f"protocol mapper {name}: updated ({', '.join(drift)})")
        else:
            log(f"protocol mapper {name}: unchanged")


def ensure_client_scopes(api: Admin, uuid: str, default: list[str], optional: list[str]) -> None:
    realm_scopes = {s["name"]: s["id"] for s in api.call("GET", "/client-scopes")}
    attached = {
        kind: {s["name"] for s in api.call("GET", f"/clients/{uuid}/{kind}-client-scopes")}
        for kind in ("default", "optional")
    }
    for kind, names in (("default", default), ("optional", optional)):
        other = "optional" if kind == "default" else "default"
        for name in names:
            if name not in realm_scopes:
                if name == OPENID:
                    log(
                        "client scope openid: skipped (the OpenID Connect protocol scope, "
                        "always granted; the realm has no client scope of that name)"
                    )
                    continue
                raise JobError(f"client scope {name!r} does not exist in the realm")
            if name in attached[kind]:
                log(f"{kind} client scope {name}: unchanged")
                continue
            scope_id = realm_scopes[name]
            if name in attached[other]:
                api.call("DELETE", f"/clients/{uuid}/{other}-client-scopes/{scope_id}")
            api.call("PUT", f"/clients/{uuid}/{kind}-client-scopes/{scope_id}")
            moved = f" (moved from {other})" if name in attached[other] else ""
            log(f"{kind} client scope {name}: {'updated' if moved else 'created'}{moved}")


def _find_user(api: Admin, username: str) -> Json | None:
    found = api.call("GET", f"/users?username={quote(username, safe='')}&exact=true")
    matches = [u for u in found if u.get("username") == username.lower()]
    return matches[0] if matches else None


def ensure_user_roles(api: Admin, user: Json, role_names: list[str]) -> None:
    path = f"/users/{user['id']}/role-mappings/realm"
    have = {r["name"] for r in api.call("GET", path)}
    for name in role_names:
        if name in have:
            log(f"user {user['username']} role {name}: unchanged")
            continue
        role = api.call("GET", f"/roles/{quote(name, safe='')}")
        api.call("POST", path, [{"id": role["id"], "name": role["name"]}])
        log(f"user {user['username']} role {name}: created")


def ensure_role_assignments(api: Admin, assignments: list[Json]) -> None:
    for item in assignments:
        user = _find_user(api, item["username"])
        if user is None:
            raise JobError(
                f"user {item['username']!r} not found in realm {api.s.realm} "
                "(the platform creates it; this Job only assigns roles)"
            )
        ensure_user_roles(api, user, item["realmRoles"])


def ensure_apps_identity(api: Admin, apps: Json, password: str) -> None:
    username = apps["username"]
    profile = {k: apps[k] for k in ("email", "firstName", "lastName")}
    user = _find_user(api, username)
    if user is None:
        body = {
            "username": username,
            "enabled": True,
            "emailVerified": True,
            **profile,
            "credentials": [{"type": "password", "value": password, "temporary": False}],
        }
        api.call("POST", "/users", body)
        user = _find_user(api, username)
        if user is None:
            raise JobError(f"user {username!r} missing right after creation")
        log(f"apps identity {username}: created (password from MLFLOW_APPS_PASSWORD)")
    else:
        drift = [k for k, v in profile.items() if user.get(k) != v]
        drift += [] if user.get("enabled") else ["enabled"]
        if drift:
            body = {k: v for k, v in user.items() if k != "access"}
            api.call("PUT", f"/users/{user['id']}", {**body, **profile, "enabled": True})
            log(f"apps identity {username}: updated ({', '.join(drift)})")
        else:
            log(f"apps identity {username}: unchanged")
        log(f"apps identity {username}: password not reset (rotation is an operator act)")
    ensure_user_roles(api, user, apps["realmRoles"])


def run(s: Settings) -> None:
    api = Admin(s)
    api.wait_ready()
    api.login()
    if api.call("GET", "", ok=(404,)) is None:
        raise JobError(f"realm {s.realm!r} not found (the platform creates it)")
    config = s.config
    client = config["client"]
    ensure_realm_roles(api, config["realmRoles"])
    uuid = ensure_client(api, client, s.client_secret)
    ensure_mappers(api, uuid, client["protocolMappers"])
    ensure_client_scopes(api, uuid, client["defaultClientScopes"], client["optionalClientScopes"])
    ensure_role_assignments(api, config["roleAssignments"])
    ensure_apps_identity(api, config["appsIdentity"], s.apps_password)
    log("done")


def describe(exc: Exception) -> str | None:
    # The exception text can carry URLs but never credentials (they travel in bodies).
    if isinstance(exc, requests.RequestException):
        return f"Keycloak request failed: {type(exc).__name__}"
    return None


def main() -> int:
    return jobkit.main(log, load_config, run, describe=describe)


if __name__ == "__main__":
    sys.exit(main())
