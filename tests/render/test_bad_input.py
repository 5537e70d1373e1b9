"""Bad overlays: a message naming the file, the field and the fix; exit 2; dist/ untouched."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.render.project import copy_project, run_main, tree

HOMELAB = "overlays/homelab.yaml"


def _break(project: Path, old: str, new: str) -> None:
    path = project / HOMELAB
    text = path.read_text()
    assert old in text, f"test setup: {old!r} is not in {HOMELAB}"
    path.write_text(text.replace(old, new, 1))


CASES = [
    pytest.param(
        ("  realm: thinkube\n", "  realm: thinkube\n  relam: typo\n"),
        ["overlays/homelab.yaml: auth.relam: unknown key", "allowed:", "realm"],
        id="unknown-key",
    ),
    pytest.param(
        ("  extra_service_ports: [80]\n", "  extra_service_ports: [eighty]\n"),
        ["overlays/homelab.yaml: server.extra_service_ports[0]", "valid integer", "'eighty'"],
        id="wrong-type",
    ),
    pytest.param(
        ("host: mlflow.example.com", "host: MLflow_Example.com"),
        ["overlays/homelab.yaml: exposure.host", "'MLflow_Example.com'", "DNS name"],
        id="invalid-hostname",
    ),
    pytest.param(
        ("size: 500Gi", "size: 500 gigs"),
        ["overlays/homelab.yaml: volumes[1].size", "'500 gigs'", "quantity such as 500Gi"],
        id="invalid-quantity",
    ),
    pytest.param(
        ("tag: 3.17.2-oidc11.0.2-1", "tag: latest"),
        ["overlays/homelab.yaml: server.image.tag", "'latest' is not reproducible"],
        id="latest-tag",
    ),
    pytest.param(
        ("  realm: thinkube\n", "  realm: thinkube\n  realm: other\n"),
        ["overlays/homelab.yaml: not valid YAML", "duplicate key 'realm'"],
        id="duplicate-key",
    ),
    pytest.param(
        ("claim: thinkube-models", "claim: no-such-claim"),
        ["overlays/homelab.yaml: artifacts", "'no-such-claim'", "add it to volumes"],
        id="dangling-reference",
    ),
    pytest.param(
        ("  extra_service_ports: [80]\n", "  extra_service_ports: [80]\n  replicas: 2\n"),
        ["overlays/homelab.yaml: server.replicas", "ReadWriteOnce", "mlflow-storage", "Fix:"],
        id="replicas-on-a-single-attach-claim",
    ),
    pytest.param(
        ("kind: external-postgres", "kind: postgress"),
        ["overlays/homelab.yaml: database", "'postgress'", "external-postgres"],
        id="unknown-option",
    ),
]


@pytest.mark.parametrize(("edit", "expected"), CASES)
def test_bad_overlay_is_refused_with_file_field_and_fix(
    tmp_path: Path, edit: tuple[str, str], expected: list[str]
) -> None:
    project = copy_project(tmp_path / "project")
    before = tree(project / "dist")
    _break(project, *edit)
    result = run_main(project, "synth")
    assert result.returncode == 2, result.stdout + result.stderr
    for fragment in expected:
        assert fragment in result.stderr
    assert "Traceback" not in result.stderr
    assert tree(project / "dist") == before, "a failed render changed dist/"


def test_missing_overlay_file_names_the_file_and_the_known_overlays(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    before = tree(project / "dist")
    result = run_main(project, "synth", "--overlay", "homelb")
    assert result.returncode == 2
    assert "overlays/homelb.yaml: no such overlay file" in result.stderr
    assert "homelab" in result.stderr
    assert tree(project / "dist") == before
