"""A CiliumNetworkPolicy around the MLflow server (seed 002).

In: only from the Gateway (Cilium's Envoy, the reserved ``ingress`` identity) and, when an
auth proxy fronts the UI, from its pods. Out: only the database pods and DNS. Cilium
admits the node's own traffic (kubelet probes) by default.
"""

from __future__ import annotations

from constructs import Construct

from mlflow_gitops.config import CiliumPolicy
from mlflow_gitops.constructs.database import DatabaseEndpoint
from mlflow_gitops.constructs.handles import Backend
from mlflow_gitops.constructs.meta import Identity

COMPONENT = "network-policy"
NAMESPACE_LABEL = "k8s:io.kubernetes.pod.namespace"
# The label Authentik's Kubernetes integration puts on outpost pods.
OUTPOST_LABEL = "goauthentik.io/outpost-name"


class CiliumServerPolicy(Construct):
    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        identity: Identity,
        settings: CiliumPolicy,
        database: DatabaseEndpoint,
        ui: Backend | None,
        server_port: int,
    ) -> None:
        super().__init__(scope, id)
        # Generated classes load where they are used: only an overlay with one pays for them.
        from mlflow_gitops.imports.cilium_networkpolicy import (
            CiliumNetworkPolicy,
            CiliumNetworkPolicySpec,
            CiliumNetworkPolicySpecEgress,
            CiliumNetworkPolicySpecEgressToEndpoints,
            CiliumNetworkPolicySpecEgressToPorts,
            CiliumNetworkPolicySpecEgressToPortsPorts,
            CiliumNetworkPolicySpecEgressToPortsPortsProtocol,
            CiliumNetworkPolicySpecEgressToPortsRules,
            CiliumNetworkPolicySpecEgressToPortsRulesDns,
            CiliumNetworkPolicySpecEndpointSelector,
            CiliumNetworkPolicySpecIngress,
            CiliumNetworkPolicySpecIngressFromEndpoints,
            CiliumNetworkPolicySpecIngressFromEntities,
            CiliumNetworkPolicySpecIngressToPorts,
            CiliumNetworkPolicySpecIngressToPortsPorts,
            CiliumNetworkPolicySpecIngressToPortsPortsProtocol,
        )

        def _tcp_in(port: int) -> list[CiliumNetworkPolicySpecIngressToPorts]:
            return [
                CiliumNetworkPolicySpecIngressToPorts(
                    ports=[
                        CiliumNetworkPolicySpecIngressToPortsPorts(
                            port=str(port),
                            protocol=CiliumNetworkPolicySpecIngressToPortsPortsProtocol.TCP,
                        )
                    ]
                )
            ]

        ingress: list[CiliumNetworkPolicySpecIngress] = []
        if settings.allow_gateway:
            ingress.append(
                CiliumNetworkPolicySpecIngress(
                    from_entities=[CiliumNetworkPolicySpecIngressFromEntities.INGRESS],
                    to_ports=_tcp_in(server_port),
                )
            )
        if ui is not None:
            # The proxy's pods: any pod of the namespace labelled as the outpost.
            ingress.append(
                CiliumNetworkPolicySpecIngress(
                    from_endpoints=[
                        CiliumNetworkPolicySpecIngressFromEndpoints(
                            match_labels={
                                NAMESPACE_LABEL: identity.namespace,
                                OUTPOST_LABEL: ui.service.removeprefix("ak-outpost-"),
                            }
                        )
                    ],
                    to_ports=_tcp_in(server_port),
                )
            )
        egress = [
            CiliumNetworkPolicySpecEgress(
                to_endpoints=[
                    CiliumNetworkPolicySpecEgressToEndpoints(
                        match_labels={
                            NAMESPACE_LABEL: settings.dns_namespace,
                            **{f"k8s:{k}": v for k, v in sorted(settings.dns_labels.items())},
                        }
                    )
                ],
                to_ports=[
                    CiliumNetworkPolicySpecEgressToPorts(
                        ports=[
                            CiliumNetworkPolicySpecEgressToPortsPorts(
                                port="53",
                                protocol=CiliumNetworkPolicySpecEgressToPortsPortsProtocol.ANY,
                            )
                        ],
                        rules=CiliumNetworkPolicySpecEgressToPortsRules(
                            dns=[CiliumNetworkPolicySpecEgressToPortsRulesDns(match_pattern="*")]
                        ),
                    )
                ],
            )
        ]
        if database.pod_labels is not None:
            egress.append(
                CiliumNetworkPolicySpecEgress(
                    to_endpoints=[
                        CiliumNetworkPolicySpecEgressToEndpoints(
                            match_labels={
                                NAMESPACE_LABEL: identity.namespace,
                                **dict(database.pod_labels),
                            }
                        )
                    ],
                    to_ports=[
                        CiliumNetworkPolicySpecEgressToPorts(
                            ports=[
                                CiliumNetworkPolicySpecEgressToPortsPorts(
                                    port=str(database.port),
                                    protocol=CiliumNetworkPolicySpecEgressToPortsPortsProtocol.TCP,
                                )
                            ]
                        )
                    ],
                )
            )
        CiliumNetworkPolicy(
            self,
            "policy",
            metadata=identity.crd_metadata(identity.app, COMPONENT),
            spec=CiliumNetworkPolicySpec(
                # The server pods, by the selector its Service uses.
                endpoint_selector=CiliumNetworkPolicySpecEndpointSelector(
                    match_labels={"app": identity.app}
                ),
                ingress=ingress,
                egress=egress,
            ),
        )
