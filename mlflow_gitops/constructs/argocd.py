"""Argo CD delivery of the committed dist/: one AppProject, one ApplicationSet, one root app.

Why an ApplicationSet with a list generator: Argo CD recommends ApplicationSets for fleets,
and a list generator keeps each overlay's repository, revision and destination cluster as
data of that overlay (one element each), with no cluster labels or repository scans to
keep in sync. The root Application (app of apps) points at dist/argocd itself, so a single
`kubectl apply -f dist/argocd/application-mlflow-bootstrap.yaml` bootstraps everything
and Argo CD then manages its own objects from Git.

No ignoreDifferences: no controller owns a field of an object rendered here (generated
Secrets are not rendered, no HorizontalPodAutoscaler scales the server). Server-side apply
keeps fields that controllers add (CNPG, cert-manager) out of the comparison.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import cdk8s
from constructs import Construct

from mlflow_gitops.constructs.meta import MANAGED_BY
from mlflow_gitops.constructs.namespace import POD_SECURITY_LABELS
from mlflow_gitops.constructs.ordering import SYNC_WAVE
from mlflow_gitops.imports.argocd_application import (
    Application,
    ApplicationSpec,
    ApplicationSpecDestination,
    ApplicationSpecSource,
    ApplicationSpecSyncPolicy,
    ApplicationSpecSyncPolicyAutomated,
    ApplicationSpecSyncPolicyRetry,
    ApplicationSpecSyncPolicyRetryBackoff,
)
from mlflow_gitops.imports.argocd_applicationset import (
    ApplicationSet,
    ApplicationSetSpec,
    ApplicationSetSpecGenerators,
    ApplicationSetSpecGeneratorsList,
    ApplicationSetSpecSyncPolicy,
    ApplicationSetSpecTemplate,
    ApplicationSetSpecTemplateMetadata,
    ApplicationSetSpecTemplateSpec,
    ApplicationSetSpecTemplateSpecDestination,
    ApplicationSetSpecTemplateSpecSource,
    ApplicationSetSpecTemplateSpecSyncPolicy,
    ApplicationSetSpecTemplateSpecSyncPolicyAutomated,
    ApplicationSetSpecTemplateSpecSyncPolicyManagedNamespaceMetadata,
    ApplicationSetSpecTemplateSpecSyncPolicyRetry,
    ApplicationSetSpecTemplateSpecSyncPolicyRetryBackoff,
)
from mlflow_gitops.imports.argocd_appproject import (
    AppProject,
    AppProjectSpec,
    AppProjectSpecClusterResourceWhitelist,
    AppProjectSpecDestinations,
    AppProjectSpecNamespaceResourceWhitelist,
)

APP = "mlflow"
DIST = "dist"
IN_CLUSTER = "https://kubernetes.default.svc"
MIGRATION_MANAGER = "argocd.argoproj.io/client-side-apply-migration-manager"
SYNC_OPTIONS = ["CreateNamespace=true", "ServerSideApply=true", "PruneLast=true"]
RETRY_LIMIT = 5
BACKOFF = ("10s", 2, "5m")


@dataclass(frozen=True)
class Target:
    """One overlay as Argo CD sees it: where its folder is and where it goes."""

    overlay: str
    repo_url: str
    revision: str
    cluster: str
    migrate_fields_from: str  # Argo CD's client-side-apply migration manager
    namespaces: tuple[str, ...]  # every namespace its objects live in
    cluster_kinds: tuple[tuple[str, str], ...]  # (group, kind) of cluster-scoped objects
    namespaced_kinds: tuple[tuple[str, str], ...]


def _labels(component: str) -> dict[str, str]:
    return {
        "app.kubernetes.io/name": APP,
        "app.kubernetes.io/instance": f"{APP}-argocd",
        "app.kubernetes.io/component": component,
        "app.kubernetes.io/part-of": APP,
        "app.kubernetes.io/managed-by": MANAGED_BY,
    }


def _metadata(name: str, namespace: str, component: str, wave: int) -> cdk8s.ApiObjectMetadata:
    return cdk8s.ApiObjectMetadata(
        name=name,
        namespace=namespace,
        labels=_labels(component),
        annotations={SYNC_WAVE: str(wave)},
    )


class ArgoCdDelivery(Construct):
    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        targets: Sequence[Target],
        argocd_namespace: str,
        project: str,
        repo_url: str,
        revision: str,
    ) -> None:
        super().__init__(scope, id)
        AppProject(
            self,
            "project",
            metadata=_metadata(project, argocd_namespace, "delivery", -1),
            spec=AppProjectSpec(
                description="MLflow tracking server and model registry, one app per overlay",
                source_repos=sorted({t.repo_url for t in targets}),
                destinations=[
                    AppProjectSpecDestinations(name=cluster, namespace=namespace)
                    for cluster, namespace in sorted(
                        {(t.cluster, namespace) for t in targets for namespace in t.namespaces}
                    )
                ],
                cluster_resource_whitelist=[
                    AppProjectSpecClusterResourceWhitelist(group=group, kind=kind)
                    for group, kind in sorted({k for t in targets for k in t.cluster_kinds})
                ],
                namespace_resource_whitelist=[
                    AppProjectSpecNamespaceResourceWhitelist(group=group, kind=kind)
                    for group, kind in sorted({k for t in targets for k in t.namespaced_kinds})
                ],
            ),
        )
        ApplicationSet(
            self,
            "applicationset",
            metadata=_metadata(APP, argocd_namespace, "delivery", 0),
            spec=ApplicationSetSpec(
                go_template=True,
                go_template_options=["missingkey=error"],
                # Deleting the ApplicationSet must not cascade into MLflow's data.
                sync_policy=ApplicationSetSpecSyncPolicy(preserve_resources_on_deletion=True),
                generators=[
                    ApplicationSetSpecGenerators(
                        list=ApplicationSetSpecGeneratorsList(
                            elements=[
                                {
                                    "overlay": t.overlay,
                                    "repoURL": t.repo_url,
                                    "revision": t.revision,
                                    "cluster": t.cluster,
                                    "namespace": t.namespaces[0],
                                    "migrateFieldsFrom": t.migrate_fields_from,
                                }
                                for t in targets
                            ]
                        )
                    )
                ],
                template=ApplicationSetSpecTemplate(
                    metadata=ApplicationSetSpecTemplateMetadata(
                        name=f"{APP}-{{{{.overlay}}}}",
                        labels=_labels("application"),
                        # Read by Argo CD from the Application (not from the objects).
                        annotations={MIGRATION_MANAGER: "{{.migrateFieldsFrom}}"},
                    ),
                    spec=ApplicationSetSpecTemplateSpec(
                        project=project,
                        source=ApplicationSetSpecTemplateSpecSource(
                            repo_url="{{.repoURL}}",
                            target_revision="{{.revision}}",
                            path=f"{DIST}/{{{{.overlay}}}}",
                        ),
                        destination=ApplicationSetSpecTemplateSpecDestination(
                            name="{{.cluster}}", namespace="{{.namespace}}"
                        ),
                        sync_policy=ApplicationSetSpecTemplateSpecSyncPolicy(
                            automated=ApplicationSetSpecTemplateSpecSyncPolicyAutomated(
                                prune=True, self_heal=True
                            ),
                            sync_options=SYNC_OPTIONS,
                            # The namespace CreateNamespace makes enforces what ours does.
                            managed_namespace_metadata=(
                                ApplicationSetSpecTemplateSpecSyncPolicyManagedNamespaceMetadata(
                                    labels=POD_SECURITY_LABELS
                                )
                            ),
                            retry=ApplicationSetSpecTemplateSpecSyncPolicyRetry(
                                limit=RETRY_LIMIT,
                                backoff=ApplicationSetSpecTemplateSpecSyncPolicyRetryBackoff(
                                    duration=BACKOFF[0], factor=BACKOFF[1], max_duration=BACKOFF[2]
                                ),
                            ),
                        ),
                    ),
                ),
            ),
        )
        Application(
            self,
            "bootstrap",
            metadata=_metadata(f"{APP}-bootstrap", argocd_namespace, "bootstrap", 0),
            spec=ApplicationSpec(
                # `default` exists in every Argo CD; the mlflow project is created by this app.
                project="default",
                source=ApplicationSpecSource(
                    repo_url=repo_url, target_revision=revision, path=f"{DIST}/argocd"
                ),
                destination=ApplicationSpecDestination(
                    server=IN_CLUSTER, namespace=argocd_namespace
                ),
                sync_policy=ApplicationSpecSyncPolicy(
                    automated=ApplicationSpecSyncPolicyAutomated(prune=True, self_heal=True),
                    sync_options=["ServerSideApply=true"],
                    retry=ApplicationSpecSyncPolicyRetry(
                        limit=RETRY_LIMIT,
                        backoff=ApplicationSpecSyncPolicyRetryBackoff(
                            duration=BACKOFF[0], factor=BACKOFF[1], max_duration=BACKOFF[2]
                        ),
                    ),
                ),
            ),
        )
