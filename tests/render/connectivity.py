"""Is this packet allowed? Asked of Cyclonus (tools/install/57_cyclonus.sh), which evaluates
Kubernetes NetworkPolicies offline, as the API defines them, with no cluster.

A pod is a namespace (with its labels) and pod labels; an address outside the cluster is an
IP. ``allowed`` writes the policies and the packets to a folder, runs ``cyclonus analyze
--mode query-traffic`` and reads its verdict per packet, in order.
"""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CYCLONUS = ROOT / ".cache" / "bin" / "cyclonus"
NAMESPACE_NAME = "kubernetes.io/metadata.name"


@dataclass(frozen=True)
class Pod:
    namespace: str
    labels: Mapping[str, str] = field(hash=False)
    namespace_labels: Mapping[str, str] = field(default_factory=dict, hash=False)
    ip: str = "10.0.0.1"

    def as_peer(self) -> dict[str, object]:
        return {
            "Internal": {
                "PodLabels": dict(self.labels),
                # The API server labels every Namespace with its name.
                "NamespaceLabels": {NAMESPACE_NAME: self.namespace, **self.namespace_labels},
                "Namespace": self.namespace,
            },
            "IP": self.ip,
        }


@dataclass(frozen=True)
class Address:
    ip: str

    def as_peer(self) -> dict[str, object]:
        return {"IP": self.ip}


@dataclass(frozen=True)
class Packet:
    source: Pod | Address
    destination: Pod | Address
    port: int
    protocol: str = "TCP"


_VERDICT = re.compile(r"^\| IS ALLOWED\? \|\s+(TRUE|FALSE)\s+\|", re.MULTILINE)


def allowed(
    policies: Sequence[Mapping[str, object]], packets: Sequence[Packet], workdir: Path
) -> list[bool]:
    """Cyclonus's verdict for each packet under these NetworkPolicies."""
    folder = workdir / "policies"
    folder.mkdir(parents=True, exist_ok=True)
    for index, policy in enumerate(policies):
        (folder / f"{index:03d}.json").write_text(json.dumps(policy), encoding="utf-8")
    traffic = workdir / "traffic.json"
    traffic.write_text(
        json.dumps(
            [
                {
                    "Source": p.source.as_peer(),
                    "Destination": p.destination.as_peer(),
                    "Protocol": p.protocol,
                    "ResolvedPort": p.port,
                    "ResolvedPortName": "",
                }
                for p in packets
            ]
        ),
        encoding="utf-8",
    )
    result = subprocess.run(
        [
            str(CYCLONUS),
            "analyze",
            "--mode",
            "query-traffic",
            "--policy-path",
            str(folder),
            "--traffic-path",
            str(traffic),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    verdicts = [match == "TRUE" for match in _VERDICT.findall(result.stdout)]
    assert len(verdicts) == len(packets), result.stdout[-2000:] + result.stderr[-2000:]
    return verdicts
