"""The manifest linters over the committed render: checkov and kube-score per overlay, gitleaks
over all of dist/, with the accepted findings of lint/suppressions.yaml taken out.

    .venv/bin/python tools/lint_manifests.py        # table per overlay and linter; exit 1 on any
                                                    # unsuppressed finding or stale suppression

Each suppression becomes the linter's own per-object skip, applied to a scratch copy of the
overlay, never to dist/: checkov's `checkov.io/skipN` and kube-score's `kube-score/ignore`
annotations (kube-score has no per-object flag; its only other form is a global --ignore-test),
and a generated gitleaks config whose allowlists name the rule and the file. Each overlay is
linted on its own: all of them render into the namespace `mlflow`, so a cross-object check (a
Service's target, a NetworkPolicy's pods) would otherwise match another overlay's objects.

A finding is one (linter, check, object); an object is `overlay/Kind/name`, the rendered file
that holds it (one object a file). The binaries come from `make setup`:
tools/install/26_manifest_linters.sh (kube-score, gitleaks), tools/install/57_checkov.sh.
"""

from __future__ import annotations

import fnmatch
import json
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
SUPPRESSIONS = ROOT / "lint" / "suppressions.yaml"
CACHE = ROOT / ".cache"
CHECKOV = CACHE / "checkov-venv" / "bin" / "checkov"
KUBE_SCORE = CACHE / "bin" / "kube-score"
GITLEAKS = CACHE / "bin" / "gitleaks"
CRD_PINS = ROOT / "tools" / "crds.yaml"
TIMEOUT_S = 600

Linter = Literal["checkov", "kube-score", "gitleaks"]
LINTERS: tuple[Linter, ...] = ("checkov", "kube-score", "gitleaks")
# kube-score grades: 1 critical, 5 warning, 7 almost OK, 10 OK; both of the first two count.
KUBE_SCORE_WORST_FINDING = 5


class LintError(Exception):
    """A linter is missing or failed, or the suppressions file is invalid."""


# --- suppressions --------------------------------------------------------------------------


class Suppression(BaseModel):
    """One accepted finding class: a linter's check on the objects the globs select."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    linter: Linter
    check: Annotated[str, Field(pattern=r"^[A-Za-z0-9_.-]+$")]
    # `overlay/Kind/name` globs (fnmatch); one object per entry is the rule, globs the exception.
    objects: Annotated[
        tuple[Annotated[str, Field(pattern=r"^[^/]+/[^/]+/[^/]+$")], ...], Field(min_length=1)
    ]
    reason: Annotated[str, Field(min_length=10, pattern=r"^[^\n]+$")]

    def matches(self, finding: Finding) -> bool:
        return (
            finding.linter == self.linter
            and finding.check == self.check
            and self.selects(finding.obj)
        )

    def selects(self, obj: ObjectRef) -> bool:
        return any(fnmatch.fnmatchcase(obj.key, pattern) for pattern in self.objects)


class _SuppressionsFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    suppressions: tuple[Suppression, ...]


def load_suppressions(path: Path = SUPPRESSIONS) -> tuple[Suppression, ...]:
    shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise LintError(
            f"{shown}: cannot read it ({error}). Fix: a YAML mapping `suppressions:`"
        ) from error
    try:
        return _SuppressionsFile.model_validate(data).suppressions
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise LintError(
            f"{shown}: {where}: {first['msg']}. Fix: each entry has linter (one of "
            f"{', '.join(LINTERS)}), check, objects (overlay/Kind/name globs) and a one-line reason"
        ) from error


# --- objects and findings ------------------------------------------------------------------


@dataclass(frozen=True, order=True)
class ObjectRef:
    overlay: str
    kind: str
    name: str

    @property
    def key(self) -> str:
        return f"{self.overlay}/{self.kind}/{self.name}"


@dataclass(frozen=True, order=True)
class Finding:
    linter: str
    check: str
    obj: ObjectRef
    detail: str = ""

    @property
    def key(self) -> tuple[str, str, ObjectRef]:
        return (self.linter, self.check, self.obj)


@dataclass(frozen=True)
class RenderedFile:
    path: Path
    obj: ObjectRef
    document: dict[str, Any]


def rendered_files(dist: Path, overlay: str) -> list[RenderedFile]:
    """The overlay's object files (kustomization.yaml is kustomize's, not an object)."""
    files = []
    for path in sorted((dist / overlay).glob("*.yaml")):
        if path.name == "kustomization.yaml":
            continue
        documents = [doc for doc in yaml.safe_load_all(path.read_text(encoding="utf-8")) if doc]
        if len(documents) != 1:
            raise LintError(f"{path}: {len(documents)} objects; the render writes one a file")
        document = documents[0]
        obj = ObjectRef(overlay, str(document["kind"]), str(document["metadata"]["name"]))
        files.append(RenderedFile(path, obj, document))
    return files


def dedupe(findings: Iterable[Finding]) -> list[Finding]:
    """One finding per (linter, check, object); the details of merged ones are joined."""
    merged: dict[tuple[str, str, ObjectRef], list[str]] = {}
    for finding in findings:
        details = merged.setdefault(finding.key, [])
        if finding.detail and finding.detail not in details:
            details.append(finding.detail)
    return sorted(
        Finding(linter, check, obj, "; ".join(details))
        for (linter, check, obj), details in merged.items()
    )


# --- scratch copies with the linters' own skip annotations ---------------------------------


def _annotated(document: dict[str, Any], annotations: Mapping[str, str]) -> dict[str, Any]:
    metadata = dict(document["metadata"])
    metadata["annotations"] = {**metadata.get("annotations", {}), **annotations}
    return {**document, "metadata": metadata}


def skip_annotations(
    linter: Linter, obj: ObjectRef, suppressions: Sequence[Suppression]
) -> dict[str, str]:
    checks = sorted({s.check for s in suppressions if s.linter == linter and s.selects(obj)})
    if not checks:
        return {}
    if linter == "checkov":
        reasons = {s.check: s.reason for s in suppressions if s.linter == linter and s.selects(obj)}
        return {f"checkov.io/skip{i}": f"{c}={reasons[c]}" for i, c in enumerate(checks, 1)}
    if linter == "kube-score":
        return {"kube-score/ignore": ",".join(checks)}
    raise LintError(f"{linter} takes no annotations")


def write_scratch(
    files: Sequence[RenderedFile], linter: Linter, suppressions: Sequence[Suppression], out: Path
) -> dict[str, RenderedFile]:
    """The overlay's files under `out`, each with its skip annotations; by scratch file name."""
    out.mkdir(parents=True, exist_ok=True)
    by_name = {}
    for rendered in files:
        annotations = skip_annotations(linter, rendered.obj, suppressions)
        document = _annotated(rendered.document, annotations) if annotations else rendered.document
        target = out / rendered.path.name
        target.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
        by_name[rendered.path.name] = rendered
    return by_name


# --- the linters ---------------------------------------------------------------------------


def _need(binary: Path, script: str) -> str:
    if not binary.exists():
        raise LintError(f"{binary.relative_to(ROOT)} is missing. Fix: run `make setup` ({script})")
    return str(binary)


def _run(command: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_S, check=False)


def kubernetes_version() -> str:
    """kube-score's --kubernetes-version: the oldest version the render is validated against."""
    pins = yaml.safe_load(CRD_PINS.read_text(encoding="utf-8"))
    major, minor, *_ = str(pins["kubernetes"]["versions"][0]["version"]).split(".")
    return f"v{major}.{minor}"


def run_checkov(
    files: Sequence[RenderedFile], suppressions: Sequence[Suppression], scratch: Path
) -> list[Finding]:
    binary = _need(CHECKOV, "tools/install/57_checkov.sh")
    by_name = write_scratch(files, "checkov", suppressions, scratch)
    # --skip-download: no policy or guideline fetch (offline); the built-in checks only.
    done = _run([
        binary, "--directory", str(scratch), "--framework", "kubernetes", "--skip-download",
        "--output", "json", "--compact", "--quiet",
    ])  # fmt: skip
    if done.returncode not in (0, 1):
        raise LintError(f"checkov exited {done.returncode}: {done.stderr.strip()[-2000:]}")
    reports = json.loads(done.stdout) if done.stdout.strip() else []
    reports = reports if isinstance(reports, list) else [reports]
    findings = []
    for report in reports:
        if report.get("summary", {}).get("parsing_errors"):
            raise LintError(f"checkov could not parse {report['results']['parsing_errors']}")
        for failed in report.get("results", {}).get("failed_checks", []):
            rendered = by_name[Path(failed["file_path"]).name]
            findings.append(
                Finding("checkov", failed["check_id"], rendered.obj, failed["check_name"])
            )
    return dedupe(findings)


def run_kube_score(
    files: Sequence[RenderedFile], suppressions: Sequence[Suppression], scratch: Path
) -> list[Finding]:
    binary = _need(KUBE_SCORE, "tools/install/26_manifest_linters.sh")
    by_name = write_scratch(files, "kube-score", suppressions, scratch)
    done = _run([
        binary, "score", "--output-format", "json", "--kubernetes-version", kubernetes_version(),
        *(str(scratch / name) for name in by_name),
    ])  # fmt: skip
    # Exit 1 means "found something critical"; anything else without JSON is a failure.
    if done.returncode not in (0, 1) or not done.stdout.strip():
        raise LintError(f"kube-score exited {done.returncode}: {done.stderr.strip()[-2000:]}")
    findings = []
    for scored in json.loads(done.stdout):
        rendered = by_name[Path(scored["file_name"]).name]
        for check in scored["checks"]:
            if check["skipped"] or check["grade"] > KUBE_SCORE_WORST_FINDING:
                continue
            comments = check.get("comments") or []
            detail = "; ".join(
                f"({c['path']}) {c['summary']}" if c.get("path") else c["summary"] for c in comments
            )
            findings.append(Finding("kube-score", check["check"]["id"], rendered.obj, detail))
    return dedupe(findings)


def gitleaks_config(
    files_by_path: Mapping[str, RenderedFile], suppressions: Sequence[Suppression]
) -> str:
    """The default rules plus one allowlist per suppression: its rule, its objects' files."""
    lines = ["[extend]", "useDefault = true"]
    for suppression in suppressions:
        if suppression.linter != "gitleaks":
            continue
        paths = [
            f"(^|/){re.escape(path)}$"
            for path, rendered in sorted(files_by_path.items())
            if suppression.selects(rendered.obj)
        ]
        if not paths:
            continue
        lines += [
            "",
            "[[allowlists]]",
            f"description = {json.dumps(suppression.reason)}",
            f"targetRules = [{json.dumps(suppression.check)}]",
            "paths = [" + ", ".join(f"'''{p}'''" for p in paths) + "]",
        ]
    return "\n".join(lines) + "\n"


def run_gitleaks(
    dist: Path, overlays: Sequence[str], suppressions: Sequence[Suppression], scratch: Path
) -> list[Finding]:
    binary = _need(GITLEAKS, "tools/install/26_manifest_linters.sh")
    files_by_path = {
        f"{rendered.obj.overlay}/{rendered.path.name}": rendered
        for overlay in overlays
        for rendered in rendered_files(dist, overlay)
    }
    scratch.mkdir(parents=True, exist_ok=True)
    config = scratch / "gitleaks.toml"
    config.write_text(gitleaks_config(files_by_path, suppressions), encoding="utf-8")
    report = scratch / "gitleaks.json"
    # --redact: a finding names the rule, file and line, never the value.
    done = _run([
        binary, "dir", str(dist), "--config", str(config), "--report-format", "json",
        "--report-path", str(report), "--redact", "--no-banner", "--exit-code", "0",
        "--log-level", "error",
    ])  # fmt: skip
    if done.returncode != 0 or not report.exists():
        raise LintError(f"gitleaks exited {done.returncode}: {done.stderr.strip()[-2000:]}")
    findings = []
    for leak in json.loads(report.read_text(encoding="utf-8")):
        path = Path(leak["File"]).resolve().relative_to(dist)
        rendered = files_by_path.get(path.as_posix())
        obj = rendered.obj if rendered else ObjectRef(path.parent.as_posix(), "File", path.name)
        findings.append(Finding("gitleaks", leak["RuleID"], obj, f"line {leak['StartLine']}"))
    return dedupe(findings)


# --- one run over the render ---------------------------------------------------------------


def overlay_dirs(dist: Path) -> list[str]:
    """Every rendered folder: the overlays, and argocd/ for gitleaks."""
    return sorted(path.name for path in dist.iterdir() if path.is_dir())


def lint(
    dist: Path,
    overlays: Sequence[str],
    suppressions: Sequence[Suppression],
    linters: Sequence[Linter] = LINTERS,
) -> dict[tuple[str, str], list[Finding]]:
    """Findings by (folder, linter) after the suppressions; gitleaks scans every folder."""
    results: dict[tuple[str, str], list[Finding]] = {}
    with tempfile.TemporaryDirectory(prefix="lint-manifests-") as tmp:
        for overlay in overlays:
            files = rendered_files(dist, overlay)
            if "checkov" in linters:
                results[(overlay, "checkov")] = run_checkov(
                    files, suppressions, Path(tmp) / "checkov" / overlay
                )
            if "kube-score" in linters:
                results[(overlay, "kube-score")] = run_kube_score(
                    files, suppressions, Path(tmp) / "kube-score" / overlay
                )
        if "gitleaks" in linters:
            folders = overlay_dirs(dist)
            leaks = run_gitleaks(dist, folders, suppressions, Path(tmp) / "gitleaks")
            for folder in folders:
                results[(folder, "gitleaks")] = [f for f in leaks if f.obj.overlay == folder]
    return results


def stale(
    suppressions: Sequence[Suppression], raw: Iterable[Finding]
) -> list[tuple[Suppression, list[str]]]:
    """Each suppression with the globs that select no raw finding (all of them must)."""
    raw = list(raw)
    out = []
    for suppression in suppressions:
        unused = [
            pattern
            for pattern in suppression.objects
            if not any(
                f.linter == suppression.linter
                and f.check == suppression.check
                and fnmatch.fnmatchcase(f.obj.key, pattern)
                for f in raw
            )
        ]
        if unused:
            out.append((suppression, unused))
    return out


def main(argv: Sequence[str] = ()) -> int:
    del argv
    from mlflow_gitops.overlays import overlay_names

    overlays = overlay_names(ROOT / "overlays")
    suppressions = load_suppressions()
    raw = lint(DIST, overlays, ())
    after = lint(DIST, overlays, suppressions)
    print(f"{'folder':<16}{'linter':<12}{'findings':>9}{'suppressed':>11}{'left':>6}")
    for (folder, linter), left in sorted(after.items()):
        found = len(raw.get((folder, linter), []))
        print(f"{folder:<16}{linter:<12}{found:>9}{found - len(left):>11}{len(left):>6}")
    problems = [
        f"UNSUPPRESSED {f.linter} {f.check} {f.obj.key}: {f.detail}"
        for findings in after.values()
        for f in findings
    ]
    problems += [
        f"STALE {s.linter} {s.check} {', '.join(globs)}: matches no finding; remove it"
        for s, globs in stale(suppressions, (f for fs in raw.values() for f in fs))
    ]
    for problem in problems:
        print(problem)
    if problems:
        print(f"Fix the render, or accept a finding in {SUPPRESSIONS.relative_to(ROOT)} (reason)")
    failed = bool(problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    try:
        sys.exit(main(sys.argv[1:]))
    except LintError as error:
        print(f"lint-manifests: {error}", file=sys.stderr)
        sys.exit(2)
