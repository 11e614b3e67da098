"""The server's guards: the access token, the CSRF token with a same-origin check, the Host header,
and the headers every answer carries.

The token comes in the URL once (`?token=`), is moved into an HttpOnly SameSite=Strict cookie and
dropped from the address bar; a request with neither gets 403. A POST also needs the page's CSRF
token and an Origin (or, lacking one, a Referer) of this very server. The Host must be this server's
address too, so a page elsewhere cannot reach it through a name that resolves to 127.0.0.1.
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass, field
from urllib.parse import urlencode, urlsplit

from flask import Request, Response, abort, redirect

COOKIE = "policycheck_token"


def cookie_name(request: Request) -> str:
    """The token cookie's name for this server's port: cookies are not kept apart by port, so two
    `serve` running at once would otherwise overwrite each other's token."""
    return f"{COOKIE}_{urlsplit(f'//{request.host}').port or 80}"
LOCAL_HOSTS = ("127.0.0.1", "localhost")


@dataclass(frozen=True)
class Secrets:
    token: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    csrf: str = field(default_factory=lambda: secrets.token_urlsafe(32))


def _same(given: str | None, expected: str) -> bool:
    return given is not None and hmac.compare_digest(given.encode(), expected.encode())


def guard(request: Request, keys: Secrets) -> Response | None:
    """None to let the request through, a redirect that sets the cookie, or abort(403)."""
    if urlsplit(f"//{request.host}").hostname not in LOCAL_HOSTS:
        abort(403)
    if _same(request.args.get("token"), keys.token):
        return _cookie_redirect(request, keys)
    if not _same(request.cookies.get(cookie_name(request)), keys.token):
        abort(403)
    if request.method == "POST" and not (_same(request.form.get("csrf"), keys.csrf) and same_origin(request)):
        abort(403)
    return None


def _cookie_redirect(request: Request, keys: Secrets) -> Response:
    query = urlencode([(name, value) for name, value in request.args.items(multi=True) if name != "token"])
    response = redirect(request.path + (f"?{query}" if query else ""))
    response.set_cookie(cookie_name(request), keys.token, httponly=True, samesite="Strict", path="/")
    return response


def same_origin(request: Request) -> bool:
    """The POST comes from a page of this server: its Origin, or failing that its Referer, is ours."""
    own = f"{request.scheme}://{request.host}"
    origin = request.headers.get("Origin")
    if origin is not None:
        return origin == own
    referer = request.headers.get("Referer")
    return referer is not None and f"{urlsplit(referer).scheme}://{urlsplit(referer).netloc}" == own


def secure_headers(response: Response, nonce: str) -> Response:
    response.headers["Content-Security-Policy"] = (
        f"default-src 'none'; style-src 'nonce-{nonce}'; script-src 'nonce-{nonce}'; img-src 'self' data:; "
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["Referrer-Policy"] = "same-origin"
    response.headers["Cache-Control"] = "no-store"
    return response
