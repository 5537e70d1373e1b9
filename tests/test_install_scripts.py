"""The project's shell scripts pass ShellCheck, and the installers' version checks hold under
pipefail.

The installers in tools/install/ run under `set -o pipefail`: a version check written as
`prog --version | grep -q PATTERN` is then a race. `grep -q` exits at its first match and closes
the pipe; if PROG still has lines to write it dies of SIGPIPE, and pipefail turns the match into
a failure. CI failed on exactly that (`kubectl version --client` prints two lines), so every
check reads its program's whole output before matching.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from tests.test_workflows import tool

ROOT = Path(__file__).resolve().parents[1]
INSTALLERS = sorted((ROOT / "tools" / "install").rglob("*.sh"))
# A pipe into `grep` with -q among its options (-q, -qx, -qE, --quiet, ...).
EARLY_EXIT_GREP = re.compile(r"\|\s*grep\s+(?:-\S*\s+)*(?:-[A-Za-z]*q[A-Za-z]*|--quiet|--silent)\b")


def test_installers_are_found() -> None:
    assert len(INSTALLERS) > 10


@pytest.mark.parametrize("script", INSTALLERS, ids=lambda p: p.name)
def test_no_version_check_pipes_into_an_early_exiting_grep(script: Path) -> None:
    offending = [
        f"{script.relative_to(ROOT)}:{number}: {line.strip()}"
        for number, line in enumerate(script.read_text().splitlines(), start=1)
        if EARLY_EXIT_GREP.search(line)
    ]
    assert not offending, (
        "under pipefail, `| grep -q` can fail a true match (the writer dies of SIGPIPE); "
        "match on captured output, or `grep ... >/dev/null` which reads to the end:\n"
        + "\n".join(offending)
    )


def test_the_pattern_is_a_real_failure_under_pipefail() -> None:
    """Why the rule exists: a long output piped into `grep -q` fails under pipefail although
    its first line matches; the form the installers use instead succeeds."""
    writer = "awk 'BEGIN { print \"Client Version: v1\"; for (i = 0; i < 500000; i++) print i }'"
    early = subprocess.run(
        ["bash", "-c", f"set -o pipefail; {writer} | grep -qx 'Client Version: v1'"],
        check=False,
    )
    reads_all = subprocess.run(
        ["bash", "-c", f"set -o pipefail; {writer} | grep -x 'Client Version: v1' >/dev/null"],
        check=False,
    )
    assert early.returncode != 0
    assert reads_all.returncode == 0


def shell_scripts() -> list[str]:
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "*.sh"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return sorted(listed)


def shellcheck(*paths: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    # -x follows `source`; .shellcheckrc resolves each directive from the script's folder.
    return subprocess.run(
        [str(tool("shellcheck")), "-x", "-f", "gcc", *paths],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_every_shell_script_passes_shellcheck() -> None:
    scripts = shell_scripts()
    assert {str(p.relative_to(ROOT)) for p in INSTALLERS} <= set(scripts)
    result = shellcheck(*scripts)
    assert result.returncode == 0, result.stdout + result.stderr


def test_shellcheck_finds_an_unquoted_expansion(tmp_path: Path) -> None:
    (tmp_path / "bad.sh").write_text("#!/usr/bin/env bash\nrm -rf $1/cache\n")
    result = shellcheck("bad.sh", cwd=tmp_path)
    assert result.returncode != 0
    assert "SC2086" in result.stdout
