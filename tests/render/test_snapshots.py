"""Snapshots whose files are dist/ itself: a render change is accepted deliberately, once.

The syrupy extension below stores the snapshot of rendered file `<overlay>/<file>` at
`dist/<overlay>/<file>`: the committed render is the only copy, so a change is reviewed once
(in dist/), not twice. Without `--snapshot-update` a fresh render that differs from the
committed dist/ fails with syrupy's diff; with it (`make snapshot-update`) the render is
accepted into dist/ through the writers `main.py synth` uses (`write_file`, and `write_tree`
when files appear or disappear), and `git diff dist/` is what the reviewer reads.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from syrupy.assertion import SnapshotAssertion
from syrupy.data import SnapshotCollection, SnapshotCollections
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode
from syrupy.location import PyTestLocation
from syrupy.types import SerializableData, SnapshotIndex

from mlflow_gitops.output import write_file, write_tree
from tests.render.project import copy_project, tree

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "dist"


class DistSnapshot(SingleFileSnapshotExtension):
    """A snapshot named by its path under dist/ (`snapshot(name="homelab/x.yaml")`) lives
    at that path. dist/ is the render's folder, not syrupy's: discovery finds nothing there,
    so syrupy never calls a committed file unused or deletes one; the file set is checked by
    test_dist_holds_exactly_the_rendered_files."""

    _write_mode = WriteMode.TEXT
    file_extension = "yaml"

    @classmethod
    def get_location(cls, *, test_location: PyTestLocation, index: SnapshotIndex) -> str:
        assert isinstance(index, str), "name the snapshot by its path under dist/"
        return str(DIST / index)

    @classmethod
    def dirname(cls, *, test_location: PyTestLocation) -> str:
        return str(DIST)

    @classmethod
    def matches_test_location(
        cls, *, test_location: PyTestLocation, snapshot_location: str
    ) -> bool:
        return Path(snapshot_location).is_relative_to(DIST)

    def discover_snapshots(
        self, *, test_location: PyTestLocation, ignore_extensions: list[str] | None = None
    ) -> SnapshotCollections:
        return SnapshotCollections()

    def read_snapshot_data_from_location(
        self, *, snapshot_location: str, snapshot_name: str, session_id: str
    ) -> SerializableData | None:
        path = Path(snapshot_location)
        # Bytes, decoded: text mode would hide a changed line ending.
        return path.read_bytes().decode("utf-8") if path.is_file() else None

    @classmethod
    def write_snapshot_collection(
        cls, *, snapshot_collection: SnapshotCollection, name_order: dict[str, int] | None = None
    ) -> None:
        data = next(iter(snapshot_collection)).data
        assert isinstance(data, str)
        write_file(data, Path(snapshot_collection.location))


def committed_files() -> list[str]:
    return sorted(p.relative_to(DIST).as_posix() for p in DIST.rglob("*") if p.is_file())


def updating(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.option.update_snapshots)


@pytest.fixture
def dist_snapshot(snapshot: SnapshotAssertion) -> SnapshotAssertion:
    return snapshot.use_extension(DistSnapshot)


def test_dist_holds_exactly_the_rendered_files(
    rendered: dict[str, str], request: pytest.FixtureRequest
) -> None:
    if updating(request) and set(rendered) != set(committed_files()):
        write_tree(rendered, DIST)  # files added or removed: the whole tree, atomically
    committed = set(committed_files())
    assert committed, "dist/ holds no rendered file: run `make synth` and commit dist/"
    added, gone = sorted(set(rendered) - committed), sorted(committed - set(rendered))
    assert (added, gone) == ([], []), (
        f"rendered but not in dist/: {added}; in dist/ but no longer rendered: {gone}. "
        "Accept the render with `make snapshot-update`, read `git diff dist/`, commit"
    )


@pytest.mark.parametrize("path", committed_files())
def test_rendered_file_matches_dist(
    path: str,
    rendered: dict[str, str],
    dist_snapshot: SnapshotAssertion,
    request: pytest.FixtureRequest,
) -> None:
    if path not in rendered:
        # Accepting removes it (the test above); otherwise that test names it too.
        assert updating(request), f"dist/{path} is no longer rendered: make snapshot-update"
        return
    assert rendered[path] == dist_snapshot(name=path)


def test_a_render_that_differs_from_dist_fails_until_accepted(
    tmp_path: Path, rendered: dict[str, str]
) -> None:
    """In a copy of the project: a changed, a stale and a missing file in dist/ fail the
    snapshot tests; `--snapshot-update` rewrites dist/ to the render, byte for byte. The copy's
    tests get this session's render (same code) instead of rendering twice more."""
    project = copy_project(tmp_path / "project")
    shutil.copytree(ROOT / "tests", project / "tests", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(ROOT / "pyproject.toml", project / "pyproject.toml")
    (project / "rendered.json").write_text(json.dumps(rendered))
    with (project / "tests" / "conftest.py").open("a") as conftest:
        conftest.write(REUSE_RENDER)
    dist = project / "dist"
    expected = tree(dist)
    changed = dist / "homelab" / "deployment-mlflow.yaml"
    changed.write_text(changed.read_text().replace("replicas: 1", "replicas: 3"))
    (dist / "homelab" / "configmap-stale.yaml").write_text("kind: ConfigMap\n")
    (dist / "gke-gcs" / "service-mlflow.yaml").unlink()

    def snapshots(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "pytest", "tests/render/test_snapshots.py", "-q", *args],
            cwd=project,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )

    refused = snapshots("-k", "not differs_from_dist")
    assert refused.returncode == 1, refused.stdout
    assert "test_rendered_file_matches_dist[homelab/deployment-mlflow.yaml]" in refused.stdout
    assert "replicas: 3" in refused.stdout  # syrupy's diff of dist/ against the render
    assert "homelab/configmap-stale.yaml" in refused.stdout
    assert "gke-gcs/service-mlflow.yaml" in refused.stdout
    assert tree(dist) != expected  # refusing changes nothing

    accepted = snapshots("-k", "not differs_from_dist", "--snapshot-update")
    assert accepted.returncode == 0, accepted.stdout
    assert tree(dist) == expected


REUSE_RENDER = """

@pytest.fixture(scope="session")
def rendered() -> dict[str, str]:
    import json

    return json.loads((ROOT / "rendered.json").read_text())
"""
