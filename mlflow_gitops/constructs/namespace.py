"""The namespace the overlay installs into."""

from __future__ import annotations

from cdk8s_plus_35 import k8s
from constructs import Construct

from mlflow_gitops.constructs.meta import Identity
from mlflow_gitops.constructs.ordering import KEEP


class MlflowNamespace(Construct):
    def __init__(self, scope: Construct, id: str, *, identity: Identity) -> None:
        super().__init__(scope, id)
        k8s.KubeNamespace(
            self,
            "namespace",
            metadata=identity.metadata(
                identity.namespace, "namespace", cluster_scoped=True, annotations=KEEP
            ),
        )
