"""The README's list of operator-provided Secrets matches the overlays."""

from __future__ import annotations

from pathlib import Path

from mlflow_gitops.config import OperatorSecret
from mlflow_gitops.overlays import load_overlays

ROOT = Path(__file__).resolve().parents[2]


def test_readme_lists_every_operator_secret_with_its_keys() -> None:
    readme = (ROOT / "README.md").read_text()
    rows = [line for line in readme.splitlines() if line.startswith("| ")]
    declared = set()
    for loaded in load_overlays(ROOT / "overlays"):
        for name, source in loaded.settings.secrets.items():
            if not isinstance(source, OperatorSecret):
                continue
            declared.add((loaded.name, name))
            row = next((r for r in rows if r.startswith(f"| {loaded.name} | `{name}` |")), None)
            assert row, f"README: no row for {loaded.name}'s operator Secret {name}"
            for key in source.keys:
                assert f"`{key}`" in row, f"README: {name} row lacks key {key}"
    assert declared, "no overlay declares an operator Secret: is the test still meaningful?"
