"""The bitnami-legacy Jobs run where their image guarantees nothing but MLflow 3.3.2.

The overlay's Jobs run on bitnamilegacy/mlflow:3.3.2-debian-12-r0. Of that image's Python
packages only mlflow==3.3.2 and its requirements are certain, so each Job runs here exactly
as its container does (`python /scripts/<file>`, the script bytes from its rendered
ConfigMap, its rendered environment) with the interpreter of .cache/mlflow-332-bare-venv:
mlflow==3.3.2's dependency closure and nothing else (tools/install/55_mlflow_332_bare.sh).
generate-secrets talks to a real kube-apiserver as its ServiceAccount with the rendered Role;
bucket-setup to a real MinIO.
"""

from __future__ import annotations

import base64
import subprocess
import uuid
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.servers.kube_apiserver import (
    KubeCluster,
    kube_apiserver,  # noqa: F401
)
from tests.servers.s3 import S3Server, minio_server  # noqa: F401

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "dist" / "bitnami-legacy"
VENV = ROOT / ".cache" / "mlflow-332-bare-venv"
INSTALL_SCRIPT = "tools/install/55_mlflow_332_bare.sh"
IMAGE = "bitnamilegacy/mlflow:3.3.2-debian-12-r0"


def python() -> Path:
    path = VENV / "bin" / "python"
    if not path.is_file():
        pytest.fail(f"{path} missing: run {INSTALL_SCRIPT}")
    return path


def rendered(kind: str) -> dict[str, dict[str, Any]]:
    docs = [yaml.safe_load(p.read_text()) for p in sorted(DIST.glob("*.yaml"))]
    return {d["metadata"]["name"]: d for d in docs if d.get("kind") == kind}


def jobs() -> dict[str, dict[str, Any]]:
    return rendered("Job")


def shipped(job: dict[str, Any], scripts: Path) -> tuple[list[str], dict[str, str]]:
    """The Job's command with /scripts mapped to a folder holding its ConfigMap's files, and
    its plain environment values."""
    spec = job["spec"]["template"]["spec"]
    [container] = spec["containers"]
    assert container["image"] == IMAGE
    mount = next(m for m in container["volumeMounts"] if m["mountPath"] == "/scripts")
    volume = next(v for v in spec["volumes"] if v["name"] == mount["name"])
    files = rendered("ConfigMap")[volume["configMap"]["name"]]["data"]
    scripts.mkdir()
    for name, text in files.items():
        (scripts / name).write_text(text)
    command = [
        str(python()) if word == "python" else word.replace("/scripts", str(scripts))
        for word in container["command"]
    ]
    env = {
        e["name"]: e["value"].replace("/scripts", str(scripts))
        for e in container.get("env", [])
        if "value" in e
    }
    return command, env


def run(command: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    # Only what the container has: no variables of the test runner, an empty HOME.
    base = {"PATH": "/usr/bin:/bin", "HOME": str(cwd), "PYTHONUNBUFFERED": "1"}
    return subprocess.run(
        command,
        env={**base, **env},
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


def test_every_bitnami_legacy_job_script_is_covered_here() -> None:
    """Each Job that runs a script of jobs/ (others run MLflow's own commands)."""
    scripted = {
        name
        for name, job in jobs().items()
        for container in job["spec"]["template"]["spec"]["containers"]
        if container["command"][:1] == ["python"]
        and container["command"][1].startswith("/scripts/")
    }
    assert scripted == {"mlflow-generate-secrets", "mlflow-bucket-setup"}
    bare = (ROOT / "tools" / "venvs" / "mlflow-332-bare.in").read_text()
    assert [line for line in bare.splitlines() if line and not line.startswith("#")] == [
        "mlflow==3.3.2"
    ]


@pytest.mark.servers
def test_generate_secrets_runs_on_mlflow_332_alone(
    kube_apiserver: KubeCluster,  # noqa: F811
    tmp_path: Path,
) -> None:
    api = kube_apiserver.api
    job = jobs()["mlflow-generate-secrets"]
    namespace = api.create_namespace("bn-jobs")
    role = rendered("Role")["mlflow-generate-secrets"]
    token = api.service_account(namespace, "mlflow-generate-secrets", role["rules"])
    command, env = shipped(job, tmp_path / "scripts")
    (tmp_path / "token").write_text(token)
    # In a pod these come from the mounted ServiceAccount token and the in-cluster Service.
    env |= {
        "KUBE_API_URL": api.url,
        "KUBE_TOKEN_FILE": str(tmp_path / "token"),
        "KUBE_CA_FILE": str(api.ca_file),
        "KUBE_NAMESPACE": namespace,
    }
    done = run(command, env, tmp_path)
    assert done.returncode == 0, f"{done.stdout}\n{done.stderr}"
    config = yaml.safe_load((tmp_path / "scripts" / "config.json").read_text())
    for item in config:
        secret = api.admin("GET", f"/api/v1/namespaces/{namespace}/secrets/{item['name']}")
        assert set(secret["data"]) == set(item["keys"])
        assert all(base64.b64decode(v) for v in secret["data"].values())


@pytest.mark.servers
def test_bucket_setup_runs_on_mlflow_332_alone(
    minio_server: S3Server,  # noqa: F811
    tmp_path: Path,
) -> None:
    job = jobs()["mlflow-bucket-setup"]
    command, env = shipped(job, tmp_path / "scripts")
    assert env["ARTIFACT_STORE"] == "s3"
    bucket = "mlflow-" + uuid.uuid4().hex[:12]
    # The rendered values, but this test's MinIO, keys and a bucket of its own.
    env |= {k: v for k, v in minio_server.job_env().items() if k != "ARTIFACT_STORE"}
    env |= {"BUCKET": bucket, "BUCKET_WAIT_TIMEOUT_SECONDS": "30"}
    first = run(command, env, tmp_path)
    assert first.returncode == 0, f"{first.stdout}\n{first.stderr}"
    assert f"bucket {bucket}: created" in first.stdout
    again = run(command, env, tmp_path)
    assert again.returncode == 0 and "left unchanged" in again.stdout, again.stderr
    minio_server.client().head_bucket(Bucket=bucket)
    assert minio_server.secret_key not in first.stdout + first.stderr
