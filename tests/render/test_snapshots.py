"""One syrupy snapshot per rendered file: a change to dist/ is a reviewed snapshot diff."""

from __future__ import annotations

from pathlib import Path

import pytest
from syrupy.assertion import SnapshotAssertion
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "dist"
SNAPSHOTS = Path(__file__).parent / "__snapshots__" / "test_snapshots"


class YamlSnapshot(SingleFileSnapshotExtension):
    file_extension = "yaml"
    _write_mode = WriteMode.TEXT


def snapshot_id(path: str) -> str:
    # syrupy drops "/" from file names; keep the overlay visible in the snapshot's name.
    return path.replace("/", "__")


def committed_files() -> list[str]:
    return sorted(p.relative_to(DIST).as_posix() for p in DIST.rglob("*.yaml") if p.is_file())


@pytest.fixture
def snapshot_yaml(snapshot: SnapshotAssertion) -> SnapshotAssertion:
    return snapshot.use_extension(YamlSnapshot)


@pytest.mark.parametrize("path", committed_files(), ids=snapshot_id)
def test_rendered_file_matches_snapshot(
    path: str, rendered: dict[str, str], snapshot_yaml: SnapshotAssertion
) -> None:
    assert path in rendered, f"dist/{path} is no longer rendered: run `make synth`"
    assert rendered[path] == snapshot_yaml


def test_every_rendered_file_is_committed_and_snapshotted(rendered: dict[str, str]) -> None:
    committed = set(committed_files())
    assert committed, "dist/ holds no rendered file: run `make synth` and commit dist/"
    assert set(rendered) == committed, "dist/ differs from a fresh render: run `make synth`"
    snapshots = {p.name for p in SNAPSHOTS.glob("*.yaml")}
    expected = {
        f"test_rendered_file_matches_snapshot[{snapshot_id(path)}].yaml" for path in committed
    }
    assert snapshots == expected, (
        "the snapshot set differs from the rendered set: "
        "run `make snapshot-update` and read the diff before committing"
    )
