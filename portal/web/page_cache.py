"""Full-page cache for anonymous visitors (the shared cache: Redis when configured).

Only Wagtail page responses are stored, and only when nothing in them belongs to one visitor: no
session or message cookie on the request, no cookie set by the response, no CSRF token rendered, no
view restriction. Any publish, unpublish, move or delete — and any change to view restrictions, site
settings, comments or published figures — starts a new cache generation, so every page that could show
it (the page, its listings, the home page, feeds) is rebuilt on its next request.

The generation is shared by every process: in Redis when the cache is Redis; in the database when the
cache lives in each process's own memory (the embedded default), so a purge by a second worker,
`publish_scheduled` or `import_procedures` reaches them all. Each process re-reads it at most once a
second.
"""

import hashlib
import logging
import time
from collections import OrderedDict

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.locmem import LocMemCache
from django.core.exceptions import DisallowedHost
from django.db import transaction
from django.http import HttpResponse

from portal.db import increment
from portal.models import SharedGeneration

log = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation"
FORMAT = 2  # bump when the stored form changes, so a deploy never reads entries of the old form
SKIP_COOKIES = ("messages",)


_local = {"value": None, "until": 0.0}
LOCAL_SECONDS = 1.0
HOT_SIZE = 256
_hot = OrderedDict()  # key → (expires, stored): the pages this process served in the last second


def _remember(key, stored):
    _hot[key] = (time.monotonic() + LOCAL_SECONDS, stored)
    _hot.move_to_end(key)
    while len(_hot) > HOT_SIZE:
        _hot.popitem(last=False)


def _recall(key):
    entry = _hot.get(key)
    if entry is not None and entry[0] > time.monotonic():
        return entry[1]
    return None


def _in_database():
    """Whether the generation must live in the database: the cache is this process's own memory."""
    return isinstance(caches["default"], LocMemCache)


def _read_generation():
    if _in_database():
        return SharedGeneration.objects.filter(name=GENERATION_KEY).values_list("value", flat=True).first() or 0
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, 1, None)
        value = cache.get(GENERATION_KEY) or 1
    return value


def _generation():
    """The current generation, re-read from where processes share it at most once a second per process."""
    now = time.monotonic()
    if _local["value"] is not None and now < _local["until"]:
        return _local["value"]
    value = _read_generation()
    _local.update(value=value, until=now + LOCAL_SECONDS)
    return value


def _bump():
    _local.update(value=None, until=0.0)
    _hot.clear()
    if _in_database():
        increment(SharedGeneration, {"name": GENERATION_KEY}, value=1)
        return
    try:
        if cache.incr(GENERATION_KEY) is None:  # django-redis answers None while Redis is down
            log.warning("Page cache purge not recorded: the cache is unreachable")
    except ValueError:
        cache.set(GENERATION_KEY, 2, None)


def purge(**kwargs):
    """Make every cached page stale at once (signal receivers call this); other processes follow
    within a second. Inside a transaction the generation moves again after the commit, so a page
    rebuilt by another process from not yet committed data is not kept."""
    _bump()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(_bump)


def mark_cacheable(page, request, serve_args, serve_kwargs):
    """`before_serve_page` hook: a public Wagtail page may be stored."""
    request.page_cacheable = not page.get_view_restrictions().exists()


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self._eligible(request):
            return self.get_response(request)
        try:
            key = self._key(request)
        except DisallowedHost:  # a bad Host header: Django answers 400 below; not a cache failure
            return self.get_response(request)
        except Exception:  # with the cache down, pages are simply built every time
            log.warning("Page cache unavailable", exc_info=True)
            return self.get_response(request)
        try:
            cached = _recall(key)
            if cached is None:
                cached = cache.get(key)
                if cached is not None:
                    _remember(key, cached)
        except Exception:  # as above
            log.warning("Page cache unavailable", exc_info=True)
            return self.get_response(request)
        if isinstance(cached, tuple) and len(cached) == 3:
            status, headers, content = cached
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if self._storable(request, response):
            try:
                stored = (response.status_code, list(response.items()), response.content)
                cache.set(key, stored, settings.PAGE_CACHE_SECONDS)
            except Exception:  # as above
                log.warning("Page cache unavailable", exc_info=True)
            response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def _eligible(request):
        if settings.PAGE_CACHE_SECONDS <= 0 or request.method not in ("GET", "HEAD"):
            return False
        if settings.SESSION_COOKIE_NAME in request.COOKIES or any(c in request.COOKIES for c in SKIP_COOKIES):
            return False
        return not request.path.startswith(f"/{settings.WAGTAIL_ADMIN_PATH}/")

    @staticmethod
    def _key(request):
        raw = f"{request.method}:{request.get_host()}:{request.get_full_path()}"
        return f"pagecache:{FORMAT}:{_generation()}:{hashlib.sha256(raw.encode()).hexdigest()}"

    @staticmethod
    def _storable(request, response):
        return (
            getattr(request, "page_cacheable", False)
            and response.status_code == 200
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and not getattr(response, "streaming", False)
        )
