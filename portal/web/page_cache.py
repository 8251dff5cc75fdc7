"""Full-page cache for anonymous visitors (the shared cache: Redis when configured).

Only Wagtail page responses are stored, and only when nothing in them belongs to one visitor: no
session or message cookie on the request, no cookie set by the response, no CSRF token rendered, no
view restriction.

What a change makes stale is told by generations that are part of every key: one for the whole site
and one per section (the first segment of the address: "tin-tuc", "thu-tuc-hanh-chinh"; "" is the
home page). Publishing, unpublishing, deleting or moving a page moves its section's generation (both
sections for a move) and the home page's, so the page, its listings, the home page blocks and the
section's feeds are rebuilt on their next request while every other section stays cached. A change to
the home page or a top-level section (the main menu) or to view restrictions, site settings, sites or
published figures moves the generation of the whole site. Sitemaps and search answers are not stored.

The generations are shared by every process: in Redis when the cache is Redis; in the database when
the cache lives in each process's own memory (the embedded default), so a purge by a second worker,
`publish_scheduled` or `import_procedures` reaches them all. Each process re-reads them at most once a
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
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date, parse_http_date_safe, quote_etag
from wagtail import hooks

from portal.db import increment
from portal.models import SharedGeneration

log = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation"
SECTION_PREFIX = "pagecache:section:"
FORMAT = 3  # bump when the stored form changes, so a deploy never reads entries of the old form
SKIP_COOKIES = ("messages",)

_local = {}  # generation name → (value, read until)
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
    """Whether the generations must live in the database: the cache is this process's own memory."""
    return isinstance(caches["default"], LocMemCache)


def section_of(path):
    """The section of a public address or a page's path below the site root: its first segment, after
    a language prefix ("/en/tin-tuc/" is in "tin-tuc", as "/tin-tuc/" is)."""
    first, _, rest = path.strip("/").partition("/")
    if rest and first in _language_prefixes():
        return rest.partition("/")[0]
    return first


def _language_prefixes():
    return {code for code, _name in settings.LANGUAGES}


def page_section(page):
    """The section a page is shown in: its url_path without the site root's segment."""
    return section_of(page.url_path.strip("/").partition("/")[2])


def _read(names):
    if _in_database():
        rows = dict(SharedGeneration.objects.filter(name__startswith="pagecache:").values_list("name", "value"))
        return {name: rows.get(name, 0) for name in names} | rows
    values = cache.get_many(names)
    if GENERATION_KEY in names and values.get(GENERATION_KEY) is None:
        cache.add(GENERATION_KEY, 1, None)
        values[GENERATION_KEY] = cache.get(GENERATION_KEY) or 1
    return {name: values.get(name, 0) for name in names}


def _generations(*names):
    """Current values of the named generations, re-read where processes share them at most once a second."""
    now = time.monotonic()
    missing = [name for name in names if name not in _local or _local[name][1] <= now]
    if missing:
        for name, value in _read(missing).items():
            _local[name] = (value, now + LOCAL_SECONDS)
    return [_local[name][0] for name in names]


def global_generation():
    return _generations(GENERATION_KEY)[0]


def version(section=None):
    """The generations a stored page or fragment of `section` (None: shown on every page) depends on."""
    if section is None:
        return str(global_generation())
    whole, part = _generations(GENERATION_KEY, SECTION_PREFIX + section)
    return f"{whole}.{part}"


def _bump(names):
    for name in names:
        _local.pop(name, None)
    _hot.clear()
    for name in names:
        if _in_database():
            increment(SharedGeneration, {"name": name}, value=1)
            continue
        try:
            if cache.incr(name) is None:  # django-redis answers None while Redis is down
                log.warning("Page cache purge not recorded: the cache is unreachable")
        except ValueError:
            cache.set(name, 2, None)


def _purge_names(names):
    """Move the named generations; inside a transaction again after the commit, so a page rebuilt by
    another process from not yet committed data is not kept."""
    _bump(names)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: _bump(names))


def purge(**kwargs):
    """Make every cached page stale at once; other processes follow within a second."""
    _purge_names([GENERATION_KEY])


def purge_pages(*pages, sections=()):
    """Make stale what showing these pages touches: their sections (and `sections`: where a moved page
    was), the home page, and the sections of the pages that show them elsewhere (the
    `page_cache_shown_on` hook: a decision on the procedures citing it); everything when one of them is
    the home page or a top-level section (the main menu)."""
    if any(page.depth <= 3 for page in pages):
        purge()
        return
    shown_on = [other for page in pages for fn in hooks.get_hooks("page_cache_shown_on") for other in fn(page)]
    sections = {*sections, *(page_section(page) for page in [*pages, *shown_on])}
    _purge_names(sorted({SECTION_PREFIX + section for section in sections} | {SECTION_PREFIX}))


def purge_page(sender, instance, **kwargs):
    """Receiver of page_published, page_unpublished and a page's post_delete."""
    purge_pages(instance)


def purge_moved_page(sender, instance, url_path_before=None, **kwargs):
    """Receiver of post_page_move (whose `instance` is a plain Page): the old section and the new one."""
    if url_path_before is None or url_path_before.strip("/").count("/") <= 1:
        purge()  # a top-level section left the main menu
        return
    purge_pages(instance.specific_deferred, sections=[section_of(url_path_before.strip("/").partition("/")[2])])


def mark_cacheable(page, request, serve_args, serve_kwargs):
    """`before_serve_page` hook: a public Wagtail page may be stored."""
    request.page_cacheable = not page.get_view_restrictions().exists()


def _validators(response):
    """What lets a browser, nginx or a CDN keep an anonymous page: a strong ETag of its bytes, the time it
    was built, and Cache-Control that lets shared caches keep it `PAGE_CACHE_SHARED_SECONDS` and makes
    browsers ask again each time (a 304 from the page cache costs almost nothing)."""
    response["ETag"] = quote_etag(hashlib.blake2b(response.content, digest_size=16).hexdigest())
    response["Last-Modified"] = http_date()
    patch_cache_control(response, public=True, max_age=0, must_revalidate=True, s_maxage=settings.PAGE_CACHE_SHARED_SECONDS)


def _conditional(request, response):
    """A 304 for a conditional GET that names this version of the page."""
    return get_conditional_response(
        request,
        etag=response.get("ETag"),
        last_modified=parse_http_date_safe(response.get("Last-Modified", "")),
        response=response,
    )


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
            return _conditional(request, response)
        response = self.get_response(request)
        if self._storable(request, response):
            _validators(response)
            try:
                stored = (response.status_code, list(response.items()), response.content)
                cache.set(key, stored, settings.PAGE_CACHE_SECONDS)
            except Exception:  # as above
                log.warning("Page cache unavailable", exc_info=True)
            response["X-Page-Cache"] = "miss"
            return _conditional(request, response)
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
        return f"pagecache:{FORMAT}:{version(section_of(request.path))}:{hashlib.sha256(raw.encode()).hexdigest()}"

    @staticmethod
    def _storable(request, response):
        return (
            getattr(request, "page_cacheable", False)
            and response.status_code == 200
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and not getattr(response, "streaming", False)
        )
