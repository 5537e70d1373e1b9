"""GitHub Actions workflows: actionlint (with ShellCheck on every `run:` block) over each file in
.github/workflows/, plus the facts of ci.yaml the rendered-diff review relies on."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"
BIN = ROOT / ".cache" / "bin"
INSTALL = "tools/install/25_actionlint.sh"
PINNED = re.compile(r"^actions/[\w-]+(/[\w-]+)?@[0-9a-f]{40}$")

pytestmark = pytest.mark.validators


def tool(name: str) -> Path:
    path = BIN / name
    if not path.is_file():
        pytest.fail(f"{path} is missing: run `bash {INSTALL}` (or `make setup`)")
    return path


def actionlint(*files: Path, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            str(tool("actionlint")),
            "-shellcheck",
            str(tool("shellcheck")),
            "-no-color",
            *map(str, files),
        ],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def workflow_files() -> list[Path]:
    return sorted([*WORKFLOWS.glob("*.yaml"), *WORKFLOWS.glob("*.yml")])


@pytest.mark.parametrize("workflow", workflow_files(), ids=lambda p: p.name)
def test_actionlint(workflow: Path) -> None:
    result = actionlint(workflow)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_and_shellcheck_catch_mistakes(tmp_path: Path) -> None:
    """The gate above means something only if the linter rejects a broken workflow."""
    folder = tmp_path / ".github" / "workflows"
    folder.mkdir(parents=True)
    bad = folder / "bad.yaml"
    bad.write_text(
        "on: push\njobs:\n  x:\n    runs-on: ubuntu-24.04\n    steps:\n"
        "      - run: echo $UNQUOTED\n"
        "      - uses: actions/checkout@v5\n        with:\n          no-such-input: 1\n",
        encoding="utf-8",
    )
    result = actionlint(bad, cwd=tmp_path)
    assert result.returncode == 1
    assert "SC2086" in result.stdout  # ShellCheck ran on the run: block
    assert "no-such-input" in result.stdout  # actionlint knows the action's inputs


def test_workflow_folder_is_linted() -> None:
    assert (WORKFLOWS / "ci.yaml") in workflow_files()


def ci() -> Any:
    return yaml.safe_load((WORKFLOWS / "ci.yaml").read_text(encoding="utf-8"))


def steps() -> list[dict[str, Any]]:
    return list(ci()["jobs"]["test"]["steps"])


def test_ci_triggers_and_minimal_permissions() -> None:
    workflow = ci()
    triggers = workflow[True]  # PyYAML reads the key `on` as the boolean true
    assert triggers["push"] == {"branches": ["main"]}
    assert "pull_request" in triggers
    assert workflow["permissions"] == {"contents": "read"}
    assert workflow["jobs"]["test"]["permissions"] == {"contents": "read", "pull-requests": "write"}
    assert "secrets." not in (WORKFLOWS / "ci.yaml").read_text(encoding="utf-8")


def test_ci_actions_are_official_and_pinned_by_commit() -> None:
    uses = [step["uses"] for step in steps() if "uses" in step]
    assert uses
    assert [u for u in uses if not PINNED.match(u)] == []


def test_ci_runs_the_gates_and_the_diff() -> None:
    runs = [step.get("run", "") for step in steps()]
    assert "make test" in runs and "make check" in runs
    checkout = next(s for s in steps() if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0
    diff = next(s for s in steps() if "main.py diff" in s.get("run", ""))
    assert '--base "origin/$BASE_REF"' in diff["run"] and "--format markdown" in diff["run"]
    assert diff["env"]["BASE_REF"] == "${{ github.base_ref }}"
    post = next(s for s in steps() if s.get("uses", "").startswith("actions/github-script@"))
    # The comment script finds its comments by the marker the review writes.
    from mlflow_gitops.review_format import MARKER

    marker_regex = MARKER.format(index=r"(\d+)")
    assert marker_regex in post["with"]["script"]
