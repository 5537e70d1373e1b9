"""A Gateway API HTTPRoute on a Gateway the platform runs (docs/overlays/authentik.md); TLS ends at
the Gateway."""

from __future__ import annotations

from constructs import Construct

from mlflow_gitops.config import HttpRoute
from mlflow_gitops.constructs.handles import Backend, TlsHandle
from mlflow_gitops.constructs.meta import Identity
from mlflow_gitops.constructs.peers import NamespacePods, namespace

COMPONENT = "exposure"


class HttpRouteExposure(Construct):
    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        identity: Identity,
        settings: HttpRoute,
        tls: TlsHandle,
        ui: Backend,
        api: Backend,
    ) -> None:
        super().__init__(scope, id)
        self.backends = (ui,)
        # The Gateway's proxy pods; on Cilium its Envoy, which carries the `ingress` identity.
        self.sources = (
            NamespacePods(
                settings.proxy_namespace_labels or namespace(settings.gateway_namespace),
                cilium_entity="ingress",
            ),
        )
        # Generated classes load where they are used: only an overlay with one pays for them.
        from mlflow_gitops.imports.gateway_httproute import HttpRoute as HttpRouteObject
        from mlflow_gitops.imports.gateway_httproute import (
            HttpRouteSpec,
            HttpRouteSpecParentRefs,
            HttpRouteSpecRules,
            HttpRouteSpecRulesBackendRefs,
        )

        HttpRouteObject(
            self,
            "route",
            metadata=identity.crd_metadata(
                identity.app, COMPONENT, annotations=dict(tls.annotations) or None
            ),
            spec=HttpRouteSpec(
                parent_refs=[
                    HttpRouteSpecParentRefs(
                        name=settings.gateway_name,
                        namespace=settings.gateway_namespace,
                        section_name=settings.section_name,
                    )
                ],
                hostnames=[settings.host],
                rules=[
                    HttpRouteSpecRules(
                        backend_refs=[HttpRouteSpecRulesBackendRefs(name=ui.service, port=ui.port)]
                    )
                ],
            ),
        )
