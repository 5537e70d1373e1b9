"""jobs/generate_secrets.py against a real kube-apiserver with RBAC (tests/servers/kube_apiserver).

The Job runs as a subprocess the way the container runs it (`python /scripts/<name>.py`), with a
real ServiceAccount token limited by a Role, and every result is read back with the admin token.
"""

from __future__ import annotations

import base64
import copy
import json
import os
import string
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from tests.servers.kube_apiserver import (
    KubeApiServer,
    KubeCluster,
    kube_apiserver,  # noqa: F401
)
from tests.servers.processes import free_port

ROOT = Path(__file__).resolve().parents[2]
JOB = ROOT / "jobs" / "generate_secrets.py"
SA = "generate-secrets"
RACERS = 4

ALPHABETS = {
    "alnum": set(string.ascii_letters + string.digits),
    "urlsafe": set(string.ascii_letters + string.digits + "-_"),
    "hex": set("0123456789abcdef"),
}

# What the overlays need, in the config shape the Job documents.
CONFIG: list[dict[str, Any]] = [
    {
        "name": "mlflow-oidc-secret-key",
        "labels": {"app.kubernetes.io/part-of": "mlflow", "app.kubernetes.io/component": "auth"},
        "keys": {"SECRET_KEY": {"kind": "token", "bytes": 32}},
    },
    {
        "name": "oauth2-proxy-cookie",
        "labels": {"app.kubernetes.io/part-of": "mlflow"},
        "keys": {"cookie-secret": {"kind": "token", "bytes": 32, "encoding": "base64url"}},
    },
    {
        "name": "mlflow-admin",
        "keys": {
            "username": {"kind": "literal", "value": "admin"},
            "password": {"kind": "password", "length": 24, "alphabet": "urlsafe"},
        },
    },
    {
        "name": "mlflow-db",
        "keys": {
            "password": {"kind": "password", "length": 32},
            "api-key": {"kind": "token", "bytes": 24, "encoding": "base64"},
        },
    },
]
NAMES = [item["name"] for item in CONFIG]
# What the lead's Role grants: get/patch by name, create (cannot be restricted by name).
JOB_RULES: list[dict[str, Any]] = [
    {
        "apiGroups": [""],
        "resources": ["secrets"],
        "verbs": ["get", "patch"],
        "resourceNames": NAMES,
    },
    {"apiGroups": [""], "resources": ["secrets"], "verbs": ["create"]},
]


def run_job(
    api: KubeApiServer,
    namespace: str,
    token: str,
    config: list[dict[str, Any]],
    tmp_path: Path,
    *,
    url: str | None = None,
    attempts: int = 5,
    backoff: float = 0.5,
    wait: bool = True,
) -> subprocess.Popen[str]:
    run_dir = Path(os.path.realpath(tmp_path)) / f"run-{time.monotonic_ns()}"
    run_dir.mkdir()
    (run_dir / "token").write_text(token)
    (run_dir / "config.json").write_text(json.dumps(config))
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "GENERATE_SECRETS_CONFIG": str(run_dir / "config.json"),
        "KUBE_API_URL": url or api.url,
        "KUBE_TOKEN_FILE": str(run_dir / "token"),
        "KUBE_CA_FILE": str(api.ca_file),
        "KUBE_NAMESPACE": namespace,
        "KUBE_API_ATTEMPTS": str(attempts),
        "KUBE_API_BACKOFF": str(backoff),
    }
    process = subprocess.Popen(
        [sys.executable, str(JOB)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    if wait:
        process.wait(timeout=120)
    return process


def finish(process: subprocess.Popen[str], timeout: float = 120) -> tuple[int, str, str]:
    out, err = process.communicate(timeout=timeout)
    return process.returncode, out, err


def job_ok(api: KubeApiServer, ns: str, token: str, config: Any, tmp_path: Path) -> str:
    code, out, err = finish(run_job(api, ns, token, config, tmp_path))
    assert code == 0, f"Job failed ({code}):\n{out}\n{err}"
    assert err == ""
    return out


def read_secret(api: KubeApiServer, namespace: str, name: str) -> dict[str, Any]:
    return api.admin("GET", f"/api/v1/namespaces/{namespace}/secrets/{name}")


def values(api: KubeApiServer, namespace: str, name: str) -> dict[str, str]:
    data = read_secret(api, namespace, name).get("data") or {}
    return {key: base64.b64decode(value).decode() for key, value in data.items()}


def check_value(spec: dict[str, Any], value: str) -> None:
    """The value has the length and alphabet its config entry asks for."""
    kind = spec["kind"]
    if kind == "literal":
        assert value == spec["value"]
    elif kind == "password":
        assert len(value) == spec["length"]
        assert set(value) <= ALPHABETS[spec.get("alphabet", "alnum")], value
    else:
        encoding = spec.get("encoding", "hex")
        if encoding == "hex":
            assert set(value) <= ALPHABETS["hex"]
            raw = bytes.fromhex(value)
        elif encoding == "base64url":
            assert "+" not in value and "/" not in value
            raw = base64.urlsafe_b64decode(value)
        else:
            raw = base64.b64decode(value, validate=True)
        assert len(raw) == spec["bytes"]


@pytest.fixture
def namespace(kube_apiserver: KubeCluster) -> tuple[str, str]:  # noqa: F811
    """A fresh namespace and a token of the Job's ServiceAccount in it."""
    api = kube_apiserver.api
    ns = api.create_namespace("gen")
    return ns, api.service_account(ns, SA, JOB_RULES)


@pytest.mark.servers
def test_first_run_creates_every_secret_with_the_configured_shape(
    kube_apiserver: KubeCluster,  # noqa: F811
    namespace: tuple[str, str],
    tmp_path: Path,
) -> None:
    api = kube_apiserver.api
    ns, token = namespace
    out = job_ok(api, ns, token, CONFIG, tmp_path)

    assert out.splitlines() == [
        f"created secret {ns}/{item['name']} (keys {','.join(item['keys'])})" for item in CONFIG
    ]
    generated: list[str] = []
    for item in CONFIG:
        secret = read_secret(api, ns, item["name"])
        assert secret["type"] == "Opaque"
        assert secret["metadata"].get("labels", {}) == item.get("labels", {})
        got = values(api, ns, item["name"])
        assert set(got) == set(item["keys"])
        for key, spec in item["keys"].items():
            check_value(spec, got[key])
            if spec["kind"] != "literal":
                generated.append(got[key])
                assert got[key] not in out  # never printed
    assert len(set(generated)) == len(generated), "two keys got the same value"


@pytest.mark.servers
def test_values_differ_between_two_fresh_namespaces(
    kube_apiserver: KubeCluster,  # noqa: F811
    tmp_path: Path,
) -> None:
    api = kube_apiserver.api
    runs = []
    for _ in range(2):
        ns = api.create_namespace("rand")
        job_ok(api, ns, api.service_account(ns, SA, JOB_RULES), CONFIG, tmp_path)
        runs.append({item["name"]: values(api, ns, item["name"]) for item in CONFIG})
    for item in CONFIG:
        for key, spec in item["keys"].items():
            first, second = runs[0][item["name"]][key], runs[1][item["name"]][key]
            if spec["kind"] == "literal":
                assert first == second == spec["value"]
            else:
                assert first != second, f"{item['name']}/{key} repeated across namespaces"


@pytest.mark.servers
def test_second_run_changes_nothing(
    kube_apiserver: KubeCluster,  # noqa: F811
    namespace: tuple[str, str],
    tmp_path: Path,
) -> None:
    api = kube_apiserver.api
    ns, token = namespace
    job_ok(api, ns, token, CONFIG, tmp_path)
    before = {name: read_secret(api, ns, name) for name in NAMES}

    out = job_ok(api, ns, token, CONFIG, tmp_path)

    assert out.splitlines() == [f"found secret {ns}/{name} (unchanged)" for name in NAMES]
    for name in NAMES:
        after = read_secret(api, ns, name)
        assert after["metadata"]["resourceVersion"] == before[name]["metadata"]["resourceVersion"]
        assert after["data"] == before[name]["data"]


@pytest.mark.servers
def test_a_new_key_in_the_config_is_added_alone(
    kube_apiserver: KubeCluster,  # noqa: F811
    namespace: tuple[str, str],
    tmp_path: Path,
) -> None:
    api = kube_apiserver.api
    ns, token = namespace
    job_ok(api, ns, token, CONFIG, tmp_path)
    before = {name: read_secret(api, ns, name) for name in NAMES}
    config = copy.deepcopy(CONFIG)
    config[0]["keys"]["SALT"] = {"kind": "password", "length": 40, "alphabet": "hex"}

    out = job_ok(api, ns, token, config, tmp_path)

    first = NAMES[0]
    assert out.splitlines() == [
        f"added keys SALT to secret {ns}/{first}",
        *(f"found secret {ns}/{name} (unchanged)" for name in NAMES[1:]),
    ]
    after = read_secret(api, ns, first)
    assert set(after["data"]) == {"SECRET_KEY", "SALT"}
    assert after["data"]["SECRET_KEY"] == before[first]["data"]["SECRET_KEY"]
    assert after["metadata"]["labels"] == before[first]["metadata"]["labels"]
    salt = base64.b64decode(after["data"]["SALT"]).decode()
    check_value(config[0]["keys"]["SALT"], salt)
    assert salt not in out
    for name in NAMES[1:]:
        unchanged = read_secret(api, ns, name)
        assert (
            unchanged["metadata"]["resourceVersion"] == before[name]["metadata"]["resourceVersion"]
        )


@pytest.mark.servers
def test_an_operator_value_is_never_overwritten(
    kube_apiserver: KubeCluster,  # noqa: F811
    namespace: tuple[str, str],
    tmp_path: Path,
) -> None:
    api = kube_apiserver.api
    ns, token = namespace
    chosen = {
        "mlflow-admin": {"username": "root"},  # a literal differing from the config stays
        "mlflow-db": {"password": "operator-chose-this", "api-key": "operator-key"},
    }
    for name, data in chosen.items():
        encoded = {key: base64.b64encode(value.encode()).decode() for key, value in data.items()}
        api.admin(
            "POST",
            f"/api/v1/namespaces/{ns}/secrets",
            {"metadata": {"name": name, "labels": {"owner": "operator"}}, "data": encoded},
        )

    out = job_ok(api, ns, token, CONFIG, tmp_path)

    assert f"added keys password to secret {ns}/mlflow-admin" in out.splitlines()
    assert f"found secret {ns}/mlflow-db (unchanged)" in out.splitlines()
    admin = values(api, ns, "mlflow-admin")
    assert admin["username"] == "root"
    check_value(CONFIG[2]["keys"]["password"], admin["password"])
    assert values(api, ns, "mlflow-db") == chosen["mlflow-db"]
    for name in chosen:
        assert read_secret(api, ns, name)["metadata"]["labels"] == {"owner": "operator"}


RACE_CONFIG: list[dict[str, Any]] = [
    {"name": f"race-{index}", "keys": {"value": {"kind": "token", "bytes": 16}}}
    for index in range(30)
]
RACE_RULES: list[dict[str, Any]] = [
    {
        "apiGroups": [""],
        "resources": ["secrets"],
        "verbs": ["get", "patch"],
        "resourceNames": [item["name"] for item in RACE_CONFIG],
    },
    {"apiGroups": [""], "resources": ["secrets"], "verbs": ["create"]},
]


def race(
    api: KubeApiServer, ns: str, token: str, config: list[dict[str, Any]], tmp_path: Path
) -> list[str]:
    """Four runs at once over 30 Secrets: in practice some request loses a race (409)."""
    runs = [run_job(api, ns, token, config, tmp_path, wait=False) for _ in range(RACERS)]
    results = [finish(run) for run in runs]
    for code, out, err in results:
        assert code == 0, f"{out}\n{err}"
    return [line for _, out, _ in results for line in out.splitlines()]


@pytest.mark.servers
def test_concurrent_runs_create_each_secret_once(
    kube_apiserver: KubeCluster,  # noqa: F811
    tmp_path: Path,
) -> None:
    api = kube_apiserver.api
    ns = api.create_namespace("race")
    token = api.service_account(ns, SA, RACE_RULES)

    lines = race(api, ns, token, RACE_CONFIG, tmp_path)

    for item in RACE_CONFIG:
        ref = f"{ns}/{item['name']}"
        assert lines.count(f"created secret {ref} (keys value)") == 1, lines
        assert lines.count(f"found secret {ref} (unchanged)") == RACERS - 1, lines


@pytest.mark.servers
def test_concurrent_runs_add_a_new_key_once(
    kube_apiserver: KubeCluster,  # noqa: F811
    tmp_path: Path,
) -> None:
    api = kube_apiserver.api
    ns = api.create_namespace("race")
    token = api.service_account(ns, SA, RACE_RULES)
    job_ok(api, ns, token, RACE_CONFIG, tmp_path)
    config = copy.deepcopy(RACE_CONFIG)
    for item in config:
        item["keys"]["extra"] = {"kind": "password", "length": 20}

    lines = race(api, ns, token, config, tmp_path)

    # Without the resourceVersion precondition, two runs would both "add" (overwrite) a key.
    for item in config:
        ref = f"{ns}/{item['name']}"
        assert lines.count(f"added keys extra to secret {ref}") == 1, lines
        assert lines.count(f"found secret {ref} (unchanged)") == RACERS - 1, lines


@pytest.mark.servers
def test_missing_create_permission_fails_naming_it(
    kube_apiserver: KubeCluster,  # noqa: F811
    tmp_path: Path,
) -> None:
    api = kube_apiserver.api
    ns = api.create_namespace("nocreate")
    token = api.service_account(ns, SA, JOB_RULES[:1])

    code, out, err = finish(run_job(api, ns, token, CONFIG, tmp_path))

    assert code == 1
    assert out == ""
    assert len(err.splitlines()) == 1, err
    assert "'create' on secrets" in err
    assert f"namespace '{ns}'" in err
    missing = api.request("GET", f"/api/v1/namespaces/{ns}/secrets/{NAMES[0]}")
    assert missing.status_code == 404


@pytest.mark.servers
def test_a_rejected_token_fails_in_one_line(
    kube_apiserver: KubeCluster,  # noqa: F811
    tmp_path: Path,
) -> None:
    api = kube_apiserver.api
    ns = api.create_namespace("badtoken")

    code, out, err = finish(run_job(api, ns, "not-a-token", CONFIG, tmp_path))

    assert code == 1
    assert out == ""
    assert len(err.splitlines()) == 1, err
    assert "unauthorized (401)" in err


@pytest.mark.servers
def test_waits_for_an_api_server_that_is_still_starting(
    kube_apiserver: KubeCluster,  # noqa: F811
    namespace: tuple[str, str],
    tmp_path: Path,
) -> None:
    ns, token = namespace
    port = free_port()
    url = f"https://127.0.0.1:{port}"
    # 0.5 + 1 + 2 + 4 + 8 + 10 * 9 s: about 105 s of patience, bounded.
    job = run_job(kube_apiserver.api, ns, token, CONFIG, tmp_path, url=url, attempts=15, wait=False)
    time.sleep(2)
    assert job.poll() is None, "the Job gave up before the API server started"
    with kube_apiserver.another_apiserver(port, wait=False):
        code, out, err = finish(job, timeout=150)

    assert code == 0, f"{out}\n{err}"
    assert f"waiting for Kubernetes API at {url}" in out
    for name in NAMES:
        assert f"created secret {ns}/{name}" in out
        assert read_secret(kube_apiserver.api, ns, name)["data"]


@pytest.mark.servers
def test_gives_up_within_the_bound_when_the_api_server_never_comes(
    kube_apiserver: KubeCluster,  # noqa: F811
    namespace: tuple[str, str],
    tmp_path: Path,
) -> None:
    ns, token = namespace
    url = f"https://127.0.0.1:{free_port()}"
    started = time.monotonic()

    code, out, err = finish(
        run_job(kube_apiserver.api, ns, token, CONFIG, tmp_path, url=url, attempts=3, backoff=0.2)
    )

    elapsed = time.monotonic() - started
    assert code == 1
    assert out.count("waiting for Kubernetes API") == 2
    assert len(err.splitlines()) == 1
    assert "unreachable or not ready after 3 tries" in err
    assert elapsed < 15, f"took {elapsed:.1f}s for 3 tries with 0.2 s backoff"


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        (
            {"name": "s", "keys": {"k": {"kind": "token", "bytes": 8}}},
            "secret 's' key 'k': 'bytes' must be an integer from 16 to 1024",
        ),
        (
            {"name": "s", "keys": {"k": {"kind": "password", "length": 20, "alphabet": "emoji"}}},
            "secret 's' key 'k': 'alphabet' must be one of alnum, hex, urlsafe",
        ),
        (
            {"name": "s", "keys": {"k": {"kind": "token", "bytes": 32, "lenght": 3}}},
            "secret 's' key 'k': unknown field(s) lenght for token",
        ),
        (
            {"name": "s", "keys": {"k": {"kind": "random"}}},
            "secret 's' key 'k': 'kind' must be one of literal, password, token",
        ),
        ({"name": "S_bad", "keys": {}}, "config[0]: 'name' must be a DNS subdomain name"),
        ({"name": "s", "keys": {}}, "secret 's': 'keys' must be a non-empty object"),
    ],
)
def test_a_bad_config_fails_before_any_api_call(
    entry: dict[str, Any], message: str, tmp_path: Path
) -> None:
    config = tmp_path / "config.json"
    config.write_text(json.dumps([entry]))
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "GENERATE_SECRETS_CONFIG": str(config),
        "KUBE_NAMESPACE": "ns",
        # Unroutable on purpose: a config error must surface before any connection.
        "KUBE_API_URL": "https://127.0.0.1:1",
    }
    result = subprocess.run(
        [sys.executable, str(ROOT / "jobs" / "generate_secrets.py")],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr == f"generate_secrets: error: {message}\n"
