"""One delivery for the tier: four workload control planes, a management one with Argo CD, and
the repository served over HTTPS, bootstrapped the way the README tells a user to.

The served repository is a copy of this checkout (its tracked and new files) in which each
overlay's `argocd.repo_url` names the local Git server and `main.py synth` re-rendered dist/:
what a user does for their own fork. The test checks that this changed dist/argocd only in
the repository URL and no overlay folder at all, so what Argo CD syncs is dist/ as committed.
"""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from tests.controlplane.argocd import (
    ArgoCd,
    register_cluster,
    start_argocd,
    wait_synced_healthy,
)
from tests.controlplane.cluster import (
    Api,
    Processes,
    running_etcd,
    start_apiserver,
    start_workload_cluster,
)
from tests.controlplane.git_server import git, serving
from tests.controlplane.platform import Operators, dist_objects, prepare_cluster
from tests.servers.kube_apiserver import ROOT, binary, make_pki
from tests.servers.processes import free_port

pytestmark = pytest.mark.controlplane

REPO_NAME = "mlflow-gitops.git"
SYNC_TIMEOUT = 900.0  # four overlays at once on two busy cores
OVERLAYS = ("homelab", "gke-gcs", "authentik", "bitnami-legacy")


@dataclass
class Delivery:
    """What the tests look at: the clusters by overlay, Argo CD, the served checkout."""

    clusters: dict[str, Api]  # overlay -> its workload cluster
    mgmt: Api
    argocd: ArgoCd
    source: Path  # the served checkout (commit and push to change what Argo CD sees)
    repo_url: str
    processes: Processes
    operators: dict[str, Operators]
    baseline: str  # the first commit: dist/ as committed in this checkout

    def push(self, message: str) -> str:
        git(self.source, "add", "-A")
        git(self.source, "commit", "-q", "--allow-empty", "-m", message)
        git(self.source, "push", "-q", "origin", "HEAD:main")
        return git(self.source, "rev-parse", "HEAD")

    def restore(self) -> str:
        """A new commit whose tree is the baseline's (what a revert of every change does)."""
        git(self.source, "read-tree", "-u", "--reset", self.baseline)
        return self.push("back to the baseline")


def _copy_checkout(destination: Path) -> None:
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.split(b"\0")
    for raw in filter(None, listed):
        relative = raw.decode()
        source = ROOT / relative
        if not source.is_file() or relative.startswith(("tests/", ".cache/")):
            continue
        target = destination / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)


def _point_overlays_at(source: Path, repo_url: str) -> None:
    for overlay in OVERLAYS:
        path = source / "overlays" / f"{overlay}.yaml"
        data = yaml.safe_load(path.read_text())
        data.setdefault("argocd", {})["repo_url"] = repo_url
        path.write_text(yaml.safe_dump(data, sort_keys=False))
    synth(source)


def synth(source: Path) -> None:
    """`main.py synth` in the served checkout, as its user would run it after an edit."""
    env = {**os.environ, "MLFLOW_GITOPS_RENDER_CACHE": str(source.parent / "renders")}
    done = subprocess.run(
        [sys.executable, "main.py", "synth"],
        cwd=source,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode:
        pytest.fail(f"main.py synth in the served checkout failed:\n{done.stderr}")


def _overlay_clusters() -> dict[str, str]:
    """overlay -> the Argo CD cluster name it targets (overlays/<name>.yaml argocd.cluster)."""
    names = {}
    for overlay in OVERLAYS:
        data = yaml.safe_load((ROOT / "overlays" / f"{overlay}.yaml").read_text())
        names[overlay] = data["argocd"]["cluster"]
    return names


def kubectl(api: Api, *args: str) -> str:
    done = subprocess.run(
        [str(binary("kubectl")), f"--kubeconfig={api.kubeconfig}", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    if done.returncode:
        raise AssertionError(f"kubectl {' '.join(args)}: {done.stderr}")
    return done.stdout


@pytest.fixture(scope="session")
def delivery() -> Iterator[Delivery]:
    for name in ("etcd", "kube-apiserver", "kube-controller-manager", "kube-scheduler", "kwok"):
        binary(name)
    workdir = Path(tempfile.mkdtemp(prefix="controlplane-"))
    processes = Processes()
    try:
        with ExitStack() as stack:
            pki = make_pki(workdir)
            token = secrets.token_urlsafe(24)
            etcd = running_etcd(processes, workdir)
            mgmt = start_apiserver(
                processes, workdir / "mgmt", "mgmt", etcd_url=etcd, pki=pki, token=token
            )
            clusters = {}
            for overlay, cluster in _overlay_clusters().items():
                api = start_workload_cluster(
                    processes, workdir / cluster, cluster, etcd_url=etcd, pki=pki, token=token
                )
                prepare_cluster(api, processes, dist_objects(ROOT / "dist" / overlay))
                clusters[overlay] = api
            operators = {
                overlay: stack.enter_context(Operators(api)) for overlay, api in clusters.items()
            }

            projects = workdir / "git"
            projects.mkdir()
            base = stack.enter_context(serving(projects, pki, free_port()))
            repo_url = f"{base}/{REPO_NAME}"
            source = workdir / "source"
            _copy_checkout(source)
            _point_overlays_at(source, repo_url)
            git(source, "init", "-q", "-b", "main")
            git(source, "add", "-A")
            git(source, "commit", "-q", "-m", "served copy of the checkout")
            baseline = git(source, "rev-parse", "HEAD")
            git(projects, "clone", "-q", "--bare", str(source), REPO_NAME)
            git(source, "remote", "add", "origin", str(projects / REPO_NAME))

            argocd = start_argocd(processes, workdir / "argocd", mgmt, pki.ca_file, "127.0.0.1")
            for api in clusters.values():
                register_cluster(mgmt, api.name, api)
            yield Delivery(clusters, mgmt, argocd, source, repo_url, processes, operators, baseline)
    finally:
        processes.stop()
        if os.environ.get("CONTROLPLANE_KEEP"):
            print(f"control-plane work dir kept: {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)


@pytest.fixture(scope="session")
def synced(delivery: Delivery) -> Iterator[Delivery]:
    """The bootstrap Application applied with kubectl; every Application Synced and Healthy."""
    started = time.monotonic()
    kubectl(
        delivery.mgmt,
        "apply",
        "-f",
        str(delivery.source / "dist" / "argocd" / "application-mlflow-bootstrap.yaml"),
    )
    wait_synced_healthy(delivery.argocd, "mlflow-bootstrap", delivery.processes, SYNC_TIMEOUT)
    for overlay in OVERLAYS:
        wait_synced_healthy(delivery.argocd, f"mlflow-{overlay}", delivery.processes, SYNC_TIMEOUT)
    print(f"bootstrap to all Synced/Healthy: {time.monotonic() - started:.1f}s")
    yield delivery
