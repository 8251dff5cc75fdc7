"""Who is visiting, without keeping who they are: a salted hash that changes every day, never the address.

The salt is derived from SECRET_KEY and the date, so every app server computes the same hash and
yesterday's hashes cannot be recomputed once the day has passed from logs alone.
"""

import hashlib
import hmac
import logging
import re
import secrets
import time
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme

log = logging.getLogger(__name__)

VOTER_COOKIE = "tt_ban_doc"
BOTS = re.compile(
    r"bot|crawl|spider|slurp|bingpreview|facebookexternalhit|embedly|whatsapp|telegram|zalo.*preview|monitor|"
    r"headless|phantom|lighthouse|curl|wget|python-|httpclient|okhttp|go-http|java/|scrapy",
    re.IGNORECASE,
)
PREFETCH_HEADERS = ("Purpose", "Sec-Purpose", "X-Purpose", "X-Moz")


def client_address(request):
    if settings.ENGAGEMENT_TRUST_X_FORWARDED_FOR:
        forwarded = request.headers.get("X-Forwarded-For", "")
        if forwarded:
            return forwarded.split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "")


def _daily_salt(day):
    return hmac.new(settings.SECRET_KEY.encode(), f"engagement:{day.isoformat()}".encode(), hashlib.sha256).digest()


def visitor_hash(request, day=None):
    day = day or timezone.localdate()
    material = f"{client_address(request)}|{request.headers.get('User-Agent', '')}".encode()
    return hmac.new(_daily_salt(day), material, hashlib.sha256).hexdigest()[:32]


def voter_token(request):
    """The visitor's own random voter id from its cookie, or a new one to give it."""
    token = request.COOKIES.get(VOTER_COOKIE, "")
    return token if re.fullmatch(r"[A-Za-z0-9_-]{20,64}", token) else secrets.token_urlsafe(24)


def voter_key(token):
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


def within_limit(bucket, visitor, limit, seconds):
    """A fixed-window counter per visitor in the shared cache; if the cache is down, let the request through."""
    window = int(time.time() // seconds)
    key = f"rl:{bucket}:{visitor}:{window}"
    try:
        cache.add(key, 0, seconds + 1)
        return cache.incr(key) <= limit
    except Exception:  # a cache outage must not block readers
        log.warning("Rate-limit cache unavailable", exc_info=True)
        return True
