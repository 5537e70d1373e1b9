"""The review's immutability predictions hold on the real kube-apiserver (1.35, the pinned one).

For every object a prediction scenario modifies, the base object is server-side applied as
Argo CD applies it (field manager argocd-controller, force), then the head: the API server
refuses the head exactly when the scenario expects "cannot be applied in place". A claim that
"needs volume expansion" is bound first (the status a provisioner would write) and grows only
when its StorageClass allows expansion. A recreated hook Job is refused in place, as a plain
`kubectl apply -k` would be, and accepted when deleted and created again, as Argo CD does.
What a sync does beyond one object (waves, hooks, prunes) needs Argo CD: tests/controlplane/.
"""

from __future__ import annotations

import copy
import json
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import requests

from mlflow_gitops.review_core import Identity, Manifest, parse_files
from mlflow_gitops.review_predictions import Effect, Trees, is_hook, predict
from tests.review_scenarios import SCENARIOS, Scenario
from tests.servers.kube_apiserver import KubeCluster, kube_apiserver  # noqa: F401 (fixture)
from tests.test_review_predictions import Render, scenario_trees

pytestmark = pytest.mark.servers

# (API group, kind) -> (path prefix, plural) of the kinds the scenarios modify.
RESOURCES = {
    ("apps", "StatefulSet"): ("apis/apps/v1", "statefulsets"),
    ("apps", "Deployment"): ("apis/apps/v1", "deployments"),
    ("batch", "Job"): ("apis/batch/v1", "jobs"),
    ("", "Service"): ("api/v1", "services"),
    ("", "PersistentVolumeClaim"): ("api/v1", "persistentvolumeclaims"),
    ("", "ConfigMap"): ("api/v1", "configmaps"),
}


def _url(api: KubeCluster, identity: Identity, namespace: str) -> str:
    prefix, plural = RESOURCES[(identity.group, identity.kind)]
    return f"{api.api.url}/{prefix}/namespaces/{namespace}/{plural}/{identity.name}"


def _call(api: KubeCluster, method: str, url: str, body: Any = None, **headers: str) -> Any:
    return requests.request(
        method,
        url,
        data=None if body is None else json.dumps(body),
        headers={"Authorization": f"Bearer {api.api.admin_token}", **headers},
        verify=str(api.api.ca_file),
        timeout=30,
    )


def server_side_apply(
    api: KubeCluster, identity: Identity, namespace: str, document: dict[str, Any]
) -> requests.Response:
    """As Argo CD applies (ServerSideApply=true): field manager argocd-controller, force."""
    body = copy.deepcopy(document)
    body["metadata"]["namespace"] = namespace
    reply: requests.Response = _call(
        api,
        "PATCH",
        _url(api, identity, namespace) + "?fieldManager=argocd-controller&force=true",
        body,
        **{"Content-Type": "application/apply-patch+yaml"},  # JSON is YAML
    )
    return reply


def _must(reply: requests.Response, what: str) -> None:
    assert reply.status_code < 300, f"{what}: HTTP {reply.status_code}: {reply.text[:500]}"


def _bind(api: KubeCluster, identity: Identity, namespace: str, size: str) -> None:
    """Write the status a provisioner writes once it bound the claim to a volume."""
    url = _url(api, identity, namespace)
    claim = _call(api, "GET", url).json()
    claim["status"] = {"phase": "Bound", "capacity": {"storage": size}}
    _must(_call(api, "PUT", url + "/status", claim), "bind the claim")


def _storage_class(api: KubeCluster, expandable: bool) -> str:
    name = f"sc-{secrets.token_hex(4)}"
    body = {
        "apiVersion": "storage.k8s.io/v1",
        "kind": "StorageClass",
        "metadata": {"name": name},
        "provisioner": "example.com/test",
        "allowVolumeExpansion": expandable,
    }
    api.api.admin("POST", "/apis/storage.k8s.io/v1/storageclasses", body)
    return name


def _modified(
    base: dict[Identity, Manifest], head: dict[Identity, Manifest]
) -> list[tuple[Identity, dict[str, Any], dict[str, Any]]]:
    return [
        (identity, base[identity].document, head[identity].document)
        for identity in sorted(base.keys() & head.keys())
        if (identity.group, identity.kind) in RESOURCES and base[identity].key != head[identity].key
    ]


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.name for s in SCENARIOS])
def test_api_server_refuses_exactly_what_cannot_be_applied_in_place(
    scenario: Scenario,
    kube_apiserver: KubeCluster,  # noqa: F811
    rendered: dict[str, str],
    render_in_process: Render,
    tmp_path: Path,
) -> None:
    base, head = scenario_trees(scenario, rendered, render_in_process, tmp_path)
    modified = _modified(base, head)
    if not modified:
        pytest.skip(f"{scenario.name} modifies no object in place (only adds or removes)")
    for identity, old, new in modified:
        expected = scenario.objects[identity.title()]
        if Effect.NEEDS_EXPANSION in expected:
            _check_expansion(kube_apiserver, identity, old, new)
            continue
        namespace = kube_apiserver.api.create_namespace("predict")
        _must(server_side_apply(kube_apiserver, identity, namespace, old), f"create {identity}")
        reply = server_side_apply(kube_apiserver, identity, namespace, new)
        refused = reply.status_code >= 400
        if is_hook(new) and Effect.RERUNS_EVERY_SYNC in expected:
            # A plain apply is refused (immutable template); Argo CD deletes and re-creates.
            assert refused, f"{identity.title()}: expected the in-place update to be refused"
            url = _url(kube_apiserver, identity, namespace) + "?propagationPolicy=Background"
            _must(_call(kube_apiserver, "DELETE", url), f"delete {identity}")
            _must(
                server_side_apply(kube_apiserver, identity, namespace, new), f"re-create {identity}"
            )
            continue
        assert refused == (Effect.CANNOT_APPLY in expected), (
            f"{scenario.name}: {identity.title()} predicted {sorted(e.value for e in expected)}, "
            f"API server answered HTTP {reply.status_code}: {reply.text[:400]}"
        )
        if Effect.KEEPS_LIVE_VALUE in expected:
            live = _call(kube_apiserver, "GET", _url(kube_apiserver, identity, namespace)).json()
            assert live["spec"]["clusterIP"] == old["spec"]["clusterIP"], live["spec"]


def _check_expansion(
    api: KubeCluster, identity: Identity, old: dict[str, Any], new: dict[str, Any]
) -> None:
    """The claim grows on an expandable StorageClass and is refused on another."""
    size = old["spec"]["resources"]["requests"]["storage"]
    for expandable, accepted in ((True, True), (False, False)):
        name = _storage_class(api, expandable)
        base, head = copy.deepcopy(old), copy.deepcopy(new)
        base["spec"]["storageClassName"] = head["spec"]["storageClassName"] = name
        where = api.api.create_namespace("expand")
        _must(server_side_apply(api, identity, where, base), f"create {identity}")
        _bind(api, identity, where, size)
        reply = server_side_apply(api, identity, where, head)
        assert (reply.status_code < 300) == accepted, (
            f"allowVolumeExpansion {expandable}: HTTP {reply.status_code}: {reply.text[:400]}"
        )


def _plain_job(document: dict[str, Any]) -> dict[str, Any]:
    plain = copy.deepcopy(document)
    for key in ("argocd.argoproj.io/hook", "argocd.argoproj.io/hook-delete-policy"):
        del plain["metadata"]["annotations"][key]
    return plain


def _immutable(document: dict[str, Any]) -> dict[str, Any]:
    return {**copy.deepcopy(document), "immutable": True}


def _edit_first_value(document: dict[str, Any]) -> dict[str, Any]:
    edited = copy.deepcopy(document)
    key = next(iter(edited["data"]))
    edited["data"][key] += "\n# changed\n"
    return edited


def _retag(document: dict[str, Any]) -> dict[str, Any]:
    edited = copy.deepcopy(document)
    edited["spec"]["template"]["spec"]["containers"][0]["image"] = "example.com/other:1"
    return edited


BOTH_SIDES: list[tuple[str, Callable[[dict[str, Any]], dict[str, Any]], Callable[..., Any]]] = [
    # A Job that is not a hook: its template cannot change.
    ("homelab/job-mlflow-db-setup.yaml", _plain_job, _retag),
    # A ConfigMap marked immutable: its data cannot change.
    ("homelab/configmap-mlflow-group-plugin.yaml", _immutable, _edit_first_value),
]


@pytest.mark.parametrize("path, prepare, edit", BOTH_SIDES, ids=[c[0] for c in BOTH_SIDES])
def test_predicted_refusals_of_objects_changed_on_both_sides(
    path: str,
    prepare: Callable[[dict[str, Any]], dict[str, Any]],
    edit: Callable[[dict[str, Any]], dict[str, Any]],
    kube_apiserver: KubeCluster,  # noqa: F811
    rendered: dict[str, str],
) -> None:
    ((identity, manifest),) = parse_files({path: rendered[path]}).items()
    old = prepare(manifest.document)
    new = edit(old)
    base, head = Manifest(identity, path, old), Manifest(identity, path, new)
    found = {p.effect for p in predict(identity, base, head, Trees({}, {identity: head}))}
    namespace = kube_apiserver.api.create_namespace("both")
    _must(server_side_apply(kube_apiserver, identity, namespace, old), f"create {identity}")
    reply = server_side_apply(kube_apiserver, identity, namespace, new)
    assert Effect.CANNOT_APPLY in found
    assert reply.status_code == 422, reply.text[:400]
