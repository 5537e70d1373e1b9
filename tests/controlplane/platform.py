"""The platform each overlay assumes, prepared by the test (README: "The control-plane tier").

What the overlays take from their clusters and this tier puts there instead:
- the CRDs of the operators (the pinned files tools/crds.py fetched into .cache/crds);
- the namespaces of other components that the overlays put objects into (code-server,
  authentik);
- operator stand-ins: what cert-manager, External Secrets, 1Password Connect, CloudNativePG,
  Kyverno, the ingress controller and the Gateway report once they have done their work (the
  Ready condition or phase Argo CD's health checks read, an Ingress address, HTTPRoute parents)
  and the Secrets they create; and a volume provisioner that creates a PersistentVolume for each
  claim, which the real PV controller binds.
The stand-ins write status only (the status subresource), never a field of dist/, so Argo CD's
diff of what it manages is untouched by them.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import requests
import yaml

from tests.controlplane.cluster import Api, Processes, wait_for
from tests.servers.kube_apiserver import ROOT

PLATFORM_CRDS = ROOT / ".cache" / "crds"
ARGOCD_GROUP = "argoproj.io"
# Namespaces of other components that overlays put objects into.
OTHER_NAMESPACES = ("code-server", "authentik")
STAND_IN = "control-plane tier stand-in"


def crd_documents(directory: Path, *, argocd: bool) -> list[dict[str, Any]]:
    docs = []
    for path in sorted(directory.glob("*.yaml")):
        for doc in yaml.safe_load_all(path.read_text()):
            crd = doc and doc.get("kind") == "CustomResourceDefinition"
            if crd and (doc["spec"]["group"] == ARGOCD_GROUP) == argocd:
                docs.append(doc)
    return docs


def install_crds(api: Api, crds: list[dict[str, Any]], processes: Processes) -> None:
    for crd in crds:
        api.create("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", crd)
    wanted = {crd["metadata"]["name"] for crd in crds}

    def established() -> bool:
        ready = {
            crd["metadata"]["name"]
            for crd in api.items("/apis/apiextensions.k8s.io/v1/customresourcedefinitions")
            if any(
                c["type"] == "Established" and c["status"] == "True"
                for c in crd.get("status", {}).get("conditions") or []
            )
        }
        return wanted <= ready

    wait_for(f"{api.name}: CRDs established", established, processes)


def dist_objects(folder: Path) -> list[dict[str, Any]]:
    """The objects of one rendered folder (dist/<overlay>)."""
    return [
        doc
        for path in sorted(folder.glob("*.yaml"))
        if path.name != "kustomization.yaml"
        for doc in yaml.safe_load_all(path.read_text())
        if doc
    ]


def storage_classes(objects: list[dict[str, Any]]) -> set[str]:
    """The classes the overlay's claims name (claims and StatefulSet claim templates)."""
    claims = [o["spec"] for o in objects if o["kind"] == "PersistentVolumeClaim"] + [
        t["spec"]
        for o in objects
        if o["kind"] == "StatefulSet"
        for t in o["spec"].get("volumeClaimTemplates", [])
    ]
    return {c["storageClassName"] for c in claims if c.get("storageClassName")}


def prepare_cluster(api: Api, processes: Processes, objects: list[dict[str, Any]]) -> None:
    """CRDs, other components' namespaces and the StorageClasses of `objects` (the overlay's)."""
    install_crds(api, crd_documents(PLATFORM_CRDS, argocd=False), processes)
    for namespace in OTHER_NAMESPACES:
        api.create("/api/v1/namespaces", {"metadata": {"name": namespace}})
    # The platforms' classes (JuiceFS, Longhorn, GKE's standard) can all grow a volume.
    for name in sorted(storage_classes(objects)):
        api.create(
            "/apis/storage.k8s.io/v1/storageclasses",
            {
                "metadata": {"name": name},
                "provisioner": "example.net/stand-in",
                "allowVolumeExpansion": True,
                "volumeBindingMode": "Immediate",
            },
        )


def _ready(message: str) -> dict[str, Any]:
    return {
        "type": "Ready",
        "status": "True",
        "reason": "StandIn",
        "message": message,
        "lastTransitionTime": "2026-01-01T00:00:00Z",
    }


def _has_ready(obj: dict[str, Any]) -> bool:
    return any(c.get("type") == "Ready" for c in obj.get("status", {}).get("conditions") or [])


@dataclass(frozen=True)
class StandIn:
    """What one operator reports for one kind, once per object."""

    path: str  # list path, all namespaces
    done: Callable[[dict[str, Any]], bool]
    status: Callable[[dict[str, Any]], dict[str, Any]]
    secret: Callable[[dict[str, Any]], str | None] = lambda obj: None


def _httproute_status(obj: dict[str, Any]) -> dict[str, Any]:
    generation = obj["metadata"].get("generation", 1)
    return {
        "parents": [
            {
                "parentRef": ref,
                "controllerName": "example.net/gateway-stand-in",
                "conditions": [
                    {
                        "type": kind,
                        "status": "True",
                        "reason": kind,
                        "message": STAND_IN,
                        "observedGeneration": generation,
                        "lastTransitionTime": "2026-01-01T00:00:00Z",
                    }
                    for kind in ("Accepted", "ResolvedRefs")
                ],
            }
            for ref in obj["spec"].get("parentRefs", [])
        ]
    }


def _policy_ready(obj: dict[str, Any]) -> bool:
    return bool(obj.get("status", {}).get("conditionStatus", {}).get("ready"))


def _policy_status(obj: dict[str, Any]) -> dict[str, Any]:
    """Kyverno's policies.kyverno.io kinds report `conditionStatus`, per generation."""
    condition = _ready(f"{STAND_IN}: Kyverno")
    condition["observedGeneration"] = obj["metadata"].get("generation", 1)
    return {"conditionStatus": {"ready": True, "conditions": [condition]}}


def _ready_status(operator: str) -> Callable[[dict[str, Any]], dict[str, Any]]:
    return lambda obj: {"conditions": [_ready(f"{STAND_IN}: {operator}")]}


STAND_INS = (
    StandIn(
        "/apis/networking.k8s.io/v1/ingresses",
        lambda o: bool(o.get("status", {}).get("loadBalancer", {}).get("ingress")),
        lambda o: {"loadBalancer": {"ingress": [{"ip": "192.0.2.10"}]}},
    ),
    StandIn(
        "/apis/gateway.networking.k8s.io/v1/httproutes",
        lambda o: bool(o.get("status", {}).get("parents")),
        _httproute_status,
    ),
    StandIn("/apis/cert-manager.io/v1/certificates", _has_ready, _ready_status("cert-manager")),
    StandIn("/apis/cert-manager.io/v1/clusterissuers", _has_ready, _ready_status("cert-manager")),
    StandIn("/apis/kyverno.io/v1/clusterpolicies", _has_ready, _ready_status("Kyverno")),
    StandIn(
        "/apis/policies.kyverno.io/v1/generatingpolicies",
        _policy_ready,
        _policy_status,
    ),
    StandIn(
        "/apis/policies.kyverno.io/v1/mutatingpolicies",
        _policy_ready,
        _policy_status,
    ),
    StandIn(
        "/apis/external-secrets.io/v1/externalsecrets",
        _has_ready,
        _ready_status("External Secrets"),
        lambda o: (o["spec"].get("target") or {}).get("name") or o["metadata"]["name"],
    ),
    StandIn(
        "/apis/onepassword.com/v1/onepassworditems",
        _has_ready,
        _ready_status("1Password Connect"),
        lambda o: o["metadata"]["name"],
    ),
    StandIn(
        "/apis/postgresql.cnpg.io/v1/clusters",
        lambda o: o.get("status", {}).get("phase") == "Cluster in healthy state",
        lambda o: {
            "phase": "Cluster in healthy state",
            "phaseReason": STAND_IN,
            "conditions": [_ready(f"{STAND_IN}: CloudNativePG")],
        },
        lambda o: f"{o['metadata']['name']}-app",
    ),
)


def _object_path(list_path: str, obj: dict[str, Any]) -> str:
    namespace = obj["metadata"].get("namespace")
    group_path, _, plural = list_path.rpartition("/")
    where = f"{group_path}/namespaces/{namespace}" if namespace else group_path
    return f"{where}/{plural}/{obj['metadata']['name']}"


class Operators:
    """The stand-ins and the volume provisioner, reconciling every half second in a thread."""

    def __init__(self, api: Api) -> None:
        self.api = api
        self.errors: list[str] = []  # of the passes since the last one that went through
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True, name=f"operators-{api.name}")

    def __enter__(self) -> Operators:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=10)

    def _run(self) -> None:
        while not self._stop.wait(0.5):
            try:
                self.reconcile()
            except (AssertionError, requests.RequestException) as exc:
                # 429: an API server's watch cache (re)initialising, as after a CRD is added.
                if "HTTP 429" not in str(exc):
                    self.errors.append(f"{type(exc).__name__}: {exc}")
            else:
                # What a later pass got through was transient: the tests see what persists.
                self.errors.clear()

    def reconcile(self) -> None:
        for stand_in in STAND_INS:
            for obj in self.api.items(stand_in.path):
                if not stand_in.done(obj):
                    path = _object_path(stand_in.path, obj) + "/status"
                    self.api.call("PATCH", path, {"status": stand_in.status(obj)})
                secret = stand_in.secret(obj)
                if secret:
                    self._operator_secret(obj["metadata"]["namespace"], secret)
        for claim in self.api.items("/api/v1/persistentvolumeclaims"):
            if not claim["spec"].get("volumeName"):
                self._provision(claim)

    def _operator_secret(self, namespace: str, name: str) -> None:
        self.api.create(
            f"/api/v1/namespaces/{namespace}/secrets",
            {"metadata": {"name": name, "labels": {"test/stand-in": "operator"}}},
        )

    def _provision(self, claim: dict[str, Any]) -> None:
        meta, spec = claim["metadata"], claim["spec"]
        self.api.create(
            "/api/v1/persistentvolumes",
            {
                "metadata": {"name": f"pv-{meta['namespace']}-{meta['name']}"},
                "spec": {
                    "capacity": {"storage": spec["resources"]["requests"]["storage"]},
                    "accessModes": spec["accessModes"],
                    "storageClassName": spec.get("storageClassName") or "",
                    "persistentVolumeReclaimPolicy": "Retain",
                    "hostPath": {"path": f"/tmp/pv/{meta['namespace']}/{meta['name']}"},
                    "claimRef": {
                        "namespace": meta["namespace"],
                        "name": meta["name"],
                        "uid": meta["uid"],
                    },
                },
            },
        )
