"""A local OAuth2 token endpoint that answers like Keycloak's password grant.

`POST /realms/<realm>/protocol/openid-connect/token` with a form body: when grant_type,
client_id, client_secret, username and password all match, 200 with a token JSON; otherwise the
error JSON Keycloak sends (401 invalid_client / invalid_grant, 400 unsupported_grant_type).
Every request's form is recorded so tests can check what a client really sent. Stdlib
http.server in a thread, on a free loopback port.
"""

from __future__ import annotations

import contextlib
import json
import secrets
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

TOKEN_PATH = "/realms/thinkube/protocol/openid-connect/token"


@dataclass
class TokenEndpoint:
    url: str
    client_id: str
    client_secret: str
    username: str
    password: str
    requests: list[dict[str, list[str]]] = field(default_factory=list)
    issued: list[str] = field(default_factory=list)


def _handler(endpoint: TokenEndpoint) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass  # quiet test output

        def _send(self, status: int, body: dict[str, object]) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(data)

        def do_POST(self) -> None:
            if self.path != TOKEN_PATH:
                self._send(404, {"error": "Unable to find matching target resource method"})
                return
            if self.headers.get("Content-Type", "").split(";")[0] != (
                "application/x-www-form-urlencoded"
            ):
                self._send(400, {"error": "invalid_request", "error_description": "form only"})
                return
            raw = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            form = parse_qs(raw.decode(), keep_blank_values=True, strict_parsing=False)
            endpoint.requests.append(form)

            def one(name: str) -> str | None:
                values = form.get(name)
                return values[0] if values and len(values) == 1 else None

            if one("grant_type") != "password":
                self._send(
                    400,
                    {
                        "error": "unsupported_grant_type",
                        "error_description": "Unsupported grant_type",
                    },
                )
                return
            if (one("client_id"), one("client_secret")) != (
                endpoint.client_id,
                endpoint.client_secret,
            ):
                self._send(
                    401,
                    {
                        "error": "unauthorized_client",
                        "error_description": "Invalid client or Invalid client credentials",
                    },
                )
                return
            if (one("username"), one("password")) != (endpoint.username, endpoint.password):
                self._send(
                    401,
                    {"error": "invalid_grant", "error_description": "Invalid user credentials"},
                )
                return
            token = f"eyJ.{secrets.token_urlsafe(24)}.sig"
            endpoint.issued.append(token)
            self._send(
                200,
                {
                    "access_token": token,
                    "expires_in": 3600,
                    "refresh_expires_in": 1800,
                    "refresh_token": f"eyJ.{secrets.token_urlsafe(24)}.ref",
                    "token_type": "Bearer",
                    "not-before-policy": 0,
                    "scope": one("scope") or "",
                },
            )

    return Handler


@contextlib.contextmanager
def running_token_endpoint(
    *,
    client_id: str = "mlflow",
    client_secret: str | None = None,
    username: str = "tkadmin",
    password: str | None = None,
) -> Iterator[TokenEndpoint]:
    """Serve the token endpoint on 127.0.0.1 (free port) until the block ends.

    Secrets not given are random; read them back from the yielded TokenEndpoint.
    """
    endpoint = TokenEndpoint(
        "",
        client_id,
        client_secret or secrets.token_urlsafe(16),
        username,
        password or secrets.token_urlsafe(16),
    )
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(endpoint))
    endpoint.url = f"http://127.0.0.1:{server.server_address[1]}{TOKEN_PATH}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield endpoint
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
