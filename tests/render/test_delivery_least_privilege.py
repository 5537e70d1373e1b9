"""Issue 13, item 4: Argo CD admits only what each overlay renders.

Each overlay's Application is in a project of its own whose whitelists are exactly that
overlay's rendered objects: cluster-scoped ones by group, kind and name, namespaced ones by
group and kind; its destinations are that overlay's cluster only. A ClusterRole that
aggregates into another role renders only when the overlay declares the label.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.render.project import copy_project, run_main

Object = dict[str, Any]
OVERLAYS = ("authentik", "bitnami-legacy", "gke-gcs", "homelab")


def _group(obj: Object) -> str:
    return str(obj["apiVersion"]).rpartition("/")[0]


def _overlay_objects(objects: dict[str, Object], overlay: str) -> list[Object]:
    return [obj for path, obj in objects.items() if path.startswith(f"{overlay}/")]


def _elements(objects: dict[str, Object]) -> dict[str, dict[str, str]]:
    appset = objects["argocd/applicationset-mlflow.yaml"]
    [generator] = appset["spec"]["generators"]
    return {e["overlay"]: e for e in generator["list"]["elements"]}


def _project_of(objects: dict[str, Object], overlay: str) -> Object:
    name = _elements(objects)[overlay]["project"]
    projects = [
        obj
        for path, obj in objects.items()
        if path.startswith("argocd/") and obj["kind"] == "AppProject"
    ]
    [project] = [p for p in projects if p["metadata"]["name"] == name]
    return project


def test_the_applications_take_their_project_from_their_own_element(
    objects: dict[str, Object],
) -> None:
    appset = objects["argocd/applicationset-mlflow.yaml"]
    assert appset["spec"]["template"]["spec"]["project"] == "{{.project}}"
    projects = {e["project"] for e in _elements(objects).values()}
    assert len(projects) == len(OVERLAYS), "one project per overlay, none shared"
    rendered = {
        obj["metadata"]["name"]
        for path, obj in objects.items()
        if path.startswith("argocd/") and obj["kind"] == "AppProject"
    }
    assert rendered == projects, "every project is used, every used project is rendered"


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_the_project_admits_exactly_the_cluster_objects_the_overlay_renders(
    objects: dict[str, Object], overlay: str
) -> None:
    rendered = _overlay_objects(objects, overlay)
    assert rendered, f"dist/{overlay} is empty"
    element = _elements(objects)[overlay]
    cluster_scoped = {
        (_group(o), o["kind"], o["metadata"]["name"])
        for o in rendered
        if not o["metadata"].get("namespace")
    }
    # CreateNamespace=true creates the destination namespace, rendered or not.
    cluster_scoped.add(("", "Namespace", element["namespace"]))
    spec = _project_of(objects, overlay)["spec"]
    whitelisted = [(e["group"], e["kind"], e.get("name")) for e in spec["clusterResourceWhitelist"]]
    assert None not in {name for _, _, name in whitelisted}, "a kind without a name admits all"
    assert sorted(whitelisted) == sorted(cluster_scoped)
    assert "clusterResourceBlacklist" not in spec or spec["clusterResourceBlacklist"] == []


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_the_project_admits_exactly_the_namespaced_kinds_and_places_the_overlay_uses(
    objects: dict[str, Object], overlay: str
) -> None:
    rendered = _overlay_objects(objects, overlay)
    element = _elements(objects)[overlay]
    namespaced = [o for o in rendered if o["metadata"].get("namespace")]
    spec = _project_of(objects, overlay)["spec"]
    kinds = {(e["group"], e["kind"]) for e in spec["namespaceResourceWhitelist"]}
    assert kinds == {(_group(o), o["kind"]) for o in namespaced}
    destinations = {(d["name"], d["namespace"]) for d in spec["destinations"]}
    places = {element["namespace"], *(o["metadata"]["namespace"] for o in namespaced)}
    assert destinations == {(element["cluster"], ns) for ns in places}
    assert spec["sourceRepos"] == [element["repoURL"]]


def test_no_project_admits_a_kind_of_cluster_object_wholesale(objects: dict[str, Object]) -> None:
    for path, obj in objects.items():
        if obj["kind"] == "AppProject":
            for entry in obj["spec"].get("clusterResourceWhitelist", []):
                assert entry.get("name") not in (None, "", "*"), f"{path}: {entry}"


# --- role aggregation ---------------------------------------------------------------------


def test_an_undeclared_aggregation_label_fails_the_render_naming_file_and_field(
    tmp_path: Path,
) -> None:
    project = copy_project(tmp_path / "project")
    overlay = project / "overlays" / "homelab.yaml"
    text = overlay.read_text()
    line = "  cluster_role_aggregation: [rbac.kyverno.io/aggregate-to-background-controller]\n"
    assert line in text, "test setup: homelab declares Kyverno's aggregation label"
    overlay.write_text(text.replace(line, ""))
    result = run_main(project, "synth")
    assert result.returncode == 2, result.stdout + result.stderr
    for fragment in (
        "dist/homelab/clusterrole-mlflow-kyverno-secrets.yaml",
        "metadata.labels['rbac.kyverno.io/aggregate-to-background-controller']",
        "argocd.cluster_role_aggregation",
        "overlays/homelab.yaml",
    ):
        assert fragment in result.stderr


def _role(**fields: Any) -> Object:
    return {"kind": "ClusterRole", "metadata": {"name": "r", "labels": {}}, **fields}


@pytest.mark.parametrize(
    ("role", "field"),
    [
        pytest.param(
            _role(
                metadata={
                    "name": "r",
                    "labels": {"rbac.authorization.k8s.io/aggregate-to-edit": "true"},
                }
            ),
            "metadata.labels['rbac.authorization.k8s.io/aggregate-to-edit']",
            id="joins-edit",
        ),
        pytest.param(
            _role(aggregationRule={"clusterRoleSelectors": [{"matchLabels": {"team/x": "true"}}]}),
            "aggregationRule.clusterRoleSelectors[0].matchLabels['team/x']",
            id="collects-by-label",
        ),
        pytest.param(
            _role(
                aggregationRule={
                    "clusterRoleSelectors": [
                        {"matchExpressions": [{"key": "a", "operator": "Exists"}]}
                    ]
                }
            ),
            "aggregationRule.clusterRoleSelectors[0].matchExpressions",
            id="collects-by-expression",
        ),
    ],
)
def test_aggregation_is_refused_unless_declared(role: Object, field: str) -> None:
    from mlflow_gitops.constructs.argocd import refuse_undeclared_aggregation
    from mlflow_gitops.errors import RenderError

    with pytest.raises(RenderError) as refused:
        refuse_undeclared_aggregation("fifth", role, declared=())
    assert "dist/fifth/clusterrole-r.yaml" in str(refused.value)
    assert field in str(refused.value)


def test_a_declared_aggregation_label_renders() -> None:
    from mlflow_gitops.constructs.argocd import refuse_undeclared_aggregation

    key = "rbac.authorization.k8s.io/aggregate-to-view"
    refuse_undeclared_aggregation(
        "fifth", _role(metadata={"name": "r", "labels": {key: "true"}}), declared=(key,)
    )
