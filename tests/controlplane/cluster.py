"""A local Kubernetes control plane without a kubelet: what Argo CD needs to sync a real cluster.

One etcd holds every cluster (each kube-apiserver keeps its own key prefix); per cluster:
kube-apiserver (RBAC, Pod Security admission, an audit log of every write), kube-controller-
manager (Deployments, ReplicaSets, StatefulSets, Jobs, claims, namespaces, garbage collection),
kube-scheduler, and kwok, which plays the kubelet of one fake node: scheduled pods become Running
and Ready, pods of Jobs Succeeded. Nothing runs in the pods; what is checked is what the API and
the controllers do with the manifests. Binaries: tools/install/45_kube_apiserver.sh and
46_kwok_redis.sh.
"""

from __future__ import annotations

import contextlib
import json
import secrets
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import requests

from tests.servers.kube_apiserver import ROOT, Pki, binary
from tests.servers.processes import free_port, stop_process_group

START_TIMEOUT = 180.0
KWOK_STAGES = ROOT / ".cache" / "kwok" / "stages.yaml"
NODE = "kwok-node-0"
ARGOCD_USER = "argocd-manager"
# The annotation kwok manages nodes by (--manage-nodes-with-annotation-selector).
KWOK_NODE_ANNOTATION = ("kwok.x-k8s.io/node", "fake")
# Off: no node IPAM or lifecycle (kwok keeps the node's status), no cloud, no attach/detach.
CONTROLLERS = "*,-nodeipam,-nodelifecycle,-attachdetach,-ttl,-bootstrapsigner,-tokencleaner"
# Every write, with who made it and when (to the microsecond): the sync order is read from it.
AUDIT_POLICY = """\
apiVersion: audit.k8s.io/v1
kind: Policy
omitStages: [RequestReceived]
rules:
  - level: None
    verbs: [get, list, watch]
  - level: None
    resources: [{group: coordination.k8s.io, resources: [leases]}, {group: "", resources: [events]}]
  - level: Metadata
"""


@dataclass(frozen=True)
class Api:
    """One cluster's API server, as a client with a static bearer token sees it."""

    name: str
    url: str
    ca_file: Path
    token: str
    kubeconfig: Path
    audit_log: Path
    # Argo CD's own user (argocd-manager, as `argocd cluster add` makes one): its writes are
    # told apart from the test's in the audit log.
    argocd_token: str

    def request(self, method: str, path: str, body: object = None, **kw: Any) -> requests.Response:
        headers = {"Authorization": f"Bearer {self.token}"}
        if method == "PATCH":
            headers["Content-Type"] = kw.pop("content_type", "application/merge-patch+json")
        return requests.request(
            method,
            self.url + path,
            data=None if body is None else json.dumps(body),
            headers=headers,
            verify=str(self.ca_file),
            timeout=30,
            **kw,
        )

    def call(self, method: str, path: str, body: object = None, **kw: Any) -> dict[str, Any]:
        reply = self.request(method, path, body, **kw)
        if reply.status_code >= 300:
            raise AssertionError(
                f"{self.name}: {method} {path}: HTTP {reply.status_code}: {reply.text[:2000]}"
            )
        result: dict[str, Any] = reply.json()
        return result

    def get(self, path: str) -> dict[str, Any] | None:
        reply = self.request("GET", path)
        if reply.status_code == 404:
            return None
        if reply.status_code >= 300:
            raise AssertionError(f"{self.name}: GET {path}: HTTP {reply.status_code}: {reply.text}")
        result: dict[str, Any] = reply.json()
        return result

    def items(self, path: str) -> list[dict[str, Any]]:
        listed = self.get(path)
        return list(listed["items"]) if listed else []

    def create(self, path: str, body: dict[str, Any]) -> None:
        """Create, or leave alone what exists (the platform the test prepares)."""
        reply = self.request("POST", path, body)
        if reply.status_code not in (201, 409):
            raise AssertionError(
                f"{self.name}: POST {path}: HTTP {reply.status_code}: {reply.text}"
            )

    def audit(self) -> list[dict[str, Any]]:
        """The audit log's events so far, in the order the API server wrote them."""
        if not self.audit_log.exists():
            return []
        return [json.loads(line) for line in self.audit_log.read_text().splitlines() if line]


def write_kubeconfig(path: Path, name: str, url: str, ca_file: Path, token: str) -> Path:
    config = {
        "apiVersion": "v1",
        "kind": "Config",
        "clusters": [
            {"name": name, "cluster": {"server": url, "certificate-authority": str(ca_file)}}
        ],
        "users": [{"name": name, "user": {"token": token}}],
        "contexts": [{"name": name, "context": {"cluster": name, "user": name}}],
        "current-context": name,
    }
    path.write_text(json.dumps(config))
    path.chmod(0o600)
    return path


class Processes:
    """Started processes, stopped in reverse order; a dead one fails the test with its log."""

    def __init__(self) -> None:
        self._running: list[tuple[str, subprocess.Popen[bytes], Path]] = []

    def start(self, name: str, argv: list[str], log: Path, **kw: Any) -> subprocess.Popen[bytes]:
        with log.open("wb") as out:
            process = subprocess.Popen(
                argv, stdout=out, stderr=subprocess.STDOUT, start_new_session=True, **kw
            )
        self._running.append((name, process, log))
        return process

    def check(self) -> None:
        for name, process, log in self._running:
            if process.poll() is not None:
                tail = log.read_text(errors="replace")[-3000:]
                pytest.fail(f"{name} exited with {process.returncode}:\n{tail}")

    def stop(self) -> None:
        for _, process, _ in reversed(self._running):
            stop_process_group(process, timeout=15)
        self._running.clear()


def wait_for(what: str, ready: Any, processes: Processes, timeout: float = START_TIMEOUT) -> Any:
    """Poll `ready()` until it returns something true; fail with `what` after `timeout`."""
    deadline = time.monotonic() + timeout
    last: object = None
    while True:
        processes.check()
        try:
            result = ready()
            if result:
                return result
            last = result
        except (requests.RequestException, AssertionError, KeyError, ValueError) as exc:
            last = exc
        if time.monotonic() > deadline:
            pytest.fail(f"{what}: not after {timeout:.0f}s (last: {last!r})")
        time.sleep(0.5)


def running_etcd(processes: Processes, workdir: Path) -> str:
    client, peer = free_port(), free_port()
    client_url, peer_url = f"http://127.0.0.1:{client}", f"http://127.0.0.1:{peer}"
    processes.start(
        "etcd",
        [
            str(binary("etcd")),
            "--name=controlplane",
            f"--data-dir={workdir / 'etcd-data'}",
            f"--listen-client-urls={client_url}",
            f"--advertise-client-urls={client_url}",
            f"--listen-peer-urls={peer_url}",
            f"--initial-advertise-peer-urls={peer_url}",
            f"--initial-cluster=controlplane={peer_url}",
            "--log-level=warn",
            "--unsafe-no-fsync",  # throw-away data: skip fsync, the disk is shared
            "--quota-backend-bytes=4294967296",
        ],
        workdir / "etcd.log",
        cwd=workdir,
    )
    wait_for(
        "etcd healthy",
        lambda: requests.get(f"{client_url}/health", timeout=2).json()["health"] == "true",
        processes,
    )
    return client_url


def start_apiserver(
    processes: Processes, workdir: Path, name: str, *, etcd_url: str, pki: Pki, token: str
) -> Api:
    """kube-apiserver for cluster `name` (its own etcd prefix), default admission plugins."""
    workdir.mkdir(parents=True, exist_ok=True)
    port = free_port()
    argocd_token = secrets.token_urlsafe(24)
    tokens = workdir / "tokens.csv"
    tokens.write_text(
        f'{token},admin,admin,"system:masters"\n'
        f'{argocd_token},{ARGOCD_USER},{ARGOCD_USER},"system:masters"\n'
    )
    tokens.chmod(0o600)
    policy = workdir / "audit-policy.yaml"
    policy.write_text(AUDIT_POLICY)
    audit_log = workdir / "audit.log"
    processes.start(
        f"kube-apiserver ({name})",
        [
            str(binary("kube-apiserver")),
            "--bind-address=127.0.0.1",
            "--advertise-address=127.0.0.1",
            f"--secure-port={port}",
            f"--etcd-servers={etcd_url}",
            f"--etcd-prefix=/{name}",
            f"--tls-cert-file={pki.cert_file}",
            f"--tls-private-key-file={pki.key_file}",
            f"--client-ca-file={pki.ca_file}",
            f"--token-auth-file={tokens}",
            "--authorization-mode=Node,RBAC",
            "--service-account-issuer=https://kubernetes.default.svc",
            f"--service-account-key-file={pki.sa_public}",
            f"--service-account-signing-key-file={pki.sa_private}",
            "--api-audiences=https://kubernetes.default.svc",
            "--service-cluster-ip-range=10.96.0.0/16",
            "--endpoint-reconciler-type=none",
            "--profiling=false",
            f"--audit-policy-file={policy}",
            f"--audit-log-path={audit_log}",
            "--audit-log-format=json",
            "--audit-log-mode=blocking",
            f"--cert-dir={workdir / 'certs'}",
        ],
        workdir / "kube-apiserver.log",
        cwd=workdir,
    )
    kubeconfig = write_kubeconfig(
        workdir / "kubeconfig", name, f"https://127.0.0.1:{port}", pki.ca_file, token
    )
    url = f"https://127.0.0.1:{port}"
    api = Api(name, url, pki.ca_file, token, kubeconfig, audit_log, argocd_token)
    wait_for(f"kube-apiserver ({name}) ready", lambda: api.request("GET", "/readyz").ok, processes)
    return api


def start_workload_cluster(
    processes: Processes, workdir: Path, name: str, *, etcd_url: str, pki: Pki, token: str
) -> Api:
    """An API server plus the controllers, the scheduler and kwok with one fake node."""
    api = start_apiserver(processes, workdir, name, etcd_url=etcd_url, pki=pki, token=token)
    processes.start(
        f"kube-controller-manager ({name})",
        [
            str(binary("kube-controller-manager")),
            f"--kubeconfig={api.kubeconfig}",
            f"--authentication-kubeconfig={api.kubeconfig}",
            f"--authorization-kubeconfig={api.kubeconfig}",
            "--leader-elect=false",
            f"--controllers={CONTROLLERS}",
            f"--service-account-private-key-file={pki.sa_private}",
            f"--root-ca-file={pki.ca_file}",
            "--use-service-account-credentials=false",
            f"--secure-port={free_port()}",
            "--bind-address=127.0.0.1",
            f"--cert-dir={workdir / 'kcm-certs'}",
            "--concurrent-job-syncs=5",
        ],
        workdir / "kube-controller-manager.log",
        cwd=workdir,
    )
    processes.start(
        f"kube-scheduler ({name})",
        [
            str(binary("kube-scheduler")),
            f"--kubeconfig={api.kubeconfig}",
            f"--authentication-kubeconfig={api.kubeconfig}",
            f"--authorization-kubeconfig={api.kubeconfig}",
            "--leader-elect=false",
            f"--secure-port={free_port()}",
            "--bind-address=127.0.0.1",
            f"--cert-dir={workdir / 'scheduler-certs'}",
        ],
        workdir / "kube-scheduler.log",
        cwd=workdir,
    )
    processes.start(
        f"kwok ({name})",
        [
            str(binary("kwok")),
            f"--kubeconfig={api.kubeconfig}",
            "--manage-all-nodes=false",
            f"--manage-nodes-with-annotation-selector={'='.join(KWOK_NODE_ANNOTATION)}",
            f"--config={KWOK_STAGES}",
            f"--server-address=127.0.0.1:{free_port()}",
            "--cidr=10.244.0.0/16",
            "--node-ip=10.0.0.1",
        ],
        workdir / "kwok.log",
        cwd=workdir,
    )
    add_fake_node(api)
    # Namespaces need their ServiceAccount before pods are admitted.
    wait_for(
        f"{name}: default ServiceAccount",
        lambda: api.get("/api/v1/namespaces/default/serviceaccounts/default"),
        processes,
    )
    wait_for(f"{name}: {NODE} Ready", lambda: node_ready(api), processes)
    return api


def add_fake_node(api: Api) -> None:
    key, value = KWOK_NODE_ANNOTATION
    api.create(
        "/api/v1/nodes",
        {
            "apiVersion": "v1",
            "kind": "Node",
            "metadata": {
                "name": NODE,
                "annotations": {key: value},
                "labels": {
                    "kubernetes.io/hostname": NODE,
                    "kubernetes.io/os": "linux",
                    "kubernetes.io/arch": "amd64",
                    "type": "kwok",
                },
            },
            "status": {
                "allocatable": {"cpu": "64", "memory": "256Gi", "pods": "250"},
                "capacity": {"cpu": "64", "memory": "256Gi", "pods": "250"},
            },
        },
    )


def node_ready(api: Api) -> bool:
    node = api.get(f"/api/v1/nodes/{NODE}")
    if not node:
        return False
    # With the node lifecycle controller off, nothing lifts the taint a new node is born with.
    taints = node["spec"].get("taints") or []
    if taints:
        api.call("PATCH", f"/api/v1/nodes/{NODE}", {"spec": {"taints": None}})
        return False
    conditions = node.get("status", {}).get("conditions") or []
    return any(c["type"] == "Ready" and c["status"] == "True" for c in conditions)


@contextlib.contextmanager
def started(processes: Processes) -> Iterator[Processes]:
    try:
        yield processes
    finally:
        processes.stop()
