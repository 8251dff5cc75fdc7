"""Full-page cache for anonymous visitors (the shared cache: Redis when configured).

Only Wagtail page responses are stored, and only when nothing in them belongs to one visitor: no
session or message cookie on the request, no cookie set by the response, no CSRF token rendered, no
view restriction.

A stored page is answered in front of Django: PageCacheApplication, around the Django application in
portal/wsgi.py, reads the key from the WSGI environ and sends the stored status, headers and body (a
304 for a conditional request naming it) without a request object, middleware or request signal; one
cache read per hit, none for the pages this process served in the last second. PageCacheMiddleware is
the outermost middleware, so a page is stored with every header the others add (security headers,
Content-Language, HSTS over https) and a hit carries what the miss did; it also answers hits to requests
that did not come through PageCacheApplication (the test client).

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

import contextlib
import hashlib
import logging
import pickle
import time
from collections import OrderedDict

import redis
from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.locmem import LocMemCache
from django.core.handlers.wsgi import WSGIRequest
from django.core.signals import setting_changed
from django.db import transaction
from django.dispatch import receiver
from django.http import HttpResponse
from django.http.cookie import parse_cookie
from django.http.request import split_domain_port, validate_host
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date, parse_http_date_safe, quote_etag
from django_redis.client import DefaultClient
from django_redis.compressors.identity import IdentityCompressor
from django_redis.serializers.pickle import PickleSerializer
from wagtail import hooks

from portal.db import increment
from portal.models import SharedGeneration
from portal.web.input import NUL

log = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation"
SECTION_PREFIX = "pagecache:section:"
FORMAT = 4  # bump when the stored form changes, so a deploy never reads entries of the old form
SKIP_COOKIES = ("messages",)
LOOKED_UP = "portal.page_cache.key"  # set in the WSGI environ by PageCacheApplication after a miss
CONDITIONAL_HEADERS = ("HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE", "HTTP_IF_MATCH", "HTTP_IF_UNMODIFIED_SINCE")
HOST_MEMORY = 64

_local = {}  # generation name → (value, read until)
LOCAL_SECONDS = 1.0
HOT_SIZE = 256
_hot = OrderedDict()  # key → (expires, stored): the pages this process served in the last second


def _remember(key, stored):
    """Keep a page served now for the next second; the oldest copies go once expired (a worker would
    otherwise hold HOT_SIZE pages, megabytes, long after a burst) or when there are too many."""
    now = time.monotonic()
    _hot[key] = (now + LOCAL_SECONDS, stored)
    _hot.move_to_end(key)
    while len(_hot) > HOT_SIZE or next(iter(_hot.values()))[0] <= now:
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
    """A 304 for a conditional GET that names this version of the page (412 for a failed If-Match)."""
    return get_conditional_response(
        request,
        etag=response.get("ETag"),
        last_modified=parse_http_date_safe(response.get("Last-Modified", "")),
        response=response,
    )


def _scheme(environ):
    """The scheme Django would see (behind a proxy: its SECURE_PROXY_SSL_HEADER): https pages carry HSTS."""
    if settings.SECURE_PROXY_SSL_HEADER:
        header, secure = settings.SECURE_PROXY_SSL_HEADER
        value = environ.get(header)
        if value is not None:
            return "https" if value.split(",", 1)[0].strip() == secure else "http"
    return environ.get("wsgi.url_scheme", "http")


_hosts = {}  # raw Host → whether ALLOWED_HOSTS accepts it


def _host(environ, scheme):
    """The host Django would read (HttpRequest.get_host), or None when Django would refuse it: a 400 it
    answers itself."""
    if settings.USE_X_FORWARDED_HOST and "HTTP_X_FORWARDED_HOST" in environ:
        host = environ["HTTP_X_FORWARDED_HOST"]
    elif "HTTP_HOST" in environ:
        host = environ["HTTP_HOST"]
    else:
        host = environ.get("SERVER_NAME", "")
        port = environ.get("SERVER_PORT", "")
        if settings.USE_X_FORWARDED_PORT and "HTTP_X_FORWARDED_PORT" in environ:
            port = environ["HTTP_X_FORWARDED_PORT"]
        if port != ("443" if scheme == "https" else "80"):
            host = f"{host}:{port}"
    allowed = _hosts.get(host)
    if allowed is None:
        allowed_hosts = settings.ALLOWED_HOSTS
        if settings.DEBUG and not allowed_hosts:
            allowed_hosts = [".localhost", "127.0.0.1", "[::1]"]
        domain, _port = split_domain_port(host)
        allowed = bool(domain) and validate_host(domain, allowed_hosts)
        if len(_hosts) < HOST_MEMORY:  # a flood of made-up hosts is checked each time, never remembered
            _hosts[host] = allowed
    return host if allowed else None


@receiver(setting_changed)
def _forget_hosts(setting, **kwargs):
    if setting in ("ALLOWED_HOSTS", "DEBUG"):
        _hosts.clear()


def _path_section(path_info):
    """The section of the address as Django decodes it (WSGI hands the path over as Latin-1 of its UTF-8 bytes)."""
    if not path_info.isascii():
        with contextlib.suppress(UnicodeEncodeError):  # a server that did not follow PEP 3333: taken as it is
            path_info = path_info.encode("latin-1").decode("utf-8", "replace")
    return section_of(path_info)


def personal(cookies):
    """Whether a request's cookies make its page the visitor's own: a session (a signed-in editor) or
    messages waiting to be shown."""
    return any(name in cookies for name in (settings.SESSION_COOKIE_NAME, *SKIP_COOKIES))


def shareable(request, response):
    """Whether a built response may be given to every visitor: a 200 that sets no cookie and holds no
    CSRF token of this visitor's."""
    return (
        response.status_code == 200
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not getattr(response, "streaming", False)
    )


def _key(environ):
    """The cache key of an anonymous GET or HEAD, or None when the request must reach Django: another method,
    a session or messages cookie, the admin, static or media files, a Host Django refuses, a NUL in a header
    (UnstorableInputMiddleware refuses it). The key holds what the stored answer depends on: method, scheme,
    host, the raw address with its query, and the generations of the address's section."""
    method = environ.get("REQUEST_METHOD")
    if method not in ("GET", "HEAD") or settings.PAGE_CACHE_SECONDS <= 0:
        return None
    path = environ.get("PATH_INFO", "/")
    if path.startswith(_excluded_prefixes()):
        return None
    cookies = environ.get("HTTP_COOKIE")
    if cookies and personal(parse_cookie(cookies)):
        return None
    if NUL in "".join([value for value in environ.values() if value.__class__ is str]):  # headers, path, query
        return None
    scheme = _scheme(environ)
    host = _host(environ, scheme)
    if host is None:
        return None
    raw = f"{method}:{scheme}://{host}{environ.get('SCRIPT_NAME', '')}{path}?{environ.get('QUERY_STRING', '')}"
    digest = hashlib.sha256(raw.encode(errors="surrogatepass")).hexdigest()
    return f"pagecache:{FORMAT}:{version(_path_section(path))}:{digest}"


def _excluded_prefixes():
    return (f"/{settings.WAGTAIL_ADMIN_PATH}/", settings.STATIC_URL or "/static/", settings.MEDIA_URL or "/media/")


def _encode(response):
    """The stored form: the status line and the final headers as text, a blank line, the body. Cheaper to
    read back than a pickled response."""
    head = "\n".join(
        [f"{response.status_code} {response.reason_phrase}", *(f"{name}: {value}" for name, value in response.items())]
    )
    return head.encode("latin-1") + b"\n\n" + response.content


def _decode(data):
    """(status line, headers with `X-Page-Cache: hit`, body) of a stored page."""
    head, _, body = data.partition(b"\n\n")
    status, *lines = head.decode("latin-1").split("\n")
    return status, [tuple(line.split(": ", 1)) for line in lines] + [("X-Page-Cache", "hit")], body


def _plain_redis(client):
    """Whether django-redis keeps values as plain pickles (its defaults), so a page can be read with redis-py
    alone. That read costs about half of django-redis's `get` on top of redis-py's command layer."""
    return type(client._serializer) is PickleSerializer and type(client._compressor) is IdentityCompressor


def _read_shared(key):
    """One GET of `key` in the shared cache. A Redis failure is a miss (django-redis's IGNORE_EXCEPTIONS:
    the page is built; the connection pool reports the outage)."""
    client = getattr(cache, "client", None)
    if not isinstance(client, DefaultClient) or not _plain_redis(client):
        return cache.get(key)
    pool = client.get_client(write=False).connection_pool
    connection = None
    try:
        connection = pool.get_connection()
        connection.send_command("GET", client.make_key(key))
        value = connection.read_response()
    except redis.RedisError:
        if connection is not None:
            connection.disconnect()
        return None
    finally:
        if connection is not None:
            pool.release(connection)
    return None if value is None else pickle.loads(value)


def _lookup(key):
    """The stored page of `key`: from this process's hot copy, else one read of the shared cache."""
    stored = _recall(key)
    if stored is None:
        data = _read_shared(key)
        if isinstance(data, bytes):
            stored = _decode(data)
            _remember(key, stored)
    return stored


def _response(stored):
    status, headers, body = stored
    response = HttpResponse(body, status=int(status[:3]))
    for name, value in headers:
        response[name] = value
    return response


class PageCacheApplication:
    """Serves stored pages in front of Django (portal.wsgi wraps the Django application with it): a hit costs
    a key, one cache read (none from the hot copy) and the stored status, headers and body, without building
    a request, running the middleware or sending Django's request signals. Everything else, and every miss,
    goes to Django, where PageCacheMiddleware decides what is stored."""

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        try:
            key = _key(environ)
            stored = _lookup(key) if key is not None else None
        except Exception:  # with the cache down, pages are simply built every time
            log.warning("Page cache unavailable", exc_info=True)
            return self.application(environ, start_response)
        if stored is None:
            if key is not None:
                environ[LOOKED_UP] = key  # PageCacheMiddleware stores the page under it, without a second read
            return self.application(environ, start_response)
        if any(name in environ for name in CONDITIONAL_HEADERS):
            response = _conditional(WSGIRequest(environ), _response(stored))
            status, headers, body = f"{response.status_code} {response.reason_phrase}", list(response.items()), response.content
        else:
            status, headers, body = stored[0], list(stored[1]), stored[2]
        start_response(status, headers)
        return [b"" if environ["REQUEST_METHOD"] == "HEAD" else body]


class PageCacheMiddleware:
    """Outermost middleware: stores a page once every other middleware added its headers, so a hit
    served by PageCacheApplication carries the same security and language headers as the miss. Also
    serves hits itself to requests that did not come through PageCacheApplication (the test client)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = request.META.get(LOOKED_UP)
        if key is None:
            try:
                key = _key(request.META)
                stored = _lookup(key) if key is not None else None
            except Exception:  # as in PageCacheApplication
                log.warning("Page cache unavailable", exc_info=True)
                return self.get_response(request)
            if key is None:
                return self.get_response(request)
            if stored is not None:
                return _conditional(request, _response(stored))
        response = self.get_response(request)
        if not self._storable(request, response):
            return response
        _validators(response)
        try:
            cache.set(key, _encode(response), settings.PAGE_CACHE_SECONDS)
        except Exception:  # as above
            log.warning("Page cache unavailable", exc_info=True)
        response["X-Page-Cache"] = "miss"
        return _conditional(request, response)

    @staticmethod
    def _storable(request, response):
        return getattr(request, "page_cacheable", False) and shareable(request, response)
