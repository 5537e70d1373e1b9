"""Schema migrations before every rollout: one Argo CD Sync hook Job on the server's image.

MLflow refuses to serve an out-of-date tracking schema ("Detected out-of-date database
schema"), and a new image may bring new auth-store revisions. The Job runs, in order (init
containers first, the last step as the container), ``mlflow db upgrade`` for the tracking
store (creating the tables of an empty database first, see TRACKING_UPGRADE) and the auth
option's own upgrade (basic-auth: ``python -m mlflow.server.auth db upgrade``; the OIDC
plugin: its ``db upgrade`` command). Each is an alembic upgrade to the image's head:
idempotent (a no-op on an up-to-date database), it never drops data.

Why a Sync hook in MIGRATION_WAVE rather than PreSync: Argo CD runs PreSync hooks before
every wave of the Sync phase, so on a first sync they would run before the database
(StatefulSet or CNPG cluster, wave -3) and the db-setup Job (wave 0) exist, and fail. A
Sync hook in a wave after those and before the server (wave 10) runs against a database that
exists and is healthy, and Argo CD starts the server's wave only once the Job has succeeded.
Like the bootstrap Jobs it is re-created on every sync (BeforeHookCreation), so each new
image migrates before its Deployment rolls.
"""

from __future__ import annotations

from dataclasses import dataclass

from cdk8s_plus_35 import k8s
from constructs import Construct

from mlflow_gitops.config import Resources, Server
from mlflow_gitops.constructs.database import MetadataDatabase
from mlflow_gitops.constructs.meta import Identity
from mlflow_gitops.constructs.ordering import MIGRATION_WAVE, SYNC_WAVE
from mlflow_gitops.constructs.pods import container_security, pod_security_for, requirements
from mlflow_gitops.constructs.wiring import plain

NAME_SUFFIX = "migrate"
COMPONENT = "migrations"
HOOK = "argocd.argoproj.io/hook"
HOOK_DELETE_POLICY = "argocd.argoproj.io/hook-delete-policy"
# Importing MLflow and running alembic: measured well under these on the server's image.
RESOURCES = Resources(
    requests_cpu="50m", requests_memory="128Mi", limits_cpu="500m", limits_memory="512Mi"
)


@dataclass(frozen=True)
class MigrationStep:
    """One schema upgrade: a container's name, command and environment (in $(VAR) order)."""

    name: str
    command: tuple[str, ...]
    env: tuple[k8s.EnvVar, ...]


# `mlflow db upgrade URI`, except on an empty database (a first sync): MLflow 3.3.2's upgrade
# fails there ("relation metrics does not exist", measured), so the tracking store creates the
# tables at its own head first, exactly as the server does on its first start.
TRACKING_UPGRADE = """\
import sys
import sqlalchemy
url = sys.argv[1]
engine = sqlalchemy.create_engine(url)
tables = [t for t in sqlalchemy.inspect(engine).get_table_names() if not t.startswith("alembic_")]
engine.dispose()
if not tables:
    import mlflow
    mlflow.MlflowClient(tracking_uri=url).search_experiments(max_results=1)
    print("empty database: created the tracking tables")
from mlflow.db import commands
commands(["upgrade", url])
"""


def tracking_schema(database: MetadataDatabase) -> MigrationStep:
    """``mlflow db upgrade`` on the server's backend store, with the server's database env."""
    return MigrationStep(
        name="tracking-schema",
        command=("python", "-c", TRACKING_UPGRADE, "$(MLFLOW_BACKEND_STORE_URI)"),
        env=database.wiring.env,
    )


class SchemaMigrations(Construct):
    """The migration Job: the tracking schema, then whatever the auth option migrates."""

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        identity: Identity,
        server: Server,
        database: MetadataDatabase,
        auth_steps: tuple[MigrationStep, ...],
    ) -> None:
        super().__init__(scope, id)
        steps = (tracking_schema(database), *auth_steps)
        name = f"{identity.app}-{NAME_SUFFIX}"
        image = server.image

        def container(step: MigrationStep) -> k8s.Container:
            return k8s.Container(
                name=step.name,
                image=image.reference,
                image_pull_policy=image.pull_policy,
                command=list(step.command),
                # HOME on the emptyDir: MLflow writes ~/.config on a read-only root.
                env=[*step.env, plain("HOME", "/tmp")],
                # So is the working directory: the tracking store makes its default artifact
                # root ./mlruns there, and the Bitnami image's /app is read-only (seen in
                # tests/runtime/test_bitnami_legacy.py).
                working_dir="/tmp",
                resources=requirements(RESOURCES),
                security_context=container_security(),
                volume_mounts=[k8s.VolumeMount(name="tmp", mount_path="/tmp")],
            )

        k8s.KubeServiceAccount(
            self,
            "account",
            metadata=identity.metadata(name, COMPONENT),
            automount_service_account_token=False,
        )
        annotations = {
            HOOK: "Sync",
            HOOK_DELETE_POLICY: "BeforeHookCreation",
            SYNC_WAVE: str(MIGRATION_WAVE),
        }
        k8s.KubeJob(
            self,
            "job",
            metadata=identity.metadata(name, COMPONENT, annotations=annotations),
            spec=k8s.JobSpec(
                # A database that is still starting fails a step; the retry comes back later.
                backoff_limit=3,
                active_deadline_seconds=900,
                template=k8s.PodTemplateSpec(
                    metadata=k8s.ObjectMeta(labels=identity.labels(COMPONENT)),
                    spec=k8s.PodSpec(
                        restart_policy="Never",
                        service_account_name=name,
                        automount_service_account_token=False,
                        security_context=pod_security_for(server.run_as),
                        image_pull_secrets=(
                            [k8s.LocalObjectReference(name=image.pull_secret)]
                            if image.pull_secret
                            else None
                        ),
                        # Init containers run one after the other, each only if the previous
                        # one succeeded: the tracking schema first, the auth store last.
                        init_containers=[container(step) for step in steps[:-1]] or None,
                        containers=[container(steps[-1])],
                        volumes=[k8s.Volume(name="tmp", empty_dir=k8s.EmptyDirVolumeSource())],
                    ),
                ),
            ),
        )
