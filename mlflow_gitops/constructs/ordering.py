"""Argo CD sync waves: every object gets a deliberate place in the order of a sync.

Argo CD applies wave by wave, low to high, and moves on only when a wave is healthy:
namespace first, then what pods read (identities, Secrets, configuration, claims,
certificates, policies), then databases, then the bootstrap Jobs (hooks, waves of their
own), then the schema migrations, and the MLflow server with its exposure last.
"""

from __future__ import annotations

import cdk8s
from constructs import Construct

SYNC_WAVE = "argocd.argoproj.io/sync-wave"
SYNC_OPTIONS = "argocd.argoproj.io/sync-options"
# Objects that hold data: never pruned when dropped from Git, never deleted with the app.
KEEP = {SYNC_OPTIONS: "Delete=false,Prune=false"}

NAMESPACE_WAVE = -10
PREREQUISITE_WAVE = -5
# Bootstrap Jobs (hooks) carry their own waves: the generate-secrets Job before anything
# reads its Secrets, databases included; the setup Jobs after the databases, before the server.
GENERATE_SECRETS_WAVE = -4
DATABASE_WAVE = -3
# A policy that copies generated Secrets into other namespaces: Kyverno copies for the
# namespaces already labelled once, when the policy is created, so the sources must exist.
SECRET_COPY_WAVE = GENERATE_SECRETS_WAVE + 1
SETUP_WAVE = 0
# The migration Job (a Sync hook): after the databases and the setup Jobs (wave 0) that create
# logins and databases, before the server, so a new image never starts on an old schema.
MIGRATION_WAVE = 5
SERVER_WAVE = 10

_WAVES: dict[str, int] = {
    "Namespace": NAMESPACE_WAVE,
    "ServiceAccount": PREREQUISITE_WAVE,
    "Role": PREREQUISITE_WAVE,
    "RoleBinding": PREREQUISITE_WAVE,
    "ClusterRole": PREREQUISITE_WAVE,
    "ClusterRoleBinding": PREREQUISITE_WAVE,
    "ConfigMap": PREREQUISITE_WAVE,
    "Secret": PREREQUISITE_WAVE,
    "ExternalSecret": PREREQUISITE_WAVE,
    "ClusterExternalSecret": PREREQUISITE_WAVE,
    "OnePasswordItem": PREREQUISITE_WAVE,
    "PersistentVolumeClaim": PREREQUISITE_WAVE,
    "ClusterIssuer": PREREQUISITE_WAVE,
    "Certificate": PREREQUISITE_WAVE,
    "NetworkPolicy": PREREQUISITE_WAVE,
    "CiliumNetworkPolicy": PREREQUISITE_WAVE,
    "GeneratingPolicy": SECRET_COPY_WAVE,
    "MutatingPolicy": PREREQUISITE_WAVE,
    "Cluster": DATABASE_WAVE,
    "StatefulSet": DATABASE_WAVE,
    "Deployment": SERVER_WAVE,
    "Service": SERVER_WAVE,
    "Ingress": SERVER_WAVE,
    "HTTPRoute": SERVER_WAVE,
}


class UnorderedKindError(Exception):
    pass


def assign_sync_waves(scope: Construct) -> None:
    """Annotate every API object below ``scope`` that has no wave yet, by its kind."""
    for child in scope.node.find_all():
        if not isinstance(child, cdk8s.ApiObject):
            continue
        if SYNC_WAVE in (child.metadata.to_json().get("annotations") or {}):
            continue
        if child.kind not in _WAVES:
            raise UnorderedKindError(
                f"{child.kind} {child.name}: no sync wave for this kind. "
                "Fix: add it to mlflow_gitops/constructs/ordering.py"
            )
        child.metadata.add_annotation(SYNC_WAVE, str(_WAVES[child.kind]))
