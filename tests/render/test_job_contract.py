"""The seam between the render and the Job scripts: every rendered Job, in every overlay, fed
to its own script's loader exactly as the kubelet would hand it over.

For each container that runs a script of jobs/ (`python /scripts/<file>`), the environment
is built from the manifest (literal values with `$(VAR)` expanded as the kubelet does; each
secretKeyRef / configMapKeyRef / fieldRef becomes a sentinel naming its reference; plus the
two variables the kubelet adds to every container), the files from the pod's mounts (its
ConfigMap's files at their mount path, the ServiceAccount's token, CA and namespace when the
pod mounts them). Then:
- the ConfigMap ships the script and jobkit.py byte for byte as jobs/ holds them;
- the script's `load_config` accepts that environment and those files;
- every variable the loader requires is declared (or set by the kubelet), and every declared
  variable is one the loader reads: a variable renamed on one side only fails here.
The migration Job runs MLflow's own commands, no script of jobs/; its `$(VAR)` references are
checked in test_migrations_job.py.
"""

from __future__ import annotations

import copy
import importlib
import re
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.servers.mlflow_server import expand_k8s_vars

ROOT = Path(__file__).resolve().parents[2]
JOBS = ROOT / "jobs"
DIST = ROOT / "dist"
SCRIPTS = re.compile(r"^/scripts/(?P<file>[a-z_]+\.py)$")
JOBKIT = "jobkit.py"
MIGRATION_JOB = "mlflow-migrate"
SA_DIR = "/var/run/secrets/kubernetes.io/serviceaccount"
# The kubelet sets these in every container (the API server's Service).
KUBELET_ENV = {"KUBERNETES_SERVICE_HOST": "10.96.0.1", "KUBERNETES_SERVICE_PORT": "443"}

Object = dict[str, Any]

# The scripts import jobkit as the container does: their own folder on sys.path.
if str(JOBS) not in sys.path:
    sys.path.insert(0, str(JOBS))
import jobkit  # noqa: E402


def rendered_overlays() -> dict[str, list[Object]]:
    """dist/<overlay>/*.yaml as objects, one list per overlay (dist/argocd has no Job)."""
    return {
        folder.name: [
            yaml.safe_load(path.read_text())
            for path in sorted(folder.glob("*.yaml"))
            if path.name != "kustomization.yaml"
        ]
        for folder in sorted(DIST.iterdir())
        if folder.is_dir()
    }


def rendered_jobs() -> list[tuple[str, Object, dict[str, Object]]]:
    """(overlay, Job, that overlay's ConfigMaps by name) for every rendered Job."""
    found = []
    for overlay, objects in rendered_overlays().items():
        configmaps = {o["metadata"]["name"]: o for o in objects if o["kind"] == "ConfigMap"}
        found += [(overlay, o, configmaps) for o in objects if o["kind"] == "Job"]
    return found


def containers(job: Object) -> list[Object]:
    spec = job["spec"]["template"]["spec"]
    return [*spec.get("initContainers", []), *spec["containers"]]


def script_of(container: Object) -> str | None:
    command = [*container.get("command", []), *container.get("args", [])]
    match = SCRIPTS.match(command[1]) if len(command) == 2 and command[0] == "python" else None
    return match.group("file") if match else None


def environment(container: Object) -> dict[str, str]:
    """The declared environment, as the kubelet resolves it, references as sentinels."""
    assert "envFrom" not in container, "envFrom: the test cannot know which names it brings"
    env: dict[str, str] = {}
    for item in container.get("env", []):
        if "value" in item:
            env[item["name"]] = expand_k8s_vars(item["value"], env)
            continue
        source = item.get("valueFrom", {})
        if "secretKeyRef" in source or "configMapKeyRef" in source:
            kind = "secret" if "secretKeyRef" in source else "configmap"
            ref = source.get("secretKeyRef") or source["configMapKeyRef"]
            env[item["name"]] = f"sentinel-{kind}-{ref['name']}-{ref['key']}"
        elif "fieldRef" in source:
            env[item["name"]] = f"sentinel-field-{source['fieldRef']['fieldPath']}"
        else:
            env[item["name"]] = ""  # `value` left out: Kubernetes sets the empty string
    return env


def mounted_files(job: Object, container: Object, configmaps: dict[str, Object]) -> dict[str, str]:
    """What the container finds on its mounts: ConfigMap files, the ServiceAccount's files."""
    pod = job["spec"]["template"]["spec"]
    volumes = {v["name"]: v for v in pod.get("volumes", [])}
    files: dict[str, str] = {}
    for mount in container.get("volumeMounts", []):
        volume = volumes[mount["name"]]
        if "emptyDir" in volume:
            continue
        assert "configMap" in volume, f"volume {mount['name']}: only ConfigMaps are modelled here"
        assert "subPath" not in mount and "items" not in volume["configMap"], "not modelled"
        data = configmaps[volume["configMap"]["name"]]["data"]
        files.update({f"{mount['mountPath']}/{key}": text for key, text in data.items()})
    if pod.get("automountServiceAccountToken"):
        namespace = job["metadata"]["namespace"]
        files |= {
            f"{SA_DIR}/token": "sentinel-token",
            f"{SA_DIR}/ca.crt": "sentinel-ca",
            f"{SA_DIR}/namespace": namespace,
        }
    return files


Loader = Callable[[Mapping[str, str], Mapping[str, str]], object]


def loader_of(script: str) -> Loader:
    module = importlib.import_module(Path(script).stem)
    load: Loader = module.load_config
    return load


def contract_violations(job: Object, configmaps: dict[str, Object]) -> list[str]:
    """Every way the rendered Job and its scripts disagree, one line each."""
    problems: list[str] = []
    for container in containers(job):
        script = script_of(container)
        if script is None:
            problems.append(f"container {container['name']} runs no script of jobs/")
            continue
        where = f"{job['metadata']['name']} ({script})"
        files = mounted_files(job, container, configmaps)
        for shipped in (script, JOBKIT):
            if files.get(f"/scripts/{shipped}") != (JOBS / shipped).read_text():
                problems.append(f"{where}: /scripts/{shipped} is not jobs/{shipped} as committed")
        declared = environment(container)
        env = jobkit.Env({**KUBELET_ENV, **declared})
        try:
            loader_of(script)(env, files)
        except jobkit.JobError as exc:
            problems.append(f"{where}: the loader refuses the rendered Job: {exc}")
        for name in sorted(env.required - set(declared) - set(KUBELET_ENV)):
            problems.append(f"{where}: the loader requires {name}, the Job does not declare it")
        for name in sorted(set(declared) - env.read):
            problems.append(f"{where}: the Job declares {name}, the loader never reads it")
    return problems


JOBS_RENDERED = rendered_jobs()
SCRIPT_JOBS = [(o, j, c) for o, j, c in JOBS_RENDERED if j["metadata"]["name"] != MIGRATION_JOB]


def job_id(case: tuple[str, Object, dict[str, Object]]) -> str:
    return f"{case[0]}/{case[1]['metadata']['name']}"


@pytest.mark.parametrize("case", SCRIPT_JOBS, ids=job_id)
def test_rendered_job_matches_its_scripts_loader(
    case: tuple[str, Object, dict[str, Object]],
) -> None:
    _, job, configmaps = case
    assert contract_violations(job, configmaps) == []


def test_every_rendered_job_is_checked_here_or_is_the_migration_job() -> None:
    names = {j["metadata"]["name"] for _, j, _ in JOBS_RENDERED}
    assert MIGRATION_JOB in names
    for _, job, _ in SCRIPT_JOBS:
        assert all(script_of(c) for c in containers(job)), job["metadata"]["name"]
    for _, job, _ in JOBS_RENDERED:
        if job["metadata"]["name"] == MIGRATION_JOB:
            assert not any(script_of(c) for c in containers(job))


def test_every_script_of_jobs_runs_in_some_rendered_job() -> None:
    """Each loader meets at least one real render (jobkit.py is the shared module)."""
    run = {script_of(c) for _, job, _ in SCRIPT_JOBS for c in containers(job)}
    scripts = {p.name for p in JOBS.glob("*.py")} - {JOBKIT}
    assert run == scripts


# --- the check fails when one side changes -------------------------------------------------


def one(overlay: str, name: str) -> tuple[Object, dict[str, Object]]:
    for o, job, configmaps in JOBS_RENDERED:
        if (o, job["metadata"]["name"]) == (overlay, name):
            return copy.deepcopy(job), copy.deepcopy(configmaps)
    raise AssertionError(f"{overlay}/{name} is not rendered")


def rename_env(job: Object, old: str, new: str) -> None:
    (container,) = job["spec"]["template"]["spec"]["containers"]
    (item,) = [e for e in container["env"] if e["name"] == old]
    item["name"] = new


def test_a_required_variable_renamed_in_the_render_fails() -> None:
    job, configmaps = one("homelab", "mlflow-db-setup")
    rename_env(job, "PGHOST", "PG_HOST")
    problems = contract_violations(job, configmaps)
    assert any("refuses" in p and "PGHOST" in p for p in problems), problems
    assert any("requires PGHOST" in p for p in problems), problems
    assert any("declares PG_HOST" in p for p in problems), problems


def test_an_optional_variable_renamed_in_the_render_fails() -> None:
    # The loader would accept it (S3_VERIFY_TLS defaults to true): only the unread name tells.
    job, configmaps = one("homelab", "mlflow-bucket-setup")
    rename_env(job, "S3_VERIFY_TLS", "S3_TLS_VERIFY")
    problems = contract_violations(job, configmaps)
    assert problems == [
        "mlflow-bucket-setup (bucket_bootstrap.py): the Job declares S3_TLS_VERIFY, "
        "the loader never reads it"
    ]


def test_a_variable_renamed_in_the_script_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    """The script's side: its loader asks for a name the render does not declare."""
    import keycloak_bootstrap

    original = keycloak_bootstrap.load_config

    def renamed(environ: Mapping[str, str], files: Mapping[str, str]) -> object:
        jobkit.Env.of(environ).require("KEYCLOAK_BASE_URL")
        return original(environ, files)

    monkeypatch.setattr(keycloak_bootstrap, "load_config", renamed)
    job, configmaps = one("homelab", "mlflow-keycloak-setup")
    problems = contract_violations(job, configmaps)
    assert any("requires KEYCLOAK_BASE_URL" in p for p in problems), problems


def test_a_config_file_the_script_refuses_fails() -> None:
    job, configmaps = one("gke-gcs", "mlflow-users")
    configmaps["mlflow-users"]["data"]["config.json"] = '{"people": []}'
    problems = contract_violations(job, configmaps)
    assert any("refuses" in p and '{"users": [...]}' in p for p in problems), problems


def test_a_configmap_without_jobkit_fails() -> None:
    job, configmaps = one("bitnami-legacy", "mlflow-generate-secrets")
    del configmaps["mlflow-generate-secrets"]["data"][JOBKIT]
    problems = contract_violations(job, configmaps)
    assert any(f"/scripts/{JOBKIT} is not jobs/{JOBKIT}" in p for p in problems), problems


def test_a_token_the_pod_does_not_mount_fails() -> None:
    job, configmaps = one("homelab", "mlflow-generate-secrets")
    job["spec"]["template"]["spec"]["automountServiceAccountToken"] = False
    problems = contract_violations(job, configmaps)
    assert any("refuses" in p and "/serviceaccount/" in p for p in problems), problems
