"""mlflow-oidc-auth group-detection plugin: a user's groups are their Keycloak realm roles.

Loaded through OIDC_GROUP_DETECTION_PLUGIN=mlflow_keycloak_groups (ConfigMap mounted at
/mlflow/plugins, on PYTHONPATH). How mlflow-oidc-auth 10.2.0 and 11.0.2 call it (read from
`mlflow_oidc_auth/utils/group_detection.py`, `routers/auth.py`, `middleware/auth_middleware.py`):
`get_user_groups(access_token, token_response=...)` whenever the function declares a
`token_response` parameter, `get_user_groups(access_token)` otherwise, where
- on browser login, `token_response` is authlib's token response: `userinfo` holds the ID
  token's claims, which authlib verified (signature against the JWKS, issuer, audience = client
  id, expiry, nonce); the access token itself is NOT verified by the caller;
- on a bearer request, `token_response` is `{"access_token": ..., "claims": ...}` where `claims`
  is what `validate_token` verified (signature, issuer, audience, expiry).

So roles are read from verified claims only: `claims`, else `userinfo` (docs/overlays/homelab.md:
the realm-role mapper puts `realm_access.roles` in the ID token too). When neither carries
`realm_access` (an older caller passing only the access token, or an ID token without the claim),
the access token is verified here against the issuer's JWKS (OIDC_DISCOVERY_URL; issuer OIDC_ISSUER
or the discovery document's; audience OIDC_AUDIENCE or OIDC_CLIENT_ID) with joserfc, which
mlflow-oidc-auth depends on. A token that fails verification raises, so the login fails closed.
"""

from __future__ import annotations

import json
import os
import threading
import time
import urllib.request
from collections.abc import Mapping
from typing import Any

# Keycloak signs with RS256 by default; symmetric and "none" algorithms are never accepted.
ALGORITHMS = ("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512")
CACHE_SECONDS = 300.0
HTTP_TIMEOUT = 10.0

_lock = threading.Lock()
_cache: dict[str, tuple[float, Any]] = {}


class GroupDetectionError(ValueError):
    """The token's roles cannot be trusted (no verified claims, verification failed)."""


def get_user_groups(
    access_token: str, token_response: Mapping[str, Any] | None = None
) -> list[str]:
    """The realm roles (`realm_access.roles`) of the token's user, from verified claims."""
    for key in ("claims", "userinfo"):
        claims = (token_response or {}).get(key)
        if isinstance(claims, Mapping) and "realm_access" in claims:
            return realm_roles(claims)
    return realm_roles(verify_access_token(access_token))


def realm_roles(claims: Mapping[str, Any]) -> list[str]:
    access = claims.get("realm_access")
    roles = access.get("roles") if isinstance(access, Mapping) else None
    if not isinstance(roles, list):
        return []
    return [role for role in roles if isinstance(role, str) and role]


def _fetch_json(url: str, refresh: bool = False) -> Any:
    now = time.monotonic()
    with _lock:
        hit = _cache.get(url)
        if hit and not refresh and now - hit[0] < CACHE_SECONDS:
            return hit[1]
    if not url.startswith(("https://", "http://")):
        raise GroupDetectionError(f"not an http(s) URL: {url}")
    with urllib.request.urlopen(url, timeout=HTTP_TIMEOUT) as response:  # noqa: S310 (checked)
        value = json.load(response)
    with _lock:
        _cache[url] = (now, value)
    return value


def verify_access_token(access_token: str) -> dict[str, Any]:
    """Verify signature, issuer, audience and expiry; return the claims."""
    try:
        from joserfc import jwt
        from joserfc.errors import JoseError
        from joserfc.jwk import KeySet
    except ImportError as exc:
        raise GroupDetectionError("joserfc is needed to verify access tokens") from exc
    discovery_url = os.environ.get("OIDC_DISCOVERY_URL", "")
    audience = os.environ.get("OIDC_AUDIENCE") or os.environ.get("OIDC_CLIENT_ID", "")
    if not discovery_url or not audience:
        raise GroupDetectionError(
            "no verified claims and OIDC_DISCOVERY_URL / OIDC_CLIENT_ID unset: cannot verify"
        )
    discovery = _fetch_json(discovery_url)
    issuer = os.environ.get("OIDC_ISSUER") or discovery["issuer"]
    registry = jwt.JWTClaimsRegistry(
        leeway=30,
        iss={"essential": True, "value": issuer},
        aud={"essential": True, "value": audience},
        exp={"essential": True},
    )

    def decode(refresh: bool) -> dict[str, Any]:
        keys = KeySet.import_key_set(_fetch_json(discovery["jwks_uri"], refresh=refresh))
        return dict(jwt.decode(access_token, keys, algorithms=list(ALGORITHMS)).claims)

    try:
        try:
            claims = decode(refresh=False)
        except ValueError:
            # A key id unknown to the cached JWKS may be a rotation: refetch once.
            claims = decode(refresh=True)
        registry.validate(claims)
    except (JoseError, ValueError) as exc:
        raise GroupDetectionError(f"access token rejected: {type(exc).__name__}") from exc
    return claims
