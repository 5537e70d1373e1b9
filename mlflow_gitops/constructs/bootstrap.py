"""Bootstrap Jobs: the steps the original setups did by hand or from Ansible, run in-cluster by Argo
CD.

An option that needs a one-time step (a database, a bucket, a Keycloak client, generated
Secrets, MLflow users) offers a ``BootstrapStep``; the chart renders each as a Job running
a script of this repository's ``jobs/`` folder, shipped in a ConfigMap rendered from that
same file (so a reviewer sees the script in the diff) next to ``jobs/jobkit.py``, the helpers
every script imports, with its own ServiceAccount and the
narrowest Role it needs (none when it does not talk to the Kubernetes API).

The Jobs are Argo CD Sync hooks, re-created on every sync (BeforeHookCreation): a plain
Job's pod template is immutable, so a changed script would fail the sync; a hook is
replaced instead, and every script is idempotent, so a re-run changes nothing.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from cdk8s_plus_35 import k8s
from constructs import Construct

from mlflow_gitops.config import Image, Resources, RunAs
from mlflow_gitops.constructs.meta import Identity
from mlflow_gitops.constructs.ordering import SETUP_WAVE, SYNC_WAVE
from mlflow_gitops.constructs.peers import Need
from mlflow_gitops.constructs.server import container_security, pod_security_for, requirements
from mlflow_gitops.constructs.wiring import ServerWiring, plain
from mlflow_gitops.output import shipped

COMPONENT = "bootstrap"
SCRIPTS_DIR = "/scripts"
CONFIG_FILE = "config.json"
# Imported by every script; `python /scripts/<script>` puts /scripts on sys.path.
JOBKIT = "jobkit.py"
HOOK = "argocd.argoproj.io/hook"
HOOK_DELETE_POLICY = "argocd.argoproj.io/hook-delete-policy"

JOB_RESOURCES = Resources(
    requests_cpu="50m", requests_memory="128Mi", limits_cpu="500m", limits_memory="512Mi"
)


@dataclass(frozen=True)
class BootstrapStep:
    """One step: a script of jobs/, its environment, its configuration and its rights."""

    name: str  # the Job's name, e.g. "mlflow-db-setup"
    script: str  # a file of jobs/, e.g. "database_bootstrap.py"
    wiring: ServerWiring  # env, volumes and mounts; service_account to borrow one
    wave: int = SETUP_WAVE
    hook: str = "Sync"
    config_env: str | None = None  # the variable that carries the config file's path
    config: Mapping[str, Any] | Sequence[Any] | None = None
    rules: tuple[k8s.PolicyRule, ...] = ()
    needs: tuple[Need, ...] = ()  # what the script reaches, for the network policies


def config_json(config: Mapping[str, Any] | Sequence[Any]) -> str:
    return json.dumps(config, indent=2, sort_keys=True) + "\n"


class BootstrapJob(Construct):
    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        identity: Identity,
        step: BootstrapStep,
        files: Mapping[str, str],
        image: Image,
        run_as: RunAs,
    ) -> None:
        super().__init__(scope, id)
        data = {
            step.script: shipped(files, f"jobs/{step.script}"),
            JOBKIT: shipped(files, f"jobs/{JOBKIT}"),
        }
        env = list(step.wiring.env)
        if step.config is not None and step.config_env:
            data[CONFIG_FILE] = config_json(step.config)
            env.append(plain(step.config_env, f"{SCRIPTS_DIR}/{CONFIG_FILE}"))
        k8s.KubeConfigMap(
            self, "files", metadata=identity.metadata(step.name, COMPONENT), data=data
        )
        talks_to_api = bool(step.rules)
        account = step.wiring.service_account or step.name
        if not step.wiring.service_account:
            k8s.KubeServiceAccount(
                self,
                "account",
                metadata=identity.metadata(step.name, COMPONENT),
                automount_service_account_token=talks_to_api,
            )
        if talks_to_api:
            k8s.KubeRole(
                self,
                "role",
                metadata=identity.metadata(step.name, COMPONENT),
                rules=list(step.rules),
            )
            k8s.KubeRoleBinding(
                self,
                "binding",
                metadata=identity.metadata(step.name, COMPONENT),
                role_ref=k8s.RoleRef(
                    api_group="rbac.authorization.k8s.io", kind="Role", name=step.name
                ),
                subjects=[
                    k8s.Subject(kind="ServiceAccount", name=account, namespace=identity.namespace)
                ],
            )
        annotations = {
            HOOK: step.hook,
            HOOK_DELETE_POLICY: "BeforeHookCreation",
            SYNC_WAVE: str(step.wave),
        }
        container = k8s.Container(
            name=step.name.removeprefix(f"{identity.app}-"),
            image=image.reference,
            image_pull_policy=image.pull_policy,
            command=["python", f"{SCRIPTS_DIR}/{step.script}"],
            env=env,
            resources=requirements(JOB_RESOURCES),
            security_context=container_security(),
            volume_mounts=[
                k8s.VolumeMount(name="files", mount_path=SCRIPTS_DIR, read_only=True),
                k8s.VolumeMount(name="tmp", mount_path="/tmp"),
                *step.wiring.mounts,
            ],
        )
        k8s.KubeJob(
            self,
            "job",
            metadata=identity.metadata(step.name, COMPONENT, annotations=annotations),
            spec=k8s.JobSpec(
                backoff_limit=2,
                # Each script bounds its own waits; this bounds the Job as a whole.
                active_deadline_seconds=900,
                template=k8s.PodTemplateSpec(
                    metadata=k8s.ObjectMeta(labels=identity.labels(COMPONENT)),
                    spec=k8s.PodSpec(
                        restart_policy="Never",
                        service_account_name=account,
                        automount_service_account_token=talks_to_api,
                        security_context=pod_security_for(run_as),
                        image_pull_secrets=(
                            [k8s.LocalObjectReference(name=image.pull_secret)]
                            if image.pull_secret
                            else None
                        ),
                        containers=[container],
                        volumes=[
                            k8s.Volume(
                                name="files",
                                config_map=k8s.ConfigMapVolumeSource(name=step.name),
                            ),
                            k8s.Volume(name="tmp", empty_dir=k8s.EmptyDirVolumeSource()),
                            *step.wiring.volumes,
                        ],
                    ),
                ),
            ),
        )


def secret_rules(names: Sequence[str]) -> tuple[k8s.PolicyRule, ...]:
    """get/patch on the named Secrets only; RBAC cannot limit create by name."""
    return (
        k8s.PolicyRule(
            api_groups=[""],
            resources=["secrets"],
            resource_names=sorted(names),
            verbs=["get", "patch"],
        ),
        k8s.PolicyRule(api_groups=[""], resources=["secrets"], verbs=["create"]),
    )


@dataclass(frozen=True)
class StepSources:
    """The steps an overlay's options asked for, in a stable order."""

    steps: tuple[BootstrapStep, ...] = field(default_factory=tuple)
