"""Facts of the homelab overlay, each named after the part of docs/overlays/homelab.md it checks."""

from __future__ import annotations

from typing import Any

import pytest

Object = dict[str, Any]


@pytest.fixture(scope="module")
def homelab(objects: dict[str, Object]) -> dict[str, Object]:
    return {
        path.removeprefix("homelab/"): obj
        for path, obj in objects.items()
        if path.startswith("homelab/")
    }


@pytest.fixture(scope="module")
def container(homelab: dict[str, Object]) -> Object:
    containers = homelab["deployment-mlflow.yaml"]["spec"]["template"]["spec"]["containers"]
    assert [c["name"] for c in containers] == ["mlflow"]
    return containers[0]


@pytest.fixture(scope="module")
def env(container: Object) -> dict[str, Object]:
    names = [item["name"] for item in container["env"]]
    assert len(names) == len(set(names)), "an environment variable is defined twice"
    return {item["name"]: item for item in container["env"]}


def value(env: dict[str, Object], name: str) -> str:
    assert "value" in env[name], f"{name} should be a plain value"
    return str(env[name]["value"])


def secret_ref(env: dict[str, Object], name: str) -> tuple[str, str]:
    ref = env[name]["valueFrom"]["secretKeyRef"]
    return ref["name"], ref["key"]


def test_seed_namespace_setup_creates_mlflow_namespace(homelab: dict[str, Object]) -> None:
    namespace = homelab["namespace-mlflow.yaml"]
    assert namespace["kind"] == "Namespace" and namespace["metadata"]["name"] == "mlflow"
    assert "namespace" not in namespace["metadata"]


def test_seed_image_is_harbor_mlflow_custom_pinned_not_latest(container: Object) -> None:
    image = container["image"]
    assert image.startswith("harbor.example.com/library/mlflow-custom:")
    assert not image.endswith(":latest")


def test_seed_image_pull_secret_is_harbor_registry_secret(homelab: dict[str, Object]) -> None:
    pod = homelab["deployment-mlflow.yaml"]["spec"]["template"]["spec"]
    assert pod["imagePullSecrets"] == [{"name": "harbor-registry-secret"}]


def test_seed_replicas_1_command_mlflow_server(
    homelab: dict[str, Object], container: Object
) -> None:
    assert homelab["deployment-mlflow.yaml"]["spec"]["replicas"] == 1
    assert container["command"] == ["mlflow", "server"]


def test_seed_arguments_host_port_app_name(container: Object) -> None:
    assert container["args"][:2] == ["--host=0.0.0.0", "--port=5000"]
    assert "--app-name=oidc-auth" in container["args"]


def test_seed_backend_store_uri_has_no_password_in_any_argument(
    container: Object, env: dict[str, Object]
) -> None:
    assert not any(arg.startswith("--backend-store-uri") for arg in container["args"])
    uri = value(env, "MLFLOW_BACKEND_STORE_URI")
    assert uri == "postgresql://$(DB_USER)@$(DB_HOST):$(DB_PORT)/$(DB_NAME)"
    assert secret_ref(env, "PGPASSWORD") == ("mlflow-db-secret", "DB_PASSWORD")
    names = list(env)
    for part in ("DB_USER", "DB_HOST", "DB_PORT", "DB_NAME"):
        # Kubernetes expands $(VAR) only from variables defined before it.
        assert names.index(part) < names.index("MLFLOW_BACKEND_STORE_URI")


def test_seed_database_env_db_host_port_name_user_password(env: dict[str, Object]) -> None:
    assert value(env, "DB_HOST") == "postgresql-official.postgres.svc.cluster.local"
    assert value(env, "DB_PORT") == "5432"
    assert value(env, "DB_NAME") == "mlflow"
    assert value(env, "DB_USER")
    assert secret_ref(env, "DB_PASSWORD") == ("mlflow-db-secret", "DB_PASSWORD")


def test_seed_s3_env_from_mlflow_s3_secret_and_seaweedfs_endpoint(env: dict[str, Object]) -> None:
    assert secret_ref(env, "AWS_ACCESS_KEY_ID") == ("mlflow-s3-secret", "AWS_ACCESS_KEY_ID")
    assert secret_ref(env, "AWS_SECRET_ACCESS_KEY") == ("mlflow-s3-secret", "AWS_SECRET_ACCESS_KEY")
    assert value(env, "MLFLOW_S3_ENDPOINT_URL") == (
        "http://seaweedfs-filer.seaweedfs.svc.cluster.local:8333"
    )
    assert value(env, "MLFLOW_S3_IGNORE_TLS") == "true"


def test_seed_artifacts_under_models_mlflow_artifacts_served_to_remote_clients(
    container: Object,
) -> None:
    assert "--serve-artifacts" in container["args"]
    assert "--artifacts-destination=/models/mlflow-artifacts" in container["args"]
    assert not any("file://" in arg for arg in container["args"])


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "OIDC_DISCOVERY_URL",
            "https://keycloak.example.com/realms/thinkube/.well-known/openid-configuration",
        ),
        ("OIDC_CLIENT_ID", "mlflow"),
        ("OIDC_PROVIDER_DISPLAY_NAME", "Login with Keycloak"),
        ("OIDC_SCOPE", "openid profile email"),
        ("OIDC_REDIRECT_URI", "https://mlflow.example.com/callback"),
        ("OIDC_GROUP_NAME", "mlflow-user"),
        ("OIDC_ADMIN_GROUP_NAME", "mlflow-admin"),
        ("OIDC_GROUPS_ATTRIBUTE", "realm_access.roles"),
        ("OIDC_GROUP_DETECTION_PLUGIN", "mlflow_keycloak_groups"),
        ("AUTOMATIC_LOGIN_REDIRECT", "true"),
        ("DEFAULT_LANDING_PAGE_IS_PERMISSIONS", "false"),
        ("PYTHONPATH", "/mlflow/plugins"),
        # Not in the original setup: what bearer-token validation of the current plugin needs.
        ("OIDC_AUDIENCE", "mlflow"),
        ("OIDC_ISSUER", "https://keycloak.example.com/realms/thinkube"),
        ("OIDC_PROVISION_ON_BEARER_AUTH", "true"),
    ],
)
def test_seed_oidc_configuration_env(env: dict[str, Object], name: str, expected: str) -> None:
    assert value(env, name) == expected


def test_seed_oidc_client_secret_from_oauth2_proxy_secret(env: dict[str, Object]) -> None:
    assert secret_ref(env, "OIDC_CLIENT_SECRET") == ("oauth2-proxy-secret", "client-secret")


def test_seed_secret_key_comes_from_a_secret_all_replicas_share(env: dict[str, Object]) -> None:
    name, _ = secret_ref(env, "SECRET_KEY")
    assert name == "mlflow-secret-key"


def test_seed_volume_mounts_local_artifacts_models_plugins(
    container: Object, homelab: dict[str, Object]
) -> None:
    mounts = {m["mountPath"]: m["name"] for m in container["volumeMounts"]}
    volumes = {
        v["name"]: v
        for v in homelab["deployment-mlflow.yaml"]["spec"]["template"]["spec"]["volumes"]
    }
    assert volumes[mounts["/mlflow/local-artifacts"]]["persistentVolumeClaim"] == {
        "claimName": "mlflow-storage"
    }
    assert volumes[mounts["/models"]]["persistentVolumeClaim"] == {"claimName": "thinkube-models"}
    assert volumes[mounts["/mlflow/plugins"]]["configMap"]["name"] == "mlflow-group-plugin"


def test_seed_port_5000(container: Object) -> None:
    assert container["ports"] == [{"containerPort": 5000, "name": "http"}]


@pytest.mark.parametrize(("probe", "delay"), [("livenessProbe", 60), ("readinessProbe", 30)])
def test_seed_probe_initial_delay_and_5s_timeout(container: Object, probe: str, delay: int) -> None:
    assert container[probe]["initialDelaySeconds"] == delay
    # Not the original setup's `/`: the OIDC plugin's health endpoints (see the runtime test).
    expected = {"livenessProbe": "/health/live", "readinessProbe": "/health/ready"}[probe]
    assert container[probe]["httpGet"]["path"] == expected
    assert container[probe]["timeoutSeconds"] == 5
    assert container[probe]["httpGet"]["port"] == 5000


def test_seed_resources_requests_100m_256mi_limits_500m_1gi(container: Object) -> None:
    assert container["resources"] == {
        "requests": {"cpu": "100m", "memory": "256Mi"},
        "limits": {"cpu": "500m", "memory": "1Gi"},
    }


def test_seed_service_clusterip_port_5000_selector_app_mlflow(
    homelab: dict[str, Object],
) -> None:
    spec = homelab["service-mlflow.yaml"]["spec"]
    assert spec["type"] == "ClusterIP"
    assert spec["selector"] == {"app": "mlflow"}
    assert 5000 in [port["port"] for port in spec["ports"]]
    pod_labels = homelab["deployment-mlflow.yaml"]["spec"]["template"]["metadata"]["labels"]
    assert pod_labels["app"] == "mlflow"


def test_seed_ingress_host_tls_secret_body_size_class_nginx(homelab: dict[str, Object]) -> None:
    ingress = homelab["ingress-mlflow.yaml"]
    assert ingress["metadata"]["annotations"]["nginx.ingress.kubernetes.io/proxy-body-size"] == "0"
    spec = ingress["spec"]
    assert spec["ingressClassName"] == "nginx"
    assert spec["tls"] == [{"hosts": ["mlflow.example.com"], "secretName": "mlflow-tls-secret"}]
    [rule] = spec["rules"]
    assert rule["host"] == "mlflow.example.com"
    backend = rule["http"]["paths"][0]["backend"]["service"]
    assert backend == {"name": "mlflow", "port": {"number": 5000}}


def test_seed_tls_certificate_is_issued_by_cert_manager_not_copied(
    homelab: dict[str, Object],
) -> None:
    certificate = homelab["certificate-mlflow.yaml"]
    assert certificate["apiVersion"] == "cert-manager.io/v1"
    assert certificate["spec"]["secretName"] == "mlflow-tls-secret"
    assert certificate["spec"]["dnsNames"] == ["mlflow.example.com"]
    assert certificate["spec"]["issuerRef"]["kind"] == "ClusterIssuer"


def test_seed_pvc_mlflow_storage_1gi_rwo_k8s_hostpath(homelab: dict[str, Object]) -> None:
    spec = homelab["persistentvolumeclaim-mlflow-storage.yaml"]["spec"]
    assert spec["resources"]["requests"]["storage"] == "1Gi"
    assert spec["accessModes"] == ["ReadWriteOnce"]
    assert spec["storageClassName"] == "k8s-hostpath"


def test_seed_pvc_thinkube_models_500gi_rwx_juicefs_with_labels(
    homelab: dict[str, Object],
) -> None:
    claim = homelab["persistentvolumeclaim-thinkube-models.yaml"]
    assert claim["spec"]["resources"]["requests"]["storage"] == "500Gi"
    assert claim["spec"]["accessModes"] == ["ReadWriteMany"]
    assert claim["spec"]["storageClassName"] == "juicefs-rwx"
    labels = claim["metadata"]["labels"]
    assert labels["app.kubernetes.io/name"] == "ml-models"
    assert labels["managed-by"] == "thinkube"


def test_seed_group_plugin_configmap_ships_the_repository_module(
    homelab: dict[str, Object],
    root: Any,
) -> None:
    data = homelab["configmap-mlflow-group-plugin.yaml"]["data"]
    source = (root / "plugins" / "mlflow_keycloak_groups.py").read_text()
    assert data == {"mlflow_keycloak_groups.py": source}


def test_seed_10_configure_keycloak_job_config_is_the_one_tested_against_keycloak(
    homelab: dict[str, Object],
) -> None:
    """The Keycloak Job's tests prove SEED_CONFIG against a real Keycloak; the rendered
    ConfigMap must carry exactly that desired state for the overlay's host."""
    import json

    from tests.jobs.test_keycloak_bootstrap import HOST, SEED_CONFIG

    config = homelab["configmap-mlflow-keycloak-setup.yaml"]["data"]["config.json"]
    expected = json.loads(json.dumps(SEED_CONFIG).replace(HOST, "mlflow.example.com"))
    assert json.loads(config) == expected
    job = homelab["job-mlflow-keycloak-setup.yaml"]["spec"]["template"]["spec"]
    env = {item["name"]: item for item in job["containers"][0]["env"]}
    assert env["MLFLOW_CLIENT_SECRET"]["valueFrom"]["secretKeyRef"] == {
        "name": "oauth2-proxy-secret",
        "key": "client-secret",
    }
    assert env["KEYCLOAK_REALM"]["value"] == "thinkube"


SEED_000_VARIABLES = {
    "MLFLOW_KEYCLOAK_TOKEN_URL",
    "MLFLOW_KEYCLOAK_CLIENT_ID",
    "MLFLOW_CLIENT_SECRET",
    "MLFLOW_AUTH_USERNAME",
    "MLFLOW_AUTH_PASSWORD",
    "SEAWEEDFS_PASSWORD",
}


def test_seed_17_discovery_configmap_labels_endpoints_dependencies_scaling_env(
    homelab: dict[str, Object],
) -> None:
    import yaml

    config = homelab["configmap-thinkube-service-config.yaml"]
    labels = config["metadata"]["labels"]
    assert labels["thinkube.io/managed"] == "true"
    assert labels["thinkube.io/service-type"] == "core"
    assert labels["thinkube.io/service-name"] == "mlflow"
    service = yaml.safe_load(config["data"]["service.yaml"])
    assert (service["display_name"], service["category"], service["icon"]) == (
        "MLflow",
        "ai",
        "/icons/tk_ai.svg",
    )
    assert service["description"] == "ML experiment tracking and model registry"
    [web] = service["endpoints"]
    assert web["url"] == "https://mlflow.example.com"
    assert web["health_url"] == "https://mlflow.example.com/health"
    assert service["dependencies"] == ["postgres", "seaweedfs", "keycloak"]
    assert service["scaling"] == {
        "resource_type": "Deployment",
        "resource_name": "mlflow",
        "min_replicas": 1,
        "can_disable": True,
    }
    plain = service["environment_variables"]
    assert plain["MLFLOW_TRACKING_URI"] == "https://mlflow.example.com"
    assert plain["MLFLOW_KEYCLOAK_TOKEN_URL"] == (
        "https://keycloak.example.com/realms/thinkube/protocol/openid-connect/token"
    )
    assert plain["MLFLOW_KEYCLOAK_CLIENT_ID"] == "mlflow"
    # Secret values are references only; never in a ConfigMap.
    assert set(service["secret_environment_variables"]) == {
        "MLFLOW_AUTH_PASSWORD",
        "MLFLOW_CLIENT_SECRET",
        "SEAWEEDFS_PASSWORD",
    }


def test_seed_17_code_server_helpers_ship_in_a_configmap(
    homelab: dict[str, Object], root: Any
) -> None:
    scripts = homelab["configmap-mlflow-auth-scripts.yaml"]
    assert scripts["metadata"]["namespace"] == "code-server"
    for name in ("mlflow-auth.sh", "mlflow-auth.fish"):
        assert scripts["data"][name] == (root / "scripts" / "code-server" / name).read_text()


def test_seed_000_every_opted_in_app_gets_the_variables_from_secrets_not_the_admin(
    homelab: dict[str, Object],
) -> None:
    """The policies' behaviour runs in the real Kyverno engine (tests/test_kyverno_policy.py);
    here, what the rendered policies name."""
    generating = homelab["generatingpolicy-mlflow-app-credentials.yaml"]
    mutating = homelab["mutatingpolicy-mlflow-app-environment.yaml"]
    for policy in (generating, mutating):
        assert policy["apiVersion"] == "policies.kyverno.io/v1", "the stable CEL kinds"
        assert "namespace" not in policy["metadata"]
    [generate] = generating["spec"]["generate"]
    [mutation] = mutating["spec"]["mutations"]
    expression = mutation["jsonPatch"]["expression"]
    for name in SEED_000_VARIABLES:
        assert f'"name": dyn("{name}")' in expression
    assert "ADMIN_PASSWORD" not in expression, "the legacy switch is off by default"
    role = homelab["clusterrole-mlflow-kyverno-secrets.yaml"]
    assert role["metadata"]["labels"]["rbac.kyverno.io/aggregate-to-background-controller"]
    [named] = [rule for rule in role["rules"] if rule.get("resourceNames")]
    for secret in named["resourceNames"]:
        assert f'"{secret}"' in generate["expression"], f"{secret}: copied by the policy"
        assert f'"name": "{secret}"' in expression, f"{secret}: read by the variables"
