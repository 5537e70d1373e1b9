"""What the derived NetworkPolicies mean, evaluated offline by Cyclonus (connectivity.py).

The pods are the rendered ones (their pod templates' labels; a Job's pods also carry the
labels the Job controller adds) plus those the platform runs (ingress-nginx, kube-dns,
CloudNativePG's instances, Authentik's outpost, with the labels those projects document).
The expected verdicts come from what each overlay's page in docs/overlays says its users and
components need, not from the policies.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from tests.render.connectivity import Address, Packet, Pod, allowed

NS = "mlflow"
NGINX = Pod("ingress-nginx", {"app.kubernetes.io/name": "ingress-nginx"})
DNS = Pod("kube-system", {"k8s-app": "kube-dns"})
TEAM = Pod("team-a", {"app": "trainer"}, {"mlflow.thinkube.io/credentials": "true"})
STRANGER = Pod("default", {"app": "curl"})
INTRUDER = Pod(NS, {"app": "intruder"})  # a pod of the namespace nobody declared
INTERNET = Address("203.0.113.10")
API_SERVER = Address("10.96.0.1")


def rendered_pods(objects: Mapping[str, Any], overlay: str) -> dict[str, Pod]:
    """Each pod-making object of the overlay -> a pod with its template's labels."""
    pods: dict[str, Pod] = {}
    for path, obj in objects.items():
        if not path.startswith(f"{overlay}/"):
            continue
        name = obj["metadata"]["name"]
        if obj["kind"] in ("Deployment", "StatefulSet"):
            labels = obj["spec"]["template"]["metadata"]["labels"]
        elif obj["kind"] == "Job":
            # The Job controller labels the pods it creates with the Job's name.
            labels = {
                **obj["spec"]["template"]["metadata"]["labels"],
                "batch.kubernetes.io/job-name": name,
                "job-name": name,
            }
        else:
            continue
        pods[name] = Pod(obj["metadata"]["namespace"], labels)
    return pods


def policies(objects: Mapping[str, Any], overlay: str) -> list[Mapping[str, Any]]:
    return [
        obj
        for path, obj in objects.items()
        if path.startswith(f"{overlay}/") and obj["kind"] == "NetworkPolicy"
    ]


def table(
    objects: Mapping[str, Any], overlay: str, cases: list[tuple[str, Packet, bool]], tmp: Path
) -> list[str]:
    """The connectivity table (printed with -s) and the rows whose verdict is not expected."""
    verdicts = allowed(policies(objects, overlay), [packet for _, packet, _ in cases], tmp)
    wrong = []
    print(f"\n{overlay}:")
    for (what, _, expected), verdict in zip(cases, verdicts, strict=True):
        print(f"  {'allow' if verdict else 'deny '}  {what}")
        if verdict != expected:
            wrong.append(f"{what}: expected {'allowed' if expected else 'denied'}")
    return wrong


def test_homelab(objects: Mapping[str, Any], tmp_path: Path) -> None:
    pods = rendered_pods(objects, "homelab")
    mlflow = pods["mlflow"]
    shared_postgres = Pod("postgres", {"app": "postgresql-official"})
    seaweedfs = Pod("seaweedfs", {"app": "seaweedfs-filer"})
    code_server = Pod("code-server", {"app": "code-server"})
    cases = [
        # docs/overlays/homelab.md: browsers and apps through the Ingress, apps in labelled
        # namespaces also at the Service, MLflow checking every request (OIDC plugin).
        ("ingress-nginx -> mlflow:5000", Packet(NGINX, mlflow, 5000), True),
        ("app namespace -> mlflow:5000", Packet(TEAM, mlflow, 5000), True),
        ("code-server -> mlflow:5000", Packet(code_server, mlflow, 5000), True),
        ("mlflow -> kube-dns:53/UDP", Packet(mlflow, DNS, 53, "UDP"), True),
        ("mlflow -> shared postgres:5432", Packet(mlflow, shared_postgres, 5432), True),
        ("mlflow -> seaweedfs:8333", Packet(mlflow, seaweedfs, 8333), True),
        ("mlflow -> keycloak (outside):443", Packet(mlflow, INTERNET, 443), True),
        ("mlflow -> outside:22", Packet(mlflow, INTERNET, 22), False),
        ("mlflow -> app namespace:8080", Packet(mlflow, TEAM, 8080), False),
        (
            "db-setup Job -> shared postgres:5432",
            Packet(pods["mlflow-db-setup"], shared_postgres, 5432),
            True,
        ),
        ("db-setup Job -> mlflow:5000", Packet(pods["mlflow-db-setup"], mlflow, 5000), False),
        (
            "migrate Job -> shared postgres:5432",
            Packet(pods["mlflow-migrate"], shared_postgres, 5432),
            True,
        ),
        ("migrate Job -> outside:443", Packet(pods["mlflow-migrate"], INTERNET, 443), False),
        (
            "bucket Job -> seaweedfs:8333",
            Packet(pods["mlflow-bucket-setup"], seaweedfs, 8333),
            True,
        ),
        (
            "keycloak Job -> keycloak:443",
            Packet(pods["mlflow-keycloak-setup"], INTERNET, 443),
            True,
        ),
        (
            "generate-secrets Job -> API:443",
            Packet(pods["mlflow-generate-secrets"], API_SERVER, 443),
            True,
        ),
        (
            "generate-secrets Job -> postgres:5432",
            Packet(pods["mlflow-generate-secrets"], shared_postgres, 5432),
            False,
        ),
        ("app namespace -> migrate Job:8080", Packet(TEAM, pods["mlflow-migrate"], 8080), False),
        ("undeclared pod of mlflow -> mlflow:5000", Packet(INTRUDER, mlflow, 5000), False),
        ("undeclared pod of mlflow -> outside:443", Packet(INTRUDER, INTERNET, 443), False),
    ]
    assert table(objects, "homelab", cases, tmp_path) == []


def test_gke_gcs(objects: Mapping[str, Any], tmp_path: Path) -> None:
    pods = rendered_pods(objects, "gke-gcs")
    mlflow, db, proxy = pods["mlflow"], pods["mlflow-postgresql"], pods["oauth2-proxy"]
    metadata = Address("169.254.169.254")
    cases = [
        # docs/overlays/gke-gcs.md: UI host -> oauth2-proxy -> MLflow; API host -> MLflow;
        # in-cluster scripts at the Service with MLflow credentials.
        ("ingress-nginx -> oauth2-proxy:4180", Packet(NGINX, proxy, 4180), True),
        ("ingress-nginx -> mlflow:5000 (API host)", Packet(NGINX, mlflow, 5000), True),
        ("oauth2-proxy -> mlflow:5000", Packet(proxy, mlflow, 5000), True),
        ("oauth2-proxy -> GitHub:443", Packet(proxy, INTERNET, 443), True),
        ("oauth2-proxy -> postgres:5432", Packet(proxy, db, 5432), False),
        ("other namespace -> mlflow:5000", Packet(STRANGER, mlflow, 5000), True),
        ("other namespace -> oauth2-proxy:4180", Packet(STRANGER, proxy, 4180), False),
        ("mlflow -> postgres:5432", Packet(mlflow, db, 5432), True),
        ("mlflow -> GCS:443", Packet(mlflow, INTERNET, 443), True),
        ("mlflow -> GKE metadata:80", Packet(mlflow, metadata, 80), True),
        ("migrate Job -> postgres:5432", Packet(pods["mlflow-migrate"], db, 5432), True),
        ("users Job -> mlflow:5000", Packet(pods["mlflow-users"], mlflow, 5000), True),
        ("users Job -> postgres:5432", Packet(pods["mlflow-users"], db, 5432), False),
        ("bucket Job -> GCS:443", Packet(pods["mlflow-bucket-setup"], INTERNET, 443), True),
        ("bucket Job -> postgres:5432", Packet(pods["mlflow-bucket-setup"], db, 5432), False),
        ("other namespace -> postgres:5432", Packet(STRANGER, db, 5432), False),
        ("ingress-nginx -> postgres:5432", Packet(NGINX, db, 5432), False),
        ("postgres -> outside:443", Packet(db, INTERNET, 443), False),
        ("postgres -> mlflow:5000", Packet(db, mlflow, 5000), False),
        ("undeclared pod of mlflow -> postgres:5432", Packet(INTRUDER, db, 5432), False),
    ]
    assert table(objects, "gke-gcs", cases, tmp_path) == []


def test_authentik(objects: Mapping[str, Any], tmp_path: Path) -> None:
    pods = rendered_pods(objects, "authentik")
    mlflow = pods["mlflow"]
    # Made by CloudNativePG and by Authentik's Kubernetes integration, not rendered here.
    db = Pod(NS, {"cnpg.io/cluster": "mlflow-postgres", "cnpg.io/instanceRole": "primary"})
    replica = Pod(NS, {"cnpg.io/cluster": "mlflow-postgres", "cnpg.io/instanceRole": "replica"})
    outpost = Pod(NS, {"goauthentik.io/outpost-name": "mlflow", "app.kubernetes.io/name": "ak"})
    operator = Pod("cnpg-system", {"app.kubernetes.io/name": "cloudnative-pg"})
    gateway = Pod("gateway", {"app": "envoy"})
    authentik = Pod("authentik", {"app.kubernetes.io/name": "authentik"})
    cases = [
        # docs/overlays/authentik.md: gateway -> outpost -> MLflow; MLflow checks nothing,
        # so nobody else may call it; CloudNativePG's operator manages the instances.
        ("gateway -> outpost:9000", Packet(gateway, outpost, 9000), True),
        ("gateway -> mlflow:5000", Packet(gateway, mlflow, 5000), False),
        ("outpost -> mlflow:5000", Packet(outpost, mlflow, 5000), True),
        ("outpost -> authentik server:9000", Packet(outpost, authentik, 9000), True),
        ("other namespace -> mlflow:5000", Packet(STRANGER, mlflow, 5000), False),
        ("undeclared pod of mlflow -> mlflow:5000", Packet(INTRUDER, mlflow, 5000), False),
        ("mlflow -> postgres:5432", Packet(mlflow, db, 5432), True),
        ("mlflow -> kube-dns:53/UDP", Packet(mlflow, DNS, 53, "UDP"), True),
        ("mlflow -> outside:443", Packet(mlflow, INTERNET, 443), False),
        ("migrate Job -> postgres:5432", Packet(pods["mlflow-migrate"], db, 5432), True),
        ("CNPG operator -> postgres:8000", Packet(operator, db, 8000), True),
        ("replica -> primary:5432", Packet(replica, db, 5432), True),
        ("postgres -> API:443", Packet(db, API_SERVER, 443), True),
        ("other namespace -> postgres:5432", Packet(STRANGER, db, 5432), False),
        ("outpost -> postgres:5432", Packet(outpost, db, 5432), False),
    ]
    assert table(objects, "authentik", cases, tmp_path) == []


def test_bitnami_legacy(objects: Mapping[str, Any], tmp_path: Path) -> None:
    pods = rendered_pods(objects, "bitnami-legacy")
    mlflow, db = pods["mlflow"], pods["mlflow-postgresql"]
    minio = Address("198.51.100.7")
    cases = [
        # docs/overlays/bitnami-legacy.md: browsers and scripts through the Ingress with
        # basic auth; in-cluster at the Service; MinIO by its public URL.
        ("ingress-nginx -> mlflow:5000", Packet(NGINX, mlflow, 5000), True),
        ("other namespace -> mlflow:5000", Packet(STRANGER, mlflow, 5000), True),
        ("mlflow -> postgres:5432", Packet(mlflow, db, 5432), True),
        ("mlflow -> MinIO:443", Packet(mlflow, minio, 443), True),
        ("mlflow -> outside:5432", Packet(mlflow, INTERNET, 5432), False),
        ("migrate Job -> postgres:5432", Packet(pods["mlflow-migrate"], db, 5432), True),
        ("bucket Job -> MinIO:443", Packet(pods["mlflow-bucket-setup"], minio, 443), True),
        ("bucket Job -> postgres:5432", Packet(pods["mlflow-bucket-setup"], db, 5432), False),
        (
            "generate-secrets Job -> API:6443",
            Packet(pods["mlflow-generate-secrets"], API_SERVER, 6443),
            True,
        ),
        ("other namespace -> postgres:5432", Packet(STRANGER, db, 5432), False),
        ("postgres -> outside:443", Packet(db, INTERNET, 443), False),
        ("postgres -> mlflow:5000", Packet(db, mlflow, 5000), False),
    ]
    assert table(objects, "bitnami-legacy", cases, tmp_path) == []


@pytest.mark.parametrize("overlay", ["homelab", "gke-gcs", "authentik", "bitnami-legacy"])
def test_every_pod_of_the_namespace_is_denied_by_default(
    objects: Mapping[str, Any], overlay: str
) -> None:
    deny = [p for p in policies(objects, overlay) if p["metadata"]["name"] == "default-deny"]
    assert [p["spec"] for p in deny] == [{"podSelector": {}, "policyTypes": ["Ingress", "Egress"]}]
