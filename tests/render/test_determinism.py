"""dist/ is a pure function of the code and overlays/: same bytes on every run and hash seed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.render.project import ROOT, copy_project, run_main, tree


def test_two_renders_under_different_hash_seeds_are_byte_identical(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    first = run_main(project, "synth", "--output", str(tmp_path / "a"), hash_seed="1")
    second = run_main(project, "synth", "--output", str(tmp_path / "b"), hash_seed="4242")
    assert first.returncode == 0, first.stderr
    assert second.returncode == 0, second.stderr
    assert tree(tmp_path / "a") == tree(tmp_path / "b")
    assert tree(tmp_path / "a") == tree(ROOT / "dist"), "dist/ is stale: run `make synth`"


def test_render_prints_no_banner_or_warning(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    result = run_main(project, "synth", "--output", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.startswith("rendered ")


def test_cdk8s_synth_writes_the_same_bytes_as_main_py(tmp_path: Path) -> None:
    cli = ROOT / "node_modules" / ".bin" / "cdk8s"
    assert cli.exists(), "cdk8s-cli is not installed: run `make setup`"
    project = copy_project(tmp_path / "project")
    shutil.copy2(ROOT / "cdk8s.yaml", project / "cdk8s.yaml")
    shutil.rmtree(project / "dist")
    expected = run_main(project, "synth", "--output", str(tmp_path / "direct"))
    assert expected.returncode == 0, expected.stderr
    venv_bin = Path(sys.executable).parent
    result = subprocess.run(
        [str(cli), "synth", "--no-check-upgrade"],
        cwd=project,
        # cdk8s.yaml runs `python main.py synth`: the project's virtual environment's python.
        env={
            **os.environ,
            "PATH": f"{venv_bin}{os.pathsep}{os.environ['PATH']}",
        },
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert tree(project / "dist") == tree(tmp_path / "direct")


def test_a_removed_object_leaves_no_stale_file(tmp_path: Path, rendered: dict[str, str]) -> None:
    from mlflow_gitops.output import write_tree

    out = tmp_path / "out"
    (out / "homelab").mkdir(parents=True)
    (out / "homelab" / "deployment-gone.yaml").write_text("stale\n")
    write_tree(rendered, out)  # what `main.py synth --output out` does after rendering
    assert not (out / "homelab" / "deployment-gone.yaml").exists()
    assert tree(out) == {path: text.encode() for path, text in rendered.items()}
    assert not list(tmp_path.glob(".out.*")), "a staging or retired folder was left behind"
