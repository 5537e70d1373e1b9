"""Init containers that hold the MLflow server until what it needs answers on its port.

Bounded: each waits ``retries`` x ``interval`` seconds at most, then fails the pod with a
one-line reason, and Kubernetes restarts it with back-off. Only bash's ``/dev/tcp`` is
used, so any image with bash does (the Bitnami chart uses its os-shell image).
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from cdk8s_plus_35 import k8s
from constructs import Construct

from mlflow_gitops.config import DependencyWait, Resources
from mlflow_gitops.constructs.pods import container_security, requirements
from mlflow_gitops.constructs.wiring import ServerWiring

_SCRIPT = """\
host="$1"; port="$2"; retries="$3"; interval="$4"
for attempt in $(seq 1 "$retries"); do
  if timeout 5 bash -c "exec 3<>/dev/tcp/$host/$port" 2>/dev/null; then
    echo "$host:$port answers (attempt $attempt)"; exit 0
  fi
  sleep "$interval"
done
echo "$host:$port did not answer after $retries attempts" >&2; exit 1
"""

_RESOURCES = requirements(
    Resources(requests_cpu="10m", requests_memory="16Mi", limits_cpu="100m", limits_memory="64Mi")
)


@dataclass(frozen=True)
class WaitTarget:
    name: str  # the init container is wait-for-<name>
    host: str
    port: int

    @classmethod
    def from_url(cls, name: str, url: str) -> WaitTarget:
        parts = urlsplit(url)
        default = 443 if parts.scheme == "https" else 80
        return cls(name, parts.hostname or "", parts.port or default)


class DependencyWaits(Construct):
    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        settings: DependencyWait,
        targets: tuple[WaitTarget, ...],
    ) -> None:
        super().__init__(scope, id)
        self._settings = settings
        self._targets = targets

    @property
    def wiring(self) -> ServerWiring:
        s = self._settings
        return ServerWiring(
            init_containers=tuple(
                k8s.Container(
                    name=f"wait-for-{target.name}",
                    image=s.image.reference,
                    image_pull_policy=s.image.pull_policy,
                    command=["bash", "-ec", _SCRIPT, "wait"],
                    args=[target.host, str(target.port), str(s.retries), str(s.interval_seconds)],
                    resources=_RESOURCES,
                    security_context=container_security(),
                )
                for target in self._targets
            )
        )
