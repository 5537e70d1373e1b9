"""The installers in tools/install/ run under `set -o pipefail`: a version check written as
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
