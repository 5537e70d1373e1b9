"""The render cache (mlflow_gitops/render_cache.py): one render serves synth, check and diff.

A fingerprint must change with every file a render reads and not with its output; the work
tree and a commit of the same files must agree; a hit must not render (no cdk8s import).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from mlflow_gitops import render_cache, review
from tests.render.project import ROOT, copy_project

FILES = {
    "main.py": "print('render')\n",
    "mlflow_gitops/app.py": "CHART = 1\n",
    "overlays/one.yaml": "server: {}\n",
    "overlays/schema.json": "{}\n",
    "jobs/setup.py": "print('job')\n",
    "dist/one/deployment-x.yaml": "kind: Deployment\n",
    "tests/test_x.py": "def test(): pass\n",
    "README.md": "# readme\n",
}


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, text=True, check=True
    ).stdout.strip()


def _commit(repo: Path, message: str = "c") -> str:
    _git(repo, "add", "-A")
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", message)
    return _git(repo, "rev-parse", "HEAD")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    for name, text in FILES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    _git(tmp_path, "init", "-q", "-b", "main", str(root))
    _commit(root)
    return root


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "cache"
    monkeypatch.setenv(render_cache.ENV, str(folder))
    yield folder


def test_work_tree_and_commit_fingerprints_agree(repo: Path) -> None:
    assert render_cache.work_tree_key(repo) == render_cache.commit_key(repo, "HEAD")


@pytest.mark.parametrize("changed", ["dist/one/deployment-x.yaml", "tests/test_x.py", "README.md"])
def test_output_tests_and_docs_are_not_inputs(repo: Path, changed: str) -> None:
    before = render_cache.work_tree_key(repo)
    (repo / changed).write_text("changed\n")
    assert render_cache.work_tree_key(repo) == before
    (repo / "overlays" / "schema.json").write_text('{"new": 1}\n')  # written by the render
    assert render_cache.work_tree_key(repo) == before


@pytest.mark.parametrize("changed", ["main.py", "mlflow_gitops/app.py", "overlays/one.yaml"])
def test_every_read_file_is_an_input(repo: Path, changed: str) -> None:
    before = render_cache.work_tree_key(repo)
    (repo / changed).write_text((repo / changed).read_text() + "# changed\n")
    after = render_cache.work_tree_key(repo)
    assert after != before
    assert render_cache.commit_key(repo, _commit(repo)) == after


def test_new_and_deleted_files_change_the_fingerprint(repo: Path) -> None:
    before = render_cache.work_tree_key(repo)
    (repo / "mlflow_gitops" / "new.py").write_text("X = 1\n")  # untracked, yet imported
    added = render_cache.work_tree_key(repo)
    assert added != before
    (repo / "jobs" / "setup.py").unlink()
    assert render_cache.work_tree_key(repo) not in {before, added}


def test_outside_git_nothing_is_cached(tmp_path: Path, cache_dir: Path) -> None:
    assert render_cache.work_tree_key(tmp_path) is None
    render_cache.store(None, {"a/b.yaml": "x"}, None)
    assert render_cache.load(None) is None
    assert not cache_dir.exists()


def test_entries_round_trip_and_a_torn_entry_is_a_miss(cache_dir: Path) -> None:
    render_cache.store("k1", {"one/a.yaml": "a: 1\n"}, "{}\n")
    entry = render_cache.load("k1")
    assert entry is not None
    assert entry.files == {"one/a.yaml": "a: 1\n"} and entry.schema == "{}\n"
    (cache_dir / "k1.json").write_text('{"files": ')
    assert render_cache.load("k1") is None


def test_cache_off(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(render_cache.ENV, "off")
    render_cache.store("k1", {"one/a.yaml": "a: 1\n"}, None)
    assert render_cache.load("k1") is None
    assert not cache_dir.exists()


FAKE_MAIN = """\
import sys
from pathlib import Path
out = Path(sys.argv[sys.argv.index("--output") + 1])
(out / "one").mkdir(parents=True)
(out / "one" / "configmap-x.yaml").write_text(Path("overlays/one.yaml").read_text())
"""


def test_the_review_reuses_a_revision_it_rendered(
    repo: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (repo / "main.py").write_text(FAKE_MAIN)
    _commit(repo)
    first = review.render_revision(repo, "HEAD")
    assert first.files == {"one/configmap-x.yaml": "server: {}\n"}

    def no_checkout(*args: object) -> None:
        raise AssertionError("rendered again")

    monkeypatch.setattr(review, "worktree", no_checkout)
    assert review.render_revision(repo, "HEAD").files == first.files


CDK8S = re.compile(r"\|\s+cdk8s$", re.MULTILINE)  # an `-X importtime` line


def _run(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return subprocess.run(
        [sys.executable, "-X", "importtime", "main.py", *args],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_check_after_synth_reuses_the_render_until_the_code_changes(
    tmp_path: Path, cache_dir: Path
) -> None:
    project = copy_project(tmp_path / "project")
    _git(tmp_path, "init", "-q", "-b", "main", str(project))
    _commit(project)
    synth = _run(project, "synth")
    assert synth.returncode == 0, synth.stderr
    assert CDK8S.search(synth.stderr)  # rendered
    check = _run(project, "check")
    assert check.returncode == 0, check.stderr
    assert not CDK8S.search(check.stderr)  # a hit: nothing imported to render
    construct = project / "mlflow_gitops" / "constructs" / "namespace.py"
    construct.write_text(construct.read_text() + "# a change the render must see\n")
    again = _run(project, "check")
    assert again.returncode == 0, again.stderr
    assert CDK8S.search(again.stderr)  # rendered again


def test_revisions_running_this_code_render_in_this_process(
    tmp_path: Path,
    cache_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    project = copy_project(tmp_path / "project")
    shutil.copy2(ROOT / "requirements.lock", project / "requirements.lock")  # part of the code
    _git(tmp_path, "init", "-q", "-b", "main", str(project))
    _commit(project)
    overlay = project / "overlays" / "gke-gcs.yaml"
    overlay.write_text(overlay.read_text().replace("size: 8Gi", "size: 16Gi"))
    _commit(project)

    def no_subprocess(*args: object) -> None:
        raise AssertionError("rendered by a second interpreter")

    monkeypatch.setattr(review, "_render_subprocess", no_subprocess)
    capsys.readouterr()
    argv = ["--repo", str(project), "--base", "HEAD~1", "--head", "HEAD", "--format", "markdown"]
    assert review.main(argv) == 1, capsys.readouterr().err
    headings = [line for line in capsys.readouterr().out.splitlines() if line.startswith("#### ")]
    assert headings == ["#### StatefulSet mlflow/mlflow-postgresql (modified)"]
