"""Which fields of a live object the API server refuses to change, read from its update
validation (Kubernetes 1.35: `ValidateStatefulSetUpdate`, `ValidateDeploymentUpdate`,
`ValidateJobSpecUpdate`, `ValidateServiceUpdate`, `ValidatePersistentVolumeClaimUpdate`, the
ConfigMap's and Secret's `immutable`, a binding's `roleRef`). Pure over two parsed manifests;
tests/test_review_predictions_apiserver.py holds the rules against the real API server."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any


def get(node: Any, *path: str) -> Any:
    for key in path:
        if not isinstance(node, dict):
            return None
        node = node.get(key)
    return node


def spec(doc: Mapping[str, Any]) -> dict[str, Any]:
    found = doc.get("spec")
    return found if isinstance(found, dict) else {}


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, default=repr)


def differs(old: Any, new: Any) -> bool:
    return _canonical(old) != _canonical(new)


def changed_paths(old: Any, new: Any, prefix: str = "") -> list[str]:
    """Dotted paths of the leaves that differ; list items named by their `name` when they have
    one (containers, env, volumes), else by index."""
    if isinstance(old, dict) and isinstance(new, dict):
        return [
            path
            for key in sorted(old.keys() | new.keys())
            for path in changed_paths(old.get(key), new.get(key), f"{prefix}.{key}".lstrip("."))
        ]
    if isinstance(old, list) and isinstance(new, list):
        olds, news = _by_name(old), _by_name(new)
        # Same names in the same order (some added): compare item by item, named.
        if olds is not None and news is not None and list(olds) == [n for n in news if n in olds]:
            return [
                path
                for name in [*olds, *(n for n in news if n not in olds)]
                for path in changed_paths(olds.get(name), news.get(name), f"{prefix}[{name}]")
            ]
        if len(old) == len(new):
            return [
                path
                for index, (a, b) in enumerate(zip(old, new, strict=True))
                for path in changed_paths(a, b, f"{prefix}[{index}]")
            ]
    return [prefix or "(whole)"] if differs(old, new) else []


def _by_name(items: list[Any]) -> dict[str, Any] | None:
    """Items keyed by `name` (containers, env, volumes) or `metadata.name` (claim templates);
    None when an item has neither or two share one."""
    named = {}
    for item in items:
        name = get(item, "name") or get(item, "metadata", "name")
        if not isinstance(name, str) or name in named:
            return None
        named[name] = item
    return named


# ValidateStatefulSetUpdate: every other spec field is refused.
STATEFULSET_MUTABLE = frozenset(
    {
        "replicas",
        "ordinals",
        "template",
        "updateStrategy",
        "revisionHistoryLimit",
        "persistentVolumeClaimRetentionPolicy",
        "minReadySeconds",
    }
)
# ValidateJobSpecUpdate (the template only while the Job is not suspended).
JOB_IMMUTABLE = (
    "selector",
    "template",
    "completions",
    "completionMode",
    "podFailurePolicy",
    "backoffLimitPerIndex",
    "managedBy",
    "successPolicy",
)


def _statefulset(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[str]:
    a, b = spec(old), spec(new)
    return [
        path
        for key in sorted((a.keys() | b.keys()) - STATEFULSET_MUTABLE)
        for path in changed_paths(a.get(key), b.get(key), f"spec.{key}")
    ]


def _selector_only(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[str]:
    return changed_paths(spec(old).get("selector"), spec(new).get("selector"), "spec.selector")


def _deployment(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[str]:
    """The selector, and a switch to Recreate: under server-side apply the API server keeps the
    `strategy.rollingUpdate` it defaulted for the old RollingUpdate (no manager owns it), and
    refuses Recreate beside it (seen on Argo CD in the control-plane tier)."""
    paths = _selector_only(old, new)
    before = get(spec(old), "strategy", "type") or "RollingUpdate"
    if before != "Recreate" and get(spec(new), "strategy", "type") == "Recreate":
        paths.append("spec.strategy.type")
    return paths


def _job(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[str]:
    a, b = spec(old), spec(new)
    keys = [k for k in JOB_IMMUTABLE if not (k == "template" and a.get("suspend") is True)]
    return [path for k in keys for path in changed_paths(a.get(k), b.get(k), f"spec.{k}")]


SERVICE_ALLOCATED = ("clusterIP", "clusterIPs")


def _service(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[str]:
    a, b = spec(old), spec(new)
    if "ExternalName" in (a.get("type"), b.get("type")):
        return []  # a change to or from ExternalName may set or clear the cluster IPs
    # Left out, the cluster IPs keep their live values (the registry's patchAllocatedValues).
    paths = [
        path for k in SERVICE_ALLOCATED if b.get(k) for path in changed_paths(a.get(k), b.get(k), k)
    ]
    families_a, families_b = a.get("ipFamilies") or [None], b.get("ipFamilies") or [None]
    if a.get("ipFamilies") and b.get("ipFamilies") and families_a[0] != families_b[0]:
        paths.append("ipFamilies[0]")  # the primary family; a secondary may come and go
    if a.get("type") == b.get("type") == "LoadBalancer" and differs(
        a.get("loadBalancerClass"), b.get("loadBalancerClass")
    ):
        paths.append("loadBalancerClass")
    return [f"spec.{p}" for p in paths]


def _claim_spec_without_size(spec: Mapping[str, Any]) -> dict[str, Any]:
    out = {k: v for k, v in spec.items() if k != "volumeAttributesClassName"}
    resources = dict(out.get("resources") or {})
    requests = {k: v for k, v in (resources.get("requests") or {}).items() if k != "storage"}
    resources["requests"] = requests
    out["resources"] = resources
    return out


def _claim(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[str]:
    a, b = spec(old), spec(new)
    paths = [
        f"spec.{p}" for p in changed_paths(_claim_spec_without_size(a), _claim_spec_without_size(b))
    ]
    before, after = storage(a), storage(b)
    if before is not None and after is not None and after < before:
        paths.append("spec.resources.requests.storage (smaller)")
    return paths


def _immutable_data(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[str]:
    paths = changed_paths(old.get("type"), new.get("type"), "type")  # a Secret's type, always
    if old.get("immutable") is True:
        paths += [
            path
            for k in ("data", "binaryData", "stringData", "immutable")
            for path in changed_paths(old.get(k), new.get(k), k)
        ]
    return paths


def _role_ref(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[str]:
    return changed_paths(old.get("roleRef"), new.get("roleRef"), "roleRef")


RULES: dict[tuple[str, str], Callable[[Mapping[str, Any], Mapping[str, Any]], list[str]]] = {
    ("apps", "StatefulSet"): _statefulset,
    ("apps", "Deployment"): _deployment,
    ("apps", "DaemonSet"): _selector_only,
    ("apps", "ReplicaSet"): _selector_only,
    ("batch", "Job"): _job,
    ("", "Service"): _service,
    ("", "PersistentVolumeClaim"): _claim,
    ("", "ConfigMap"): _immutable_data,
    ("", "Secret"): _immutable_data,
    ("rbac.authorization.k8s.io", "RoleBinding"): _role_ref,
    ("rbac.authorization.k8s.io", "ClusterRoleBinding"): _role_ref,
}

_BINARY = {"Ki": 2**10, "Mi": 2**20, "Gi": 2**30, "Ti": 2**40, "Pi": 2**50, "Ei": 2**60}
_DECIMAL = {"k": 10**3, "M": 10**6, "G": 10**9, "T": 10**12, "P": 10**15, "E": 10**18}


def quantity(text: Any) -> float | None:
    """A Kubernetes quantity ('8Gi', '500M', '1.5') in base units; None when not one."""
    value = str(text).strip()
    for suffixes in (_BINARY, _DECIMAL):
        for suffix, factor in suffixes.items():
            if value.endswith(suffix):
                try:
                    return float(value[: -len(suffix)]) * factor
                except ValueError:
                    return None
    try:
        return float(value)
    except ValueError:
        return None


def storage(spec: Mapping[str, Any]) -> float | None:
    return quantity(get(spec, "resources", "requests", "storage"))


def immutable_paths(
    group: str, kind: str, old: Mapping[str, Any], new: Mapping[str, Any]
) -> list[str]:
    """The paths of `new` that differ from `old` where the API server refuses a change."""
    rule = RULES.get((group, kind))
    return rule(old, new) if rule else []
