"""Create the random Secrets every other component reads; a value, once written, never changes.

The only bootstrap Job that writes to the Kubernetes API. It talks to the REST API with
`requests` (the MLflow image has no Kubernetes client) using its ServiceAccount token.

Configuration (environment):
  GENERATE_SECRETS_CONFIG  path to the JSON file below (required)
  KUBE_API_URL             default https://$KUBERNETES_SERVICE_HOST:$KUBERNETES_SERVICE_PORT
  KUBE_TOKEN_FILE          default /var/run/secrets/kubernetes.io/serviceaccount/token
  KUBE_CA_FILE             default /var/run/secrets/kubernetes.io/serviceaccount/ca.crt
  KUBE_NAMESPACE           default namespace; else .../serviceaccount/namespace
  KUBE_API_ATTEMPTS        tries per call while the server is unreachable or starting; the
                           first call waits for /readyz (default 10: about 65 s in all)
  KUBE_API_BACKOFF         first wait in seconds, doubled per try, capped at 10 s (default 1)

Config file: a JSON list of Secrets, each
  {"name": "mlflow-oidc",                  # required, a DNS subdomain
   "namespace": "mlflow",                  # optional, default KUBE_NAMESPACE / the pod's
   "labels": {"app.kubernetes.io/part-of": "mlflow"},   # optional, set on create only
   "keys": {                               # required, at least one
     "SECRET_KEY":     {"kind": "token", "bytes": 32, "encoding": "hex"},
     "cookie-secret":  {"kind": "token", "bytes": 32, "encoding": "base64url"},
     "password":       {"kind": "password", "length": 32, "alphabet": "alnum"},
     "username":       {"kind": "literal", "value": "admin"}}}
  kinds:  token     `bytes` random bytes (16..1024), `encoding` hex (default) | base64 | base64url
          password  `length` characters (8..1024) from `alphabet`: alnum (default) | urlsafe | hex
          literal   `value` as given (a non-secret companion such as a user name)
  Unknown fields are errors, so a typo cannot silently produce a weaker secret.

Semantics:
  - missing Secret: created with every key (type Opaque, labels from the config);
  - existing Secret: keys it lacks are added with a merge PATCH that carries the resourceVersion
    read just before, so the API server rejects it (409) if anything changed in between; the Job
    then re-reads and retries. Existing keys, labels and values are never touched.
  - a create that loses a race (409 AlreadyExists) re-reads the winner's Secret and continues
    as for an existing one, so two concurrent runs converge on one set of values.

RBAC (namespaced Role): `get` and `patch` on secrets restricted by resourceNames, `create` on
secrets (Kubernetes cannot restrict `create` by name: the name is not known at authorization).
A resourceNames-restricted `get` of a missing Secret is authorized and answers 404, which is how
the Job learns it must create it. A 401/403 ends the run with one line naming the permission.

Output: one line per Secret on stdout; values are never printed. Exit 0 on success, 1 on an API
failure (unreachable, forbidden, rejected), 2 on a configuration error.
"""

from __future__ import annotations

import base64
import json
import re
import secrets
import string
import sys
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import requests

import jobkit

SA_DIR = "/var/run/secrets/kubernetes.io/serviceaccount"
DNS_SUBDOMAIN = re.compile(r"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")
SECRET_KEY_NAME = re.compile(r"^[-._a-zA-Z0-9]+$")
ALPHABETS = {
    "alnum": string.ascii_letters + string.digits,
    "urlsafe": string.ascii_letters + string.digits + "-_",
    "hex": "0123456789abcdef",
}
ENCODINGS: dict[str, Callable[[bytes], str]] = {
    "hex": bytes.hex,
    "base64": lambda raw: base64.b64encode(raw).decode("ascii"),
    "base64url": lambda raw: base64.urlsafe_b64encode(raw).decode("ascii"),
}
FIELDS = {
    "token": {"kind", "bytes", "encoding"},
    "password": {"kind", "length", "alphabet"},
    "literal": {"kind", "value"},
}
MAX_CONFLICT_RETRIES = 5
MAX_BACKOFF_SECONDS = 10.0
TIMEOUT_SECONDS = 10.0


# Lines stand alone (`created secret ns/name ...`): one per Secret, the Job's whole report.
log = jobkit.Log("generate_secrets", prefixed=False)
ConfigError = jobkit.JobError  # a configuration error: exit status 2 (jobkit.main)


class ApiError(jobkit.JobError):
    """The API server refused or could not be reached; the message is the one line to print."""


@dataclass(frozen=True)
class KeySpec:
    kind: str
    size: int = 0
    encoding: str = "hex"
    alphabet: str = "alnum"
    value: str = ""

    def generate(self) -> str:
        if self.kind == "token":
            return ENCODINGS[self.encoding](secrets.token_bytes(self.size))
        if self.kind == "password":
            chars = ALPHABETS[self.alphabet]
            return "".join(secrets.choice(chars) for _ in range(self.size))
        return self.value


@dataclass(frozen=True)
class SecretSpec:
    name: str
    namespace: str
    labels: Mapping[str, str]
    keys: Mapping[str, KeySpec]


# --- configuration -------------------------------------------------------------------------


def _int_field(where: str, raw: Mapping[str, Any], field: str, low: int, high: int) -> int:
    value = raw.get(field)
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ConfigError(f"{where}: '{field}' must be an integer from {low} to {high}")
    return value


def _choice_field(
    where: str, raw: Mapping[str, Any], field: str, choices: Mapping[str, object], default: str
) -> str:
    value = raw.get(field, default)
    if value not in choices:
        raise ConfigError(f"{where}: '{field}' must be one of {', '.join(sorted(choices))}")
    return str(value)


def parse_key(where: str, raw: object) -> KeySpec:
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: must be an object with a 'kind'")
    kind = raw.get("kind")
    if kind not in FIELDS:
        raise ConfigError(f"{where}: 'kind' must be one of {', '.join(sorted(FIELDS))}")
    unknown = set(raw) - FIELDS[kind]
    if unknown:
        raise ConfigError(f"{where}: unknown field(s) {', '.join(sorted(unknown))} for {kind}")
    if kind == "token":
        return KeySpec(
            kind,
            size=_int_field(where, raw, "bytes", 16, 1024),
            encoding=_choice_field(where, raw, "encoding", ENCODINGS, "hex"),
        )
    if kind == "password":
        return KeySpec(
            kind,
            size=_int_field(where, raw, "length", 8, 1024),
            alphabet=_choice_field(where, raw, "alphabet", ALPHABETS, "alnum"),
        )
    value = raw.get("value")
    if not isinstance(value, str):
        raise ConfigError(f"{where}: 'value' must be a string")
    return KeySpec(kind, value=value)


def parse_config(raw: object, default_namespace: Callable[[], str]) -> list[SecretSpec]:
    if not isinstance(raw, list) or not raw:
        raise ConfigError("config: must be a non-empty JSON list of secrets")
    specs: list[SecretSpec] = []
    seen: set[tuple[str, str]] = set()
    for index, item in enumerate(raw):
        if not isinstance(item, dict):
            raise ConfigError(f"config[{index}]: must be an object")
        name = item.get("name")
        if not isinstance(name, str) or len(name) > 253 or not DNS_SUBDOMAIN.match(name):
            raise ConfigError(f"config[{index}]: 'name' must be a DNS subdomain name")
        where = f"secret '{name}'"
        unknown = set(item) - {"name", "namespace", "labels", "keys"}
        if unknown:
            raise ConfigError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
        namespace = item.get("namespace") or default_namespace()
        if not isinstance(namespace, str) or not DNS_SUBDOMAIN.match(namespace):
            raise ConfigError(f"{where}: 'namespace' must be a DNS label")
        labels = item.get("labels", {})
        if not isinstance(labels, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in labels.items()
        ):
            raise ConfigError(f"{where}: 'labels' must map strings to strings")
        keys = item.get("keys")
        if not isinstance(keys, dict) or not keys:
            raise ConfigError(f"{where}: 'keys' must be a non-empty object")
        parsed: dict[str, KeySpec] = {}
        for key, key_raw in keys.items():
            if not SECRET_KEY_NAME.match(key):
                raise ConfigError(f"{where} key '{key}': a key may hold only [-._a-zA-Z0-9]")
            parsed[key] = parse_key(f"{where} key '{key}'", key_raw)
        if (namespace, name) in seen:
            raise ConfigError(f"{where}: listed twice in namespace '{namespace}'")
        seen.add((namespace, name))
        specs.append(SecretSpec(name, namespace, dict(labels), parsed))
    return specs


# --- Kubernetes API ------------------------------------------------------------------------


@dataclass(frozen=True)
class Response:
    status: int
    body: dict[str, Any]


class KubeApi:
    """The few REST calls the Job needs, with bounded retries while the server is unreachable."""

    def __init__(self, url: str, token: str, ca_file: str, attempts: int, backoff: float) -> None:
        self.url = url.rstrip("/")
        self.attempts = attempts
        self.backoff = backoff
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {token}"
        self.session.verify = ca_file

    def request(
        self,
        method: str,
        path: str,
        body: object = None,
        content_type: str = "application/json",
        *,
        until_ready: bool = False,
    ) -> Response:
        """Send one call; retry (bounded, with backoff) while there is no usable answer.

        Unusable: no connection, 429 or 5xx (overloaded or starting); with `until_ready`, also
        any answer but 200 and 401 (a starting server answers /readyz 403 until RBAC loads).
        """
        waits = jobkit.delays(self.backoff, MAX_BACKOFF_SECONDS)
        for attempt in range(1, self.attempts + 1):
            problem: str
            try:
                reply = self.session.request(
                    method,
                    self.url + path,
                    timeout=TIMEOUT_SECONDS,
                    data=None if body is None else json.dumps(body),
                    headers={"Content-Type": content_type},
                )
            except requests.RequestException as exc:
                problem = type(exc).__name__
            else:
                status = reply.status_code
                usable = status in {200, 401} if until_ready else status != 429 and status < 500
                if usable:
                    try:
                        parsed = reply.json()
                    except ValueError:
                        parsed = {}
                    return Response(status, parsed if isinstance(parsed, dict) else {})
                problem = f"HTTP {status}"
            if attempt == self.attempts:
                raise ApiError(
                    f"Kubernetes API at {self.url} unreachable or not ready after {attempt} "
                    f"tries (last: {problem} on {method} {path})"
                )
            delay = next(waits)
            log(
                f"waiting for Kubernetes API at {self.url}: try {attempt}/{self.attempts} "
                f"failed ({problem} on {method} {path}); retrying in {delay:.1f}s"
            )
            time.sleep(delay)
        raise AssertionError("unreachable")

    def wait_ready(self) -> None:
        """Poll /readyz so a Job started with the cluster waits instead of failing."""
        reply = self.request("GET", "/readyz", content_type="text/plain", until_ready=True)
        if reply.status == 401:
            raise ApiError(
                "unauthorized (401): the API server rejected the token in "
                "KUBE_TOKEN_FILE (expired, or not a token of this cluster)"
            )


def secret_path(namespace: str, name: str | None = None) -> str:
    path = f"/api/v1/namespaces/{namespace}/secrets"
    return path if name is None else f"{path}/{name}"


def fail_on_auth(reply: Response, verb: str, spec: SecretSpec) -> None:
    if reply.status == 401:
        raise ApiError("unauthorized (401): the API server rejected the token in KUBE_TOKEN_FILE")
    if reply.status == 403:
        scope = "" if verb == "create" else f" named '{spec.name}'"
        raise ApiError(
            f"forbidden (403): the Job's ServiceAccount needs '{verb}' on secrets{scope} in "
            f"namespace '{spec.namespace}' (add it to the Job's Role); server said: "
            f"{reply.body.get('message', 'no message')}"
        )


def unexpected(reply: Response, action: str, spec: SecretSpec) -> ApiError:
    message = reply.body.get("message", "no message")
    return ApiError(
        f"{action} secret {spec.namespace}/{spec.name} failed: HTTP {reply.status}: {message}"
    )


def encode(value: str) -> str:
    return base64.b64encode(value.encode("utf-8")).decode("ascii")


def ensure_secret(api: KubeApi, spec: SecretSpec) -> str:
    """Make the Secret hold every configured key; return the line to log."""
    ref = f"{spec.namespace}/{spec.name}"
    for _ in range(MAX_CONFLICT_RETRIES):
        current = api.request("GET", secret_path(spec.namespace, spec.name))
        fail_on_auth(current, "get", spec)
        if current.status == 404:
            body = {
                "apiVersion": "v1",
                "kind": "Secret",
                "type": "Opaque",
                "metadata": {
                    "name": spec.name,
                    "namespace": spec.namespace,
                    "labels": dict(spec.labels),
                },
                "data": {key: encode(k.generate()) for key, k in spec.keys.items()},
            }
            created = api.request("POST", secret_path(spec.namespace), body)
            fail_on_auth(created, "create", spec)
            if created.status == 201:
                return f"created secret {ref} (keys {','.join(spec.keys)})"
            if created.status == 409:
                continue  # another run created it first: read theirs, never overwrite it
            raise unexpected(created, "creating", spec)
        if current.status != 200:
            raise unexpected(current, "reading", spec)

        existing = current.body.get("data") or {}
        missing = [key for key in spec.keys if key not in existing]
        if not missing:
            return f"found secret {ref} (unchanged)"
        patch = {
            # The resourceVersion makes the patch conditional: 409 if the Secret changed since.
            "metadata": {"resourceVersion": current.body["metadata"]["resourceVersion"]},
            "data": {key: encode(spec.keys[key].generate()) for key in missing},
        }
        patched = api.request(
            "PATCH",
            secret_path(spec.namespace, spec.name),
            patch,
            content_type="application/merge-patch+json",
        )
        fail_on_auth(patched, "patch", spec)
        if patched.status == 200:
            return f"added keys {','.join(missing)} to secret {ref}"
        if patched.status != 409:
            raise unexpected(patched, "adding keys to", spec)
    raise ApiError(f"secret {ref} kept changing under the Job ({MAX_CONFLICT_RETRIES} conflicts)")


# --- entry point ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Settings:
    specs: list[SecretSpec]
    url: str
    token: str
    ca_file: str
    attempts: int
    backoff: float


def api_url(env: jobkit.Env) -> str:
    url = env.optional("KUBE_API_URL")
    if url:
        return url
    # The kubelet sets these two in every container.
    host = env.require("KUBERNETES_SERVICE_HOST", " (or set KUBE_API_URL)")
    port = env.optional("KUBERNETES_SERVICE_PORT", "443")
    return f"https://[{host}]:{port}" if ":" in host else f"https://{host}:{port}"


def load_config(environ: Mapping[str, str], files: Mapping[str, str]) -> Settings:
    """The Secrets to ensure (a ConfigMap file), the API server and the ServiceAccount's
    token and CA (files the kubelet mounts when the pod automounts its token)."""
    env = jobkit.Env.of(environ)

    def default_namespace() -> str:
        namespace = env.optional("KUBE_NAMESPACE")
        if namespace:
            return namespace
        path = f"{SA_DIR}/namespace"
        if path not in files:
            raise ConfigError(
                f"a secret has no 'namespace' and neither KUBE_NAMESPACE nor the pod's {path} "
                "is available"
            )
        return files[path].strip()

    specs = parse_config(jobkit.read_json(env, files, "GENERATE_SECRETS_CONFIG"), default_namespace)
    url = api_url(env)
    token_file = env.optional("KUBE_TOKEN_FILE", f"{SA_DIR}/token")
    token = jobkit.read_file(files, token_file, "token file (KUBE_TOKEN_FILE)").strip()
    ca_file = env.optional("KUBE_CA_FILE", f"{SA_DIR}/ca.crt")
    if ca_file not in files:
        raise ConfigError(f"CA file {ca_file} (KUBE_CA_FILE) does not exist")
    return Settings(
        specs=specs,
        url=url,
        token=token,
        ca_file=ca_file,
        attempts=env.integer("KUBE_API_ATTEMPTS", 10, low=1),
        backoff=env.number("KUBE_API_BACKOFF", 1.0, low=0.0),
    )


def run(s: Settings) -> None:
    api = KubeApi(s.url, s.token, s.ca_file, s.attempts, s.backoff)
    api.wait_ready()
    for spec in s.specs:
        log(ensure_secret(api, spec))


def main() -> int:
    return jobkit.main(log, load_config, run, config_exit=2)


if __name__ == "__main__":
    sys.exit(main())
