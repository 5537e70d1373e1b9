"""What every overlay's runtime test shares: images, rendered Jobs and pods, the users' workload.

An overlay's test builds a `Cluster` (Secret values, local servers standing in for cluster
host names), then runs the rendered bootstrap Jobs and the rendered MLflow pod through
tests.runtime.kubelet, then the users' workload (tests/runtime/workload.py) in the client venv.
"""

from __future__ import annotations

import contextlib
import json
import re
import subprocess
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import requests

from tests.runtime.kubelet import (
    ROOT,
    Cluster,
    Image,
    Pod,
    RunningPod,
    dockerfile_env,
    load_dir,
    run_pod,
    run_to_completion,
)

CACHE = ROOT / ".cache"
IMAGE_DIR = ROOT / "images" / "mlflow"
IMAGE_VENV = CACHE / "mlflow-venv"
BITNAMI_VENV = CACHE / "mlflow-bitnami-venv"
CLIENT_VENV = CACHE / "mlflow-client-venv"
CLIENT_BITNAMI_VENV = CACHE / "mlflow-client-bitnami-venv"
WORKLOAD = Path(__file__).with_name("workload.py")
SYSTEM_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

# Pod addresses: one loopback address per role, so servers keep their rendered ports.
MLFLOW_POD_IP = "127.0.0.10"


def _locked_version(package: str) -> str:
    text = (IMAGE_DIR / "requirements.txt").read_text()
    match = re.search(rf"^{re.escape(package)}(?:\[[^\]]*\])?==([^\s\\]+)", text, re.M)
    assert match, f"{package} is not pinned in images/mlflow/requirements.txt"
    return match.group(1)


def project_image_tag_prefix() -> str:
    """`<mlflow>-oidc<plugin>-`: the tag .github/workflows/image.yaml gives this lock."""
    return f"{_locked_version('mlflow')}-oidc{_locked_version('mlflow-oidc-auth')}-"


def _venv(path: Path, script: str) -> Path:
    if not (path / "bin" / "python").exists():
        pytest.fail(f"{path} missing: run {script} (make setup)")
    return path


def image_for(reference: str) -> Image:
    """The local stand-in of each image the overlays pull, with the image's own ENV."""
    repository, _, tag = reference.rpartition(":")
    if repository.endswith("bitnamilegacy/mlflow"):
        venv = _venv(BITNAMI_VENV, "tools/install/50_mlflow_runtime.sh")
        # Bitnami's mlflow image: /opt/bitnami/python/bin and /opt/bitnami/mlflow/bin on PATH,
        # HOME=/ (the chart mounts /tmp for writes), working directory /app.
        return Image(
            env={"PATH": f"{venv / 'bin'}:{SYSTEM_PATH}", "HOME": "/", "OS_FLAVOUR": "debian-12"},
            bin_dirs=(venv / "bin",),
            workdir="/app",
        )
    if repository.endswith("bitnamilegacy/os-shell"):
        return Image(env={"PATH": SYSTEM_PATH, "HOME": "/"}, bin_dirs=())
    if tag.startswith(project_image_tag_prefix()):
        venv = _venv(IMAGE_VENV, "tools/install/50_mlflow_runtime.sh")
        env = dockerfile_env(IMAGE_DIR / "Dockerfile")
        # python:<v>-slim puts its interpreter and console scripts in /usr/local/bin.
        return Image(
            env={**env, "PATH": f"{venv / 'bin'}:{SYSTEM_PATH}"},
            bin_dirs=(venv / "bin",),
            workdir="/tmp",
        )
    pytest.fail(
        f"{reference}: no local stand-in. The overlays' MLflow image tag must start with "
        f"{project_image_tag_prefix()!r} (images/mlflow/requirements.txt)"
    )


@dataclass
class Rendered:
    """One overlay's rendered folder."""

    folder: Path

    def __post_init__(self) -> None:
        self.objects = load_dir(self.folder)
        self.configmaps = {n: o for (k, n), o in self.objects.items() if k == "ConfigMap"}

    def get(self, kind: str, name: str) -> dict[str, Any]:
        return self.objects[(kind, name)]

    def pod(self, kind: str, name: str, cluster: Cluster, pod_ip: str) -> Pod:
        template = self.get(kind, name)["spec"]["template"]
        return Pod(name, template, self.configmaps, image_for, cluster, pod_ip)

    def jobs(self) -> list[str]:
        return sorted(n for (k, n) in self.objects if k == "Job")


def run_job(rendered: Rendered, name: str, cluster: Cluster, pod_ip: str) -> str:
    """A rendered Job's pod (init containers, then its container) to completion; its log."""
    pod = rendered.pod("Job", name, cluster, pod_ip)
    logs = pod.top / "logs"
    logs.mkdir(exist_ok=True)
    output = []
    specs = [*(pod.spec.get("initContainers") or []), *pod.spec["containers"]]
    for spec in specs:
        done = run_to_completion(pod.container(spec), f"{name}-{spec['name']}", logs, 300)
        output.append(done.output())
        assert done.popen.returncode == 0, (
            f"Job {name} container {spec['name']} exited {done.popen.returncode}:\n{done.tail()}"
        )
    return "\n".join(output)


GENERATED = "it writes Secrets through the Kubernetes API; the test supplies their values"
HOOK = "argocd.argoproj.io/hook"
WAVE = "argocd.argoproj.io/sync-wave"


def sync_jobs(
    rendered: Rendered, cluster: Cluster, pod_ip: str, *, skip: Mapping[str, str]
) -> dict[str, str]:
    """Every Sync-phase Job in Argo CD's order (wave, then name), as a sync runs them before
    the server's wave; `skip` names each Job left out, with the reason. Returns their logs."""
    jobs = []
    for name in rendered.jobs():
        annotations = rendered.get("Job", name)["metadata"].get("annotations") or {}
        if annotations.get(HOOK, "Sync") == "Sync":
            jobs.append((int(annotations.get(WAVE, "0")), name))
    unknown = set(skip) - {name for _, name in jobs}
    assert not unknown, f"skip names Jobs that are not rendered Sync hooks: {unknown}"
    return {
        name: run_job(rendered, name, cluster, pod_ip)
        for _, name in sorted(jobs)
        if name not in skip
    }


@contextlib.contextmanager
def server(rendered: Rendered, cluster: Cluster) -> Iterator[RunningPod]:
    pod = rendered.pod("Deployment", "mlflow", cluster, MLFLOW_POD_IP)
    with run_pod(pod) as running:
        yield running


@dataclass(frozen=True)
class Workload:
    """How the users' code reaches MLflow: its tracking URI and its own authentication."""

    tracking_uri: str
    auth_env: Mapping[str, str]
    # Service name:port -> pod address:target port (what cluster DNS + kube-proxy do).
    services: Mapping[str, str]
    # The users' MLflow client (the server's version, with scikit-learn).
    client: Path = CLIENT_VENV

    def run(
        self, phase: str, state: Path, timeout: float = 600, extra: Mapping[str, str] = {}
    ) -> dict[str, Any]:
        python = _venv(self.client, "tools/install/5x_mlflow_client*.sh") / "bin" / "python"
        env = {
            "PATH": f"{python.parent}:{SYSTEM_PATH}",
            "HOME": str(state.parent),
            "MLFLOW_TRACKING_URI": self.tracking_uri,
            "WORKLOAD_SERVICES": ",".join(f"{k}={v}" for k, v in self.services.items()),
            "PYTHONUNBUFFERED": "1",
            **self.auth_env,
            **extra,
        }
        result = subprocess.run(
            [str(python), str(WORKLOAD), phase, str(state)],
            env=env,
            cwd=state.parent,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
        report: dict[str, Any] = json.loads(lines[-1]) if lines else {}
        assert result.returncode == 0, (
            f"workload {phase} failed: {json.dumps(report, indent=1)}\n{result.stderr[-3000:]}"
        )
        return report


def service_routes(rendered: Rendered, pod_ip: str) -> dict[str, str]:
    """Every name:port of the server's Service -> the pod's address and target port."""
    service = rendered.get("Service", "mlflow")
    namespace = service["metadata"]["namespace"]
    container = rendered.get("Deployment", "mlflow")["spec"]["template"]["spec"]["containers"][0]
    named = {p["name"]: p["containerPort"] for p in container["ports"]}
    routes = {}
    for port in service["spec"]["ports"]:
        target = port["targetPort"]
        target = named[target] if isinstance(target, str) else target
        for name in (
            "mlflow",
            f"mlflow.{namespace}",
            f"mlflow.{namespace}.svc",
            f"mlflow.{namespace}.svc.cluster.local",
        ):
            routes[f"{name}:{port['port']}"] = f"{pod_ip}:{target}"
    return routes


def password_grant(
    cluster: Cluster,
    token_url: str,
    *,
    client_secret: str,
    password: str,
    client_id: str = "mlflow",
    username: str = "mlflow-apps",
) -> str:
    """The apps' client code (docs/overlays/homelab.md): a password grant for the apps identity at
    the realm's public token URL, which the cluster map points at the local Keycloak."""
    response = requests.post(
        cluster.rehost(token_url),
        data={
            "grant_type": "password",
            "client_id": client_id,
            "client_secret": client_secret,
            "username": username,
            "password": password,
            "scope": "openid",
        },
        timeout=30,
    )
    assert response.status_code == 200, response.text[:500]
    return str(response.json()["access_token"])


def refused_without_credentials(url: str, host: str) -> int:
    response = requests.get(
        f"{url}/api/2.0/mlflow/experiments/search?max_results=1",
        headers={"Host": host, "Accept": "application/json"},
        timeout=30,
        allow_redirects=False,
    )
    return response.status_code


def record(name: str, figures: Mapping[str, Any]) -> None:
    """Figures for the closing note: printed (pytest -s) and appended to .cache/runtime.jsonl."""
    line = json.dumps({"overlay": name, **figures}, sort_keys=True)
    print(line)
    CACHE.mkdir(exist_ok=True)
    with (CACHE / "runtime-figures.jsonl").open("a") as out:
        out.write(line + "\n")


@contextlib.contextmanager
def server_log_on_failure(pod: RunningPod) -> Iterator[None]:
    """A failed step shows what the server logged about it."""
    try:
        yield
    except AssertionError as error:
        raise AssertionError(f"{error}\n--- server log (tail) ---\n{pod.main.tail(6000)}") from None


@dataclass
class Outcome:
    """What one overlay's runtime scenario observed, for its tests and the closing note."""

    ready_seconds: list[float]
    memory: list[dict[str, float]]
    written: dict[str, Any]
    read_back: dict[str, Any]
    unauthenticated_status: int | None
    init_logs: dict[str, str]
    readonly: dict[str, Any] | None = None

    def assert_within_memory_limit(self) -> None:
        for memory in self.memory:
            assert memory["oom_kills"] == 0, memory
            assert memory["peak_pss_mib"] < memory["limit_mib"], memory

    @staticmethod
    def assert_steps_ok(steps: Mapping[str, Any] | None) -> None:
        assert steps, "the workload phase did not run"
        for name, step in steps.items():
            assert name == "state" or step["ok"], (name, step)

    def figures(self) -> dict[str, Any]:
        return {
            "ready_seconds": [round(s, 1) for s in self.ready_seconds],
            "memory": self.memory,
            "write_steps": {k: v for k, v in self.written.items() if k != "state"},
            "read_steps": self.read_back,
            "unauthenticated_status": self.unauthenticated_status,
            "readonly_steps": self.readonly,
        }


def scenario(
    rendered: Rendered,
    cluster: Cluster,
    workload: Workload,
    state_dir: Path,
    *,
    check_unauthenticated: bool,
    readonly_user: bool = False,
) -> Outcome:
    """Start the rendered server, run the users' workload, restart it, read everything back."""
    state = state_dir / "workload-state.json"
    ready: list[float] = []
    memory: list[dict[str, float]] = []
    host = next(iter(workload.services)).rsplit(":", 1)[0]
    with server(rendered, cluster) as first:
        ready.append(first.ready_seconds)
        status = (
            refused_without_credentials(first.url, f"{host}:5000")
            if check_unauthenticated
            else None
        )
        with server_log_on_failure(first):
            written = workload.run("write", state)
            readonly = (
                workload.run(
                    "readonly",
                    state,
                    extra={"READONLY_USERNAME": "reader", "READONLY_PASSWORD": "Reader-password-1"},
                )
                if readonly_user
                else None
            )
        first.assert_alive()
        memory.append(first.memory_report())
        init_logs = first.init_logs
    with server(rendered, cluster) as second:
        ready.append(second.ready_seconds)
        with server_log_on_failure(second):
            read_back = workload.run("read", state)
        second.assert_alive()
        memory.append(second.memory_report())
    return Outcome(ready, memory, written, read_back, status, init_logs, readonly)


def provision_database(
    pg: Any, *, owner: str, password: str, database: str, init_sql: str = ""
) -> None:
    """What the database option's own bootstrap does on an empty volume (the StatefulSet
    image's entrypoint, CloudNativePG's initdb): the owner login, its database, init SQL."""
    with contextlib.closing(pg.connect()) as conn, conn.cursor() as cur:
        cur.execute(f'CREATE ROLE "{owner}" LOGIN PASSWORD %s', (password,))
        cur.execute(f'CREATE DATABASE "{database}" OWNER "{owner}"')
        for statement in filter(None, (s.strip() for s in init_sql.split(";"))):
            cur.execute(statement)


def secret_mounts(
    pod_spec: Mapping[str, Any], container: Mapping[str, Any]
) -> dict[str, dict[str, tuple[str, str]]]:
    """Mount path -> {file: (Secret, key)} for each `secret` or `projected` volume of Secrets
    the container mounts, as the kubelet lays their items out."""
    volumes = {v["name"]: v for v in pod_spec.get("volumes") or []}
    mounts: dict[str, dict[str, tuple[str, str]]] = {}
    for mount in container.get("volumeMounts") or []:
        volume = volumes.get(mount["name"], {})  # a claim template's mount has no volume here
        if "secret" in volume:
            sources = [{"secret": {**volume["secret"], "name": volume["secret"]["secretName"]}}]
        else:
            sources = volume.get("projected", {}).get("sources", [])
        files = {
            item["path"]: (source["secret"]["name"], item["key"])
            for source in sources
            if "secret" in source
            for item in source["secret"].get("items") or []
        }
        if files:
            mounts[mount["mountPath"].rstrip("/")] = files
    return mounts


def secret_file(
    pod_spec: Mapping[str, Any], container: Mapping[str, Any], path: str
) -> tuple[str, str]:
    """(Secret, key) behind a file the container reads."""
    for mount, files in secret_mounts(pod_spec, container).items():
        name = path.removeprefix(f"{mount}/")
        if name != path and name in files:
            return files[name]
    raise AssertionError(f"{path}: no mounted Secret provides this file")


def statefulset_database(rendered: Rendered, pg: Any, cluster: Cluster) -> None:
    """The in-namespace PostgreSQL StatefulSet's first start, from its rendered env and init
    ConfigMap (official and Bitnami images name the variables differently)."""
    (statefulset,) = [o for (k, _), o in rendered.objects.items() if k == "StatefulSet"]
    pod_spec = statefulset["spec"]["template"]["spec"]
    container = pod_spec["containers"][0]
    env = {e["name"]: e for e in container["env"]}

    def value(*names: str) -> str:
        for name in names:
            if name in env:
                item = env[name]
                if "value" in item:
                    return str(item["value"])
                ref = item["valueFrom"]["secretKeyRef"]
                return cluster.secrets[(ref["name"], ref["key"])]
            if f"{name}_FILE" in env:
                # The images' entrypoints read NAME_FILE when it is set (a mounted Secret).
                secret = secret_file(pod_spec, container, env[f"{name}_FILE"]["value"])
                return cluster.secrets[secret]
        raise AssertionError(f"StatefulSet sets none of {names} (nor their _FILE)")

    init = "".join(
        text
        for (kind, name), obj in rendered.objects.items()
        if kind == "ConfigMap" and name.endswith("-postgresql-init")
        for text in obj["data"].values()
    )
    provision_database(
        pg,
        owner=value("POSTGRES_USER", "POSTGRESQL_USERNAME"),
        password=value("POSTGRES_PASSWORD", "POSTGRESQL_PASSWORD"),
        database=value("POSTGRES_DB", "POSTGRESQL_DATABASE"),
        init_sql=init,
    )
