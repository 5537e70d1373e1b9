"""The overlay JSON schema is committed and current; the up-to-date gate catches a stale dist/."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.render.project import ROOT, copy_project, run_main


def test_committed_overlay_schema_is_current() -> None:
    from mlflow_gitops.output import schema_text

    committed = ROOT / "overlays" / "schema.json"
    assert committed.is_file(), "overlays/schema.json is missing: run `make synth`"
    assert committed.read_text() == schema_text(), "overlays/schema.json is stale: `make synth`"
    assert json.loads(committed.read_text())["title"] == "mlflow-gitops overlay"


def test_every_overlay_file_points_editors_at_the_schema() -> None:
    for overlay in sorted((ROOT / "overlays").glob("*.yaml")):
        first = overlay.read_text().splitlines()[0]
        assert first == "# yaml-language-server: $schema=./schema.json", overlay.name


def test_gate_passes_on_a_fresh_render_and_fails_on_a_stale_one(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / "overlays" / "schema.json").write_text(
        (ROOT / "overlays" / "schema.json").read_text()
    )
    assert run_main(project, "check").returncode == 0
    overlay = project / "overlays" / "homelab.yaml"
    overlay.write_text(overlay.read_text().replace("size: 1Gi", "size: 2Gi"))
    stale = run_main(project, "check")
    assert stale.returncode == 1
    assert "homelab/persistentvolumeclaim-mlflow-storage.yaml" in stale.stderr
    assert "run `make synth`" in stale.stderr
    assert run_main(project, "synth").returncode == 0
    assert run_main(project, "check").returncode == 0


def test_after_a_one_value_change_the_diff_shows_exactly_that_object(
    tmp_path: Path,
    rendered: dict[str, str],
    render_in_process: Callable[..., dict[str, str]],
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Both renders in this process (the session's code); the review's own CLI path is tested
    # in tests/test_review.py.
    from mlflow_gitops import review
    from mlflow_gitops.output import write_tree

    project = copy_project(tmp_path / "project")
    write_tree(rendered, tmp_path / "before")
    overlay = project / "overlays" / "gke-gcs.yaml"
    overlay.write_text(overlay.read_text().replace("size: 8Gi", "size: 16Gi"))
    write_tree(render_in_process(project), tmp_path / "after")
    capsys.readouterr()
    code = review.main(
        [
            "--base-dir",
            str(tmp_path / "before"),
            "--head-dir",
            str(tmp_path / "after"),
            "--format",
            "markdown",
            "--color",
            "never",
        ]
    )
    diff = capsys.readouterr()
    assert code == 1, diff.err
    headings = [line for line in diff.out.splitlines() if line.startswith("#### ")]
    assert headings == ["#### StatefulSet mlflow/mlflow-postgresql (modified)"]
    # The diff's own lines: inside the ```diff fences (the predictions above them are a list).
    fenced, changed = False, []
    for line in diff.out.splitlines():
        if line.startswith("```"):
            fenced = line == "```diff"
        elif fenced and line.startswith(("+", "-")) and not line.startswith(("+++", "---")):
            changed.append(line)
    assert [line.replace(" ", "") for line in changed] == ["-storage:8Gi", "+storage:16Gi"]
    assert "cannot be applied in place" in diff.out


def test_pre_commit_hook_runs_the_gate_and_fails_on_a_stale_dist(tmp_path: Path) -> None:
    """The pre-commit hook is the same gate: it fails in a clone whose overlay changed."""
    import shutil
    import subprocess
    import sys

    project = copy_project(tmp_path / "project")
    shutil.copy2(ROOT / ".pre-commit-config.yaml", project / ".pre-commit-config.yaml")
    (project / ".venv").symlink_to(Path(sys.executable).parent.parent)
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}
    for command in (["git", "init", "-q"], ["git", "add", "-A"]):
        subprocess.run(command, cwd=project, check=True)

    def hook() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "pre_commit", "run", "dist-up-to-date", "--all-files"],
            cwd=project,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )

    assert hook().returncode == 0
    overlay = project / "overlays" / "homelab.yaml"
    overlay.write_text(overlay.read_text().replace("size: 1Gi", "size: 2Gi"))
    stale = hook()
    assert stale.returncode == 1
    assert "run `make synth`" in stale.stdout
