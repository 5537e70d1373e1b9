"""A render loads the generated classes of the kinds it renders and no others (issue 14)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import yaml

from tests.render.project import ROOT

# tools/import_crds.sh's table: module group kind version.
KINDS = re.compile(r'^\s+"(\w+) (\S+) (\w+) (\w+)"$', re.MULTILINE)
IMPORTED = re.compile(r"\|\s+mlflow_gitops\.imports\.(\w+)$", re.MULTILINE)


def test_one_overlay_imports_only_the_generated_modules_of_its_kinds(tmp_path: Path) -> None:
    modules = {
        module: (group, kind)
        for module, group, kind, _ in KINDS.findall((ROOT / "tools/import_crds.sh").read_text())
    }
    assert len(modules) > 5
    env = {**os.environ, "MLFLOW_GITOPS_RENDER_CACHE": "off"}
    argv = ["main.py", "synth", "--overlay", "homelab", "--output", str(tmp_path / "out")]
    result = subprocess.run(
        [sys.executable, "-X", "importtime", *argv],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    rendered = {
        (obj["apiVersion"].rpartition("/")[0], obj["kind"])
        for path in (tmp_path / "out").rglob("*.yaml")
        if path.name != "kustomization.yaml"
        for obj in [yaml.safe_load(path.read_text())]
    }
    imported = set(IMPORTED.findall(result.stderr))
    wanted = {module for module, kind in modules.items() if kind in rendered}
    assert imported == wanted
    assert len(wanted) < len(modules)  # homelab renders no CNPG, Cilium, ... objects
