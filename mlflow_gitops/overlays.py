"""Read overlay files and validate them at the edge, with errors that say where and how to fix."""

from __future__ import annotations

import re
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from mlflow_gitops.config import Overlay
from mlflow_gitops.errors import OverlayError

SCHEMA_FILE = "schema.json"


@dataclass(frozen=True)
class LoadedOverlay:
    name: str
    path: Path
    settings: Overlay


class _UniqueKeyLoader(yaml.SafeLoader):
    """PyYAML keeps the last of two equal keys silently; an overlay must not."""


def _construct_mapping(loader: _UniqueKeyLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}: keep one", key_node.start_mark
            )
        seen.add(key)
    return loader.construct_mapping(node)


_UniqueKeyLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
    _construct_mapping,
)


def overlay_names(directory: Path) -> list[str]:
    return sorted(path.stem for path in directory.glob("*.yaml"))


def load_overlay(directory: Path, name: str) -> LoadedOverlay:
    path = directory / f"{name}.yaml"
    shown = _shown(path)
    if not path.is_file():
        known = ", ".join(overlay_names(directory)) or "none"
        raise OverlayError(f"{shown}: no such overlay file. Fix: create it, or use one of: {known}")
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_UniqueKeyLoader)  # noqa: S506
    except yaml.YAMLError as error:
        raise OverlayError(f"{shown}: not valid YAML: {error}") from error
    if not isinstance(data, dict):
        raise OverlayError(f"{shown}: the top level must be a mapping of overlay fields")
    try:
        settings = Overlay.model_validate(data)
    except ValidationError as error:
        lines = [_describe(shown, data, issue) for issue in error.errors()]
        raise OverlayError("\n".join(lines)) from error
    return LoadedOverlay(name=name, path=path, settings=settings)


def load_overlays(directory: Path, names: list[str] | None = None) -> list[LoadedOverlay]:
    wanted = names if names else overlay_names(directory)
    if not wanted:
        raise OverlayError(f"{_shown(directory)}: no overlay files (*.yaml) found")
    return [load_overlay(directory, name) for name in wanted]


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


# --- error messages ------------------------------------------------------------------------

_PATTERN_HINTS = {
    "[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?(\\.": "a lower-case DNS name such as mlflow.example.com",
    "[+-]?(\\d+(\\.\\d*)?": "a Kubernetes quantity such as 500Gi, 1Gi or 100m",
    "^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$": "a lower-case DNS label such as mlflow-db-secret",
    "^https?://": "an http(s) URL such as https://keycloak.example.com",
}


def _describe(shown: str, data: dict[str, Any], issue: Any) -> str:
    location = _field_path(data, tuple(issue["loc"]))
    where = f"{shown}: {location or '(top level)'}"
    kind = issue["type"]
    if kind == "extra_forbidden":
        allowed = _allowed_keys(data, tuple(issue["loc"])[:-1])
        return f"{where}: unknown key. Fix: remove it or correct its spelling (allowed: {allowed})"
    if kind == "missing":
        return f"{where}: required field is missing. Fix: add it (see overlays/{SCHEMA_FILE})"
    if kind == "string_pattern_mismatch":
        pattern = str(issue.get("ctx", {}).get("pattern", ""))
        hint = next((h for p, h in _PATTERN_HINTS.items() if p in pattern), f"match {pattern}")
        return f"{where}: {issue['input']!r} is not valid. Fix: use {hint}"
    got = f" (got {issue['input']!r})" if not isinstance(issue.get("input"), dict) else ""
    message = issue["msg"].removeprefix("Value error, ")
    # Cross-field checks name the field they concern first: "artifacts.claim: ...".
    named = _NAMED.match(message)
    if named:
        inner = named.group(1)
        location = f"{location}.{inner}" if location else inner
        message, got = named.group(2), ""
    where = f"{shown}: {location or '(top level)'}"
    fix = "" if "Fix:" in message else f". Fix: correct the value (see overlays/{SCHEMA_FILE})"
    return f"{where}: {message}{got}{fix}"


_NAMED = re.compile(r"^([a-z_][\w.\[\]-]*): (.+)$", re.S)


def _field_path(data: Any, location: tuple[Any, ...]) -> str:
    """Dotted path of a pydantic error, without the union tags pydantic inserts."""
    parts: list[str] = []
    current = data
    skip_tag = False
    for part in location:
        if skip_tag and part == current.get("kind"):
            skip_tag = False
            continue
        parts.append(f"[{part}]" if isinstance(part, int) else f".{part}")
        try:
            current = current[part]
        except (KeyError, IndexError, TypeError):
            current = None
        skip_tag = isinstance(current, dict) and "kind" in current
    return "".join(parts).lstrip(".")


def _allowed_keys(data: Any, parent: tuple[Any, ...]) -> str:
    """Walk the models along the error's location to list the keys allowed there."""
    model: Any = Overlay
    current = data
    for part in parent:
        if isinstance(part, int):
            current = current[part] if isinstance(current, list) else None
            model = _unwrap(model)
            continue
        if isinstance(model, type) and issubclass(model, BaseModel) and part in model.model_fields:
            model = _unwrap(model.model_fields[part].annotation)
            current = current.get(part) if isinstance(current, dict) else None
            if isinstance(current, dict) and "kind" in current:
                model = _member(model, current["kind"])
    if isinstance(model, type) and issubclass(model, BaseModel):
        return ", ".join(sorted(model.model_fields))
    return f"see overlays/{SCHEMA_FILE}"


def _unwrap(annotation: Any) -> Any:
    while typing.get_origin(annotation) in (typing.Annotated, tuple):
        annotation = typing.get_args(annotation)[0]
    return annotation


def _member(annotation: Any, kind: str) -> Any:
    """The member of a discriminated union whose ``kind`` literal is ``kind``."""
    for member in typing.get_args(annotation) or (annotation,):
        field = getattr(member, "model_fields", {}).get("kind")
        if field is not None and kind in typing.get_args(field.annotation):
            return member
    return annotation
