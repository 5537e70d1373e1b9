"""The MLflow image's versions agree everywhere they are written down.

The Dockerfile's Python minor is the test venv's (tools/install/50_mlflow_runtime.sh), the
image workflow's versions are the lock's pins, every overlay on the project's image uses the
tag those versions name, and the test venvs pin the MLflow releases they claim to.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def _pin(lock: Path, package: str) -> str:
    match = re.search(rf"^{re.escape(package)}==(\S+) \\$", lock.read_text(), re.MULTILINE)
    assert match, f"{lock}: no pin for {package}"
    return match.group(1)


def _minor(version: str) -> tuple[int, int]:
    major, minor = version.split(".")[:2]
    return int(major), int(minor)


def test_dockerfile_python_minor_is_the_test_venvs() -> None:
    dockerfile = (ROOT / "images/mlflow/Dockerfile").read_text()
    [version] = re.findall(r"^ARG PYTHON_VERSION=(\S+)$", dockerfile, re.MULTILINE)
    assert "FROM python:${PYTHON_VERSION}-slim-bookworm" in dockerfile
    script = (ROOT / "tools/install/50_mlflow_runtime.sh").read_text()
    [minor] = re.findall(r'^PYTHON_MINOR="(\S+)"$', script, re.MULTILINE)
    assert _minor(version) == _minor(minor)


def test_workflow_versions_are_the_lock_pins_and_overlays_use_their_tag() -> None:
    workflow = yaml.safe_load((ROOT / ".github/workflows/image.yaml").read_text())
    env = workflow["env"]
    lock = ROOT / "images/mlflow/requirements.txt"
    assert _pin(lock, "mlflow") == env["MLFLOW_VERSION"]
    assert _pin(lock, "mlflow-oidc-auth") == env["OIDC_AUTH_VERSION"]
    tag = f"{env['MLFLOW_VERSION']}-oidc{env['OIDC_AUTH_VERSION']}-{env['IMAGE_REVISION']}"
    project_overlays = 0
    for path in sorted((ROOT / "overlays").glob("*.yaml")):
        image = (yaml.safe_load(path.read_text()).get("server") or {}).get("image") or {}
        if "bitnami" in image.get("repository", ""):
            continue
        project_overlays += 1
        assert image.get("tag") == tag, f"{path.name}: server.image.tag should be {tag}"
    assert project_overlays >= 3


def test_test_venvs_pin_the_releases_they_stand_for() -> None:
    image = _pin(ROOT / "images/mlflow/requirements.txt", "mlflow")
    venvs = ROOT / "tools/venvs"
    # The users' client is the image's MLflow.
    assert _pin(venvs / "mlflow-client.txt", "mlflow") == image
    # The upgrade test's writer is an OLDER minor.
    assert _minor(_pin(venvs / "mlflow-previous.txt", "mlflow")) < _minor(image)
    # bitnamilegacy/mlflow:3.3.2-debian-12-r0 (overlays/bitnami-legacy.yaml).
    bitnami = yaml.safe_load((ROOT / "overlays/bitnami-legacy.yaml").read_text())
    assert bitnami["server"]["image"]["tag"].startswith(
        _pin(venvs / "mlflow-bitnami.txt", "mlflow") + "-"
    )
