"""Who is visiting, without keeping who they are: ids that are hashes, never an address.

- `daily_visitor_id`: HMAC of the client's address and user agent with a key derived from SECRET_KEY and
  the date. Every app server computes the same id, and it changes every day, so yesterday's ids cannot
  be recomputed from logs once the day has passed.
- `cookie_voter_id`: HMAC of the random token in the visitor's `tt_ban_doc` cookie, so a visitor keeps
  (and may change) their vote on another day, from another address.
"""

import hashlib
import hmac
import re
import secrets
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme

from portal.web.client import client_address

VOTER_COOKIE = "tt_ban_doc"
BOTS = re.compile(
    r"bot|crawl|spider|slurp|bingpreview|facebookexternalhit|embedly|whatsapp|telegram|zalo.*preview|monitor|"
    r"headless|phantom|lighthouse|curl|wget|python-|httpclient|okhttp|go-http|java/|scrapy",
    re.IGNORECASE,
)
PREFETCH_HEADERS = ("Purpose", "Sec-Purpose", "X-Purpose", "X-Moz")


def _daily_key(day):
    return hmac.new(settings.SECRET_KEY.encode(), f"engagement:{day.isoformat()}".encode(), hashlib.sha256).digest()


def daily_visitor_id(request, day=None):
    day = day or timezone.localdate()
    material = f"{client_address(request)}|{request.headers.get('User-Agent', '')}".encode()
    return hmac.new(_daily_key(day), material, hashlib.sha256).hexdigest()[:32]


def voter_cookie_token(request):
    """The visitor's own random token from its cookie, or a new one to give it."""
    token = request.COOKIES.get(VOTER_COOKIE, "")
    return token if re.fullmatch(r"[A-Za-z0-9_-]{20,64}", token) else secrets.token_urlsafe(24)


def cookie_voter_id(token):
    return hmac.new(settings.SECRET_KEY.encode(), token.encode(), hashlib.sha256).hexdigest()[:40]


def remember_voter(request, response, token):
    if request.COOKIES.get(VOTER_COOKIE) != token:
        response.set_cookie(
            VOTER_COOKIE,
            token,
            max_age=365 * 24 * 3600,
            httponly=True,
            samesite="Lax",
            secure=request.is_secure(),
        )
    return response


def is_counted(request):
    """Known bots and prefetches are not visits."""
    if BOTS.search(request.headers.get("User-Agent", "")) or not request.headers.get("User-Agent"):
        return False
    return not any(
        "prefetch" in request.headers.get(h, "").lower() or "preview" in request.headers.get(h, "").lower()
        for h in PREFETCH_HEADERS
    )


def same_origin(request):
    """Cross-site request forgery check for the anonymous write endpoints.

    Pages are cached for everyone, so they cannot carry a per-visitor CSRF token; browsers send
    Origin on every POST (and Referer otherwise), and a forged cross-site POST shows a foreign one.
    """
    source = request.headers.get("Origin") or request.headers.get("Referer")
    if not source or source == "null":
        return False
    host = urlsplit(source).netloc
    if host == request.get_host():
        return True
    return url_has_allowed_host_and_scheme(source, allowed_hosts=set(settings.ALLOWED_HOSTS) - {"*"})
