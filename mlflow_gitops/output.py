"""Files on disk: deterministic YAML, the project files a render ships, atomic writes.

Kept free of cdk8s so that commands which only validate or compare stay fast.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any, ClassVar

import yaml

from mlflow_gitops.config import overlay_json_schema
from mlflow_gitops.errors import RenderError

_LINE_BREAKS = re.compile("([\n\x85\u2028\u2029]+)")  # what YAML's emitter breaks lines at
# Files of the repository shipped inside rendered objects (see app.ProjectFiles).
SHIPPED_GLOBS = ("plugins/*.py", "jobs/*.py", "scripts/code-server/*")


class _Dumper(yaml.SafeDumper):
    """Block style everywhere, lists indented as kubectl prints them, scripts as literal blocks."""

    # The emitter reads every scalar character by character to choose its style; the same
    # values (a Job's script, an image, a label) recur in every overlay, and the analysis is
    # a pure function of the text (allow_unicode is fixed), so each text is analysed once.
    _analyses: ClassVar[dict[str, Any]] = {}

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)

    def analyze_scalar(self, scalar: str) -> Any:
        analysis = self._analyses.get(scalar)
        if analysis is None:
            analysis = self._analyses[scalar] = super().analyze_scalar(scalar)
        return analysis

    def write_literal(self, text: str) -> None:
        """PyYAML's literal block writer, a run of lines at a time instead of a character:
        the same calls in the same order (tests/test_yaml_output.py compares the two)."""
        hints = self.determine_block_hints(text)
        self.write_indicator("|" + hints, True)
        if hints[-1:] == "+":
            self.open_ended = True
        self.write_line_break()
        pieces = _LINE_BREAKS.split(text)  # text, breaks, text, breaks, ..., text
        for index, piece in enumerate(pieces):
            if index % 2:
                for brk in piece:
                    self.write_line_break(None if brk == "\n" else brk)
            elif piece:
                self.write_indent()
                self.stream.write(piece.encode(self.encoding) if self.encoding else piece)
        if pieces[-1]:  # no line break at the end
            self.write_line_break()


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def to_yaml(document: Any) -> str:
    # The pure-Python dumper on purpose: libyaml may be absent, and its output can differ.
    return yaml.dump(
        document,
        Dumper=_Dumper,
        sort_keys=True,
        default_flow_style=False,
        width=100,
        allow_unicode=True,
    )


def shipped(files: Mapping[str, str], path: str) -> str:
    """A project file a chart ships, or a clear error naming it."""
    if path not in files:
        raise RenderError(f"{path}: file not found; the chart ships it. Fix: restore the file")
    return files[path]


def read_project_files(root: Path) -> dict[str, str]:
    found: dict[str, str] = {}
    for pattern in SHIPPED_GLOBS:
        for path in sorted(root.glob(pattern)):
            if path.is_file() and path.name != "__init__.py":
                found[path.relative_to(root).as_posix()] = path.read_text(encoding="utf-8")
    return found


def schema_text() -> str:
    return json.dumps(overlay_json_schema(), indent=2, sort_keys=True) + "\n"


def write_tree(files: Mapping[str, str], target: Path) -> None:
    """Replace ``target`` with exactly ``files``; on any failure ``target`` is untouched."""
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
    try:
        for relative, content in files.items():
            path = staging / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(content, encoding="utf-8")
        retired = target.parent / f".{target.name}.old-{staging.name.rsplit('-', 1)[-1]}"
        if target.exists():
            target.rename(retired)
        try:
            staging.rename(target)
        except OSError:
            if retired.exists():
                retired.rename(target)
            raise
        shutil.rmtree(retired, ignore_errors=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def write_file(content: str, target: Path) -> None:
    """Write one file through a sibling temporary file and an atomic rename."""
    with tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", dir=target.parent, prefix=f".{target.name}.", delete=False
    ) as handle:
        handle.write(content)
    Path(handle.name).replace(target)
