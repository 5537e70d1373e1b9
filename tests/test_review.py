"""Rendered-diff review (`main.py diff`): pairing, normalization, formats, splitting, revisions.

The trees are written here by hand (the render is not involved), and the revision tests use a
temporary git repository whose `main.py` stands in for the render's CLI contract only:
`main.py synth --output DIR` writes one object per file into DIR/<overlay>/.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
import yaml

from mlflow_gitops import review
from mlflow_gitops.review_format import GITHUB_COMMENT_LIMIT

PART_HEADER = re.compile(
    r"^<!-- mlflow-gitops-diff part (\d+) -->\n### Rendered diff \(part (\d+)/(\d+)\)\n"
)
TRUNCATED = re.compile(r"… \(diff truncated: (\d+) more lines, run main.py diff locally\)")


def deployment(name: str = "mlflow", replicas: int = 1, env: list[str] | None = None) -> Any:
    return {
        "apiVersion": "apps/v1",
        "kind": "Deployment",
        "metadata": {"name": name, "namespace": "mlflow", "labels": {"app": name}},
        "spec": {
            "replicas": replicas,
            "template": {
                "spec": {
                    "containers": [
                        {
                            "name": name,
                            "image": "ghcr.io/example/mlflow:3.1.0",
                            "env": [{"name": n, "value": f"v-{n}"} for n in env or ["A", "B"]],
                        }
                    ]
                }
            },
        },
    }


def service(name: str) -> Any:
    return {
        "apiVersion": "v1",
        "kind": "Service",
        "metadata": {"name": name, "namespace": "mlflow"},
        "spec": {"ports": [{"name": "http", "port": 5000}], "selector": {"app": name}},
    }


def namespace(name: str) -> Any:
    return {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": name}}


def write(root: Path, relative: str, document: Any, **dump: Any) -> None:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    # libyaml's dumper when present: the splitting tests write hundreds of objects.
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    path.write_text(yaml.dump(document, Dumper=dumper, **dump), encoding="utf-8")


def baseline(root: Path) -> None:
    """Two overlays of three objects each, written as the render names its files."""
    for overlay in ("homelab", "gke-gcs"):
        write(root / overlay, "deployment-mlflow.yaml", deployment())
        write(root / overlay, "service-mlflow.yaml", service("mlflow"))
        write(root / overlay, "namespace-mlflow.yaml", namespace("mlflow"))


def diff(
    capsys: pytest.CaptureFixture[str], base: Path, head: Path, *extra: str
) -> tuple[int, str, str]:
    code = review.main(["--base-dir", str(base), "--head-dir", str(head), *extra])
    out, err = capsys.readouterr()
    return code, out, err


def changed_lines(output: str) -> list[str]:
    """The +/- lines of every diff in the output, file headers excluded (in Markdown, only
    inside the diff fences: a prediction is a list item, `- ...`)."""
    lines, fenced, inside = [], "```diff" in output, False
    for line in output.splitlines():
        if fenced and line.startswith("```"):
            inside = line.startswith("```diff")
            continue
        if fenced and not inside:
            continue
        if line[:1] in ("+", "-") and not line.startswith(("+++ ", "--- ", "---:")):
            lines.append(line)
    return lines


@pytest.fixture
def trees(tmp_path: Path) -> tuple[Path, Path]:
    base, head = tmp_path / "base", tmp_path / "head"
    baseline(base)
    baseline(head)
    return base, head


# -- the diff core ------------------------------------------------------------------------------


def test_identical_trees_exit_0(
    capsys: pytest.CaptureFixture[str], trees: tuple[Path, Path]
) -> None:
    code, out, _ = diff(capsys, *trees, "--format", "markdown")
    assert code == 0
    assert "No changes" in out and "6 objects in 2 overlays" in out
    assert "```diff" not in out


def test_one_value_change_shows_exactly_that_object(
    capsys: pytest.CaptureFixture[str], trees: tuple[Path, Path]
) -> None:
    base, head = trees
    write(head / "homelab", "deployment-mlflow.yaml", deployment(replicas=3))
    code, out, _ = diff(capsys, base, head, "--format", "markdown")
    assert code == 1
    assert changed_lines(out) == ["-  replicas: 1", "+  replicas: 3"]
    assert re.findall(r"^#### .*$", out, re.M) == ["#### Deployment mlflow/mlflow (modified)"]
    assert re.findall(r"<summary>(.*)</summary>", out) == ["homelab (1 changed)"]
    assert "| homelab | 0 | 0 | 1 | +1 -1 |" in out
    assert "| gke-gcs | 0 | 0 | 0 | +0 -0 |" in out
    assert "--- a/homelab/deployment-mlflow.yaml\n+++ b/homelab/deployment-mlflow.yaml" in out


def test_renamed_file_is_not_a_change(
    capsys: pytest.CaptureFixture[str], trees: tuple[Path, Path]
) -> None:
    base, head = trees
    (head / "homelab" / "deployment-mlflow.yaml").rename(head / "homelab" / "renamed.yaml")
    (head / "gke-gcs" / "service-mlflow.yaml").rename(head / "gke-gcs" / "sub-svc.yml")
    code, out, _ = diff(capsys, base, head)
    assert code == 0, out
    assert "no changes" in out.lower()


def test_pairing_is_per_overlay_and_ignores_file_names(
    capsys: pytest.CaptureFixture[str], trees: tuple[Path, Path]
) -> None:
    base, head = trees
    # homelab: Service mlflow leaves the overlay; its file now holds the Namespace, and the
    # Namespace's file name is gone: only the Service is a change.
    (head / "homelab" / "service-mlflow.yaml").unlink()
    (head / "homelab" / "namespace-mlflow.yaml").rename(head / "homelab" / "service-mlflow.yaml")
    # gke-gcs: the same object in the other overlay is not a match for homelab's.
    write(head / "gke-gcs", "service-other.yaml", service("other"))
    code, out, _ = diff(capsys, base, head, "--format", "markdown")
    assert code == 1
    assert re.findall(r"<summary>(.*)</summary>|^#### (.*)$", out, re.M) == [
        ("gke-gcs (1 changed)", ""),
        ("", "Service mlflow/other (added)"),
        ("homelab (1 changed)", ""),
        ("", "Service mlflow/mlflow (removed)"),
    ]


def test_default_base_falls_back_to_main_without_a_merge_base(
    capsys: pytest.CaptureFixture[str], repo: Path
) -> None:
    git(repo, "checkout", "-q", "--orphan", "unrelated")
    commit_objects(repo, replicas=7, message="unrelated history")
    code = review.main(["--repo", str(repo), "--format", "markdown"])
    out = capsys.readouterr().out
    assert code == 1
    assert changed_lines(out) == ["-  replicas: 1", "+  replicas: 7"]
    assert "Base `main (" in out


def test_reordered_mapping_keys_are_not_a_change(
    capsys: pytest.CaptureFixture[str], trees: tuple[Path, Path]
) -> None:
    base, head = trees
    reordered = textwrap.dedent(
        """\
        spec: {template: {spec: {containers: [{env: [{value: v-A, name: A}, {value: v-B,
          name: B}], image: "ghcr.io/example/mlflow:3.1.0", name: mlflow}]}}, replicas: 1}
        metadata:
            labels: {app: mlflow}
            namespace: mlflow
            name: mlflow
        kind: Deployment
        apiVersion: apps/v1
        """
    )
    (head / "homelab" / "deployment-mlflow.yaml").write_text(reordered, encoding="utf-8")
    assert yaml.safe_load(reordered) == deployment()  # same object, other order and style
    code, out, _ = diff(capsys, base, head)
    assert code == 0, out


def test_reordered_list_is_a_change(
    capsys: pytest.CaptureFixture[str], trees: tuple[Path, Path]
) -> None:
    base, head = trees
    write(head / "homelab", "deployment-mlflow.yaml", deployment(env=["B", "A"]))
    code, out, _ = diff(capsys, base, head, "--format", "markdown")
    assert code == 1
    assert re.findall(r"^#### .*$", out, re.M) == ["#### Deployment mlflow/mlflow (modified)"]
    lines = changed_lines(out)
    # A pure reordering: as many lines go as come, and only the env entries move.
    assert sorted(line[1:] for line in lines if line[0] == "-") == sorted(
        line[1:] for line in lines if line[0] == "+"
    )
    assert lines and {line[1:].strip() for line in lines} <= {
        "- name: A",
        "- name: B",
        "value: v-A",
        "value: v-B",
    }


def test_added_and_removed_objects_are_shown_whole(
    capsys: pytest.CaptureFixture[str], trees: tuple[Path, Path]
) -> None:
    base, head = trees
    (head / "gke-gcs" / "service-mlflow.yaml").unlink()
    write(head / "gke-gcs", "namespace-monitoring.yaml", namespace("monitoring"))
    code, out, _ = diff(capsys, base, head, "--format", "markdown")
    assert code == 1
    assert re.findall(r"^#### .*$", out, re.M) == [
        "#### Namespace monitoring (added)",  # cluster-scoped: no namespace/ prefix
        "#### Service mlflow/mlflow (removed)",
    ]
    lines = changed_lines(out)
    removed = [line[1:] for line in lines if line[0] == "-"]
    added = [line[1:] for line in lines if line[0] == "+"]
    assert yaml.safe_load("\n".join(removed)) == service("mlflow")  # whole, nothing else
    assert yaml.safe_load("\n".join(added)) == namespace("monitoring")
    assert f"| gke-gcs | 1 | 1 | 0 | +{len(added)} -{len(removed)} |" in out
    assert "+++ /dev/null" in out and "--- /dev/null" in out


def test_identity_includes_group_and_namespace(tmp_path: Path) -> None:
    from mlflow_gitops.review_core import Identity, parse_files

    objects = parse_files(
        {
            "homelab/a.yaml": json.dumps(deployment()),
            "homelab/b.yaml": json.dumps({**service("mlflow"), "apiVersion": "example.com/v1"}),
            "homelab/c.yaml": json.dumps(service("mlflow")),
            "homelab/kustomization.yaml": "kind: Kustomization\nresources: [a.yaml]\n",
            "homelab/notes.txt": "hello\n",
        }
    )
    assert set(objects) == {
        Identity("homelab", "apps", "Deployment", "mlflow", "mlflow"),
        Identity("homelab", "example.com", "Service", "mlflow", "mlflow"),
        Identity("homelab", "", "Service", "mlflow", "mlflow"),
        Identity("homelab", "", "Kustomization", "", "homelab/kustomization.yaml"),
        Identity("homelab", "", "File", "", "homelab/notes.txt"),
    }


def test_duplicate_object_and_invalid_yaml_exit_2(
    capsys: pytest.CaptureFixture[str], trees: tuple[Path, Path]
) -> None:
    base, head = trees
    write(head / "homelab", "copy.yaml", deployment())
    code, _, err = diff(capsys, base, head)
    assert code == 2
    assert "Deployment mlflow/mlflow is also defined in" in err and err.count("\n") == 1
    (head / "homelab" / "copy.yaml").write_text("a: [1,\n", encoding="utf-8")
    code, _, err = diff(capsys, base, head)
    assert code == 2
    assert "homelab/copy.yaml" in err and "invalid YAML" in err and err.count("\n") == 1


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], trees: tuple[Path, Path]) -> None:
    base, head = trees
    assert review.main(["--base-dir", str(base), "--head-dir", str(head), "--bogus"]) == 2
    assert review.main(["--base-dir", str(base), "--head-dir", str(head / "nope")]) == 2
    assert "not a directory" in capsys.readouterr().err
    assert (
        review.main(
            [
                "--base-dir",
                str(base),
                "--head-dir",
                str(head),
                "--max-chars",
                "10",
                "--output-prefix",
                str(base.parent / "x"),
            ]
        )
        == 2
    )
    assert "--max-chars" in capsys.readouterr().err


def test_text_format_colours_only_when_asked(
    capsys: pytest.CaptureFixture[str], trees: tuple[Path, Path]
) -> None:
    base, head = trees
    write(head / "homelab", "deployment-mlflow.yaml", deployment(replicas=2))
    _, plain, _ = diff(capsys, base, head, "--format", "text")  # captured stdout: not a TTY
    assert "\033[" not in plain
    assert "-  replicas: 1" in plain and "=== homelab (1 changed) ===" in plain
    _, coloured, _ = diff(capsys, base, head, "--format", "text", "--color", "always")
    assert "\033[31m-  replicas: 1\033[0m" in coloured
    assert "\033[32m+  replicas: 2\033[0m" in coloured


# -- splitting into comments --------------------------------------------------------------------


def many_objects(root: Path, count: int, replicas: int) -> None:
    for index in range(count):
        overlay = ("homelab", "gke-gcs", "authentik")[index % 3]
        doc = deployment(
            name=f"app-{index:03d}", replicas=replicas, env=[f"VARIABLE_{i}" for i in range(25)]
        )
        write(root / overlay, f"deployment-app-{index:03d}.yaml", doc)


def read_parts(prefix: Path) -> list[str]:
    parts = sorted(
        prefix.parent.glob(f"{prefix.name}-*.md"), key=lambda p: int(p.stem.rsplit("-", 1)[1])
    )
    return [p.read_text(encoding="utf-8") for p in parts]


def test_split_many_objects(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    base, head, prefix = tmp_path / "base", tmp_path / "head", tmp_path / "out" / "diff"
    many_objects(base, 60, replicas=1)
    many_objects(head, 60, replicas=2)
    (head / "homelab" / "deployment-app-000.yaml").unlink()  # one removed object, shown whole
    limit = 6000
    code, out, _ = diff(
        capsys,
        base,
        head,
        "--format",
        "markdown",
        "--output-prefix",
        str(prefix),
        "--max-chars",
        str(limit),
    )
    assert code == 1
    parts = read_parts(prefix)
    assert len(parts) >= 3
    assert out.count("wrote ") == len(parts)
    whole = review.main(["--base-dir", str(base), "--head-dir", str(head), "--format", "markdown"])
    assert whole == 1
    unsplit = capsys.readouterr().out
    blocks = re.findall(r"^#### .*?\n```\n", unsplit, re.M | re.S)
    assert len(blocks) == 60
    for index, part in enumerate(parts, start=1):
        assert len(part) <= limit
        header = PART_HEADER.match(part)
        assert header, part[:200]
        assert header.groups() == (str(index), str(index), str(len(parts)))
        assert ("| **total** |" in part) == (index == 1)  # the summary is in part 1 only
        assert part.count("<details>") == part.count("</details>") >= (index > 1)
        assert part.count("```") % 2 == 0
        assert not TRUNCATED.search(part)
    # Every object's block appears whole, exactly once, in one part.
    for block in blocks:
        assert sum(part.count(block) for part in parts) == 1, block[:80]
    assert sum(part.count("#### ") for part in parts) == 60
    assert "(continued)</summary>" in "".join(parts[1:])


def test_split_huge_object_is_truncated(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    base, head, prefix = tmp_path / "base", tmp_path / "head", tmp_path / "diff"
    write(
        base / "homelab",
        "configmap-big.yaml",
        {
            "apiVersion": "v1",
            "kind": "ConfigMap",
            "metadata": {"name": "big", "namespace": "m"},
            "data": {f"key{i:05d}": f"old value {i}" for i in range(3000)},
        },
    )
    write(
        head / "homelab",
        "configmap-big.yaml",
        {
            "apiVersion": "v1",
            "kind": "ConfigMap",
            "metadata": {"name": "big", "namespace": "m"},
            "data": {f"key{i:05d}": f"new value {i}" for i in range(3000)},
        },
    )
    write(base / "homelab", "service-small.yaml", service("small"))
    write(head / "homelab", "service-small.yaml", {**service("small"), "spec": {"ports": []}})
    # Stale parts of an earlier, longer run must not survive (the workflow would post them).
    for stale in (5, 6):
        (tmp_path / f"diff-{stale}.md").write_text("old", encoding="utf-8")
    code, _, _ = diff(
        capsys,
        base,
        head,
        "--format",
        "markdown",
        "--output-prefix",
        str(prefix),
        "--max-chars",
        str(GITHUB_COMMENT_LIMIT),
    )
    assert code == 1
    parts = read_parts(prefix)
    assert all(len(part) <= GITHUB_COMMENT_LIMIT for part in parts)
    assert not (tmp_path / "diff-5.md").exists() and not (tmp_path / "diff-6.md").exists()
    marked = [part for part in parts if TRUNCATED.search(part)]
    assert len(marked) == 1
    match = TRUNCATED.search(marked[0])
    assert match
    shown = marked[0].split("#### ConfigMap m/big (modified)")[1].split("… (diff truncated")[0]
    shown_lines = [line for line in shown.splitlines() if line[:1] in ("+", "-", " ", "@")]
    # 3000 changed values -> 6000 +/- lines, plus headers and hunks: all are shown or counted.
    total = review.main(["--base-dir", str(base), "--head-dir", str(head), "--format", "text"])
    assert total == 1
    text = capsys.readouterr().out
    full = text.split("* ConfigMap m/big (modified)\n")[1].split("* Service")[0].splitlines()
    assert len(shown_lines) + int(match.group(1)) == len([line for line in full if line])
    assert "Service mlflow/small (modified)" in "".join(parts)  # the small object is not lost


# -- revisions ----------------------------------------------------------------------------------

FAKE_MAIN = '''\
"""Stand-in for the render CLI: `main.py synth --output DIR` writes objects.json as files."""
import json, pathlib, sys
if sys.argv[1:2] != ["synth"]:
    sys.exit("usage: main.py synth --output DIR")
out = pathlib.Path(sys.argv[sys.argv.index("--output") + 1] if "--output" in sys.argv else "dist")
for overlay, objects in json.loads(pathlib.Path("objects.json").read_text()).items():
    for obj in objects:
        path = out / overlay / f"{obj['kind'].lower()}-{obj['metadata']['name']}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(obj))  # JSON is YAML
'''


def git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(repo), *args], check=True, capture_output=True, text=True
    ).stdout


def commit_objects(repo: Path, replicas: int, message: str) -> str:
    objects = {
        "homelab": [deployment(replicas=replicas), service("mlflow")],
        "gke-gcs": [deployment()],
    }
    (repo / "objects.json").write_text(json.dumps(objects), encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)
    return git(repo, "rev-parse", "HEAD").strip()


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "user.email", "test@example.invalid")
    git(repo, "config", "user.name", "test")
    (repo / "main.py").write_text(FAKE_MAIN, encoding="utf-8")
    commit_objects(repo, replicas=1, message="one replica")
    return repo


def worktrees(repo: Path) -> list[str]:
    return [
        line
        for line in git(repo, "worktree", "list", "--porcelain").splitlines()
        if line.startswith("worktree ")
    ]


def test_revisions(capsys: pytest.CaptureFixture[str], repo: Path) -> None:
    first = git(repo, "rev-parse", "HEAD").strip()
    second = commit_objects(repo, replicas=2, message="two replicas")
    code = review.main(
        ["--repo", str(repo), "--base", first, "--head", second, "--format", "markdown"]
    )
    out = capsys.readouterr().out
    assert code == 1
    assert changed_lines(out) == ["-  replicas: 1", "+  replicas: 2"]
    assert f"Base `{first[:12]}`" in out
    assert code == 1
    assert review.main(["--repo", str(repo), "--base", "HEAD", "--head", second]) == 0
    assert worktrees(repo) == [f"worktree {repo.resolve()}"]
    assert not (repo / "dist").exists()


def test_default_base_is_merge_base_and_head_is_work_tree(
    capsys: pytest.CaptureFixture[str], repo: Path
) -> None:
    git(repo, "checkout", "-q", "-b", "feature")
    commit_objects(repo, replicas=5, message="feature: five replicas")
    git(repo, "checkout", "-q", "main")
    commit_objects(repo, replicas=9, message="main moved on")  # not part of the feature's diff
    git(repo, "checkout", "-q", "feature")
    objects = json.loads((repo / "objects.json").read_text(encoding="utf-8"))
    objects["gke-gcs"].append(namespace("uncommitted"))
    (repo / "objects.json").write_text(json.dumps(objects), encoding="utf-8")
    code = review.main(["--repo", str(repo), "--format", "markdown"])
    out = capsys.readouterr().out
    assert code == 1
    assert sorted(changed_lines(out)) == sorted(
        ["-  replicas: 1", "+  replicas: 5"]
        + [f"+{line}" for line in yaml.safe_dump(namespace("uncommitted")).splitlines()]
    )
    assert "head `work tree`" in out
    assert worktrees(repo) == [f"worktree {repo.resolve()}"]
    assert not (repo / "dist").exists()


def test_failing_render_exits_2_and_leaves_no_worktree(
    capsys: pytest.CaptureFixture[str], repo: Path
) -> None:
    (repo / "main.py").write_text(
        "import sys\nsys.exit('boom: overlay homelab is invalid')\n", encoding="utf-8"
    )
    git(repo, "commit", "-q", "-am", "broken render")
    code = review.main(["--repo", str(repo), "--base", "HEAD~1", "--head", "HEAD"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1
    assert "render of HEAD" in err and "failed (exit 1): boom: overlay homelab is invalid" in err
    assert worktrees(repo) == [f"worktree {repo.resolve()}"]


def test_revision_errors_exit_2(
    capsys: pytest.CaptureFixture[str], repo: Path, tmp_path: Path
) -> None:
    assert review.main(["--repo", str(repo), "--base", "no-such-rev"]) == 2
    assert "unknown revision 'no-such-rev'" in capsys.readouterr().err
    plain = tmp_path / "plain"
    plain.mkdir()
    assert review.main(["--repo", str(plain), "--base", "main"]) == 2
    assert "is not a git repository" in capsys.readouterr().err


def test_runs_as_a_script(repo: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mlflow_gitops.review", "--repo", str(repo), "--base", "HEAD"],
        capture_output=True,
        text=True,
        check=False,
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert result.returncode == 0, result.stderr
    assert "No changes: 3 objects in 2 overlays compared" in result.stdout
