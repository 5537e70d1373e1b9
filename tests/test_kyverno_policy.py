"""Issue 13, item 4: homelab's app-credentials policies run in the real Kyverno engine.

The pinned Kyverno CLI (v1.19.1, tools/install/46_kyverno.sh) applies the committed
dist/homelab policies offline to the fixtures of tests/fixtures/kyverno/: an opted-in
namespace gets a copy of each Secret the variables read (and nothing else), a Deployment
there gets the variables docs/overlays/homelab.md promises (and nothing else changes), a
namespace or Deployment that did not opt in is left alone. Every run treats a deprecation
warning as an error (Kyverno 1.19 warns on every kyverno.io/v1 ClusterPolicy).

The Kyverno ClusterRole is checked against what the engine did: it names exactly the
Secrets the engine copied, with the verbs Kyverno's generator uses on them (get, then
create or update), and nothing cluster-wide but create.
"""

from __future__ import annotations

import copy
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
KYVERNO = ROOT / ".cache" / "bin" / "kyverno"
HOMELAB = ROOT / "dist" / "homelab"
FIXTURES = ROOT / "tests" / "fixtures" / "kyverno"
GENERATING = HOMELAB / "generatingpolicy-mlflow-app-credentials.yaml"
MUTATING = HOMELAB / "mutatingpolicy-mlflow-app-environment.yaml"
ROLE = HOMELAB / "clusterrole-mlflow-kyverno-secrets.yaml"

Object = dict[str, Any]


def _load(path: Path) -> list[Object]:
    return [doc for doc in yaml.safe_load_all(path.read_text()) if doc]


def _by_namespace(path: Path) -> dict[str, Object]:
    return {doc["metadata"].get("namespace", doc["metadata"]["name"]): doc for doc in _load(path)}


NAMESPACES = _by_namespace(FIXTURES / "namespaces.yaml")
DEPLOYMENTS = _by_namespace(FIXTURES / "deployments.yaml")
SOURCES = {doc["metadata"]["name"]: doc for doc in _load(FIXTURES / "mlflow-secrets.yaml")}
EXPECTED_ENV: list[Object] = yaml.safe_load((FIXTURES / "expected-environment.yaml").read_text())
# The Secrets the promised variables read: these, and only these, are copied.
READ = sorted({e["valueFrom"]["secretKeyRef"]["name"] for e in EXPECTED_ENV if "valueFrom" in e})


@pytest.fixture(scope="module")
def kyverno() -> Path:
    if not KYVERNO.is_file():
        pytest.fail(f"{KYVERNO} is missing: run tools/install/46_kyverno.sh (make setup)")
    return KYVERNO


def _apply(
    kyverno: Path, tmp_path: Path, policy: Path, resource: Object
) -> tuple[list[Object], int]:
    """`kyverno apply` of one policy to one resource: the objects it wrote (generated, or the
    resource after mutation) and how many of its rules passed (0: the policy did not apply)."""
    (tmp_path / "resource.yaml").write_text(yaml.safe_dump(resource))
    # What the API server would tell Kyverno: the namespaces' labels, and the Secrets in mlflow.
    values = {
        "apiVersion": "cli.kyverno.io/v1alpha1",
        "kind": "Values",
        "metadata": {"name": "values"},
        "namespaceSelector": [
            {"name": name, "labels": ns["metadata"]["labels"]} for name, ns in NAMESPACES.items()
        ],
    }
    (tmp_path / "values.yaml").write_text(yaml.safe_dump(values))
    context = {
        "apiVersion": "cli.kyverno.io/v1alpha1",
        "kind": "Context",
        "metadata": {"name": "cluster"},
        "spec": {"resources": list(SOURCES.values())},
    }
    (tmp_path / "context.yaml").write_text(yaml.safe_dump(context))
    out = tmp_path / "out.yaml"
    out.write_text("")
    result = subprocess.run(
        [
            str(kyverno),
            "apply",
            str(policy),
            "--resource",
            str(tmp_path / "resource.yaml"),
            "--values-file",
            str(tmp_path / "values.yaml"),
            "--context-file",
            str(tmp_path / "context.yaml"),
            "--output",
            str(out),
            "--warnings-as-errors",
            "--remove-color",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    summary = re.search(r"pass: (\d+), fail: (\d+), warn: (\d+), error: (\d+)", result.stdout)
    assert summary, result.stdout
    passed, *problems = (int(n) for n in summary.groups())
    assert problems == [0, 0, 0], result.stdout
    return [doc for doc in yaml.safe_load_all(out.read_text()) if doc], passed


def test_an_opted_in_namespace_gets_a_copy_of_each_secret_the_variables_read(
    kyverno: Path, tmp_path: Path
) -> None:
    generated, passed = _apply(kyverno, tmp_path, GENERATING, NAMESPACES["team-a"])
    assert passed > 0
    copies = {doc["metadata"]["name"]: doc for doc in generated}
    assert sorted(copies) == READ, "postgres-admin and friends stay in mlflow"
    for name, secret in copies.items():
        source = SOURCES[name]
        assert secret["kind"] == "Secret" and secret["apiVersion"] == "v1"
        assert secret["metadata"]["namespace"] == "team-a"
        assert secret["data"] == source["data"]
        assert secret["type"] == source["type"]
        # The source's own labels, annotations, uid and version stay with the source.
        assert set(secret["metadata"]) <= {"name", "namespace"}, secret["metadata"]


def test_a_namespace_that_did_not_opt_in_gets_nothing(kyverno: Path, tmp_path: Path) -> None:
    assert _apply(kyverno, tmp_path, GENERATING, NAMESPACES["team-b"]) == ([], 0)


def _without_env(deployment: Object) -> Object:
    stripped = copy.deepcopy(deployment)
    for container in stripped["spec"]["template"]["spec"]["containers"]:
        container.pop("env", None)
    return stripped


def test_an_opted_in_deployment_gets_the_variables_and_nothing_else_changes(
    kyverno: Path, tmp_path: Path
) -> None:
    original = DEPLOYMENTS["team-a"]
    [mutated], passed = _apply(kyverno, tmp_path, MUTATING, original)
    assert passed > 0
    assert _without_env(mutated) == _without_env(original)
    before = {c["name"]: c for c in original["spec"]["template"]["spec"]["containers"]}
    after = mutated["spec"]["template"]["spec"]["containers"]
    assert [c["name"] for c in after] == list(before)
    for container in after:
        env = {item["name"]: item for item in container["env"]}
        assert len(env) == len(container["env"]), f"{container['name']}: a variable twice"
        own = {item["name"]: item for item in before[container["name"]].get("env", [])}
        assert env == {**own, **{item["name"]: item for item in EXPECTED_ENV}}


def test_a_deployment_that_did_not_opt_in_is_untouched(kyverno: Path, tmp_path: Path) -> None:
    original = DEPLOYMENTS["team-b"]
    assert _apply(kyverno, tmp_path, MUTATING, original) == ([original], 0)


def test_the_kyverno_role_names_exactly_the_secrets_the_engine_copied(
    kyverno: Path, tmp_path: Path
) -> None:
    generated, _ = _apply(kyverno, tmp_path, GENERATING, NAMESPACES["team-a"])
    copied = sorted(doc["metadata"]["name"] for doc in generated)
    [role] = _load(ROLE)
    rules = role["rules"]
    named = [r for r in rules if r.get("resourceNames")]
    unnamed = [r for r in rules if not r.get("resourceNames")]
    # Kyverno's generator reads the source and the existing copy by name (get), then creates
    # the copy or updates its own; synchronization (which would watch every Secret) is off.
    assert [(r["apiGroups"], r["resources"], sorted(r["resourceNames"])) for r in named] == [
        ([""], ["secrets"], copied)
    ]
    assert sorted(named[0]["verbs"]) == ["get", "update"]
    assert [(r["apiGroups"], r["resources"], r["verbs"]) for r in unnamed] == [
        ([""], ["secrets"], ["create"])
    ]
    assert "aggregationRule" not in role
    aggregation = {k for k in role["metadata"]["labels"] if "/aggregate-to-" in k}
    assert aggregation == {"rbac.kyverno.io/aggregate-to-background-controller"}
