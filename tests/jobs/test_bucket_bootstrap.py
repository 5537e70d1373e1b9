"""jobs/bucket_bootstrap.py against real object stores: SeaweedFS and MinIO (S3, signature v4
enforced) and fake-gcs-server (GCS JSON API), from tests/servers/.

The Job runs as a subprocess with the environment its container gets; results are read back
with independent clients.
"""

from __future__ import annotations

import subprocess
import sys
import time
import uuid

import pytest
from botocore.exceptions import ClientError
from google.cloud import storage

from tests.jobs.test_database_bootstrap import (
    ROOT,
    JobResult,
    StdoutReader,
    finish,
    job_env,
    run_job,
    silent_port,
    start_job,
)
from tests.servers.gcs import GcsServer, gcs_server, running_fake_gcs  # noqa: F401
from tests.servers.processes import free_ports
from tests.servers.s3 import (  # noqa: F401
    RUNNERS,
    S3Server,
    minio_server,
    s3_server,
    seaweedfs_server,
)

JOB = "bucket_bootstrap"


def bucket_name() -> str:
    return "mlflow-" + uuid.uuid4().hex[:12]


def s3_env(server: S3Server, bucket: str, **overrides: str) -> dict[str, str]:
    return {**server.job_env(), "BUCKET": bucket, "BUCKET_WAIT_TIMEOUT_SECONDS": "30", **overrides}


def bucket_exists(server: S3Server, bucket: str) -> bool:
    try:
        server.client().head_bucket(Bucket=bucket)
    except ClientError as exc:
        if exc.response["ResponseMetadata"]["HTTPStatusCode"] == 404:
            return False
        raise
    return True


def objects(server: S3Server, bucket: str) -> dict[str, bytes]:
    client = server.client()
    listing = client.list_objects_v2(Bucket=bucket).get("Contents", [])
    return {
        o["Key"]: client.get_object(Bucket=bucket, Key=o["Key"])["Body"].read() for o in listing
    }


# ---------------------------------------------------------------- S3: SeaweedFS and MinIO


@pytest.mark.servers
def test_s3_creates_then_leaves_the_bucket_and_its_objects(s3_server: S3Server) -> None:  # noqa: F811
    bucket = bucket_name()
    assert not bucket_exists(s3_server, bucket)

    first = run_job(JOB, s3_env(s3_server, bucket))
    assert first.returncode == 0, first.stderr
    assert f"bucket {bucket}: created" in first.stdout
    first.assert_no_secret(s3_server.secret_key)
    assert bucket_exists(s3_server, bucket)

    # What MLflow would have written between two syncs.
    client = s3_server.client()
    client.put_object(Bucket=bucket, Key="1/abc/artifacts/model.pkl", Body=b"model-bytes")
    client.put_object(Bucket=bucket, Key="1/abc/artifacts/metrics.json", Body=b"{}")
    before = objects(s3_server, bucket)

    second = run_job(JOB, s3_env(s3_server, bucket))
    assert second.returncode == 0, second.stderr
    assert f"bucket {bucket}: exists" in second.stdout and "left unchanged" in second.stdout
    assert "created" not in second.stdout
    assert (
        objects(s3_server, bucket)
        == before
        == {"1/abc/artifacts/model.pkl": b"model-bytes", "1/abc/artifacts/metrics.json": b"{}"}
    )


@pytest.mark.servers
@pytest.mark.parametrize("existing", [False, True], ids=["new-bucket", "existing-bucket"])
def test_s3_wrong_secret_fails_with_one_line_and_changes_nothing(
    s3_server: S3Server,  # noqa: F811
    existing: bool,
) -> None:
    bucket = bucket_name()
    if existing:
        s3_server.client().create_bucket(Bucket=bucket)
        s3_server.client().put_object(Bucket=bucket, Key="keep", Body=b"me")
    wrong = "wrong-" + uuid.uuid4().hex
    result = run_job(
        JOB,
        s3_env(s3_server, bucket, AWS_SECRET_ACCESS_KEY=wrong, BUCKET_WAIT_TIMEOUT_SECONDS="60"),
    )
    result.assert_one_line_error("credentials rejected")
    result.assert_no_secret(wrong, s3_server.secret_key)
    assert result.seconds < 30, "a credential failure must not be retried until timeout"
    assert bucket_exists(s3_server, bucket) == existing
    if existing:
        assert objects(s3_server, bucket) == {"keep": b"me"}


@pytest.mark.servers
def test_s3_bucket_of_another_tenant_is_an_error_and_left_untouched(
    seaweedfs_server: S3Server,  # noqa: F811
) -> None:
    assert seaweedfs_server.tenant_key is not None
    tenant_access, tenant_secret = seaweedfs_server.tenant_key
    bucket = bucket_name()
    seaweedfs_server.client().create_bucket(Bucket=bucket)
    seaweedfs_server.client().put_object(Bucket=bucket, Key="theirs", Body=b"data")
    as_tenant = {"AWS_ACCESS_KEY_ID": tenant_access, "AWS_SECRET_ACCESS_KEY": tenant_secret}

    result = run_job(JOB, {**s3_env(seaweedfs_server, bucket), **as_tenant})
    result.assert_one_line_error(bucket, "not accessible with these credentials", "AccessDenied")
    result.assert_no_secret(tenant_secret)
    assert objects(seaweedfs_server, bucket) == {"theirs": b"data"}
    # The same key is valid for its own bucket: the failure above was about ownership.
    own = run_job(JOB, {**s3_env(seaweedfs_server, seaweedfs_server.tenant_bucket), **as_tenant})
    assert own.returncode == 0, own.stderr
    assert bucket_exists(seaweedfs_server, seaweedfs_server.tenant_bucket)


@pytest.mark.servers
@pytest.mark.parametrize("kind", sorted(RUNNERS))
def test_s3_server_started_late_is_waited_for(kind: str) -> None:
    port = free_ports(1)[0]
    bucket = bucket_name()
    access, secret = "late" + uuid.uuid4().hex[:8], "Late-" + uuid.uuid4().hex
    planned = S3Server(kind, f"http://127.0.0.1:{port}", access, secret)
    started = time.monotonic()
    proc = start_job(JOB, s3_env(planned, bucket, BUCKET_WAIT_TIMEOUT_SECONDS="120"))
    try:
        reader = StdoutReader(proc)
        reader.wait_for("waiting for S3 endpoint", timeout=60)
        time.sleep(2)
        assert proc.poll() is None, "the Job gave up before the server started"
        with RUNNERS[kind](port, access_key=access, secret_key=secret) as server:
            result = finish(proc, started, timeout=150, reader=reader)
            assert result.returncode == 0, result.stderr
            assert "waiting for S3 endpoint" in result.stdout
            assert f"bucket {bucket}: created" in result.stdout
            assert bucket_exists(server, bucket)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()


@pytest.mark.servers
def test_s3_endpoint_that_never_answers_fails_within_the_bound() -> None:
    with silent_port() as port:
        server = S3Server("silent", f"http://127.0.0.1:{port}", "AKIDEXAMPLE", "secret-example")
        env = s3_env(
            server,
            bucket_name(),
            BUCKET_WAIT_TIMEOUT_SECONDS="6",
            BUCKET_REQUEST_TIMEOUT_SECONDS="2",
        )
        result = run_job(JOB, env, timeout=60)
    result.assert_one_line_error("unreachable after", f"127.0.0.1:{port}")
    # Bound: the wait plus one request timeout, plus interpreter start-up on a loaded machine.
    assert 5 <= result.seconds < 30, result.seconds
    assert "waiting for S3 endpoint" in result.stdout


# ---------------------------------------------------------------- GCS: fake-gcs-server


def gcs_client(server: GcsServer, monkeypatch: pytest.MonkeyPatch) -> storage.Client:
    for key, value in server.client_env().items():
        monkeypatch.setenv(key, value)
    return storage.Client(project=server.project)


@pytest.mark.servers
def test_gcs_creates_then_leaves_the_bucket_and_its_objects(
    gcs_server: GcsServer,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    bucket = bucket_name()
    client = gcs_client(gcs_server, monkeypatch)
    assert client.lookup_bucket(bucket) is None

    first = run_job(JOB, {**gcs_server.job_env(), "BUCKET": bucket, "GCS_LOCATION": "EU"})
    assert first.returncode == 0, first.stderr
    assert f"bucket {bucket}: created in project {gcs_server.project}" in first.stdout
    created = client.lookup_bucket(bucket)
    # (fake-gcs-server gives every bucket its own -location: the location is not checkable.)
    assert created is not None

    created.blob("1/abc/artifacts/model.pkl").upload_from_string(b"model-bytes")
    second = run_job(JOB, {**gcs_server.job_env(), "BUCKET": bucket, "GCS_LOCATION": "EU"})
    assert second.returncode == 0, second.stderr
    assert f"bucket {bucket}: exists in GCS" in second.stdout and "created" not in second.stdout
    blobs = {b.name: b.download_as_bytes() for b in client.list_blobs(bucket)}
    assert blobs == {"1/abc/artifacts/model.pkl": b"model-bytes"}


@pytest.mark.servers
def test_gcs_server_started_late_is_waited_for(monkeypatch: pytest.MonkeyPatch) -> None:
    port = free_ports(1)[0]
    bucket = bucket_name()
    env = {
        **GcsServer(f"http://127.0.0.1:{port}").job_env(),
        "BUCKET": bucket,
        "BUCKET_WAIT_TIMEOUT_SECONDS": "90",
    }
    started = time.monotonic()
    proc = start_job(JOB, env)
    try:
        reader = StdoutReader(proc)
        reader.wait_for("waiting for GCS emulator", timeout=60)
        time.sleep(2)
        assert proc.poll() is None, "the Job gave up before the server started"
        with running_fake_gcs(port) as server:
            result = finish(proc, started, timeout=120, reader=reader)
            assert result.returncode == 0, result.stderr
            assert "waiting for GCS emulator" in result.stdout
            assert gcs_client(server, monkeypatch).lookup_bucket(bucket) is not None
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()


@pytest.mark.servers
def test_gcs_endpoint_that_never_answers_fails_within_the_bound() -> None:
    with silent_port() as port:
        env = {
            **GcsServer(f"http://127.0.0.1:{port}").job_env(),
            "BUCKET": bucket_name(),
            "BUCKET_WAIT_TIMEOUT_SECONDS": "6",
            "BUCKET_REQUEST_TIMEOUT_SECONDS": "2",
        }
        result = run_job(JOB, env, timeout=60)
    result.assert_one_line_error("unreachable after", f"127.0.0.1:{port}")
    # Bound: the wait plus one request timeout, plus interpreter start-up on a loaded machine.
    assert 5 <= result.seconds < 30, result.seconds


@pytest.mark.parametrize(
    ("env", "reason"),
    [
        ({"ARTIFACT_STORE": "azure", "BUCKET": "b"}, "ARTIFACT_STORE must be s3 or gcs"),
        ({"ARTIFACT_STORE": "s3", "BUCKET": "b"}, "S3_ENDPOINT_URL is required"),
        (
            {
                "ARTIFACT_STORE": "s3",
                "BUCKET": "b",
                "S3_ENDPOINT_URL": "https://s3.invalid",
                "AWS_ACCESS_KEY_ID": "k",
                "AWS_SECRET_ACCESS_KEY": "s",
                "S3_VERIFY_TLS": "maybe",
            },
            "S3_VERIFY_TLS must be true or false",
        ),
    ],
    ids=["unknown-store", "missing-endpoint", "bad-verify-flag"],
)
def test_bad_configuration_fails_with_one_line_when_run_as_a_script(
    env: dict[str, str], reason: str
) -> None:
    # The container runs `python /scripts/bucket_bootstrap.py`: no package context.
    proc = subprocess.run(
        [sys.executable, str(ROOT / "jobs" / f"{JOB}.py")],
        cwd="/",
        env=job_env(env),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    JobResult(proc.returncode, proc.stdout, proc.stderr, 0).assert_one_line_error(reason)
