"""Bootstrap Jobs: the steps the seeds did by hand or from Ansible, run in-cluster by Argo CD.

Each Job runs a script of this repository's ``jobs/`` folder, shipped in a ConfigMap
rendered from that same file (so the snapshot shows the script), with its own
ServiceAccount and the narrowest Role it needs (none when it does not talk to the
Kubernetes API). Jobs are Argo CD Sync hooks: re-created on every sync
(BeforeHookCreation), which sidesteps the immutable pod template of a plain Job, and
every script is idempotent, so running it again changes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from cdk8s_plus_35 import k8s
from constructs import Construct

from mlflow_gitops.config import Image, RunAs
from mlflow_gitops.constructs.meta import Identity
from mlflow_gitops.constructs.ordering import SYNC_WAVE
from mlflow_gitops.constructs.server import container_security, pod_security_for

COMPONENT = "bootstrap"
SCRIPTS_DIR = "/scripts"
HOOK = "argocd.argoproj.io/hook"
HOOK_DELETE_POLICY = "argocd.argoproj.io/hook-delete-policy"


@dataclass(frozen=True)
class JobSpec:
    """One bootstrap step: which script, with which configuration and environment."""

    name: str
    script: str  # a file name in jobs/, e.g. "database_bootstrap.py"
    script_source: str
    env: tuple[k8s.EnvVar, ...]
    wave: int
    config_env: str | None = None  # the variable that carries the path of config.json
    config_json: str | None = None
    rules: tuple[k8s.PolicyRule, ...] = ()
    hook: str = "Sync"


class BootstrapJob(Construct):
    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        identity: Identity,
        spec: JobSpec,
        image: Image,
        run_as: RunAs,
    ) -> None:
        super().__init__(scope, id)
        annotations = {
            HOOK: spec.hook,
            HOOK_DELETE_POLICY: "BeforeHookCreation",
            SYNC_WAVE: str(spec.wave),
        }
        data = {spec.script: spec.script_source}
        if spec.config_json is not None:
            data["config.json"] = spec.config_json
        k8s.KubeConfigMap(
            self, "files", metadata=identity.metadata(spec.name, COMPONENT), data=data
        )
        k8s.KubeServiceAccount(
            self,
            "account",
            metadata=identity.metadata(spec.name, COMPONENT),
            automount_service_account_token=bool(spec.rules),
        )
        if spec.rules:
            k8s.KubeRole(
                self,
                "role",
                metadata=identity.metadata(spec.name, COMPONENT),
                rules=list(spec.rules),
            )
            k8s.KubeRoleBinding(
                self,
                "binding",
                metadata=identity.metadata(spec.name, COMPONENT),
                role_ref=k8s.RoleRef(
                    api_group="rbac.authorization.k8s.io", kind="Role", name=spec.name
                ),
                subjects=[
                    k8s.Subject(kind="ServiceAccount", name=spec.name, namespace=identity.namespace)
                ],
            )
        env = list(spec.env)
        if spec.config_env:
            env.append(k8s.EnvVar(name=spec.config_env, value=f"{SCRIPTS_DIR}/config.json"))
        k8s.KubeJob(
            self,
            "job",
            metadata=identity.metadata(spec.name, COMPONENT, annotations=annotations),
            spec=k8s.JobSpec(
                backoff_limit=2,
                active_deadline_seconds=900,
                template=k8s.PodTemplateSpec(
                    metadata=k8s.ObjectMeta(labels=identity.labels(COMPONENT)),
                    spec=k8s.PodSpec(
                        restart_policy="Never",
                        service_account_name=spec.name,
                        automount_service_account_token=bool(spec.rules),
                        security_context=pod_security_for(run_as),
                        image_pull_secrets=(
                            [k8s.LocalObjectReference(name=image.pull_secret)]
                            if image.pull_secret
                            else None
                        ),
                        containers=[
                            k8s.Container(
                                name=spec.name.removeprefix(f"{identity.app}-"),
                                image=image.reference,
                                image_pull_policy=image.pull_policy,
                                command=["python", f"{SCRIPTS_DIR}/{spec.script}"],
                                env=env,
                                resources=_JOB_RESOURCES,
                                security_context=container_security(),
                                volume_mounts=[
                                    k8s.VolumeMount(
                                        name="files", mount_path=SCRIPTS_DIR, read_only=True
                                    ),
                                    k8s.VolumeMount(name="tmp", mount_path="/tmp"),
                                ],
                            )
                        ],
                        volumes=[
                            k8s.Volume(
                                name="files", config_map=k8s.ConfigMapVolumeSource(name=spec.name)
                            ),
                            k8s.Volume(name="tmp", empty_dir=k8s.EmptyDirVolumeSource()),
                        ],
                    ),
                ),
            ),
        )


_JOB_RESOURCES = k8s.ResourceRequirements(
    requests={"cpu": k8s.Quantity.from_string("50m"), "memory": k8s.Quantity.from_string("128Mi")},
    limits={"cpu": k8s.Quantity.from_string("500m"), "memory": k8s.Quantity.from_string("512Mi")},
)


def secret_rules(names: Sequence[str]) -> tuple[k8s.PolicyRule, ...]:
    """get/patch limited to the named Secrets; create cannot be limited by name in RBAC."""
    return (
        k8s.PolicyRule(api_groups=[""], resources=["secrets"], verbs=["create"]),
        k8s.PolicyRule(
            api_groups=[""],
            resources=["secrets"],
            resource_names=sorted(names),
            verbs=["get", "patch"],
        ),
    )
