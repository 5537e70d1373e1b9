"""Who talks to whom: the peers each option declares, from which the network policies derive.

An option says which pods it runs in the namespace (``Pods``) and what a client needs to
reach it (``Need``); the chart turns those into ``Flow``s (source, destination, ports), and
the policy constructs render every flow as an egress rule on its source and an ingress rule
on its destination, wherever that end is a pod of the namespace.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal
from urllib.parse import urlsplit

NAMESPACE_NAME = "kubernetes.io/metadata.name"  # set by the API server on every Namespace
JOB_NAME = "batch.kubernetes.io/job-name"  # set by the Job controller on a Job's pods


@dataclass(frozen=True)
class Port:
    number: int
    protocol: Literal["TCP", "UDP"] = "TCP"


def tcp(*numbers: int) -> tuple[Port, ...]:
    return tuple(Port(number) for number in numbers)


@dataclass(frozen=True)
class Pods:
    """Pods of the overlay's namespace: a workload the policies are written for."""

    name: str  # names its NetworkPolicy, e.g. "server", "mlflow-migrate"
    labels: Mapping[str, str] = field(hash=False)


@dataclass(frozen=True)
class NamespacePods:
    """Pods of other namespaces: namespaces by labels ({} is every one), pods by labels."""

    namespace_labels: Mapping[str, str] = field(hash=False)
    pod_labels: Mapping[str, str] | None = field(default=None, hash=False)
    # What Cilium calls the same peer when it has a name for it (its Envoy: "ingress").
    cilium_entity: str | None = None


@dataclass(frozen=True)
class Addresses:
    """A peer known only by address: outside the cluster, or a Service of unknown pods.

    ``role`` is the key of the overlay's ``network.egress_cidrs``; without CIDRs there, any
    address on the flow's ports.
    """

    role: Literal["database", "object-store", "identity-provider", "kubernetes-api", "upstream"]
    cilium_entity: str | None = None
    # Addresses that are the same in every cluster (GKE's metadata server); these win over
    # the overlay's CIDRs for the role.
    fixed: tuple[str, ...] = ()


Peer = Pods | NamespacePods | Addresses


@dataclass(frozen=True)
class Need:
    """What a client needs to reach an option: a destination and its ports."""

    destination: Peer
    ports: tuple[Port, ...]


@dataclass(frozen=True)
class Flow:
    source: Peer
    destination: Peer
    ports: tuple[Port, ...]


def flows_from(source: Peer, needs: tuple[Need, ...]) -> tuple[Flow, ...]:
    return tuple(Flow(source, need.destination, need.ports) for need in needs)


def namespace(name: str) -> dict[str, str]:
    return {NAMESPACE_NAME: name}


def job_pods(name: str) -> Pods:
    """A Job's pods, by the label the Job controller gives them (Kubernetes >= 1.27)."""
    return Pods(name, {JOB_NAME: name})


KUBERNETES_API = Need(
    # The API Service's port (443) is rewritten to the endpoint's (often 6443) before a
    # policy sees the packet, so both are allowed.
    Addresses("kubernetes-api", cilium_entity="kube-apiserver"),
    tcp(443, 6443),
)


def reach_url(
    role: Literal["database", "object-store", "identity-provider", "upstream"],
    url: str,
) -> Need:
    """A Need for a URL: the pods of ``<service>.<namespace>.svc`` hosts, else an address."""
    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    return reach_host(role, parts.hostname or "", port)


def reach_host(
    role: Literal["database", "object-store", "identity-provider", "upstream"],
    host: str,
    port: int,
) -> Need:
    # An in-cluster Service name gives its namespace; its pods are assumed to listen on the
    # Service's port (a policy sees the pod's port, after the Service's translation).
    labels = host.split(".")
    if len(labels) >= 3 and labels[2] == "svc":
        return Need(NamespacePods(namespace(labels[1])), tcp(port))
    return Need(Addresses(role), tcp(port))
