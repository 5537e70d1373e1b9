"""Rules every rendered object of every overlay follows."""

from __future__ import annotations

import re
from typing import Any

import pytest

RECOMMENDED = ("name", "instance", "component", "part-of", "managed-by")
# Kinds with no namespace; a stamped namespace here is a cdk8s chart default gone wrong.
CLUSTER_SCOPED = {
    "Namespace",
    "ClusterRole",
    "ClusterRoleBinding",
    "ClusterIssuer",
    "StorageClass",
    "CustomResourceDefinition",
    "GeneratingPolicy",
    "MutatingPolicy",
    "ClusterExternalSecret",
    "ClusterSecretStore",
    "PriorityClass",
    "ValidatingWebhookConfiguration",
    "MutatingWebhookConfiguration",
}
WORKLOADS = {"Deployment", "StatefulSet", "Job", "DaemonSet"}


def _objects(objects: dict[str, dict[str, Any]]) -> list[tuple[str, dict[str, Any]]]:
    return sorted(objects.items())


def test_every_object_carries_the_recommended_labels(objects: dict[str, dict[str, Any]]) -> None:
    for path, obj in _objects(objects):
        labels = obj["metadata"].get("labels", {})
        missing = [k for k in RECOMMENDED if f"app.kubernetes.io/{k}" not in labels]
        assert not missing, f"{path} lacks app.kubernetes.io/{missing}"


def test_cluster_scoped_objects_have_no_namespace_and_the_rest_do(
    objects: dict[str, dict[str, Any]],
) -> None:
    for path, obj in _objects(objects):
        if obj["kind"] in CLUSTER_SCOPED:
            assert "namespace" not in obj["metadata"], f"{path} is cluster-scoped"
        else:
            assert obj["metadata"].get("namespace"), f"{path} has no namespace"


def test_no_hash_suffixes_timestamps_or_generated_names(rendered: dict[str, str]) -> None:
    for path, text in rendered.items():
        assert "cdk8s.io/" not in text, path
        assert not re.search(r"-c8[0-9a-f]{6}\b", text), f"{path} has a cdk8s hash suffix"
        assert not re.search(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}", text), f"{path} has a timestamp"
        assert "generateName" not in text, path


def test_no_secret_values_in_dist(objects: dict[str, dict[str, Any]]) -> None:
    for path, obj in _objects(objects):
        assert obj["kind"] != "Secret" or not (obj.get("data") or obj.get("stringData")), path


def _pod_specs(obj: dict[str, Any]) -> list[dict[str, Any]]:
    if obj["kind"] in WORKLOADS:
        return [obj["spec"]["template"]["spec"]]
    return []


@pytest.mark.parametrize("field", ["runAsNonRoot", "seccompProfile"])
def test_every_pod_is_locked_down(objects: dict[str, dict[str, Any]], field: str) -> None:
    pods = [(path, pod) for path, obj in _objects(objects) for pod in _pod_specs(obj)]
    assert pods, "no workload rendered"
    for path, pod in pods:
        assert pod.get("securityContext", {}).get(field), f"{path}: pod {field}"
        for container in pod["containers"] + pod.get("initContainers", []):
            context = container.get("securityContext", {})
            assert context.get("runAsNonRoot") is True, f"{path}: {container['name']}"
            assert context.get("allowPrivilegeEscalation") is False, path
            assert context.get("readOnlyRootFilesystem") is True, path
            assert context.get("capabilities", {}).get("drop") == ["ALL"], path
            assert context.get("seccompProfile", {}).get("type") == "RuntimeDefault", path
            assert "resources" in container, f"{path}: {container['name']} has no resources"


def test_no_password_in_any_container_argument(objects: dict[str, dict[str, Any]]) -> None:
    for path, obj in _objects(objects):
        for pod in _pod_specs(obj):
            for container in pod["containers"] + pod.get("initContainers", []):
                for arg in container.get("args", []) + container.get("command", []):
                    assert not re.search(r"://[^/@\s]+:[^/@\s]+@", arg), f"{path}: {arg}"
                    assert "PASSWORD)" not in arg, f"{path}: {arg}"


def test_kustomization_lists_exactly_the_overlay_files(rendered: dict[str, str]) -> None:
    import yaml

    overlays = {path.split("/")[0] for path in rendered if path.endswith("kustomization.yaml")}
    assert overlays
    for overlay in overlays:
        listed = yaml.safe_load(rendered[f"{overlay}/kustomization.yaml"])["resources"]
        files = sorted(
            p.split("/", 1)[1]
            for p in rendered
            if p.startswith(f"{overlay}/") and not p.endswith("kustomization.yaml")
        )
        assert listed == files
