"""bitnami-legacy takes over the users' running Helm release in place (issue 11).

On a real kube-apiserver (tests/servers/kube_apiserver.py):

1. The release as Helm 3 installs it: every object of the chart's render
   (tests/fixtures/bitnami-mlflow-5.1.17/rendered.yaml) created with field manager ``helm``
   (Helm 3 creates and patches, so its managedFields entries are ``operation: Update``), the
   release record Secret, and what the controllers made from it (the PostgreSQL claim
   ``data-mlflow-postgresql-0`` and pod ``mlflow-postgresql-0``). Secret values are the test's.
2. The first sync of dist/bitnami-legacy as Argo CD runs it: phase, wave, kind, name order;
   hooks deleted and re-created (BeforeHookCreation), the generate-secrets hook run as its
   ServiceAccount; every other object first through Argo CD's client-side-apply migration
   (the manager the overlay's Application names in
   ``argocd.argoproj.io/client-side-apply-migration-manager``), then server-side applied
   with force as ``argocd-controller``.
3. The README runbook's hand-over commands, parsed from README.md and run as written.

After every single write the database Services still select the running PostgreSQL pod,
exactly one Ingress claims the host and path, and no Secret value changed. At the end the
adopted objects are exactly what dist/ renders (no field of the chart left over), the
StatefulSet mounts the chart's claim, a pod from its template passes admission, and every
object of the chart is accounted for: adopted, kept on purpose, or deleted by the runbook.
"""

from __future__ import annotations

import base64
import copy
import json
import os
import re
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import requests
import yaml

from tests.servers.kube_apiserver import (
    KubeApiServer,
    KubeCluster,
    kube_apiserver,  # noqa: F401
)

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "bitnami-mlflow-5.1.17" / "rendered.yaml"
DIST = ROOT / "dist" / "bitnami-legacy"
APPSET = ROOT / "dist" / "argocd" / "applicationset-mlflow.yaml"
README = ROOT / "README.md"
NS = "mlflow"
RELEASE = "mlflow"
OVERLAY = "bitnami-legacy"
APPLICATION = f"mlflow-{OVERLAY}"
ARGOCD = "argocd-controller"  # Argo CD's server-side apply field manager
MIGRATION = "argocd.argoproj.io/client-side-apply-migration-manager"
ARGOCD_DEFAULT_MIGRATION = "kubectl-client-side-apply"
HOOK = "argocd.argoproj.io/hook"
WAVE = "argocd.argoproj.io/sync-wave"
TRACKING = "argocd.argoproj.io/tracking-id"
HOST, PATH = "mlflow.cloudnative.space", "/"
CHART_TLS_SECRET = "mlflow.cloudnative.space-tls"
CLAIM = "data-mlflow-postgresql-0"
DB_POD = "mlflow-postgresql-0"
DB_SERVICES = ("mlflow-postgresql", "mlflow-postgresql-hl")

# The test's values for the Secrets the fixture shows as REDACTED.
SECRET_VALUES = {
    "mlflow-postgresql": {"password": "app-pw-0123456789", "postgres-password": "admin-pw-98765"},
    "mlflow-tracking": {
        "admin-user": "user",
        "admin-password": "ui-pw-abcdefghij",
        "flask-server-secret-key": "f" * 64,
    },
}
OPERATOR_SECRETS = {"mlflow-s3-creds": {"AWS_ACCESS_KEY_ID": "ak", "AWS_SECRET_ACCESS_KEY": "sk"}}

# What happens to each object of the chart that dist/ does not render, and why. Every one is
# either kept on purpose or deleted by the README runbook (checked against the README below).
KEPT = {
    ("Secret", "mlflow-postgresql"): "the database passwords; the generate-secrets Job adopts it",
    ("Secret", "mlflow-tracking"): "the UI admin and Flask key; the generate-secrets Job adopts it",
    ("PersistentVolumeClaim", "mlflow-tracking"): "data: the chart's server volume, kept",
}
DELETED_BY_RUNBOOK = {
    ("Deployment", "mlflow-tracking"): "replaced by Deployment mlflow (hand-over)",
    ("Deployment", "mlflow-run"): "the chart's idle sleep-infinity pod",
    ("Service", "mlflow-tracking"): "LoadBalancer; replaced by Service mlflow behind the Ingress",
    ("PodDisruptionBudget", "mlflow-tracking"): "selects the chart's server pods only",
    ("PodDisruptionBudget", "mlflow-postgresql"): "maxUnavailable 1 of 1 replica: no effect",
    ("NetworkPolicy", "mlflow-tracking"): "selects the chart's server pods only",
    ("NetworkPolicy", "mlflow-run"): "selects the chart's run pod only",
    ("NetworkPolicy", "mlflow-postgresql"): "allows 5432 from anywhere: no effect on PostgreSQL",
    ("ServiceAccount", "mlflow-tracking"): "used by the chart's server pods only",
    ("ServiceAccount", "mlflow-run"): "used by the chart's run pod only",
    ("ServiceAccount", "mlflow-postgresql"): "the adopted template no longer names it",
    ("ConfigMap", "mlflow-postgresql-init-scripts"): "the adopted template no longer mounts it",
    ("ConfigMap", "mlflow-tracking-auth-overrides"): "used by the chart's server pods only",
}

# Argo CD's apply order within a wave (gitops-engine's kind order; unknown kinds last).
KIND_ORDER = [
    "Namespace",
    "NetworkPolicy",
    "ResourceQuota",
    "LimitRange",
    "PodSecurityPolicy",
    "PodDisruptionBudget",
    "ServiceAccount",
    "Secret",
    "SecretList",
    "ConfigMap",
    "StorageClass",
    "PersistentVolume",
    "PersistentVolumeClaim",
    "CustomResourceDefinition",
    "ClusterRole",
    "ClusterRoleList",
    "ClusterRoleBinding",
    "ClusterRoleBindingList",
    "Role",
    "RoleList",
    "RoleBinding",
    "RoleBindingList",
    "Service",
    "DaemonSet",
    "Pod",
    "ReplicationController",
    "ReplicaSet",
    "Deployment",
    "HorizontalPodAutoscaler",
    "StatefulSet",
    "Job",
    "CronJob",
    "IngressClass",
    "Ingress",
    "APIService",
]

_RESOURCES = {
    "Namespace": ("api/v1", "namespaces"),
    "ServiceAccount": ("api/v1", "serviceaccounts"),
    "Secret": ("api/v1", "secrets"),
    "ConfigMap": ("api/v1", "configmaps"),
    "PersistentVolumeClaim": ("api/v1", "persistentvolumeclaims"),
    "Service": ("api/v1", "services"),
    "Pod": ("api/v1", "pods"),
    "Deployment": ("apis/apps/v1", "deployments"),
    "StatefulSet": ("apis/apps/v1", "statefulsets"),
    "Job": ("apis/batch/v1", "jobs"),
    "Ingress": ("apis/networking.k8s.io/v1", "ingresses"),
    "NetworkPolicy": ("apis/networking.k8s.io/v1", "networkpolicies"),
    "PodDisruptionBudget": ("apis/policy/v1", "poddisruptionbudgets"),
    "Role": ("apis/rbac.authorization.k8s.io/v1", "roles"),
    "RoleBinding": ("apis/rbac.authorization.k8s.io/v1", "rolebindings"),
}
# The kubectl resource names the README's commands use.
_KUBECTL_KINDS = {
    "deployment": "Deployment",
    "service": "Service",
    "poddisruptionbudget": "PodDisruptionBudget",
    "networkpolicy": "NetworkPolicy",
    "serviceaccount": "ServiceAccount",
    "configmap": "ConfigMap",
    "secret": "Secret",
    "persistentvolumeclaim": "PersistentVolumeClaim",
}


def _group(api_version: str) -> str:
    return api_version.split("/", maxsplit=1)[0] if "/" in api_version else ""


@dataclass
class Api:
    """Raw calls to the API server as the admin, failing the test on any error."""

    server: KubeApiServer
    errors: list[str] = field(default_factory=list)
    lenient: bool = False

    def url(self, kind: str, name: str | None = None, namespace: str | None = NS) -> str:
        prefix, plural = _RESOURCES[kind]
        scope = "" if kind == "Namespace" else f"/namespaces/{namespace}"
        return f"{self.server.url}/{prefix}{scope}/{plural}" + (f"/{name}" if name else "")

    def call(
        self,
        method: str,
        url: str,
        *,
        body: object = None,
        content_type: str = "application/json",
        params: dict[str, str] | None = None,
        allow: tuple[int, ...] = (),
    ) -> requests.Response:
        reply = requests.request(
            method,
            url,
            data=None if body is None else (body if isinstance(body, str) else json.dumps(body)),
            params=params,
            headers={
                "Authorization": f"Bearer {self.server.admin_token}",
                "Content-Type": content_type,
            },
            verify=str(self.server.ca_file),
            timeout=30,
        )
        if reply.status_code >= 300 and reply.status_code not in allow:
            message = f"{method} {url.removeprefix(self.server.url)}: HTTP {reply.status_code}: "
            try:
                message += str(reply.json().get("message", reply.text))
            except ValueError:
                message += reply.text
            if not self.lenient:
                pytest.fail(message)
            # During the sync: recorded like Argo CD's per-object result, the sync goes on.
            self.errors.append(message)
        return reply

    def get(self, kind: str, name: str) -> dict[str, Any] | None:
        reply = self.call("GET", self.url(kind, name), allow=(404,))
        return None if reply.status_code == 404 else dict(reply.json())

    def must_get(self, kind: str, name: str) -> dict[str, Any]:
        obj = self.get(kind, name)
        assert obj is not None, f"{kind} {name} is gone"
        return obj

    def items(self, kind: str, selector: str | None = None) -> list[dict[str, Any]]:
        params = {"labelSelector": selector} if selector else None
        items: list[dict[str, Any]] = self.call("GET", self.url(kind), params=params).json()[
            "items"
        ]
        return items

    def create(self, obj: dict[str, Any], manager: str, *, dry_run: bool = False) -> dict[str, Any]:
        params = {"fieldManager": manager}
        if dry_run:
            params["dryRun"] = "All"
        namespace = obj["metadata"].get("namespace", NS)
        reply = self.call(
            "POST", self.url(obj["kind"], namespace=namespace), body=obj, params=params
        )
        return dict(reply.json())

    def apply(self, obj: dict[str, Any], manager: str) -> dict[str, Any]:
        """Server-side apply with force, as `kubectl apply --server-side --force-conflicts`."""
        url = self.url(obj["kind"], obj["metadata"]["name"], obj["metadata"].get("namespace", NS))
        reply = self.call(
            "PATCH",
            url,
            body=obj,
            content_type="application/apply-patch+yaml",
            params={"fieldManager": manager, "force": "true"},
        )
        return dict(reply.json())

    def json_patch(self, kind: str, name: str, patch: list[dict[str, Any]]) -> None:
        self.call(
            "PATCH", self.url(kind, name), body=patch, content_type="application/json-patch+json"
        )

    def delete(self, kind: str, name: str) -> None:
        self.call("DELETE", self.url(kind, name), allow=(404,))


# --- Helm 3's install ------------------------------------------------------------------------


def _b64(value: str) -> str:
    return base64.b64encode(value.encode()).decode()


def chart_objects() -> list[dict[str, Any]]:
    return [doc for doc in yaml.safe_load_all(FIXTURE.read_text()) if doc]


def helm_install(api: Api) -> dict[str, str]:
    """The release as Helm 3 leaves it; returns the uid of the PostgreSQL claim."""
    api.create({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": NS}}, "helm")
    # What kube-controller-manager would add: the namespace's default ServiceAccount.
    api.create(
        {"apiVersion": "v1", "kind": "ServiceAccount", "metadata": {"name": "default"}},
        "kube-controller-manager",
    )
    # docs/overlays/bitnami-legacy.md: created by hand before the install
    for name, values in OPERATOR_SECRETS.items():
        api.create(
            {
                "apiVersion": "v1",
                "kind": "Secret",
                "metadata": {"name": name},
                "data": {k: _b64(v) for k, v in values.items()},
            },
            "kubectl-create",
        )
    # The fixture is in Helm's install order already (kind order of Helm's InstallOrder).
    for chart_obj in chart_objects():
        obj = copy.deepcopy(chart_obj)
        obj["metadata"]["annotations"] = {
            **(obj["metadata"].get("annotations") or {}),
            "meta.helm.sh/release-name": RELEASE,
            "meta.helm.sh/release-namespace": NS,
        }
        if obj["kind"] == "Secret":
            values = SECRET_VALUES[obj["metadata"]["name"]]
            assert set(obj["data"]) == set(values)
            obj["data"] = {k: _b64(v) for k, v in values.items()}
        api.create(obj, "helm")
    # Helm's release record (storage driver "secret").
    api.create(
        {
            "apiVersion": "v1",
            "kind": "Secret",
            "type": "helm.sh/release.v1",
            "metadata": {
                "name": f"sh.helm.release.v1.{RELEASE}.v1",
                "labels": {
                    "name": RELEASE,
                    "owner": "helm",
                    "status": "deployed",
                    "version": "1",
                },
            },
            "data": {"release": _b64("H4sIAAAAAAAC/release-record")},
        },
        "helm",
    )
    # What the StatefulSet controller made: the claim of ordinal 0, then the pod.
    sts = api.must_get("StatefulSet", "mlflow-postgresql")
    claims = claims_of(sts)
    assert list(claims) == [CLAIM]
    claim = api.create(claims[CLAIM], "kube-controller-manager")
    api.create(pod_from(sts, DB_POD), "kube-controller-manager")
    return {"claim_uid": claim["metadata"]["uid"]}


def claims_of(sts: dict[str, Any], ordinal: int = 0) -> dict[str, dict[str, Any]]:
    """The claims the StatefulSet controller makes for a pod: <template>-<set>-<ordinal>."""
    result = {}
    for template in sts["spec"].get("volumeClaimTemplates") or []:
        name = f"{template['metadata']['name']}-{sts['metadata']['name']}-{ordinal}"
        labels = {
            **(template["metadata"].get("labels") or {}),
            **sts["spec"]["selector"]["matchLabels"],
        }
        result[name] = {
            "apiVersion": "v1",
            "kind": "PersistentVolumeClaim",
            "metadata": {"name": name, "labels": labels},
            "spec": copy.deepcopy(template["spec"]),
        }
    return result


def pod_from(sts: dict[str, Any], name: str) -> dict[str, Any]:
    """The pod the StatefulSet controller creates from the set's template, claims mounted."""
    template = copy.deepcopy(sts["spec"]["template"])
    spec = template["spec"]
    spec["hostname"], spec["subdomain"] = name, sts["spec"]["serviceName"]
    volumes = [v for v in spec.get("volumes") or [] if v["name"] not in _claim_volume_names(sts)]
    for claim_template in sts["spec"].get("volumeClaimTemplates") or []:
        volume = claim_template["metadata"]["name"]
        volumes.append(
            {
                "name": volume,
                "persistentVolumeClaim": {"claimName": f"{volume}-{sts['metadata']['name']}-0"},
            }
        )
    spec["volumes"] = volumes
    labels = {
        **(template["metadata"].get("labels") or {}),
        "statefulset.kubernetes.io/pod-name": name,
        "apps.kubernetes.io/pod-index": "0",
    }
    return {
        "apiVersion": "v1",
        "kind": "Pod",
        "metadata": {"name": name, "labels": labels},
        "spec": spec,
    }


def _claim_volume_names(sts: dict[str, Any]) -> set[str]:
    return {t["metadata"]["name"] for t in sts["spec"].get("volumeClaimTemplates") or []}


# --- Argo CD's sync --------------------------------------------------------------------------


def migration_manager() -> str:
    """The manager the overlay's Application migrates from (Argo CD's default otherwise)."""
    appset = yaml.safe_load(APPSET.read_text())
    element = next(
        e for e in appset["spec"]["generators"][0]["list"]["elements"] if e["overlay"] == OVERLAY
    )
    annotations = appset["spec"]["template"]["metadata"].get("annotations") or {}
    template = annotations.get(MIGRATION)
    if template is None:
        return ARGOCD_DEFAULT_MIGRATION
    # The template's Go-template placeholders take the element's values.
    return re.sub(r"\{\{\s*\.(\w+)\s*\}\}", lambda m: str(element[m.group(1)]), template)


def _union(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    """Union of two managedFields field sets (FieldsV1 is a trie of nested objects)."""
    out = copy.deepcopy(a)
    for key, value in b.items():
        out[key] = _union(out[key], value) if key in out else copy.deepcopy(value)
    return out


def csa_migration_patch(live: dict[str, Any], manager: str) -> list[dict[str, Any]] | None:
    """Argo CD's client-side-apply migration (client-go csaupgrade): the named manager's
    Update entries are merged into argocd-controller's Apply entry and removed."""
    entries = live["metadata"].get("managedFields") or []
    legacy = [
        e
        for e in entries
        if e["manager"] == manager and e["operation"] == "Update" and not e.get("subresource")
    ]
    if not legacy:
        return None
    owned: dict[str, Any] = {}
    for entry in legacy:
        owned = _union(owned, entry.get("fieldsV1") or {})
    rest, ssa = [], None
    for entry in entries:
        if entry in legacy:
            continue
        if entry["manager"] == ARGOCD and entry["operation"] == "Apply":
            ssa = entry
            continue
        rest.append(entry)
    merged = {
        "manager": ARGOCD,
        "operation": "Apply",
        "apiVersion": (ssa or legacy[0])["apiVersion"],
        "time": (ssa or legacy[0]).get("time"),
        "fieldsType": "FieldsV1",
        "fieldsV1": _union((ssa or {}).get("fieldsV1") or {}, owned),
    }
    return [
        {
            "op": "test",
            "path": "/metadata/resourceVersion",
            "value": live["metadata"]["resourceVersion"],
        },
        {"op": "replace", "path": "/metadata/managedFields", "value": [*rest, merged]},
    ]


@dataclass(frozen=True)
class Task:
    obj: dict[str, Any]

    @property
    def kind(self) -> str:
        return str(self.obj["kind"])

    @property
    def name(self) -> str:
        return str(self.obj["metadata"]["name"])

    @property
    def hook(self) -> str | None:
        return (self.obj["metadata"].get("annotations") or {}).get(HOOK)

    @property
    def wave(self) -> int:
        return int((self.obj["metadata"].get("annotations") or {}).get(WAVE, "0"))

    def order(self) -> tuple[int, int, int, str]:
        phase = {"PreSync": 0, "Sync": 1, None: 1, "PostSync": 2}[self.hook]
        kind = KIND_ORDER.index(self.kind) if self.kind in KIND_ORDER else len(KIND_ORDER)
        return phase, self.wave, kind, self.name


def dist_tasks() -> list[Task]:
    kustomization = yaml.safe_load((DIST / "kustomization.yaml").read_text())
    tasks = [Task(yaml.safe_load((DIST / f).read_text())) for f in kustomization["resources"]]
    return sorted(tasks, key=Task.order)


def tracked(task: Task) -> dict[str, Any]:
    """The object as Argo CD applies it: with its tracking annotation (annotation tracking)."""
    obj = copy.deepcopy(task.obj)
    group = _group(obj["apiVersion"])
    namespace = obj["metadata"].get("namespace", "")
    obj["metadata"].setdefault("annotations", {})[TRACKING] = (
        f"{APPLICATION}:{group}/{task.kind}:{namespace}/{task.name}"
    )
    return obj


def job_python() -> Path:
    """The interpreter of the Job's image as far as it is known: mlflow==3.3.2 alone."""
    path = ROOT / ".cache" / "mlflow-332-bare-venv" / "bin" / "python"
    if not path.is_file():
        pytest.fail(f"{path} missing: run tools/install/55_mlflow_332_bare.sh")
    return path


def run_generate_secrets_hook(api: Api, tmp_path: Path) -> None:
    """The generate-secrets hook's script, as its pod runs it: its ServiceAccount's token and
    Role (both synced in an earlier wave), the rendered config, the image's MLflow 3.3.2."""
    config = api.must_get("ConfigMap", "mlflow-generate-secrets")["data"]["config.json"]
    job = next(t.obj for t in dist_tasks() if t.kind == "Job" and "generate-secrets" in t.name)
    command = job["spec"]["template"]["spec"]["containers"][0]["command"]
    assert command[0] == "python" and command[1].startswith("/scripts/")
    script = ROOT / "jobs" / Path(command[1]).name
    token = api.call(
        "POST",
        api.url("ServiceAccount", job["spec"]["template"]["spec"]["serviceAccountName"]) + "/token",
        body={"apiVersion": "authentication.k8s.io/v1", "kind": "TokenRequest", "spec": {}},
    ).json()["status"]["token"]
    (tmp_path / "token").write_text(token)
    (tmp_path / "config.json").write_text(config)
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "GENERATE_SECRETS_CONFIG": str(tmp_path / "config.json"),
        "KUBE_API_URL": api.server.url,
        "KUBE_TOKEN_FILE": str(tmp_path / "token"),
        "KUBE_CA_FILE": str(api.server.ca_file),
        "KUBE_NAMESPACE": NS,
    }
    done = subprocess.run(
        [str(job_python()), str(script)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, f"generate-secrets hook failed:\n{done.stdout}\n{done.stderr}"


def argocd_sync(api: Api, tmp_path: Path, check: Any) -> list[str]:
    """One sync of dist/bitnami-legacy; `check()` runs after every write. Returns a log."""
    manager = migration_manager()
    log = [f"client-side-apply migration manager: {manager}"]
    api.lenient = True
    for task in dist_tasks():
        if task.hook:
            # BeforeHookCreation: the previous hook object goes, the new one is created.
            api.delete(task.kind, task.name)
            api.create(task.obj, ARGOCD)
            if task.name == "mlflow-generate-secrets":
                run_generate_secrets_hook(api, tmp_path)
                log.append(f"hook {task.kind}/{task.name}: created and run")
            else:
                # The others talk to S3 or PostgreSQL, not to this API; their own tests run them.
                log.append(f"hook {task.kind}/{task.name}: created, not run here")
            check(f"after hook {task.kind}/{task.name}")
            continue
        live = api.get(task.kind, task.name)
        if live is not None:
            patch = csa_migration_patch(live, manager)
            if patch:
                api.json_patch(task.kind, task.name, patch)
                log.append(f"migrated {task.kind}/{task.name} from {manager}")
        api.apply(tracked(task), ARGOCD)
        log.append(f"applied {task.kind}/{task.name} (wave {task.wave})")
        check(f"after {task.kind}/{task.name}")
    api.lenient = False
    return log


# --- the runbook ------------------------------------------------------------------------------


def runbook_commands() -> list[str]:
    """The `kubectl -n mlflow delete ...` lines of the README's runbook, in order."""
    text = README.read_text()
    start = text.index("## Moving a Helm release to Argo CD")
    end = text.find("\n## ", start + 1)
    section = text[start : end if end != -1 else None]
    return [
        line.strip()
        for line in section.splitlines()
        if line.strip().startswith(f"kubectl -n {NS} delete ")
    ]


def run_runbook(api: Api, check: Any) -> set[tuple[str, str]]:
    """Run each runbook delete; returns the (kind, name) it deleted."""
    deleted: set[tuple[str, str]] = set()
    commands = runbook_commands()
    assert commands, "README: no `kubectl -n mlflow delete` step in the runbook"
    for command in commands:
        words = command.split()[4:]
        if words[0] in _KUBECTL_KINDS and "-l" in words:
            kind = _KUBECTL_KINDS[words[0]]
            selector = words[words.index("-l") + 1]
            targets = [(kind, o["metadata"]["name"]) for o in api.items(kind, selector)]
            assert targets, f"{command}: selects nothing"
        else:
            targets = []
            for word in words:
                assert "/" in word, f"{command}: write each object as kind/name"
                kind_word, name = word.split("/", 1)
                targets.append((_KUBECTL_KINDS[kind_word], name))
        for kind, name in targets:
            assert api.get(kind, name) is not None, f"{command}: {kind}/{name} does not exist"
            api.delete(kind, name)
            deleted.add((kind, name))
            check(f"after runbook delete {kind}/{name}")
    return deleted


# --- checks ------------------------------------------------------------------------------------


def secret_values(api: Api) -> dict[str, dict[str, str]]:
    result = {}
    for name in [*SECRET_VALUES, *OPERATOR_SECRETS]:
        data = api.must_get("Secret", name).get("data") or {}
        result[name] = {k: base64.b64decode(v).decode() for k, v in data.items()}
    return result


def ingress_claims(api: Api) -> list[str]:
    """Ingresses that route HOST + PATH."""
    names = []
    for ingress in api.items("Ingress"):
        for rule in ingress["spec"].get("rules") or []:
            paths = ((rule.get("http") or {}).get("paths")) or []
            if rule.get("host") == HOST and any(p.get("path") == PATH for p in paths):
                names.append(ingress["metadata"]["name"])
    return names


def _strip(obj: dict[str, Any]) -> dict[str, Any]:
    """What a comparison of two objects' intent should see: no server-kept metadata."""
    obj = copy.deepcopy(obj)
    obj.pop("status", None)
    meta = obj["metadata"]
    for key in (
        "managedFields",
        "resourceVersion",
        "uid",
        "creationTimestamp",
        "generation",
        "name",
        "namespace",
    ):
        meta.pop(key, None)
    (meta.get("annotations") or {}).pop(TRACKING, None)
    if not meta.get("annotations"):
        meta.pop("annotations", None)
    if obj["kind"] == "Service":
        for key in ("clusterIP", "clusterIPs"):
            obj["spec"].pop(key, None)
    return obj


@pytest.fixture
def adoption(kube_apiserver: KubeCluster) -> Iterator[Api]:  # noqa: F811
    api = Api(kube_apiserver.api)
    existing = api.call("GET", api.url("Namespace", NS), allow=(404,))
    assert existing.status_code == 404, "namespace mlflow exists: this test owns it"
    yield api


def check_statefulset(api: Api, claim_uid: str) -> None:
    """The StatefulSet is exactly what dist/ renders (nothing of the chart's template left
    over), mounts the chart's claim where the chart kept the data, and its next pod passes
    admission and is selected by the database Services."""
    live = api.must_get("StatefulSet", "mlflow-postgresql")
    probe = copy.deepcopy(next(t.obj for t in dist_tasks() if t.kind == "StatefulSet"))
    probe["metadata"]["name"] = "adoption-probe"
    defaulted = api.create(probe, ARGOCD, dry_run=True)
    assert _strip(live)["spec"] == _strip(defaulted)["spec"], "chart fields left over"
    assert _strip(live)["metadata"] == _strip(defaulted)["metadata"]

    claims = claims_of(live)
    assert list(claims) == [CLAIM]
    claim = api.must_get("PersistentVolumeClaim", CLAIM)
    assert claim["metadata"]["uid"] == claim_uid
    for key in ("storageClassName", "resources", "accessModes"):
        assert claims[CLAIM]["spec"][key] == claim["spec"][key], key
    chart = next(o for o in chart_objects() if o["kind"] == "StatefulSet")

    def data_dir(sts: dict[str, Any]) -> tuple[str, str]:
        container = sts["spec"]["template"]["spec"]["containers"][0]
        mount = next(m for m in container["volumeMounts"] if m["name"] == "data")
        pgdata = next(e["value"] for e in container["env"] if e["name"] == "PGDATA")
        return mount["mountPath"].rstrip("/"), pgdata

    assert data_dir(live) == data_dir(chart)

    # After the hand-over: its ServiceAccount, Secrets and ConfigMaps exist.
    pod = api.create(pod_from(live, "adoption-probe-0"), "kube-controller-manager", dry_run=True)
    for name in DB_SERVICES:
        selector = api.must_get("Service", name)["spec"]["selector"]
        assert selector.items() <= pod["metadata"]["labels"].items()
    for volume in pod["spec"]["volumes"]:
        if "configMap" in volume:
            api.must_get("ConfigMap", volume["configMap"]["name"])
        if "secret" in volume:
            api.must_get("Secret", volume["secret"]["secretName"])


def _selects(selector: dict[str, str], labels: dict[str, str]) -> bool:
    return bool(selector) and selector.items() <= labels.items()


def check_servers_apart(api: Api) -> None:
    """While both servers run (before the hand-over), neither's Deployment, Service, PDB or
    NetworkPolicy selects the other's pods: no ReplicaSet adopts the other's pods, and the
    chart's policies do not reach the overlay's server."""
    chart = {(o["kind"], o["metadata"]["name"]): o for o in chart_objects()}
    ours = {(t.kind, t.name): t.obj for t in dist_tasks()}
    chart_pods = [
        o["spec"]["template"]["metadata"]["labels"]
        for o in chart.values()
        if o["kind"] == "Deployment"
    ]
    our_pods = [
        o["spec"]["template"]["metadata"]["labels"]
        for o in ours.values()
        if o["kind"] == "Deployment"
    ]
    assert chart_pods and our_pods

    def selector(obj: dict[str, Any]) -> dict[str, str]:
        spec = obj["spec"]
        if obj["kind"] == "Service":
            return dict(spec.get("selector") or {})
        found = spec.get("selector") or spec.get("podSelector") or {}
        return dict(found.get("matchLabels") or {})

    kinds = {"Deployment", "Service", "PodDisruptionBudget", "NetworkPolicy"}
    for key in chart:
        if key[0] in kinds and key not in ours:
            live = api.must_get(*key)
            assert not any(_selects(selector(live), pod) for pod in our_pods), key
    for key, obj in ours.items():
        if obj["kind"] in {"Deployment", "Service"} and key not in chart:
            assert not any(_selects(selector(obj), pod) for pod in chart_pods), key


def check_ingress(api: Api) -> None:
    """The chart's Ingress, adopted: its name and certificate Secret, dist/'s spec."""
    ingress = api.must_get("Ingress", ingress_claims(api)[0])
    assert ingress["metadata"]["name"] == "mlflow-tracking"
    # It switches to the new server only after the wave that makes that server healthy.
    [task] = [t for t in dist_tasks() if t.kind == "Ingress"]
    assert all(task.wave > t.wave for t in dist_tasks() if t.kind == "Deployment")
    assert [t["secretName"] for t in ingress["spec"]["tls"]] == [CHART_TLS_SECRET]
    probe = copy.deepcopy(next(t.obj for t in dist_tasks() if t.kind == "Ingress"))
    probe["metadata"]["name"] = "adoption-probe"
    assert _strip(ingress) == _strip(api.create(probe, ARGOCD, dry_run=True))


def check_accounted(api: Api, deleted: set[tuple[str, str]]) -> None:
    """Every object of the chart: adopted, kept on purpose, or deleted by the runbook."""
    rendered_keys = {(t.kind, t.name) for t in dist_tasks()}
    chart_keys = {(o["kind"], o["metadata"]["name"]) for o in chart_objects()}
    adopted = chart_keys & rendered_keys
    assert adopted == {
        ("StatefulSet", "mlflow-postgresql"),
        ("Service", "mlflow-postgresql"),
        ("Service", "mlflow-postgresql-hl"),
        ("Ingress", "mlflow-tracking"),
    }
    assert chart_keys - rendered_keys == set(KEPT) | set(DELETED_BY_RUNBOOK)
    release_records = {("Secret", f"sh.helm.release.v1.{RELEASE}.v1")}
    assert deleted == set(DELETED_BY_RUNBOOK) | release_records, deleted
    for kind, name in KEPT:
        api.must_get(kind, name)
    for kind, name in [*DELETED_BY_RUNBOOK, *release_records]:
        assert api.get(kind, name) is None
    assert api.items("Secret", "owner=helm") == []
    # No Helm ownership left on the adopted objects: Argo CD alone manages their fields.
    for kind, name in adopted:
        meta = api.must_get(kind, name)["metadata"]
        assert "meta.helm.sh/release-name" not in (meta.get("annotations") or {}), (kind, name)
        assert (meta.get("labels") or {}).get("app.kubernetes.io/managed-by") != "Helm"
        assert {e["manager"] for e in meta["managedFields"]} == {ARGOCD}, (kind, name)


@pytest.mark.servers
def test_first_sync_adopts_the_helm_release_in_place(adoption: Api, tmp_path: Path) -> None:
    api = adoption
    before = helm_install(api)
    secrets_before = secret_values(api)
    db_pod = api.must_get("Pod", DB_POD)
    problems: list[str] = []

    def check(step: str) -> None:
        """What must hold after every write; collected, so one run shows every problem."""
        labels = db_pod["metadata"]["labels"]
        for name in DB_SERVICES:
            selector = api.must_get("Service", name)["spec"].get("selector") or {}
            missing = {k: v for k, v in selector.items() if labels.get(k) != v}
            if not selector or missing:
                problems.append(
                    f"{step}: Service {name} selects {missing or 'nothing'}, which the running "
                    "PostgreSQL pod does not carry: MLflow loses its database"
                )
        claims = ingress_claims(api)
        if len(claims) != 1:
            problems.append(f"{step}: Ingresses routing {HOST}{PATH}: {claims}")
        if secret_values(api) != secrets_before:
            problems.append(f"{step}: a Secret value changed")

    check("helm install")
    log = argocd_sync(api, tmp_path, check)
    print("\n".join(log))
    assert not api.errors + problems, "\n".join(["", *api.errors, *problems])
    check_servers_apart(api)
    deleted = run_runbook(api, check)
    assert not problems, "\n".join(["", *problems])
    check_statefulset(api, before["claim_uid"])
    check_ingress(api)
    check_accounted(api, deleted)
