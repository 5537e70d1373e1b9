"""checkov and kube-score over every overlay, gitleaks over all of dist/: no finding is left but
those lint/suppressions.yaml accepts with a reason, and every suppression still has its finding.

The linters run for real (`make setup`: tools/install/26_manifest_linters.sh, 57_checkov.sh) on
the committed render; a canary overlay (a privileged pod with an access key in its environment)
shows that each linter finds something and that a suppression hides its finding and no other.
"""

from __future__ import annotations

import secrets
import string
from pathlib import Path

import pytest
import yaml

from mlflow_gitops.overlays import overlay_names
from tools.lint_manifests import (
    DIST,
    LINTERS,
    ROOT,
    Finding,
    Linter,
    LintError,
    Suppression,
    lint,
    load_suppressions,
    overlay_dirs,
    stale,
)

pytestmark = pytest.mark.linters

OVERLAYS = overlay_names(ROOT / "overlays")
Results = dict[tuple[str, str], list[Finding]]


@pytest.fixture(scope="module")
def suppressions() -> tuple[Suppression, ...]:
    return load_suppressions()


@pytest.fixture(scope="module")
def raw() -> Results:
    """What the linters find with no suppression at all."""
    return lint(DIST, OVERLAYS, ())


@pytest.fixture(scope="module")
def left(suppressions: tuple[Suppression, ...]) -> Results:
    """What they find with the suppressions applied through their own skip mechanisms."""
    return lint(DIST, OVERLAYS, suppressions)


def describe(findings: list[Finding]) -> str:
    return "\n".join(f"{f.linter} {f.check} {f.obj.key}: {f.detail}" for f in findings)


CASES = [
    *((overlay, linter) for overlay in OVERLAYS for linter in LINTERS),
    *((folder, "gitleaks") for folder in overlay_dirs(DIST) if folder not in OVERLAYS),
]


@pytest.mark.parametrize(("folder", "linter"), CASES)
def test_no_unsuppressed_findings(folder: str, linter: str, left: Results) -> None:
    findings = left[(folder, linter)]
    assert not findings, (
        f"fix the render, or accept each in lint/suppressions.yaml with its reason:\n"
        f"{describe(findings)}"
    )


def test_every_suppression_still_has_its_finding(
    suppressions: tuple[Suppression, ...], raw: Results
) -> None:
    unused = stale(suppressions, (f for findings in raw.values() for f in findings))
    assert not unused, "remove from lint/suppressions.yaml, they match no finding:\n" + "\n".join(
        f"{s.linter} {s.check} {', '.join(globs)}" for s, globs in unused
    )


def test_suppressions_hide_exactly_what_they_select(
    suppressions: tuple[Suppression, ...], raw: Results, left: Results
) -> None:
    """The linters' own skips (annotations, allowlists) take out the selected findings only."""
    assert set(left) == set(raw)
    for case, findings in raw.items():
        expected = {f.key for f in findings if not any(s.matches(f) for s in suppressions)}
        assert {f.key for f in left[case]} == expected, case


# --- the canary: the linters find something, and a suppression hides only its own finding ---


def fake_access_key_id() -> str:
    """A fresh AWS-style key id (gitleaks allowlists the documented ...EXAMPLE ones)."""
    alphabet = string.ascii_uppercase + "234567"
    return "AKIA" + "".join(secrets.choice(alphabet) for _ in range(16))


def write_canary(dist: Path) -> None:
    pod = {
        "apiVersion": "v1",
        "kind": "Pod",
        "metadata": {"name": "canary", "namespace": "canary"},
        "spec": {
            "containers": [
                {
                    "name": "canary",
                    "image": "busybox:1.37.0",
                    "securityContext": {"privileged": True},
                    "env": [{"name": "AWS_ACCESS_KEY_ID", "value": fake_access_key_id()}],
                }
            ]
        },
    }
    (dist / "canary").mkdir(parents=True)
    (dist / "canary" / "pod-canary.yaml").write_text(yaml.safe_dump(pod), encoding="utf-8")


CANARY_FINDINGS: list[tuple[Linter, str]] = [
    ("checkov", "CKV_K8S_16"),  # Container should not be privileged
    ("kube-score", "container-security-context-privileged"),
    ("gitleaks", "aws-access-token"),
]


def canary_suppression(linter: str, check: str) -> Suppression:
    return Suppression.model_validate(
        {
            "linter": linter,
            "check": check,
            "objects": ["canary/Pod/canary"],
            "reason": "the canary's own finding",
        }
    )


def test_linters_find_a_privileged_pod_with_an_access_key(tmp_path: Path) -> None:
    write_canary(tmp_path)
    found = lint(tmp_path, ["canary"], ())
    keys = {(f.linter, f.check) for findings in found.values() for f in findings}
    for expected in CANARY_FINDINGS:
        assert expected in keys, f"{expected} not found; found {sorted(keys)}"
    # --redact: the report never carries the value.
    assert all("AKIA" not in f.detail for f in found[("canary", "gitleaks")])


@pytest.mark.parametrize(("linter", "check"), CANARY_FINDINGS)
def test_a_suppression_hides_its_finding_and_no_other(
    linter: Linter, check: str, tmp_path: Path
) -> None:
    write_canary(tmp_path)
    raw = lint(tmp_path, ["canary"], (), linters=[linter])
    left = lint(tmp_path, ["canary"], (canary_suppression(linter, check),), linters=[linter])
    raw_keys = {f.key for f in raw[("canary", linter)]}
    left_keys = {f.key for f in left[("canary", linter)]}
    suppressed = (linter, check, next(f.obj for f in raw[("canary", linter)]))
    assert suppressed in raw_keys
    assert left_keys == raw_keys - {suppressed}


def test_a_bad_suppression_names_the_file_and_the_field(tmp_path: Path) -> None:
    path = tmp_path / "suppressions.yaml"
    path.write_text(
        "suppressions:\n  - {linter: checkov, check: CKV_K8S_43, objects: [homelab/Job/x]}\n"
    )
    with pytest.raises(
        LintError, match=r"suppressions\.yaml: suppressions\.0\.reason: Field required"
    ):
        load_suppressions(path)
