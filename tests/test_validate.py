"""Offline validation of every rendered object under dist/*/ with the real validators.

kubeconform (strict JSON schemas: unknown fields and wrong types fail) and kubectl-validate (the
API server's own validation code: OpenAPI v3, CRD structural schemas, CEL rules), each for every
Kubernetes version pinned in tools/crds.yaml, against the CRDs pinned there. Nothing is fetched:
`make setup` (tools/install/20_go_tools.sh, tools/install/30_crds_and_schemas.sh) builds the
binaries and schemas under .cache/ first.

The canary tests feed each validator objects known to be wrong and require a rejection, so a
validator that silently stops checking (a schema that no longer compiles becomes a kubeconform
skip; a missing schema an unvalidated kind) fails the suite instead of passing it.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
# VALIDATE_DIST points the suite at another render (to try a broken one by hand).
DIST = Path(os.environ.get("VALIDATE_DIST", ROOT / "dist")).resolve()
BIN = ROOT / ".cache" / "bin"
CRDS = ROOT / ".cache" / "crds"
KUBECONFORM_SCHEMAS = ROOT / ".cache" / "schemas" / "kubeconform"
KUBECTL_VALIDATE_SCHEMAS = ROOT / ".cache" / "schemas" / "kubectl-validate"
PINS = ROOT / "tools" / "crds.yaml"

# The same layouts tools/crds.py writes; first hit wins, so core kinds never reach the CRD folder.
K8S_SCHEMA_LOCATION = str(
    KUBECONFORM_SCHEMAS
    / "k8s"
    / "{{ .NormalizedKubernetesVersion }}-standalone{{ .StrictSuffix }}"
    / "{{ .ResourceKind }}{{ .KindSuffix }}.json"
)
CRD_SCHEMA_LOCATION = str(
    KUBECONFORM_SCHEMAS
    / "crds"
    / "{{ .Group }}"
    / "{{ .ResourceKind }}_{{ .ResourceAPIVersion }}.json"
)
SUMMARY = re.compile(
    r"Summary: (?P<resources>\d+) resources? found in (?P<files>\d+) files? - "
    r"Valid: (?P<valid>\d+), Invalid: (?P<invalid>\d+), Errors: (?P<errors>\d+), "
    r"Skipped: (?P<skipped>\d+)"
)
TIMEOUT_S = 300
Obj = dict[str, Any]


def kubernetes_versions() -> list[str]:
    with PINS.open() as f:
        pins = yaml.safe_load(f)
    return [str(entry["version"]) for entry in pins["kubernetes"]["versions"]]


def rendered_files() -> list[Path]:
    """Every rendered object file; kustomization.yaml is a kustomize file, not an object."""
    return sorted(
        path
        for pattern in ("*/*.yaml", "*/*.yml")
        for path in DIST.glob(pattern)
        if path.name != "kustomization.yaml"
    )


VERSIONS = kubernetes_versions()
FILES = rendered_files()


def need(path: Path, script: str) -> Path:
    if not path.exists():
        pytest.fail(f"{path.relative_to(ROOT)} is missing: run `make setup` ({script})")
    return path


def need_files() -> list[Path]:
    if not FILES:
        pytest.fail(f"no rendered YAML under {DIST}/*/: run `make synth` first")
    return FILES


@dataclass(frozen=True)
class Result:
    returncode: int
    output: str


def kubeconform(version: str, files: list[Path], *, output: str = "text") -> Result:
    binary = need(BIN / "kubeconform", "tools/install/20_go_tools.sh")
    need(
        KUBECONFORM_SCHEMAS / "k8s" / f"v{version}-standalone-strict",
        "tools/install/30_crds_and_schemas.sh",
    )
    need(KUBECONFORM_SCHEMAS / "crds", "tools/install/30_crds_and_schemas.sh")
    # No -ignore-missing-schemas: an object without a schema must fail, not pass unseen.
    command = [
        str(binary), "-strict", "-summary", "-output", output,
        "-kubernetes-version", version,
        "-schema-location", K8S_SCHEMA_LOCATION,
        "-schema-location", CRD_SCHEMA_LOCATION,
        *map(str, files),
    ]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_S, check=False)
    return Result(done.returncode, done.stdout + done.stderr)


def kubectl_validate(version: str, files: list[Path], tmp_path: Path) -> Result:
    binary = need(BIN / "kubectl-validate", "tools/install/20_go_tools.sh")
    schemas = need(KUBECTL_VALIDATE_SCHEMAS / f"v{version}", "tools/install/30_crds_and_schemas.sh")
    need(CRDS, "tools/install/30_crds_and_schemas.sh")
    # No --version: with one, kubectl-validate falls back to downloading schemas for versions it
    # does not embed. An empty kubeconfig keeps it from asking whatever cluster is configured.
    kubeconfig = tmp_path / "kubeconfig"
    kubeconfig.write_text("")
    env = {k: v for k, v in os.environ.items() if not k.startswith("KUBERNETES_SERVICE")}
    env["KUBECONFIG"] = str(kubeconfig)
    command = [
        str(binary), *map(str, files),
        "--local-schemas", str(schemas),
        "--local-crds", str(CRDS),
        "--output", "json",
    ]  # fmt: skip
    done = subprocess.run(
        command, capture_output=True, text=True, timeout=TIMEOUT_S, check=False, env=env
    )
    return Result(done.returncode, done.stdout + done.stderr)


def kubectl_validate_report(result: Result) -> dict[str, list[Obj]]:
    """File -> the Status of each object in it, from kubectl-validate's JSON report."""
    # The JSON report comes first; "Error: validation failed" (stderr) may follow it.
    start = result.output.find("{")
    if start < 0:
        pytest.fail(f"kubectl-validate printed no JSON report:\n{result.output}")
    report: dict[str, Obj | list[Obj]]
    report, _ = json.JSONDecoder().raw_decode(result.output, start)
    return {name: s if isinstance(s, list) else [s] for name, s in report.items()}


def kubectl_validate_failures(result: Result) -> dict[str, str]:
    """File -> error messages, for every file kubectl-validate did not accept."""
    return {
        name: "; ".join(str(s.get("message")) for s in statuses if s.get("status") != "Success")
        for name, statuses in kubectl_validate_report(result).items()
        if any(s.get("status") != "Success" for s in statuses)
    }


def test_dist_has_rendered_objects() -> None:
    files = need_files()
    overlays = sorted({path.parent.name for path in files})
    assert overlays, "dist/ holds no overlay folder"


@pytest.mark.validators
@pytest.mark.parametrize("version", VERSIONS)
def test_kubeconform_strict(version: str) -> None:
    files = need_files()
    result = kubeconform(version, files)
    match = SUMMARY.search(result.output)
    assert match, f"no kubeconform summary line:\n{result.output}"
    print(f"kubeconform {version}: {match.group(0)}")
    assert result.returncode == 0, result.output
    assert int(match["skipped"]) == 0, result.output
    # One object per file: as many valid objects as files, none hidden in a multi-document file.
    assert int(match["valid"]) == len(files), result.output
    assert int(match["resources"]) == len(files), result.output


@pytest.mark.validators
@pytest.mark.parametrize("version", VERSIONS)
def test_kubectl_validate(version: str, tmp_path: Path) -> None:
    files = need_files()
    result = kubectl_validate(version, files, tmp_path)
    failures = kubectl_validate_failures(result)
    assert not failures, "\n".join(f"{name}: {error}" for name, error in failures.items())
    assert result.returncode == 0, result.output
    # Every file reported, each with exactly one object: nothing skipped, nothing hidden.
    report = kubectl_validate_report(result)
    assert sorted(report) == sorted(map(str, files)), result.output
    assert all(len(statuses) == 1 for statuses in report.values()), result.output


# --- canaries: objects each validator must reject ------------------------------------------------

DEPLOYMENT: Obj = {
    "apiVersion": "apps/v1",
    "kind": "Deployment",
    "metadata": {"name": "canary", "namespace": "canary"},
    "spec": {
        "selector": {"matchLabels": {"app": "canary"}},
        "template": {
            "metadata": {"labels": {"app": "canary"}},
            "spec": {"containers": [{"name": "canary", "image": "registry.invalid/canary:1"}]},
        },
    },
}
CERTIFICATE: Obj = {
    "apiVersion": "cert-manager.io/v1",
    "kind": "Certificate",
    "metadata": {"name": "canary", "namespace": "canary"},
    "spec": {
        "secretName": "canary-tls",
        "dnsNames": ["canary.example.com"],
        "issuerRef": {"name": "canary", "kind": "ClusterIssuer"},
    },
}
APPLICATION: Obj = {
    "apiVersion": "argoproj.io/v1alpha1",
    "kind": "Application",
    "metadata": {"name": "canary", "namespace": "argocd"},
    "spec": {
        "project": "default",
        "source": {"repoURL": "https://git.example.com/canary.git", "path": "dist/canary"},
        "destination": {"server": "https://kubernetes.default.svc", "namespace": "canary"},
    },
}


def with_change(obj: Obj, path: str, value: object) -> Obj:
    """A deep copy of obj with the dotted path set to value."""
    copy: Obj = json.loads(json.dumps(obj))
    *parents, last = path.split(".")
    node = copy
    for key in parents:
        node = node[key]
    node[last] = value
    return copy


GOOD: dict[str, Obj] = {
    "deployment": DEPLOYMENT,
    "certificate": CERTIFICATE,
    "application": APPLICATION,
}
BAD: dict[str, Obj] = {
    "deployment-unknown-field": with_change(DEPLOYMENT, "spec.replica", 2),
    "deployment-wrong-type": with_change(DEPLOYMENT, "spec.replicas", "two"),
    "deployment-nested-unknown-field": with_change(
        DEPLOYMENT,
        "spec.template.spec.containers",
        [{"name": "c", "image": "i", "imagePolicy": "x"}],
    ),
    "certificate-unknown-field": with_change(CERTIFICATE, "spec.secretNam", "canary-tls"),
    "certificate-wrong-type": with_change(CERTIFICATE, "spec.dnsNames", "canary.example.com"),
    "application-unknown-field": with_change(APPLICATION, "spec.source.targetRevisions", "main"),
}

# Only kubectl-validate runs CRD CEL rules (x-kubernetes-validations); kubeconform accepts this.
HTTPROUTE_BREAKING_A_CEL_RULE: Obj = {
    "apiVersion": "gateway.networking.k8s.io/v1",
    "kind": "HTTPRoute",
    "metadata": {"name": "canary", "namespace": "canary"},
    "spec": {
        "parentRefs": [{"name": "gateway"}],
        "rules": [
            {
                "matches": [{"path": {"type": "PathPrefix", "value": "no-leading-slash"}}],
                "backendRefs": [{"name": "canary", "port": 80}],
            }
        ],
    },
}


def write_objects(folder: Path, objects: dict[str, Obj]) -> list[Path]:
    folder.mkdir()
    paths = []
    for name, obj in objects.items():
        path = folder / f"{name}.yaml"
        path.write_text(yaml.safe_dump(obj, sort_keys=True))
        paths.append(path)
    return paths


@pytest.mark.validators
@pytest.mark.parametrize("version", VERSIONS)
def test_kubeconform_canaries(version: str, tmp_path: Path) -> None:
    good = write_objects(tmp_path / "good", GOOD)
    result = kubeconform(version, good)
    assert result.returncode == 0, f"kubeconform rejects valid canaries:\n{result.output}"
    match = SUMMARY.search(result.output)
    assert match and int(match["valid"]) == len(good), result.output

    bad = write_objects(tmp_path / "bad", BAD)
    result = kubeconform(version, bad, output="json")
    assert result.returncode != 0, result.output
    report = json.loads(result.output)
    status = {Path(r["filename"]).stem: r["status"] for r in report["resources"]}
    accepted = {name for name in BAD if status.get(name) != "statusInvalid"}
    assert not accepted, f"kubeconform did not reject {sorted(accepted)}:\n{result.output}"


@pytest.mark.validators
@pytest.mark.parametrize("version", VERSIONS)
def test_kubectl_validate_canaries(version: str, tmp_path: Path) -> None:
    good = write_objects(tmp_path / "good", GOOD)
    result = kubectl_validate(version, good, tmp_path)
    assert not kubectl_validate_failures(result), f"rejects valid canaries:\n{result.output}"

    bad_objects = {**BAD, "httproute-cel-rule": HTTPROUTE_BREAKING_A_CEL_RULE}
    bad = write_objects(tmp_path / "bad", bad_objects)
    result = kubectl_validate(version, bad, tmp_path)
    assert result.returncode != 0, result.output
    failures = kubectl_validate_failures(result)
    rejected = {Path(name).stem for name in failures}
    accepted = set(bad_objects) - rejected
    assert not accepted, f"kubectl-validate accepted {sorted(accepted)}:\n{result.output}"


# --- the CRD -> JSON schema converter (tools/crds.py), on hand-written CRD fragments -------------


def test_converter_closes_objects_that_list_their_fields() -> None:
    from tools.crds import to_strict

    schema = to_strict({"type": "object", "properties": {"a": {"type": "string"}}})
    assert schema["additionalProperties"] is False


def test_converter_keeps_preserve_unknown_fields_open() -> None:
    from tools.crds import to_strict

    node = {
        "type": "object",
        "x-kubernetes-preserve-unknown-fields": True,
        "properties": {"a": {"type": "string"}},
    }
    assert "additionalProperties" not in to_strict(node)


def test_converter_treats_a_field_named_properties_as_a_field() -> None:
    from tools.crds import to_strict

    node = {
        "type": "object",
        "properties": {
            "properties": {"type": "object", "properties": {"type": {"type": "integer"}}},
            "type": {"type": "string"},
        },
    }
    schema = to_strict(node)
    assert schema["properties"]["properties"]["properties"]["type"] == {"type": "integer"}
    assert schema["properties"]["properties"]["additionalProperties"] is False
    assert schema["properties"]["type"] == {"type": "string"}


def test_converter_int_or_string_and_nullable() -> None:
    from tools.crds import to_strict

    port = to_strict({"x-kubernetes-int-or-string": True, "anyOf": [{"type": "integer"}]})
    assert {"type": "integer"} in port["anyOf"] and {"type": "string"} in port["anyOf"]
    assert "type" not in port
    nullable = to_strict({"type": "string", "nullable": True, "enum": ["a"]})
    assert nullable["type"] == ["string", "null"]
    assert nullable["enum"] == ["a", None]


def test_converter_does_not_close_combinator_branches() -> None:
    from tools.crds import to_strict

    node = {
        "type": "object",
        "properties": {"a": {"type": "string"}, "b": {"type": "string"}},
        "oneOf": [{"required": ["a"], "properties": {"a": {"type": "string"}}}],
    }
    schema = to_strict(node)
    assert schema["additionalProperties"] is False
    assert "additionalProperties" not in schema["oneOf"][0]
