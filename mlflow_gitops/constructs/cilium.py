"""CiliumNetworkPolicies for the peers only Cilium can name (docs/overlays/authentik.md), beside the
core set.

Cilium enforces the namespace's core NetworkPolicies (network_policy.py) and adds up every
policy that selects a pod, so these carry only what a core policy cannot say: traffic from
Cilium's own Envoy (Gateway API, Ingress), which carries the reserved ``ingress`` identity
rather than a pod's, and traffic to the Kubernetes API, the ``kube-apiserver`` entity.
Each is derived from the same flows as the core policies: which pods the Gateway routes to
(the Authentik outpost, by the label the auth option declares), which pods call the API.
Cilium admits the node's own traffic (kubelet probes) by default.
"""

from __future__ import annotations

from constructs import Construct

from mlflow_gitops.config import CiliumPolicy
from mlflow_gitops.constructs.meta import Identity
from mlflow_gitops.constructs.network_policy import WorkloadPolicy
from mlflow_gitops.constructs.peers import Addresses, NamespacePods, Port

COMPONENT = "network-policy"


def _entity(peer: object, settings: CiliumPolicy) -> str | None:
    if isinstance(peer, NamespacePods) and peer.cilium_entity == "ingress":
        return peer.cilium_entity if settings.allow_gateway else None
    if isinstance(peer, Addresses | NamespacePods):
        return peer.cilium_entity
    return None


class CiliumEntityPolicies(Construct):
    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        identity: Identity,
        settings: CiliumPolicy,
        policies: tuple[WorkloadPolicy, ...],
    ) -> None:
        super().__init__(scope, id)
        # Generated classes load where they are used: only an overlay with one pays for them.
        from mlflow_gitops.imports.cilium_networkpolicy import (
            CiliumNetworkPolicy,
            CiliumNetworkPolicySpec,
            CiliumNetworkPolicySpecEgress,
            CiliumNetworkPolicySpecEgressToEntities,
            CiliumNetworkPolicySpecEgressToPorts,
            CiliumNetworkPolicySpecEgressToPortsPorts,
            CiliumNetworkPolicySpecEgressToPortsPortsProtocol,
            CiliumNetworkPolicySpecEndpointSelector,
            CiliumNetworkPolicySpecIngress,
            CiliumNetworkPolicySpecIngressFromEntities,
            CiliumNetworkPolicySpecIngressToPorts,
            CiliumNetworkPolicySpecIngressToPortsPorts,
            CiliumNetworkPolicySpecIngressToPortsPortsProtocol,
        )

        def in_ports(ports: tuple[Port, ...]) -> list[CiliumNetworkPolicySpecIngressToPorts]:
            return [
                CiliumNetworkPolicySpecIngressToPorts(
                    ports=[
                        CiliumNetworkPolicySpecIngressToPortsPorts(
                            port=str(p.number),
                            protocol=CiliumNetworkPolicySpecIngressToPortsPortsProtocol(p.protocol),
                        )
                        for p in ports
                    ]
                )
            ]

        def out_ports(ports: tuple[Port, ...]) -> list[CiliumNetworkPolicySpecEgressToPorts]:
            return [
                CiliumNetworkPolicySpecEgressToPorts(
                    ports=[
                        CiliumNetworkPolicySpecEgressToPortsPorts(
                            port=str(p.number),
                            protocol=CiliumNetworkPolicySpecEgressToPortsPortsProtocol(p.protocol),
                        )
                        for p in ports
                    ]
                )
            ]

        def enum_name(entity: str) -> str:
            return entity.upper().replace("-", "_HYPHEN_")

        for policy in policies:
            ingress = [
                CiliumNetworkPolicySpecIngress(
                    from_entities=[CiliumNetworkPolicySpecIngressFromEntities[enum_name(entity)]],
                    to_ports=in_ports(rule.ports),
                )
                for rule in policy.ingress
                if (entity := _entity(rule.peer, settings))
            ]
            egress = [
                CiliumNetworkPolicySpecEgress(
                    to_entities=[CiliumNetworkPolicySpecEgressToEntities[enum_name(entity)]],
                    to_ports=out_ports(rule.ports),
                )
                for rule in policy.egress
                if (entity := _entity(rule.peer, settings))
            ]
            if not (ingress or egress):
                continue
            CiliumNetworkPolicy(
                self,
                policy.pods.name,
                metadata=identity.crd_metadata(f"allow-{policy.pods.name}", COMPONENT),
                spec=CiliumNetworkPolicySpec(
                    endpoint_selector=CiliumNetworkPolicySpecEndpointSelector(
                        match_labels=dict(sorted(policy.pods.labels.items()))
                    ),
                    ingress=ingress or None,
                    egress=egress or None,
                ),
            )
