"""The namespace's NetworkPolicies, derived from the flows the options declare (every overlay).

``default-deny`` selects every pod of the namespace for ingress and egress with no rule, so
a pod may send or receive only what an ``allow-<workload>`` policy names: each workload's
policy lists the flows it is an end of, plus DNS. Policies add up, never subtract, so a pod
nobody declared (a platform's sidecar Job, a leftover of a Helm release with policies of
its own) gets only what its own policies allow.

Kubelet probes are not subject to NetworkPolicy in the common CNIs (Calico, Cilium, GKE
Dataplane V2 admit the node's own traffic to its pods), so no rule admits them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from cdk8s_plus_35 import k8s
from constructs import Construct

from mlflow_gitops.config import Network
from mlflow_gitops.constructs.meta import Identity
from mlflow_gitops.constructs.peers import Addresses, Flow, NamespacePods, Pods, Port, namespace
from mlflow_gitops.errors import RenderError

COMPONENT = "network-policy"
DEFAULT_DENY = "default-deny"
DNS_PORTS = (Port(53, "UDP"), Port(53, "TCP"))


def dns_peer(network: Network) -> NamespacePods:
    return NamespacePods(namespace(network.dns_namespace), network.dns_labels)


@dataclass(frozen=True)
class Rule:
    """One rule of one workload's policy: the peer on the other end and the ports."""

    peer: Pods | NamespacePods | Addresses
    ports: tuple[Port, ...]


@dataclass(frozen=True)
class WorkloadPolicy:
    pods: Pods
    ingress: tuple[Rule, ...]
    egress: tuple[Rule, ...]


def workload_policies(flows: tuple[Flow, ...], network: Network) -> tuple[WorkloadPolicy, ...]:
    """Each pod group of the namespace with the rules of every flow it is an end of."""
    workloads: dict[str, Pods] = {}
    for flow in flows:
        for end in (flow.source, flow.destination):
            if isinstance(end, Pods):
                known = workloads.setdefault(end.name, end)
                if dict(known.labels) != dict(end.labels):
                    raise RenderError(
                        f"network: two pod groups are named {end.name!r} with different labels"
                    )
    dns = dns_peer(network)
    policies = []
    for name, pods in workloads.items():
        ingress: list[Rule] = []
        egress: list[Rule] = [Rule(dns, DNS_PORTS)]
        for flow in flows:
            if isinstance(flow.destination, Pods) and flow.destination.name == name:
                rule = Rule(flow.source, flow.ports)
                if rule not in ingress:
                    ingress.append(rule)
            if isinstance(flow.source, Pods) and flow.source.name == name:
                rule = Rule(flow.destination, flow.ports)
                if rule not in egress:
                    egress.append(rule)
        policies.append(WorkloadPolicy(pods, tuple(ingress), tuple(egress)))
    return tuple(policies)


def cidrs_of(peer: Addresses, network: Network) -> tuple[str, ...]:
    return peer.fixed or network.egress_cidrs.get(peer.role, ())


def _selector(labels: Mapping[str, str]) -> k8s.LabelSelector:
    return k8s.LabelSelector(match_labels=dict(sorted(labels.items())) or None)


def _peers(peer: Pods | NamespacePods | Addresses, network: Network) -> list[k8s.NetworkPolicyPeer]:
    """The rule's peers; empty: any address (the rule is then limited by its ports only)."""
    if isinstance(peer, Pods):
        return [k8s.NetworkPolicyPeer(pod_selector=_selector(peer.labels))]
    if isinstance(peer, NamespacePods):
        return [
            k8s.NetworkPolicyPeer(
                namespace_selector=_selector(peer.namespace_labels),
                pod_selector=_selector(peer.pod_labels) if peer.pod_labels is not None else None,
            )
        ]
    return [k8s.NetworkPolicyPeer(ip_block=k8s.IpBlock(cidr=c)) for c in cidrs_of(peer, network)]


def _ports(ports: tuple[Port, ...]) -> list[k8s.NetworkPolicyPort]:
    return [
        k8s.NetworkPolicyPort(port=k8s.IntOrString.from_number(p.number), protocol=p.protocol)
        for p in ports
    ]


class NamespaceNetworkPolicies(Construct):
    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        identity: Identity,
        network: Network,
        flows: tuple[Flow, ...],
    ) -> None:
        super().__init__(scope, id)
        used = {
            end.role
            for f in flows
            for end in (f.source, f.destination)
            if isinstance(end, Addresses)
        }
        in_use = ", ".join(sorted(used)) or "none"
        for role in sorted(set(network.egress_cidrs) - used):
            raise RenderError(
                f"overlays/{identity.overlay}.yaml: network.egress_cidrs.{role}: no peer of this "
                f"overlay is reached by that role (roles in use: {in_use}). Fix: remove the entry"
            )
        k8s.KubeNetworkPolicy(
            self,
            DEFAULT_DENY,
            metadata=identity.metadata(DEFAULT_DENY, COMPONENT),
            spec=k8s.NetworkPolicySpec(
                pod_selector=k8s.LabelSelector(),
                policy_types=["Ingress", "Egress"],
            ),
        )
        for policy in workload_policies(flows, network):
            k8s.KubeNetworkPolicy(
                self,
                policy.pods.name,
                metadata=identity.metadata(f"allow-{policy.pods.name}", COMPONENT),
                spec=k8s.NetworkPolicySpec(
                    pod_selector=_selector(policy.pods.labels),
                    policy_types=["Ingress", "Egress"],
                    ingress=[
                        k8s.NetworkPolicyIngressRule(
                            from_=_peers(rule.peer, network) or None, ports=_ports(rule.ports)
                        )
                        for rule in policy.ingress
                    ]
                    or None,
                    egress=[
                        k8s.NetworkPolicyEgressRule(
                            to=_peers(rule.peer, network) or None, ports=_ports(rule.ports)
                        )
                        for rule in policy.egress
                    ]
                    or None,
                ),
            )
