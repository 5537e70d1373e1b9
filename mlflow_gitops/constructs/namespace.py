"""The namespace the overlay installs into."""

from __future__ import annotations

from cdk8s_plus_35 import k8s
from constructs import Construct

from mlflow_gitops.constructs.meta import Identity
from mlflow_gitops.constructs.ordering import KEEP

# Every pod the overlays render meets the "restricted" Pod Security profile; the namespace
# enforces it (and warns and audits), whether it is rendered or created by Argo CD.
POD_SECURITY_LABELS = {
    f"pod-security.kubernetes.io/{mode}": "restricted" for mode in ("enforce", "warn", "audit")
}


class MlflowNamespace(Construct):
    def __init__(self, scope: Construct, id: str, *, identity: Identity) -> None:
        super().__init__(scope, id)
        k8s.KubeNamespace(
            self,
            "namespace",
            metadata=identity.metadata(
                identity.namespace,
                "namespace",
                cluster_scoped=True,
                labels=POD_SECURITY_LABELS,
                annotations=KEEP,
            ),
        )
