"""The review's predictions (mlflow_gitops/review_predictions.py) on real overlay changes.

Each scenario of tests/review_scenarios.py edits a copy of the project's overlay, renders it
with the project's own render and compares it with the render of the unchanged project, as
`main.py diff` does. The rules themselves are checked against the API server they model in
tests/test_review_predictions_apiserver.py.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from mlflow_gitops import review
from mlflow_gitops.review_core import Identity, Manifest, compare, parse_files
from mlflow_gitops.review_immutable import quantity
from mlflow_gitops.review_predictions import (
    MIGRATIONS_COMPONENT,
    Effect,
    Predictions,
    Trees,
    predict,
    predict_review,
)
from tests.render.project import copy_project
from tests.review_scenarios import SCENARIOS, Scenario, apply_overlay_edit, apply_render_edit

Render = Callable[..., dict[str, str]]


def _only(files: dict[str, str], overlay: str) -> dict[str, str]:
    return {path: text for path, text in files.items() if path.startswith(f"{overlay}/")}


def scenario_trees(
    scenario: Scenario, rendered: dict[str, str], render: Render, tmp_path: Path
) -> tuple[dict[Identity, Manifest], dict[Identity, Manifest]]:
    project = copy_project(tmp_path / "project")
    apply_overlay_edit(scenario, project / "overlays")
    head = _only(render(project, [scenario.overlay]), scenario.overlay)
    apply_render_edit(scenario, head)
    return parse_files(_only(rendered, scenario.overlay)), parse_files(head)


def effects(predictions: Predictions) -> dict[str, frozenset[Effect]]:
    return {
        identity.title(): frozenset(p.effect for p in group)
        for identity, group in predictions.by_object.items()
    }


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.name for s in SCENARIOS])
def test_scenario_predictions(
    scenario: Scenario,
    rendered: dict[str, str],
    render_in_process: Render,
    tmp_path: Path,
) -> None:
    base, head = scenario_trees(scenario, rendered, render_in_process, tmp_path)
    review_ = compare(base, head)
    changed = {c.identity.title() for c in review_.changes if c.identity.kind != "Kustomization"}
    assert changed == set(scenario.objects), "the edit touches other objects than expected"
    predictions = predict_review(base, head, [c.identity for c in review_.changes])
    found = effects(predictions)
    assert {t: found.get(t, frozenset()) for t in changed} == dict(scenario.objects)
    application = frozenset(p.effect for p in predictions.by_overlay.get(scenario.overlay, ()))
    assert application == scenario.application
    assert predictions.any_blocking == scenario.blocking


def test_database_size_names_the_field_the_wave_and_the_fix(
    rendered: dict[str, str], render_in_process: Render, tmp_path: Path
) -> None:
    (scenario,) = [s for s in SCENARIOS if s.name == "gke-gcs-database-size"]
    base, head = scenario_trees(scenario, rendered, render_in_process, tmp_path)
    review_ = compare(base, head)
    predictions = predict_review(base, head, [c.identity for c in review_.changes])
    ((title, prediction),) = predictions.blocking()
    assert title == "gke-gcs: StatefulSet mlflow/mlflow-postgresql"
    assert "`spec.volumeClaimTemplates[data].spec.resources.requests.storage`" in prediction.detail
    assert "wave -3" in prediction.detail
    assert "--cascade=orphan" in prediction.detail


def test_server_image_lists_the_hook_jobs_in_sync_order(
    rendered: dict[str, str], render_in_process: Render, tmp_path: Path
) -> None:
    (scenario,) = [s for s in SCENARIOS if s.name == "homelab-server-image"]
    base, head = scenario_trees(scenario, rendered, render_in_process, tmp_path)
    review_ = compare(base, head)
    predictions = predict_review(base, head, [c.identity for c in review_.changes])
    (jobs,) = predictions.by_overlay["homelab"]
    assert jobs.detail.index("mlflow-generate-secrets (Sync -4)") < jobs.detail.index(
        "mlflow-migrate (Sync 5)"
    )
    server = Identity("homelab", "apps", "Deployment", "mlflow", "mlflow")
    (migrations,) = [p for p in predictions.by_object[server] if p.effect is Effect.RUNS_MIGRATIONS]
    assert "3.17.2-oidc11.0.2-1 → harbor.example.com/library/mlflow-custom:3.17.3" in (
        migrations.detail
    )


def test_a_sync_stopped_at_wave_10_ran_the_earlier_hooks_only(
    rendered: dict[str, str], render_in_process: Render, tmp_path: Path
) -> None:
    (scenario,) = [s for s in SCENARIOS if s.name == "gke-gcs-service-made-headless"]
    base, head = scenario_trees(scenario, rendered, render_in_process, tmp_path)
    review_ = compare(base, head)
    predictions = predict_review(base, head, [c.identity for c in review_.changes])
    (jobs,) = predictions.by_overlay["gke-gcs"]
    assert jobs.detail.startswith(
        "the sync stops at wave 10: only mlflow-bucket-setup, mlflow-migrate run (of "
    )
    assert "mlflow-users (PostSync 0)" in jobs.detail


def test_migrations_component_is_the_migration_jobs_own() -> None:
    from mlflow_gitops.constructs.migrations import COMPONENT

    assert MIGRATIONS_COMPONENT == COMPONENT


# -- rules on rendered objects mutated by hand (no overlay setting makes these changes) --------


def _pair(rendered: dict[str, str], path: str) -> tuple[Identity, Manifest, dict[str, Any]]:
    ((identity, manifest),) = parse_files({path: rendered[path]}).items()
    return identity, manifest, copy.deepcopy(manifest.document)


def _predict(
    rendered: dict[str, str], path: str, edit: Callable[[dict[str, Any]], None]
) -> set[Effect]:
    identity, manifest, document = _pair(rendered, path)
    edit(document)
    head = Manifest(identity, path, document)
    overlay = path.split("/", maxsplit=1)[0]
    base_tree = parse_files(_only(rendered, overlay))
    head_tree = {**base_tree, identity: head}
    return {p.effect for p in predict(identity, manifest, head, Trees(base_tree, head_tree))}


def test_label_only_changes_predict_nothing(rendered: dict[str, str]) -> None:
    def label(doc: dict[str, Any]) -> None:
        doc["metadata"]["labels"]["example.com/team"] = "ml"

    for path in (
        "gke-gcs/statefulset-mlflow-postgresql.yaml",
        "homelab/persistentvolumeclaim-mlflow-storage.yaml",
        "homelab/configmap-mlflow-group-plugin.yaml",
        "homelab/deployment-mlflow.yaml",
        "homelab/namespace-mlflow.yaml",
    ):
        assert _predict(rendered, path, label) == set(), path


def test_plain_job_template_is_immutable_hook_job_is_recreated(rendered: dict[str, str]) -> None:
    path = "homelab/job-mlflow-db-setup.yaml"

    def retag(doc: dict[str, Any]) -> None:
        doc["spec"]["template"]["spec"]["containers"][0]["image"] = "example/other:1"

    def plain(doc: dict[str, Any]) -> None:
        retag(doc)
        for key in ("argocd.argoproj.io/hook", "argocd.argoproj.io/hook-delete-policy"):
            del doc["metadata"]["annotations"][key]

    assert _predict(rendered, path, retag) == {Effect.RERUNS_EVERY_SYNC}
    identity, manifest, document = _pair(rendered, path)
    plain(document)
    base_doc = copy.deepcopy(manifest.document)
    for key in ("argocd.argoproj.io/hook", "argocd.argoproj.io/hook-delete-policy"):
        del base_doc["metadata"]["annotations"][key]
    base = Manifest(identity, path, base_doc)
    head = Manifest(identity, path, document)
    tree = parse_files(_only(rendered, "homelab"))
    found = predict(identity, base, head, Trees(tree, {**tree, identity: head}))
    assert [p.effect for p in found] == [Effect.CANNOT_APPLY]
    assert "`kubectl delete job mlflow-db-setup`" in found[0].detail


def test_switch_back_to_recreate_cannot_be_applied_in_place(rendered: dict[str, str]) -> None:
    """A Deployment going from RollingUpdate back to Recreate (homelab's server when its
    ReadWriteOnce claim returns): the API server keeps the rollingUpdate it defaulted and
    refuses Recreate beside it under server-side apply, as the control-plane tier saw on Argo
    CD. The other way round applies."""
    path = "homelab/deployment-mlflow.yaml"
    identity, manifest, document = _pair(rendered, path)
    assert document["spec"]["strategy"] == {"type": "Recreate"}
    rolling = copy.deepcopy(manifest.document)
    rolling["spec"]["strategy"] = {"type": "RollingUpdate"}
    base = Manifest(identity, path, rolling)
    tree = parse_files(_only(rendered, "homelab"))
    back = predict(identity, base, manifest, Trees({**tree, identity: base}, tree))
    assert Effect.CANNOT_APPLY in {p.effect for p in back}
    [refusal] = [p for p in back if p.effect is Effect.CANNOT_APPLY]
    assert "spec.strategy.type" in refusal.detail and "kubectl patch deployment" in refusal.detail
    forward = predict(identity, manifest, base, Trees(tree, {**tree, identity: base}))
    assert Effect.CANNOT_APPLY not in {p.effect for p in forward}


def test_removed_namespace_with_prune_drops_data(rendered: dict[str, str]) -> None:
    path = "homelab/namespace-mlflow.yaml"
    identity, manifest, document = _pair(rendered, path)
    tree = parse_files(_only(rendered, "homelab"))
    without = {i: m for i, m in tree.items() if i != identity}
    kept = predict(identity, manifest, None, Trees(tree, without))
    assert [p.effect for p in kept] == [Effect.ORPHANS]  # the render's Prune=false
    del document["metadata"]["annotations"]["argocd.argoproj.io/sync-options"]
    pruned = Manifest(identity, path, document)
    dropped = predict(identity, pruned, None, Trees({**tree, identity: pruned}, without))
    assert [p.effect for p in dropped] == [Effect.DROPS_DATA]


def test_immutable_configmap_data_cannot_change(rendered: dict[str, str]) -> None:
    path = "homelab/configmap-mlflow-group-plugin.yaml"
    identity, _, document = _pair(rendered, path)
    base_doc = {**copy.deepcopy(document), "immutable": True}
    head_doc = copy.deepcopy(base_doc)
    key = next(iter(head_doc["data"]))
    head_doc["data"][key] += "\n# changed\n"
    tree = parse_files(_only(rendered, "homelab"))
    base, head = Manifest(identity, path, base_doc), Manifest(identity, path, head_doc)
    found = {p.effect for p in predict(identity, base, head, Trees(tree, {**tree, identity: head}))}
    assert Effect.CANNOT_APPLY in found


def test_quantities() -> None:
    assert quantity("8Gi") == 8 * 2**30
    assert quantity("500M") == 5 * 10**8
    assert quantity("1.5") == 1.5
    assert quantity("lots") is None


# -- the review shows them ----------------------------------------------------------------------


def _write(root: Path, files: dict[str, str]) -> None:
    for path, text in files.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


@pytest.fixture
def database_size_dirs(
    rendered: dict[str, str], render_in_process: Render, tmp_path: Path
) -> tuple[Path, Path]:
    (scenario,) = [s for s in SCENARIOS if s.name == "gke-gcs-database-size"]
    project = copy_project(tmp_path / "project")
    apply_overlay_edit(scenario, project / "overlays")
    base, head = tmp_path / "base", tmp_path / "head"
    _write(base, _only(rendered, "gke-gcs"))
    _write(head, _only(render_in_process(project, ["gke-gcs"]), "gke-gcs"))
    return base, head


def test_markdown_review_marks_blocking_predictions_first(
    capsys: pytest.CaptureFixture[str], database_size_dirs: tuple[Path, Path]
) -> None:
    base, head = database_size_dirs
    code = review.main(["--base-dir", str(base), "--head-dir", str(head), "--format", "markdown"])
    out = capsys.readouterr().out
    assert code == 1
    summary, _, objects = out.partition("<details>")
    assert "| ⛔ cannot be applied in place | 1 |" in summary
    assert "- ⛔ gke-gcs: StatefulSet mlflow/mlflow-postgresql: cannot be applied in place" in (
        summary
    )
    section = objects.split("#### StatefulSet mlflow/mlflow-postgresql (modified)")[1]
    assert section.lstrip().startswith("- ⛔ **cannot be applied in place**:")


def test_text_review_and_fail_on_blocking(
    capsys: pytest.CaptureFixture[str], database_size_dirs: tuple[Path, Path]
) -> None:
    base, head = database_size_dirs
    args = ["--base-dir", str(base), "--head-dir", str(head), "--format", "text"]
    assert review.main(args) == 1
    out = capsys.readouterr().out
    assert "  ! cannot be applied in place: " in out
    assert review.main([*args, "--fail-on", "blocking"]) == review.EXIT_BLOCKING
    assert (
        review.main(["--base-dir", str(base), "--head-dir", str(base), "--fail-on", "blocking"])
        == 0
    )
    capsys.readouterr()


def test_split_parts_keep_predictions_with_their_objects(
    capsys: pytest.CaptureFixture[str],
    rendered: dict[str, str],
    render_in_process: Render,
    tmp_path: Path,
) -> None:
    (scenario,) = [s for s in SCENARIOS if s.name == "homelab-server-image"]
    project = copy_project(tmp_path / "project")
    apply_overlay_edit(scenario, project / "overlays")
    base, head, prefix = tmp_path / "base", tmp_path / "head", tmp_path / "out" / "diff"
    _write(base, _only(rendered, "homelab"))
    _write(head, _only(render_in_process(project, ["homelab"]), "homelab"))
    limit = 4000
    args = ["--base-dir", str(base), "--head-dir", str(head), "--format", "markdown"]
    assert review.main([*args, "--output-prefix", str(prefix), "--max-chars", str(limit)]) == 1
    capsys.readouterr()
    parts = [
        path.read_text(encoding="utf-8")
        for path in sorted(prefix.parent.glob("diff-*.md"), key=lambda p: int(p.stem[5:]))
    ]
    assert len(parts) > 1
    assert all(len(part) <= limit for part in parts)
    whole = "".join(parts)
    # The application's line once, in the overlay's first section; each object's under it.
    assert whole.count("- re-runs bootstrap Jobs: the sync re-runs every hook Job:") == 1
    assert whole.count("- runs database migrations: image ") == 1
    assert whole.count("- re-runs on every sync: a hook") == 5
    assert "| re-runs on every sync | 5 |" in parts[0]
    assert "| runs database migrations | 1 |" in parts[0]
    assert "none blocking" in parts[0]


def _without_keep(document: dict[str, Any]) -> dict[str, Any]:
    plain = copy.deepcopy(document)
    del plain["metadata"]["annotations"]["argocd.argoproj.io/sync-options"]
    return plain


def _deletes_claims(document: dict[str, Any]) -> dict[str, Any]:
    plain = _without_keep(document)
    plain["spec"]["persistentVolumeClaimRetentionPolicy"] = {"whenDeleted": "Delete"}
    return plain


REMOVALS: list[tuple[str, Callable[[dict[str, Any]], dict[str, Any]], Effect]] = [
    # The render keeps every data holder (Prune=false): removed from Git, it is orphaned.
    ("homelab/persistentvolumeclaim-mlflow-storage.yaml", copy.deepcopy, Effect.ORPHANS),
    ("authentik/cluster-mlflow-postgres.yaml", copy.deepcopy, Effect.ORPHANS),
    ("gke-gcs/statefulset-mlflow-postgresql.yaml", copy.deepcopy, Effect.ORPHANS),
    # Without it, the automated prune deletes the data...
    ("homelab/persistentvolumeclaim-mlflow-storage.yaml", _without_keep, Effect.DROPS_DATA),
    ("authentik/cluster-mlflow-postgres.yaml", _without_keep, Effect.DROPS_DATA),
    ("gke-gcs/statefulset-mlflow-postgresql.yaml", _deletes_claims, Effect.DROPS_DATA),
    # ...except a StatefulSet's, whose claims stay by default (whenDeleted: Retain).
    ("gke-gcs/statefulset-mlflow-postgresql.yaml", _without_keep, Effect.ORPHANS),
]


@pytest.mark.parametrize("path, prepare, effect", REMOVALS)
def test_removed_data_holders(
    path: str,
    prepare: Callable[[dict[str, Any]], dict[str, Any]],
    effect: Effect,
    rendered: dict[str, str],
) -> None:
    identity, _, document = _pair(rendered, path)
    old = Manifest(identity, path, prepare(document))
    overlay = path.split("/", maxsplit=1)[0]
    tree = {**parse_files(_only(rendered, overlay)), identity: old}
    without = {i: m for i, m in tree.items() if i != identity}
    found = predict(identity, old, None, Trees(tree, without))
    assert [p.effect for p in found] == [effect]


def test_removed_deployment_predicts_nothing(rendered: dict[str, str]) -> None:
    path = "homelab/deployment-mlflow.yaml"
    identity, manifest, _ = _pair(rendered, path)
    tree = parse_files(_only(rendered, "homelab"))
    without = {i: m for i, m in tree.items() if i != identity}
    assert predict(identity, manifest, None, Trees(tree, without)) == ()


def test_a_kept_value_beside_a_real_change_still_syncs(
    rendered: dict[str, str], render_in_process: Render, tmp_path: Path
) -> None:
    """Only a change the API server ignores entirely leaves the app Synced; the same dropped
    clusterIP beside a label change is a real difference, so the sync and its hooks run."""
    (scenario,) = [s for s in SCENARIOS if s.name == "gke-gcs-headless-cluster-ip"]
    base, head = scenario_trees(scenario, rendered, render_in_process, tmp_path)
    service = Identity("gke-gcs", "", "Service", "mlflow", "mlflow-postgresql-hl")
    labelled = copy.deepcopy(head[service].document)
    labelled["metadata"].setdefault("labels", {})["example.com/team"] = "ml"
    head[service] = Manifest(service, head[service].path, labelled)
    predictions = predict_review(base, head, [service])
    assert {p.effect for p in predictions.by_object[service]} == {Effect.KEEPS_LIVE_VALUE}
    assert {p.effect for p in predictions.by_overlay["gke-gcs"]} == {Effect.RERUNS_JOBS}
