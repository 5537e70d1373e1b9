"""Diff core of the rendered-diff review: two rendered trees in, per-object changes out.

Pure over its inputs (no git, no cdk8s). Decisions, so that a reviewer sees real changes only:
- Objects are paired by identity (overlay folder, API group, kind, namespace, name), never by
  file name: a renamed file with the same object is not a change, and the API version is not
  part of the identity (a version bump shows as a changed `apiVersion:` line).
- Each object is re-dumped with sorted keys, so reordered mapping keys are not a change.
- List order IS kept: Kubernetes gives it meaning (env `$(VAR)` expansion sees only earlier
  entries, init containers run in order, the first matching rule wins), so a reordered list is
  shown as a change.
- A document without `kind` or `metadata.name` (e.g. kustomization.yaml) and a non-YAML file are
  identified by their path, and compared as (normalized) text.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

import yaml

from mlflow_gitops.output import to_yaml

YAML_SUFFIXES = (".yaml", ".yml")
PATH_KIND = "File"
ROOT_OVERLAY = "(root)"

Status = Literal["added", "removed", "modified"]


class TreeError(Exception):
    """A rendered tree cannot be read (missing folder, invalid YAML, duplicate object)."""


@dataclass(frozen=True, order=True)
class Identity:
    overlay: str
    group: str
    kind: str
    namespace: str
    name: str

    def title(self) -> str:
        """`Kind namespace/name`, or `Kind name` for cluster-scoped objects and files."""
        where = f"{self.namespace}/{self.name}" if self.namespace else self.name
        return f"{self.kind} {where}"


@dataclass(frozen=True)
class Manifest:
    identity: Identity
    path: str  # relative to the tree's root, for the diff's file header
    document: Any  # the parsed YAML document (None for a non-YAML file)
    raw: str | None = None  # the text of a non-YAML file

    @cached_property
    def key(self) -> str:
        """Canonical form for equality: cheap, so that only changed objects are re-dumped."""
        if self.raw is not None:
            return self.raw
        if _plain_keys(self.document):
            # JSON keeps true, 1, 1.0 and "1" apart, as YAML does (Python's == would not).
            return json.dumps(self.document, sort_keys=True, ensure_ascii=False, default=repr)
        return self.text

    @cached_property
    def text(self) -> str:
        """Normalized YAML (or the file's text), what the diff shows."""
        return self.raw if self.raw is not None else normalize(self.document)


@dataclass(frozen=True)
class Change:
    identity: Identity
    status: Status
    lines: tuple[str, ...]  # unified diff, file headers included, no trailing newlines
    added: int
    removed: int


@dataclass(frozen=True)
class OverlayStats:
    added: int = 0
    removed: int = 0
    modified: int = 0
    plus: int = 0
    minus: int = 0

    @property
    def changed(self) -> int:
        return self.added + self.removed + self.modified

    def __add__(self, other: OverlayStats) -> OverlayStats:
        return OverlayStats(
            self.added + other.added,
            self.removed + other.removed,
            self.modified + other.modified,
            self.plus + other.plus,
            self.minus + other.minus,
        )


@dataclass(frozen=True)
class Review:
    changes: tuple[Change, ...]  # sorted by identity, so grouped by overlay
    overlays: tuple[str, ...]  # every overlay of either tree, sorted
    compared: int  # objects in base and head together, counted once per identity
    stats: Mapping[str, OverlayStats] = field(default_factory=dict)

    @property
    def total(self) -> OverlayStats:
        return sum(self.stats.values(), OverlayStats())


# libyaml parses ~10x faster than the pure-Python loader; both build the same data.
_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _plain_keys(node: Any) -> bool:
    """True when every mapping key is a string, so that JSON can stand for the document."""
    if isinstance(node, dict):
        return all(isinstance(k, str) and _plain_keys(v) for k, v in node.items())
    if isinstance(node, list):
        return all(_plain_keys(item) for item in node)
    return True


def normalize(document: Any) -> str:
    # The render's own YAML: a change inside an embedded script diffs line by line.
    return to_yaml(document)


def identify(overlay: str, path: str, document: Any) -> Identity:
    if isinstance(document, Mapping):
        kind = document.get("kind")
        metadata = document.get("metadata")
        name = metadata.get("name") if isinstance(metadata, Mapping) else None
        if isinstance(kind, str) and isinstance(name, str) and kind and name:
            api_version = str(document.get("apiVersion") or "")
            group = api_version.rpartition("/")[0]  # "" for the core group ("v1")
            namespace = metadata.get("namespace") if isinstance(metadata, Mapping) else None
            return Identity(overlay, group, kind, str(namespace or ""), name)
        if isinstance(kind, str) and kind:
            return Identity(overlay, "", kind, "", path)
    return Identity(overlay, "", PATH_KIND, "", path)


def _parse_yaml(text: str, cache: dict[str, tuple[Any, ...]] | None) -> tuple[Any, ...]:
    """Documents of one file. With a cache shared by base and head, a file that is the same in
    both is parsed once (parsing is most of the time of a diff); documents are never mutated."""
    if cache is not None and text in cache:
        return cache[text]
    documents = tuple(d for d in yaml.load_all(text, Loader=_Loader) if d is not None)
    if cache is not None:
        cache[text] = documents
    return documents


ParseCache = dict[str, tuple[Any, ...]]


def parse_files(
    files: Mapping[str, str], cache: ParseCache | None = None
) -> dict[Identity, Manifest]:
    """Objects of a rendered tree given as {relative path: text}."""
    objects: dict[Identity, Manifest] = {}
    for path in sorted(files):
        parts = path.split("/")
        overlay = parts[0] if len(parts) > 1 else ROOT_OVERLAY
        text = files[path]
        if path.endswith(YAML_SUFFIXES):
            try:
                documents = _parse_yaml(text, cache)
            except yaml.YAMLError as error:
                mark = getattr(error, "problem_mark", None)
                where = f" line {mark.line + 1}" if mark is not None else ""
                raise TreeError(f"{path}{where}: invalid YAML") from error
            entries = [
                Manifest(
                    identify(overlay, path if len(documents) == 1 else f"{path}#{i}", d), path, d
                )
                for i, d in enumerate(documents)
            ]
        else:
            entries = [Manifest(Identity(overlay, "", PATH_KIND, "", path), path, None, text)]
        for manifest in entries:
            identity = manifest.identity
            if identity in objects:
                raise TreeError(
                    f"{path}: {identity.title()} is also defined in {objects[identity].path}"
                )
            objects[identity] = manifest
    return objects


def read_tree(root: Path) -> dict[str, str]:
    """Every file under a rendered tree, as {relative posix path: text}."""
    if not root.is_dir():
        raise TreeError(f"{root}: not a directory")
    return {
        path.relative_to(root).as_posix(): path.read_text(encoding="utf-8", errors="replace")
        for path in sorted(root.rglob("*"))
        if path.is_file() and not any(p.startswith(".") for p in path.relative_to(root).parts)
    }


def load_tree(root: Path, cache: ParseCache | None = None) -> dict[Identity, Manifest]:
    return parse_files(read_tree(root), cache)


def _diff(old: Manifest | None, new: Manifest | None, context: int) -> tuple[str, ...]:
    return tuple(
        line.rstrip("\n")
        for line in difflib.unified_diff(
            old.text.splitlines(keepends=True) if old else [],
            new.text.splitlines(keepends=True) if new else [],
            fromfile=f"a/{old.path}" if old else "/dev/null",
            tofile=f"b/{new.path}" if new else "/dev/null",
            n=context,
        )
    )


def count(lines: Iterable[str]) -> tuple[int, int]:
    """(+lines, -lines) of a unified diff, file headers excluded."""
    plus = minus = 0
    for line in lines:
        if line.startswith("+") and not line.startswith("+++ "):
            plus += 1
        elif line.startswith("-") and not line.startswith("--- "):
            minus += 1
    return plus, minus


def compare(
    base: Mapping[Identity, Manifest], head: Mapping[Identity, Manifest], context: int = 3
) -> Review:
    changes: list[Change] = []
    stats: dict[str, OverlayStats] = {}
    for identity in sorted(base.keys() | head.keys()):
        old, new = base.get(identity), head.get(identity)
        stats.setdefault(identity.overlay, OverlayStats())
        if old is not None and new is not None and old.key == new.key:
            continue
        status: Status = "added" if old is None else "removed" if new is None else "modified"
        lines = _diff(old, new, context)
        plus, minus = count(lines)
        changes.append(Change(identity, status, lines, plus, minus))
        stats[identity.overlay] += OverlayStats(
            added=int(status == "added"),
            removed=int(status == "removed"),
            modified=int(status == "modified"),
            plus=plus,
            minus=minus,
        )
    return Review(
        changes=tuple(changes),
        overlays=tuple(sorted(stats)),
        compared=len(base.keys() | head.keys()),
        stats=stats,
    )
