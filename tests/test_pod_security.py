"""Pod Security "restricted" is enforced, not only met: every overlay's rendered Namespace carries
the labels, and the real kube-apiserver's PodSecurity admission accepts every rendered pod
template there without a warning, and refuses a pod that breaks the profile."""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.servers.kube_apiserver import KubeCluster, kube_apiserver  # noqa: F401 (fixture)

ROOT = Path(__file__).resolve().parents[1]
OVERLAYS = ("homelab", "gke-gcs", "authentik", "bitnami-legacy")
WORKLOADS = {"Deployment": "apps/v1", "StatefulSet": "apps/v1", "Job": "batch/v1"}
PLURAL = {"Deployment": "deployments", "StatefulSet": "statefulsets", "Job": "jobs"}

pytestmark = pytest.mark.servers


def rendered(overlay: str) -> list[dict[str, Any]]:
    folder = ROOT / "dist" / overlay
    return [
        yaml.safe_load(path.read_text())
        for path in sorted(folder.glob("*.yaml"))
        if path.name != "kustomization.yaml"
    ]


def namespace_with_rendered_labels(cluster: KubeCluster, objects: list[dict[str, Any]]) -> str:
    (namespace,) = [o for o in objects if o["kind"] == "Namespace"]
    labels = namespace["metadata"].get("labels", {})
    assert labels.get("pod-security.kubernetes.io/enforce") == "restricted", labels
    name = f"ps-{secrets.token_hex(4)}"
    cluster.api.admin("POST", "/api/v1/namespaces", {"metadata": {"name": name, "labels": labels}})
    return name


def post(cluster: KubeCluster, path: str, body: dict[str, Any]) -> tuple[int, str, str]:
    reply = cluster.api.request("POST", f"{path}?dryRun=All&fieldValidation=Strict", body)
    return reply.status_code, reply.headers.get("Warning", ""), reply.text[:500]


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_every_rendered_pod_is_admitted_under_restricted_without_warning(
    kube_apiserver: KubeCluster,  # noqa: F811
    overlay: str,
) -> None:
    objects = rendered(overlay)
    namespace = namespace_with_rendered_labels(kube_apiserver, objects)
    home = objects[0]["metadata"].get("namespace") or "mlflow"
    ns = f"/api/v1/namespaces/{namespace}"
    # Pods name their ServiceAccounts and admission looks them up; `default` is what the
    # controller manager (not running here) makes in every namespace.
    accounts = {"default"} | {
        o["metadata"]["name"]
        for o in objects
        if o["kind"] == "ServiceAccount" and o["metadata"]["namespace"] == home
    }
    for account in sorted(accounts):
        kube_apiserver.api.admin("POST", f"{ns}/serviceaccounts", {"metadata": {"name": account}})
    checked = 0
    for obj in objects:
        if obj["kind"] not in WORKLOADS or obj["metadata"].get("namespace") != home:
            continue
        body = {**obj, "metadata": {**obj["metadata"], "namespace": namespace}}
        group = "/apis/" + WORKLOADS[obj["kind"]]
        status, warning, text = post(
            kube_apiserver, f"{group}/namespaces/{namespace}/{PLURAL[obj['kind']]}", body
        )
        name = f"{obj['kind']} {obj['metadata']['name']}"
        assert status == 201, f"{name}: HTTP {status}: {text}"
        assert not warning, f"{name}: {warning}"
        spec = dict(obj["spec"]["template"]["spec"])
        # The StatefulSet controller adds a volume per claim template to its pods.
        claims = obj["spec"].get("volumeClaimTemplates", [])
        spec["volumes"] = [
            *spec.get("volumes", []),
            *(
                {
                    "name": claim["metadata"]["name"],
                    "persistentVolumeClaim": {
                        "claimName": f"{claim['metadata']['name']}-{obj['metadata']['name']}-0"
                    },
                }
                for claim in claims
            ),
        ]
        pod = {
            "apiVersion": "v1",
            "kind": "Pod",
            "metadata": {"name": f"{obj['metadata']['name']}-0", "namespace": namespace},
            "spec": spec,
        }
        status, warning, text = post(kube_apiserver, f"{ns}/pods", pod)
        assert status == 201 and not warning, f"{name}'s pod: HTTP {status} {warning} {text}"
        checked += 1
    assert checked >= 1


def test_the_namespace_refuses_a_pod_that_breaks_the_profile(
    kube_apiserver: KubeCluster,  # noqa: F811
) -> None:
    namespace = namespace_with_rendered_labels(kube_apiserver, rendered("homelab"))
    kube_apiserver.api.admin(
        "POST", f"/api/v1/namespaces/{namespace}/serviceaccounts", {"metadata": {"name": "default"}}
    )
    pod = {
        "apiVersion": "v1",
        "kind": "Pod",
        "metadata": {"name": "privileged", "namespace": namespace},
        "spec": {"containers": [{"name": "c", "image": "busybox:1.37", "command": ["true"]}]},
    }
    status, _warning, text = post(kube_apiserver, f"/api/v1/namespaces/{namespace}/pods", pod)
    assert status == 403 and "violates PodSecurity" in text, (status, text)
