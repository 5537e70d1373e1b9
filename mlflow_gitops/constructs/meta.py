"""Names, labels and metadata shared by every object of one overlay."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import cdk8s
from cdk8s_plus_35 import k8s

MANAGED_BY = "mlflow-gitops"


@dataclass(frozen=True)
class Identity:
    """Who the objects belong to: the app name, the overlay and the namespace."""

    app: str
    overlay: str
    namespace: str

    @property
    def instance(self) -> str:
        return f"{self.app}-{self.overlay}"

    def labels(self, component: str) -> dict[str, str]:
        # The recommended labels (kubernetes.io/docs: common labels), on every object.
        return {
            "app.kubernetes.io/name": self.app,
            "app.kubernetes.io/instance": self.instance,
            "app.kubernetes.io/component": component,
            "app.kubernetes.io/part-of": self.app,
            "app.kubernetes.io/managed-by": MANAGED_BY,
        }

    def metadata(
        self,
        name: str,
        component: str,
        *,
        cluster_scoped: bool = False,
        labels: Mapping[str, str] | None = None,
        annotations: Mapping[str, str] | None = None,
    ) -> k8s.ObjectMeta:
        """Namespaced unless told otherwise: cluster-scoped objects never carry a namespace."""
        return k8s.ObjectMeta(
            name=name,
            namespace=None if cluster_scoped else self.namespace,
            labels={**self.labels(component), **(labels or {})},
            annotations=dict(annotations) if annotations else None,
        )

    def crd_metadata(
        self,
        name: str,
        component: str,
        *,
        cluster_scoped: bool = False,
        annotations: Mapping[str, str] | None = None,
    ) -> cdk8s.ApiObjectMetadata:
        """The same metadata for custom resources, whose classes take cdk8s's own type."""
        meta = self.metadata(
            name, component, cluster_scoped=cluster_scoped, annotations=annotations
        )
        return cdk8s.ApiObjectMetadata(
            name=meta.name,
            namespace=meta.namespace,
            labels=meta.labels,
            annotations=meta.annotations,
        )
