"""The repository cites only documents it contains: no numbered "seed" documents, no "card".

Comments, docstrings, scripts and dist/ once cited documents that were never in the
repository; what they meant is now in docs/overlays/. This keeps such citations from
coming back, in every file git tracks or would add (ignored files are not the project's).
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Built from parts so this file does not match itself; also across a wrapped comment line.
OUTSIDE_CITATION = re.compile("seed" + r"s?[\s#*/]+00\d|\bthe\s+" + "card" + r"\b", re.IGNORECASE)


def outside_citations(root: Path) -> list[str]:
    """`path:line: text` of every citation of an outside document in root's git files."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=root,
        capture_output=True,
        check=True,
    ).stdout
    found = []
    for name in sorted(set(listed.decode().split("\0")) - {""}):
        path = root / name
        if not path.is_file():  # deleted in the work tree, not yet committed
            continue
        data = path.read_bytes()
        if b"\0" in data:  # binary
            continue
        text = data.decode("utf-8", errors="replace")
        for match in OUTSIDE_CITATION.finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            found.append(f"{name}:{line}: {match.group(0)!r}")
    return found


def test_no_file_cites_a_document_outside_the_repository() -> None:
    found = outside_citations(ROOT)
    assert not found, (
        "these cite documents that are not in the repository; cite docs/overlays/<overlay>.md "
        "(adding the fact there if it is missing) instead:\n" + "\n".join(found)
    )


def test_the_scan_finds_a_citation_in_a_new_file_and_a_wrapped_line(tmp_path: Path) -> None:
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    (tmp_path / "clean.py").write_text("# docs/overlays/homelab.md: liveness waits 60 s\n")
    (tmp_path / "cites.py").write_text("# liveness waits 60 s (as " + "Seed\n# 001 did)\n")
    (tmp_path / "blob.bin").write_bytes(b"\0" + b"seed " + b"001")
    assert outside_citations(tmp_path) == ["cites.py:1: 'Seed\\n# 001'"]
