"""Bootstrap Job: MLflow's artifact bucket, created if missing, otherwise left exactly as it is.

ARTIFACT_STORE=s3 (boto3, path-style addressing, for SeaweedFS / MinIO / any S3):
  BUCKET, S3_ENDPOINT_URL, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, optional AWS_REGION
  (default us-east-1) and S3_VERIFY_TLS (default true; an overlay may turn it off for
  cluster-internal endpoints with self-signed certificates, as seed 001 did).
ARTIFACT_STORE=gcs (google-cloud-storage):
  BUCKET, GCS_PROJECT, optional GCS_LOCATION (default US). Credentials come from Workload
  Identity or GOOGLE_APPLICATION_CREDENTIALS; STORAGE_EMULATOR_HOST points at an emulator.

An existing bucket is never emptied, recreated or re-permissioned. A bucket these credentials
may not use (another account's, or a policy denies it: S3 answers 403 either way) is an error.
Optional: BUCKET_WAIT_TIMEOUT_SECONDS (default 300) bounds the wait for the endpoint,
BUCKET_REQUEST_TIMEOUT_SECONDS (default 10) each request.
Run as `python -m jobs.bucket_bootstrap` or `python /scripts/bucket_bootstrap.py`.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

NAME = "bucket_bootstrap"
T = TypeVar("T")

# Error codes that mean "these credentials are wrong", whatever the bucket.
S3_CREDENTIAL_CODES = frozenset(
    {
        "InvalidAccessKeyId",
        "SignatureDoesNotMatch",
        "InvalidToken",
        "ExpiredToken",
        "InvalidSecurity",
        "AuthorizationHeaderMalformed",
    }
)


class BootstrapError(Exception):
    """A failure reported as one line, exit status 1."""


class NotReady(Exception):
    """The endpoint did not answer (yet): worth another attempt until the deadline."""


@dataclass(frozen=True)
class Settings:
    store: str
    bucket: str
    wait_timeout: float
    request_timeout: float


def log(message: str) -> None:
    print(f"{NAME}: {message}", flush=True)


def env(name: str, default: str | None = None) -> str:
    value = os.environ.get(name) or default
    if not value:
        raise BootstrapError(f"environment variable {name} is required")
    return value


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    if raw.lower() in ("1", "true", "yes", "on"):
        return True
    if raw.lower() in ("0", "false", "no", "off"):
        return False
    raise BootstrapError(f"{name} must be true or false, got {raw!r}")


def env_float(name: str, default: float) -> float:
    try:
        return float(os.environ.get(name) or default)
    except ValueError:
        raise BootstrapError(f"{name} must be a number") from None


def with_retries(s: Settings, what: str, action: Callable[[], T]) -> T:
    """Run `action` until it stops raising NotReady, with exponential backoff, bounded."""
    deadline = time.monotonic() + s.wait_timeout
    delay, attempt = 1.0, 0
    while True:
        attempt += 1
        try:
            return action()
        except NotReady as exc:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise BootstrapError(
                    f"{what} unreachable after {attempt} attempts in {s.wait_timeout:g}s: {exc}"
                ) from None
            log(f"waiting for {what} (attempt {attempt}: {exc})")
            time.sleep(min(delay, remaining))
            delay = min(delay * 2, 15.0)


# --- S3 -------------------------------------------------------------------------------------


def _s3_code(exc: Any) -> tuple[str, int]:
    """(error code, HTTP status) of a botocore ClientError."""
    err: dict[str, Any] = exc.response.get("Error", {})
    status = int(exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode", 0))
    return str(err.get("Code", status)), status


def _s3_client(s: Settings, endpoint: str, region: str, verify: bool) -> Any:
    import boto3
    from botocore.config import Config

    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name=region,
        aws_access_key_id=env("AWS_ACCESS_KEY_ID"),
        aws_secret_access_key=env("AWS_SECRET_ACCESS_KEY"),
        verify=verify,
        config=Config(
            s3={"addressing_style": "path"},
            signature_version="s3v4",
            # One try per call: with_retries owns the waiting and its bound.
            retries={"max_attempts": 1, "mode": "standard"},
            connect_timeout=s.request_timeout,
            read_timeout=s.request_timeout,
        ),
    )


def _s3_state(s: Settings, client: Any, endpoint: str) -> str:
    """'present' or 'missing'; raises BootstrapError for anything this Job must not touch."""
    from botocore.exceptions import ClientError

    what = f"S3 endpoint {endpoint}"
    try:
        with_retries(s, what, lambda: _s3_call(lambda: client.head_bucket(Bucket=s.bucket)))
        return "present"
    except ClientError as exc:
        code, status = _s3_code(exc)
        if status == 404 or code in ("NoSuchBucket", "NotFound"):
            return "missing"
        if status != 403:
            raise BootstrapError(f"HEAD bucket {s.bucket}: HTTP {status} {code}") from None
    # A 403 on HEAD has no body: ask again with a call whose error body says which 403 it is.
    try:
        with_retries(
            s, what, lambda: _s3_call(lambda: client.list_objects_v2(Bucket=s.bucket, MaxKeys=1))
        )
        return "present"
    except ClientError as exc:
        code, _ = _s3_code(exc)
        if code == "NoSuchBucket":
            return "missing"
        _raise_if_credentials(code, endpoint)
        raise BootstrapError(
            f"bucket {s.bucket} is not accessible with these credentials ({code}): "
            "another account's bucket, or a policy denies it; left untouched"
        ) from None


def _s3_call(fn: Callable[[], T]) -> T:
    """Connection failures and 5xx (a server still starting) become NotReady."""
    from botocore.exceptions import ClientError, ConnectionError, HTTPClientError

    try:
        return fn()
    except (ConnectionError, HTTPClientError) as exc:
        raise NotReady(type(exc).__name__) from None
    except ClientError as exc:
        code, status = _s3_code(exc)
        if status >= 500:
            raise NotReady(f"HTTP {status} {code}") from None
        raise


def _raise_if_credentials(code: str, endpoint: str) -> None:
    if code in S3_CREDENTIAL_CODES:
        raise BootstrapError(
            f"S3 credentials rejected by {endpoint} ({code}); "
            "check AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY"
        )


def run_s3(s: Settings) -> None:
    from botocore.exceptions import ClientError

    endpoint = env("S3_ENDPOINT_URL")
    region = os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION") or "us-east-1"
    verify = env_bool("S3_VERIFY_TLS", True)
    if not verify:
        log(f"TLS verification disabled for {endpoint} (S3_VERIFY_TLS=false)")
    client = _s3_client(s, endpoint, region, verify)

    if _s3_state(s, client, endpoint) == "present":
        log(f"bucket {s.bucket}: exists at {endpoint}, left unchanged")
        return
    kwargs: dict[str, Any] = {"Bucket": s.bucket}
    if region != "us-east-1":
        kwargs["CreateBucketConfiguration"] = {"LocationConstraint": region}
    try:
        with_retries(
            s, f"S3 endpoint {endpoint}", lambda: _s3_call(lambda: client.create_bucket(**kwargs))
        )
    except ClientError as exc:
        code, status = _s3_code(exc)
        if code == "BucketAlreadyOwnedByYou":
            log(f"bucket {s.bucket}: exists at {endpoint} (created concurrently), left unchanged")
            return
        _raise_if_credentials(code, endpoint)
        if code == "BucketAlreadyExists":
            raise BootstrapError(f"bucket name {s.bucket} is taken by another account") from None
        raise BootstrapError(f"create bucket {s.bucket}: HTTP {status} {code}") from None
    log(f"bucket {s.bucket}: created at {endpoint} (region {region})")


# --- GCS ------------------------------------------------------------------------------------


def run_gcs(s: Settings) -> None:
    import google.auth.exceptions
    import requests
    from google.api_core import exceptions as gexc
    from google.cloud import storage

    project = env("GCS_PROJECT")
    location = os.environ.get("GCS_LOCATION") or "US"
    emulator = os.environ.get("STORAGE_EMULATOR_HOST")
    what = f"GCS emulator {emulator}" if emulator else "GCS"
    try:
        client = storage.Client(project=project)
    except google.auth.exceptions.DefaultCredentialsError as exc:
        raise BootstrapError(f"no GCS credentials: {str(exc).splitlines()[0]}") from None

    def call(fn: Callable[[], T]) -> T:
        try:
            return fn()
        except (requests.ConnectionError, requests.Timeout) as exc:
            raise NotReady(type(exc).__name__) from None
        except (gexc.ServerError, gexc.TooManyRequests) as exc:
            raise NotReady(f"HTTP {exc.code}") from None
        except google.auth.exceptions.TransportError as exc:
            raise NotReady(type(exc).__name__) from None
        except google.auth.exceptions.RefreshError as exc:
            raise BootstrapError(f"GCS credentials rejected: {str(exc).splitlines()[0]}") from None
        except gexc.Unauthorized:
            raise BootstrapError("GCS credentials rejected (HTTP 401)") from None

    try:
        found = with_retries(
            s,
            what,
            lambda: call(
                lambda: client.lookup_bucket(s.bucket, timeout=s.request_timeout, retry=None)
            ),
        )
    except gexc.Forbidden:
        raise BootstrapError(
            f"bucket {s.bucket} exists but these credentials cannot use it (HTTP 403): "
            "another project's, or missing roles/storage permissions; left untouched"
        ) from None
    if found is not None:
        log(f"bucket {s.bucket}: exists in GCS (location {found.location}), left unchanged")
        return

    bucket = storage.Bucket(client, name=s.bucket)
    # New buckets only: no per-object ACLs, never public (existing buckets are not touched).
    bucket.iam_configuration.uniform_bucket_level_access_enabled = True
    bucket.iam_configuration.public_access_prevention = "enforced"
    try:
        with_retries(
            s,
            what,
            lambda: call(
                lambda: client.create_bucket(
                    bucket,
                    project=project,
                    location=location,
                    timeout=s.request_timeout,
                    retry=None,
                )
            ),
        )
    except gexc.Conflict:
        raise BootstrapError(
            f"bucket name {s.bucket} is taken (HTTP 409) by a bucket these credentials cannot "
            "see; choose another name"
        ) from None
    except gexc.Forbidden as exc:
        raise BootstrapError(
            f"cannot create bucket {s.bucket} in project {project}: {exc.message}"
        ) from None
    log(f"bucket {s.bucket}: created in project {project} (location {location})")


def main() -> int:
    try:
        store = env("ARTIFACT_STORE").lower()
        s = Settings(
            store=store,
            bucket=env("BUCKET"),
            wait_timeout=env_float("BUCKET_WAIT_TIMEOUT_SECONDS", 300),
            request_timeout=env_float("BUCKET_REQUEST_TIMEOUT_SECONDS", 10),
        )
        if store == "s3":
            run_s3(s)
        elif store == "gcs":
            run_gcs(s)
        else:
            raise BootstrapError(f"ARTIFACT_STORE must be s3 or gcs, got {store!r}")
    except BootstrapError as exc:
        print(f"{NAME}: error: {exc}", file=sys.stderr, flush=True)
        return 1
    except Exception as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
        print(f"{NAME}: error: {type(exc).__name__}: {first}", file=sys.stderr, flush=True)
        return 1
    log("done")
    return 0


if __name__ == "__main__":
    sys.exit(main())
