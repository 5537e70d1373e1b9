"""Bootstrap Job: MLflow's artifact bucket, created if missing, otherwise left exactly as it is.

ARTIFACT_STORE=s3 (requests and signature v4, path-style, for SeaweedFS / MinIO / any S3):
  BUCKET, S3_ENDPOINT_URL, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, optional AWS_REGION
  (default us-east-1) and S3_VERIFY_TLS (default true; an overlay may turn it off for
  cluster-internal endpoints with self-signed certificates, as the original homelab setup did).
ARTIFACT_STORE=gcs (google-cloud-storage):
  BUCKET, GCS_PROJECT, optional GCS_LOCATION (default US). Credentials come from Workload
  Identity or GOOGLE_APPLICATION_CREDENTIALS; STORAGE_EMULATOR_HOST points at an emulator.

An existing bucket is never emptied, recreated or re-permissioned. A bucket these credentials
may not use (another account's, or a policy denies it: S3 answers 403 either way) is an error.
Optional: BUCKET_WAIT_TIMEOUT_SECONDS (default 300) bounds the wait for the endpoint,
BUCKET_REQUEST_TIMEOUT_SECONDS (default 10) each request.
Run as `python /scripts/bucket_bootstrap.py`, next to jobkit.py (as its ConfigMap ships them).
"""

from __future__ import annotations

import hashlib
import hmac
import re
import sys
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TypeVar
from urllib.parse import quote, urlsplit

import requests

# Only the standard library and requests, which MLflow itself depends on: the Job runs on the
# overlay's MLflow image, the frozen bitnamilegacy/mlflow:3.3.2 included (README, Bootstrap Jobs).
import jobkit
from jobkit import JobError, NotReady

T = TypeVar("T")
log = jobkit.Log("bucket_bootstrap")

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


@dataclass(frozen=True)
class GcsSettings:
    project: str
    location: str
    emulator: str  # STORAGE_EMULATOR_HOST, which the Google client reads itself; "" for GCS


@dataclass(frozen=True)
class Settings:
    bucket: str
    wait_timeout: float
    request_timeout: float
    store: S3Client | GcsSettings


def load_config(environ: Mapping[str, str], files: Mapping[str, str]) -> Settings:
    """The Job's settings from its environment (it reads no file of its own)."""
    env = jobkit.Env.of(environ)
    kind = env.require("ARTIFACT_STORE").lower()
    request_timeout = env.number("BUCKET_REQUEST_TIMEOUT_SECONDS", 10, low=0.1)
    store: S3Client | GcsSettings
    if kind == "s3":
        store = S3Client(
            endpoint=env.require("S3_ENDPOINT_URL"),
            region=env.optional("AWS_REGION") or env.optional("AWS_DEFAULT_REGION", "us-east-1"),
            access_key=env.require("AWS_ACCESS_KEY_ID"),
            secret_key=env.require("AWS_SECRET_ACCESS_KEY"),
            verify=env.flag("S3_VERIFY_TLS", True),
            timeout=request_timeout,
        )
    elif kind == "gcs":
        store = GcsSettings(
            project=env.require("GCS_PROJECT"),
            location=env.optional("GCS_LOCATION", "US"),
            emulator=env.optional("STORAGE_EMULATOR_HOST"),
        )
    else:
        raise JobError(f"ARTIFACT_STORE must be s3 or gcs, got {kind!r}")
    return Settings(
        bucket=env.require("BUCKET"),
        wait_timeout=env.number("BUCKET_WAIT_TIMEOUT_SECONDS", 300, low=0),
        request_timeout=request_timeout,
        store=store,
    )


def with_retries(s: Settings, what: str, action: Callable[[], T]) -> T:
    return jobkit.wait_for(what, action, timeout=s.wait_timeout, log=log)


# --- S3 ---------------------------------------------------------------------------------------
# Plain HTTP with AWS signature v4 (stdlib + requests): the bitnami-legacy overlay runs this Job
# on bitnamilegacy/mlflow:3.3.2, whose MLflow brings requests but not boto3.

EMPTY_SHA256 = hashlib.sha256(b"").hexdigest()


@dataclass(frozen=True)
class S3Reply:
    status: int
    code: str  # the error body's <Code>, or the status for an answer without a body


@dataclass(frozen=True)
class S3Client:
    endpoint: str
    region: str
    access_key: str
    secret_key: str
    verify: bool
    timeout: float

    def request(self, method: str, bucket: str, query: str = "", body: bytes = b"") -> S3Reply:
        """One signed path-style request; connection failures and 5xx become NotReady."""
        url = urlsplit(self.endpoint)
        path = url.path.rstrip("/") + "/" + quote(bucket, safe="")
        headers = self._signed_headers(method, url.netloc, path, query, body)
        try:
            reply = requests.request(
                method,
                f"{url.scheme}://{url.netloc}{path}" + (f"?{query}" if query else ""),
                data=body or None,
                headers=headers,
                verify=self.verify,
                timeout=self.timeout,
                allow_redirects=False,
            )
        except (requests.ConnectionError, requests.Timeout) as exc:
            raise NotReady(type(exc).__name__) from None
        code = _s3_error_code(reply.content) or str(reply.status_code)
        if reply.status_code >= 500:
            raise NotReady(f"HTTP {reply.status_code} {code}")
        return S3Reply(reply.status_code, code)

    def _signed_headers(
        self, method: str, host: str, path: str, query: str, body: bytes
    ) -> dict[str, str]:
        now = time.gmtime()
        stamp, day = time.strftime("%Y%m%dT%H%M%SZ", now), time.strftime("%Y%m%d", now)
        payload = hashlib.sha256(body).hexdigest() if body else EMPTY_SHA256
        headers = {"host": host, "x-amz-content-sha256": payload, "x-amz-date": stamp}
        signed = ";".join(sorted(headers))
        canonical = "\n".join(
            [
                method,
                path,
                query,
                *(f"{k}:{headers[k]}" for k in sorted(headers)),
                "",
                signed,
                payload,
            ]
        )
        scope = f"{day}/{self.region}/s3/aws4_request"
        to_sign = "\n".join(
            ["AWS4-HMAC-SHA256", stamp, scope, hashlib.sha256(canonical.encode()).hexdigest()]
        )
        key = f"AWS4{self.secret_key}".encode()
        for part in (day, self.region, "s3", "aws4_request"):
            key = hmac.new(key, part.encode(), hashlib.sha256).digest()
        signature = hmac.new(key, to_sign.encode(), hashlib.sha256).hexdigest()
        return {
            "Host": host,
            "x-amz-content-sha256": payload,
            "x-amz-date": stamp,
            "Authorization": (
                f"AWS4-HMAC-SHA256 Credential={self.access_key}/{scope}, "
                f"SignedHeaders={signed}, Signature={signature}"
            ),
        }


def _s3_error_code(body: bytes) -> str:
    """The <Code> of an S3 error body ('' when there is none); a pattern, not an XML parser,
    for a body from the network."""
    found = re.search(rb"<Code>\s*([^<\s]+)\s*</Code>", body)
    return found.group(1).decode(errors="replace") if found else ""


def _s3_state(s: Settings, client: S3Client) -> str:
    """'present' or 'missing'; raises JobError for anything this Job must not touch."""
    what = f"S3 endpoint {client.endpoint}"
    head = with_retries(s, what, lambda: client.request("HEAD", s.bucket))
    if head.status == 200:
        return "present"
    if head.status == 404:
        return "missing"
    if head.status != 403:
        raise JobError(f"HEAD bucket {s.bucket}: HTTP {head.status} {head.code}")
    # A 403 on HEAD has no body: ask again with a call whose error body says which 403 it is.
    listing = with_retries(
        s, what, lambda: client.request("GET", s.bucket, "list-type=2&max-keys=1")
    )
    if listing.status == 200:
        return "present"
    if listing.code == "NoSuchBucket":
        return "missing"
    _raise_if_credentials(listing.code, client.endpoint)
    raise JobError(
        f"bucket {s.bucket} is not accessible with these credentials ({listing.code}): "
        "another account's bucket, or a policy denies it; left untouched"
    )


def _raise_if_credentials(code: str, endpoint: str) -> None:
    if code in S3_CREDENTIAL_CODES:
        raise JobError(
            f"S3 credentials rejected by {endpoint} ({code}); "
            "check AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY"
        )


def run_s3(s: Settings, client: S3Client) -> None:
    endpoint, region = client.endpoint, client.region
    if not client.verify:
        log(f"TLS verification disabled for {endpoint} (S3_VERIFY_TLS=false)")
        # One line above says so; urllib3's per-request warning would repeat it on stderr.
        import urllib3

        urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)
    if _s3_state(s, client) == "present":
        log(f"bucket {s.bucket}: exists at {endpoint}, left unchanged")
        return
    body = b""
    if region != "us-east-1":
        body = (
            '<CreateBucketConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">'
            f"<LocationConstraint>{region}</LocationConstraint></CreateBucketConfiguration>"
        ).encode()
    created = with_retries(
        s, f"S3 endpoint {endpoint}", lambda: client.request("PUT", s.bucket, body=body)
    )
    if created.status != 200:
        if created.code == "BucketAlreadyOwnedByYou":
            log(f"bucket {s.bucket}: exists at {endpoint} (created concurrently), left unchanged")
            return
        _raise_if_credentials(created.code, endpoint)
        if created.code == "BucketAlreadyExists":
            raise JobError(f"bucket name {s.bucket} is taken by another account")
        raise JobError(f"create bucket {s.bucket}: HTTP {created.status} {created.code}")
    log(f"bucket {s.bucket}: created at {endpoint} (region {region})")


# --- GCS ------------------------------------------------------------------------------------


def run_gcs(s: Settings, store: GcsSettings) -> None:
    import google.auth.exceptions
    from google.api_core import exceptions as gexc
    from google.cloud import storage

    project, location, emulator = store.project, store.location, store.emulator
    what = f"GCS emulator {emulator}" if emulator else "GCS"
    try:
        client = storage.Client(project=project)
    except google.auth.exceptions.DefaultCredentialsError as exc:
        raise JobError(f"no GCS credentials: {str(exc).splitlines()[0]}") from None

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
            raise JobError(f"GCS credentials rejected: {str(exc).splitlines()[0]}") from None
        except gexc.Unauthorized:
            raise JobError("GCS credentials rejected (HTTP 401)") from None

    try:
        found = with_retries(
            s,
            what,
            lambda: call(
                lambda: client.lookup_bucket(s.bucket, timeout=s.request_timeout, retry=None)
            ),
        )
    except gexc.Forbidden:
        raise JobError(
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
        raise JobError(
            f"bucket name {s.bucket} is taken (HTTP 409) by a bucket these credentials cannot "
            "see; choose another name"
        ) from None
    except gexc.Forbidden as exc:
        raise JobError(
            f"cannot create bucket {s.bucket} in project {project}: {exc.message}"
        ) from None
    log(f"bucket {s.bucket}: created in project {project} (location {location})")


def run(s: Settings) -> None:
    if isinstance(s.store, S3Client):
        run_s3(s, s.store)
    else:
        run_gcs(s, s.store)


def describe(exc: Exception) -> str:
    return f"{type(exc).__name__}: {jobkit.first_line(exc)}"


def main() -> int:
    return jobkit.main(log, load_config, run, describe=describe, done="done")


if __name__ == "__main__":
    sys.exit(main())
