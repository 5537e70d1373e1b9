"""The MLflow tracking server: its Deployment and Service, locked down by default."""

from __future__ import annotations

from dataclasses import dataclass

from cdk8s_plus_35 import k8s
from constructs import Construct

from mlflow_gitops.config import HttpProbe, Server
from mlflow_gitops.constructs.meta import Identity
from mlflow_gitops.constructs.peers import Pods
from mlflow_gitops.constructs.pods import container_security, pod_security_for, requirements
from mlflow_gitops.constructs.wiring import ServerWiring, plain

# The pod toolkit's defaults are re-exported for modules that still import them from here
# (bootstrap.py); new code imports mlflow_gitops.constructs.pods.
__all__ = [
    "HealthEndpoints",
    "MlflowServer",
    "container_security",
    "http_probe",
    "pod_security_for",
    "requirements",
    "server_pods",
]

COMPONENT = "server"
# A writable scratch directory; the root filesystem is read-only.
SCRATCH = k8s.Volume(name="tmp", empty_dir=k8s.EmptyDirVolumeSource(size_limit=None))


@dataclass(frozen=True)
class HealthEndpoints:
    """Where the server answers the kubelet: alive (cheap) and ready to serve."""

    live: str = "/health"
    ready: str = "/health"


def server_pods(identity: Identity) -> Pods:
    # docs/overlays/homelab.md: the Service selects app=mlflow.
    return Pods(identity.app, {"app": identity.app})


def http_probe(probe: HttpProbe, default_path: str, port: int) -> k8s.Probe:
    return k8s.Probe(
        http_get=k8s.HttpGetAction(
            path=probe.path or default_path, port=k8s.IntOrString.from_number(port)
        ),
        initial_delay_seconds=probe.initial_delay_seconds,
        timeout_seconds=probe.timeout_seconds,
        period_seconds=probe.period_seconds,
        failure_threshold=probe.failure_threshold,
    )


class MlflowServer(Construct):
    """``mlflow server`` with what the options wired in; the Service is its handle."""

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        identity: Identity,
        settings: Server,
        wiring: ServerWiring,
        allowed_hosts: tuple[str, ...],
        cors_origins: tuple[str, ...],
        health: HealthEndpoints,
    ) -> None:
        super().__init__(scope, id)
        self.service_name = identity.app
        self.port = settings.port
        selector = dict(server_pods(identity).labels)
        # MLflow >= 3.5 answers 403 to a Host header it does not know; older versions
        # ignore these, and their overlays pass none.
        host_check = (
            (
                plain("MLFLOW_SERVER_ALLOWED_HOSTS", ",".join(allowed_hosts)),
                plain("MLFLOW_SERVER_CORS_ALLOWED_ORIGINS", ",".join(cors_origins)),
            )
            if allowed_hosts
            else ()
        )
        jobs = (
            (plain("MLFLOW_SERVER_ENABLE_JOB_EXECUTION", str(settings.job_execution).lower()),)
            if settings.job_execution is not None
            else ()
        )
        # The server's own MLflow client must use the server's store: MLflow 3.3's registry
        # resolves a `models:/m-...` source with it (3.17 points it there itself); unset, it
        # is ./mlruns in a read-only working directory and registering a model answers 500.
        own_client = (
            (plain("MLFLOW_TRACKING_URI", "$(MLFLOW_BACKEND_STORE_URI)"),)
            if any(var.name == "MLFLOW_BACKEND_STORE_URI" for var in wiring.env)
            else ()
        )
        env = (*wiring.env, *own_client, *host_check, *jobs, plain("HOME", "/tmp"))
        container = k8s.Container(
            name="mlflow",
            image=settings.image.reference,
            image_pull_policy=settings.image.pull_policy,
            command=["mlflow", "server"],
            # MLflow's stores make ./mlruns in the working directory (3.3's registry, through
            # the server's own client); the root filesystem is read-only, /tmp is the emptyDir.
            working_dir="/tmp",
            args=[
                "--host=0.0.0.0",
                f"--port={settings.port}",
                f"--workers={settings.workers}",
                # The Bitnami chart's gunicorn options; naming any selects gunicorn.
                *(["--gunicorn-opts=--timeout=120"] if settings.http_server == "gunicorn" else []),
                *wiring.args,
            ],
            env=list(env),
            ports=[k8s.ContainerPort(name="http", container_port=settings.port)],
            liveness_probe=http_probe(settings.probes.liveness, health.live, settings.port),
            readiness_probe=http_probe(settings.probes.readiness, health.ready, settings.port),
            startup_probe=(
                http_probe(settings.probes.startup, health.live, settings.port)
                if settings.probes.startup
                else None
            ),
            resources=requirements(settings.resources),
            security_context=container_security(),
            volume_mounts=[k8s.VolumeMount(name="tmp", mount_path="/tmp"), *wiring.mounts],
        )
        pull_secrets = (
            [k8s.LocalObjectReference(name=settings.image.pull_secret)]
            if settings.image.pull_secret
            else None
        )
        k8s.KubeDeployment(
            self,
            "deployment",
            metadata=identity.metadata(identity.app, COMPONENT),
            spec=k8s.DeploymentSpec(
                replicas=settings.replicas,
                strategy=(
                    k8s.DeploymentStrategy(type="Recreate") if wiring.single_attach_claims else None
                ),
                selector=k8s.LabelSelector(match_labels=selector),
                template=k8s.PodTemplateSpec(
                    metadata=k8s.ObjectMeta(labels={**identity.labels(COMPONENT), **selector}),
                    spec=k8s.PodSpec(
                        service_account_name=wiring.service_account,
                        automount_service_account_token=False,
                        security_context=pod_security_for(settings.run_as),
                        image_pull_secrets=pull_secrets,
                        init_containers=list(wiring.init_containers) or None,
                        containers=[container],
                        volumes=[SCRATCH, *wiring.volumes],
                    ),
                ),
            ),
        )
        service_ports = [settings.port, *settings.extra_service_ports]
        k8s.KubeService(
            self,
            "service",
            metadata=identity.metadata(identity.app, COMPONENT),
            spec=k8s.ServiceSpec(
                type="ClusterIP",
                selector=selector,
                ports=[
                    k8s.ServicePort(
                        name="http" if port == settings.port else f"http-{port}",
                        port=port,
                        target_port=k8s.IntOrString.from_string("http"),
                        protocol="TCP",
                    )
                    for port in service_ports
                ],
            ),
        )
