"""A real Argo CD (v3.6.1, tools/install/47_argocd.sh) against the local control planes.

Redis, the repo server, the application controller and the ApplicationSet controller run as
processes beside a management cluster's API server; `ARGOCD_FAKE_IN_CLUSTER` makes the
in-cluster destination (`https://kubernetes.default.svc`) that cluster. Each overlay's
`argocd.cluster` name is registered as a cluster Secret, as `argocd cluster add` would, pointing
at that overlay's own control plane. The controllers do every sync; argocd-server runs too (no
TLS, no authentication, on loopback) for the `argocd` CLI: `app get`, `app diff --local`,
`app terminate-op`.
"""

from __future__ import annotations

import base64
import json
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from tests.controlplane.cluster import Api, Processes, wait_for
from tests.controlplane.platform import crd_documents, install_crds
from tests.servers.kube_apiserver import ROOT
from tests.servers.processes import free_port

ARGOCD = ROOT / ".cache" / "argocd"
ARGOCD_BIN = ARGOCD / "bin"
REDIS = ROOT / ".cache" / "redis" / "bin" / "redis-server"
NAMESPACE = "argocd"
APPLICATIONS = f"/apis/argoproj.io/v1alpha1/namespaces/{NAMESPACE}/applications"


@dataclass(frozen=True)
class ArgoCd:
    api: Api  # the management cluster
    env: dict[str, str]
    server: str  # argocd-server's address, for the CLI

    def application(self, name: str) -> dict[str, Any] | None:
        return self.api.get(f"{APPLICATIONS}/{name}")

    def applications(self) -> list[dict[str, Any]]:
        return self.api.items(APPLICATIONS)

    def refresh(self, name: str, kind: str = "hard") -> None:
        self.api.call(
            "PATCH",
            f"{APPLICATIONS}/{name}",
            {"metadata": {"annotations": {"argocd.argoproj.io/refresh": kind}}},
        )

    def sync(self, name: str) -> None:
        """`argocd app sync`, as a user runs it: the API server copies the app's sync options
        (server-side apply) into the operation, which a hand-written operation would lack."""
        self.cli("app", "sync", name, "--async")

    def cli(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            [
                str(ARGOCD_BIN / "argocd"),
                *args,
                f"--server={self.server}",
                "--plaintext",
                # argocd-server runs with --disable-auth: the token is not checked.
                "--auth-token=unused",
            ],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        if check and done.returncode:
            raise AssertionError(f"argocd {' '.join(args)}: exit {done.returncode}\n{done.stderr}")
        return done


def _config_objects() -> list[dict[str, Any]]:
    """The release's own ConfigMaps and Secret (manifests/base/config), as installed."""
    docs = []
    for path in sorted((ARGOCD / "manifests").glob("argocd-*.yaml")):
        if path.name.endswith("-crd.yaml"):
            continue
        for doc in yaml.safe_load_all(path.read_text()):
            if doc:
                doc["metadata"]["namespace"] = NAMESPACE
                docs.append(doc)
    return docs


def register_cluster(mgmt: Api, name: str, target: Api) -> None:
    """A cluster Secret, as `argocd cluster add` writes it (bearer token, the cluster's CA)."""
    config = {
        "bearerToken": target.argocd_token,
        "tlsClientConfig": {
            "caData": base64.b64encode(target.ca_file.read_bytes()).decode(),
        },
    }
    mgmt.create(
        f"/api/v1/namespaces/{NAMESPACE}/secrets",
        {
            "metadata": {
                "name": f"cluster-{name}",
                "labels": {"argocd.argoproj.io/secret-type": "cluster"},
            },
            "type": "Opaque",
            "stringData": {"name": name, "server": target.url, "config": json.dumps(config)},
        },
    )


def start_argocd(
    processes: Processes, workdir: Path, mgmt: Api, git_ca: Path, git_host: str
) -> ArgoCd:
    """Install Argo CD's CRDs and config into `mgmt` and start its controllers."""
    install_crds(mgmt, crd_documents(ARGOCD / "manifests", argocd=True), processes)
    mgmt.create("/api/v1/namespaces", {"metadata": {"name": NAMESPACE}})
    for doc in _config_objects():
        plural = "secrets" if doc["kind"] == "Secret" else "configmaps"
        mgmt.create(f"/api/v1/namespaces/{NAMESPACE}/{plural}", doc)
    # The trust a private Git server needs (what argocd-tls-certs-cm holds), by host name.
    mgmt.call(
        "PATCH",
        f"/api/v1/namespaces/{NAMESPACE}/configmaps/argocd-tls-certs-cm",
        {"data": {git_host: git_ca.read_text()}},
    )
    # argocd-server normally creates the default project.
    mgmt.create(
        f"/apis/argoproj.io/v1alpha1/namespaces/{NAMESPACE}/appprojects",
        {
            "apiVersion": "argoproj.io/v1alpha1",
            "kind": "AppProject",
            "metadata": {"name": "default"},
            "spec": {
                "sourceRepos": ["*"],
                "destinations": [{"server": "*", "namespace": "*"}],
                "clusterResourceWhitelist": [{"group": "*", "kind": "*"}],
            },
        },
    )

    tls_data = workdir / "tls"
    tls_data.mkdir(parents=True, exist_ok=True)
    (tls_data / git_host).write_text(git_ca.read_text())
    for name in ("ssh", "gnupg", "home", "tmp"):
        (workdir / name).mkdir(exist_ok=True)
    (workdir / "gnupg").chmod(0o700)
    env = {
        "PATH": f"{ARGOCD_BIN}:{ROOT / '.cache' / 'bin'}:/usr/local/bin:/usr/bin:/bin",
        "HOME": str(workdir / "home"),
        "TMPDIR": str(workdir / "tmp"),
        "KUBECONFIG": str(mgmt.kubeconfig),
        "ARGOCD_FAKE_IN_CLUSTER": "true",
        "ARGOCD_GPG_ENABLED": "false",
        "ARGOCD_TLS_DATA_PATH": str(tls_data),
        "ARGOCD_SSH_DATA_PATH": str(workdir / "ssh"),
        "ARGOCD_GNUPGHOME": str(workdir / "gnupg"),
        "ARGOCD_NAMESPACE": NAMESPACE,
    }
    redis_port, repo_port = free_port(), free_port()
    redis = f"127.0.0.1:{redis_port}"
    repo = f"127.0.0.1:{repo_port}"
    processes.start(
        "redis",
        [
            str(REDIS),
            "--port",
            str(redis_port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
        ],
        workdir / "redis.log",
        cwd=workdir,
    )
    processes.start(
        "argocd-repo-server",
        [
            str(ARGOCD_BIN / "argocd-repo-server"),
            f"--port={repo_port}",
            f"--metrics-port={free_port()}",
            "--disable-tls",
            "--client-ca-path=",  # its default names a file; with --disable-tls it must be empty
            f"--redis={redis}",
            "--loglevel=info",
        ],
        workdir / "repo-server.log",
        cwd=workdir,
        env=env,
    )
    processes.start(
        "argocd-application-controller",
        [
            str(ARGOCD_BIN / "argocd-application-controller"),
            f"--repo-server={repo}",
            "--repo-server-plaintext",
            f"--redis={redis}",
            f"--namespace={NAMESPACE}",
            f"--metrics-port={free_port()}",
            "--status-processors=4",
            "--operation-processors=4",
            "--loglevel=info",
        ],
        workdir / "application-controller.log",
        cwd=workdir,
        env=env,
    )
    processes.start(
        "argocd-applicationset-controller",
        [
            str(ARGOCD_BIN / "argocd-applicationset-controller"),
            f"--argocd-repo-server={repo}",
            "--repo-server-plaintext",
            f"--namespace={NAMESPACE}",
            f"--metrics-addr=127.0.0.1:{free_port()}",
            f"--probe-addr=127.0.0.1:{free_port()}",
            "--loglevel=info",
        ],
        workdir / "applicationset-controller.log",
        cwd=workdir,
        env=env,
    )
    server_port = free_port()
    (workdir / "static").mkdir(exist_ok=True)
    processes.start(
        "argocd-server",
        [
            str(ARGOCD_BIN / "argocd-server"),
            "--insecure",
            "--disable-auth",
            f"--port={server_port}",
            f"--metrics-port={free_port()}",
            f"--repo-server={repo}",
            "--repo-server-plaintext",
            f"--redis={redis}",
            f"--namespace={NAMESPACE}",
            f"--staticassets={workdir / 'static'}",
            "--loglevel=info",
        ],
        workdir / "server.log",
        cwd=workdir,
        env=env,
    )
    cli_env = {**os.environ, **env, "ARGOCD_CONFIG_DIR": str(workdir / "cli")}
    return ArgoCd(mgmt, cli_env, f"127.0.0.1:{server_port}")


def wait_synced_healthy(argocd: ArgoCd, name: str, processes: Processes, timeout: float) -> None:
    def state() -> bool:
        app = argocd.application(name)
        if not app:
            return False
        status = app.get("status", {})
        operation = status.get("operationState", {})
        return bool(
            status.get("sync", {}).get("status") == "Synced"
            and status.get("health", {}).get("status") == "Healthy"
            and operation.get("phase") == "Succeeded"
        )

    try:
        wait_for(f"Application {name} Synced and Healthy", state, processes, timeout)
    except BaseException:
        app = argocd.application(name) or {}
        print(json.dumps(app.get("status", {}), indent=1)[:6000])
        raise


def wait_settled(
    argocd: ArgoCd, name: str, revision: str, processes: Processes, timeout: float
) -> None:
    """The app has seen `revision`, is Synced and Healthy, and no operation is running."""

    def settled() -> bool:
        status = (argocd.application(name) or {}).get("status", {})
        return bool(
            status.get("sync", {}).get("revision") == revision
            and status.get("sync", {}).get("status") == "Synced"
            and status.get("health", {}).get("status") == "Healthy"
            and status.get("operationState", {}).get("phase") not in ("Running", "Terminating")
        )

    wait_for(f"{name} settled at {revision[:8]}", settled, processes, timeout)
