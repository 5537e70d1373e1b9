"""A render is a pure function of its checkout: cache it under a fingerprint of the checkout.

The fingerprint is the sorted list of (path, git blob id) of every file of the checkout except
those a render certainly does not read (its own output, the tests, the docs), plus the Python
version. It is computed the same way from the work tree (hashing the files git would commit)
and from a commit (`git ls-tree`, no checkout), so `main.py synth`, `main.py check` and
`main.py diff` share entries: the gate after a synth, and the review of a revision rendered
before, do not render again. A file not excluded is an input, so an unexpected input costs a
miss, never a stale hit. Only a real render writes an entry. Outside a git checkout nothing is
cached. Kept free of cdk8s and pydantic, so that a hit costs milliseconds.

MLFLOW_GITOPS_RENDER_CACHE: the cache folder (default .cache/renders), or `off`.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENV = "MLFLOW_GITOPS_RENDER_CACHE"
# Bump when the entry format or what a render returns changes.
FORMAT = "1"
KEEP = 32
# Never read by a render: its output, and what only people and the test suite read.
NOT_INPUTS = frozenset({"dist", "tests", "bench", ".github"})
OUTPUTS = frozenset({"overlays/schema.json"})


@dataclass(frozen=True)
class Entry:
    files: dict[str, str]  # path under dist/ -> content
    schema: str | None  # overlays/schema.json; None when rendered by `main.py synth --output`


def _is_input(path: str) -> bool:
    parts = path.split("/")
    return not (
        parts[0] in NOT_INPUTS
        or path in OUTPUTS
        or path.endswith((".md", ".pyc"))
        or "__pycache__" in parts  # bytecode, in a checkout whose .gitignore lacks it
    )


def _key(blobs: Iterable[tuple[str, str]]) -> str:
    digest = hashlib.sha256(f"{FORMAT}\n{sys.version}\n".encode())
    for path, blob in sorted(blobs):
        digest.update(f"{path}\0{blob}\n".encode())
    return digest.hexdigest()


def _blob_id(data: bytes) -> str:
    """The id git gives this content, so work-tree and commit fingerprints agree."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data, usedforsecurity=False).hexdigest()


def _git(repo: Path, *args: str) -> str | None:
    result = subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, text=True, check=False
    )
    return result.stdout if result.returncode == 0 else None


def work_tree_key(root: Path) -> str | None:
    """Fingerprint of what `git add -A` would commit; None outside a git checkout."""
    listed = _git(root, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
    if listed is None:
        return None
    blobs = []
    for name in sorted(set(listed.split("\0")) - {""}):
        if not _is_input(name):
            continue
        path = root / name
        if path.is_symlink():
            blobs.append((name, _blob_id(os.readlink(path).encode())))
        elif path.is_file():  # a deleted file is still listed as cached
            blobs.append((name, _blob_id(path.read_bytes())))
    return _key(blobs)


def commit_key(repo: Path, commit: str) -> str | None:
    listed = _git(repo, "ls-tree", "-r", "-z", "--full-tree", commit)
    if listed is None:
        return None
    blobs = []
    for line in listed.split("\0"):
        meta, _, path = line.partition("\t")
        if meta and meta.split()[1] == "blob" and _is_input(path):
            blobs.append((path, meta.split()[2]))
    return _key(blobs)


def folder() -> Path | None:
    configured = os.environ.get(ENV, "")
    if configured == "off":
        return None
    return Path(configured) if configured else ROOT / ".cache" / "renders"


def load(key: str | None) -> Entry | None:
    where = folder()
    path = where / f"{key}.json" if where and key else None
    if path is None or not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        schema = data["schema"]
        entry = Entry(files=dict(data["files"]), schema=None if schema is None else str(schema))
    except (OSError, ValueError, KeyError, TypeError):
        return None  # a torn or foreign file is a miss, never an error
    os.utime(path)  # most recently used: kept longest
    return entry


def store(key: str | None, files: Mapping[str, str], schema: str | None) -> None:
    where = folder()
    if where is None or key is None:
        return
    where.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", dir=where, prefix=f".{key}.", delete=False
    ) as handle:
        json.dump({"files": dict(files), "schema": schema}, handle, sort_keys=True)
    Path(handle.name).replace(where / f"{key}.json")
    entries = sorted(where.glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
    for stale in entries[KEEP:]:
        stale.unlink(missing_ok=True)
