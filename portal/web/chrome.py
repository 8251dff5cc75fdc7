"""What every page repeats, kept in the cache until the page cache's generation of the whole site moves
(a saved site setting, site, view restriction or top-level page moves it; other processes follow
within a second): the site, its settings, which pages are private, and the rendered navigation, footer
and sidebar fragments (templates use `{% fragment_key %}` with `{% chrome_cache %}`).
`FRAGMENT_CACHE_SECONDS = 0` (the tests' default) turns all of it off.

Every key names the generations its value depends on, so each process also keeps a copy of what it
read or built (the last `COPIES` keys): a copy is exactly as fresh as the shared entry, and an
uncached page then sends the shared cache no round trip for its chrome until a generation moves.
"""

import contextlib
import pickle
import time
from collections import OrderedDict

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q
from wagtail.models import Page, PageViewRestriction, Site

from portal.web import page_cache

MISSING = "-"
COPIES = 256
# How long a copy is kept without asking the shared cache again: what expires rather than follows a
# generation (`for_page`) outlives the shared entry by at most this long.
COPY_SECONDS = 60
_copies = OrderedDict()  # full key → (kept until, value or its pickle, pickled)
_ABSENT = object()


def enabled():
    return settings.FRAGMENT_CACHE_SECONDS > 0


def _frozen(value):
    """Whether every caller can share `value` itself: nothing in it can be changed."""
    if value is None or isinstance(value, (str, bytes, int, float)):
        return True
    return isinstance(value, (tuple, frozenset)) and all(_frozen(item) for item in value)


def _recall(full_key):
    entry = _copies.get(full_key)
    if entry is None or entry[0] <= time.monotonic():
        return _ABSENT
    with contextlib.suppress(KeyError):  # another thread dropped it meanwhile
        _copies.move_to_end(full_key)
    return pickle.loads(entry[1]) if entry[2] else entry[1]


def _keep(full_key, value, seconds):
    """This process's copy: the value itself when it cannot change, else its pickle, loaded for each caller
    (callers may change what they get, as they may what the shared cache gives them)."""
    frozen = _frozen(value)
    try:
        kept = value if frozen else pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
    except Exception:  # what cannot be pickled is not shared either
        return
    _copies[full_key] = (time.monotonic() + min(seconds, COPY_SECONDS), kept, not frozen)
    _copies.move_to_end(full_key)
    while len(_copies) > COPIES:
        with contextlib.suppress(KeyError):
            _copies.popitem(last=False)


def _shared(full_key, build, seconds):
    """The value under `full_key`: this process's copy, else the shared cache's, else `build()`'s (stored
    in both)."""
    value = _recall(full_key)
    if value is not _ABSENT:
        return value
    try:
        value = cache.get(full_key)
    except Exception:  # with the cache down, build every time
        return build()
    if value is None:
        value = build()
        with contextlib.suppress(Exception):  # as above
            cache.set(full_key, MISSING if value is None else value, seconds)
    elif value == MISSING:
        value = None
    _keep(full_key, value, seconds)
    return value


def remembered(key, build, section=None, seconds=None):
    """`build()` once per site-wide generation (and `section`'s, when given), shared by the processes
    through the cache; every caller gets its own copy of what can be changed."""
    if not enabled():
        return build()
    return _shared(f"chrome:{page_cache.version(section)}:{key}", build, seconds or settings.FRAGMENT_CACHE_SECONDS)


def fragment(key, build, seconds):
    """A rendered template fragment (`{% chrome_cache %}`, whose key names its generations); 0 seconds: not
    stored."""
    if not seconds:
        return build()
    return _shared(key, build, seconds)


def site_for_request(request, host, port):
    """The Site answering `host:port`, with its root page loaded."""

    def build():
        site = Site._find_for_request(request)
        if site is not None:
            site.root_page  # noqa: B018 -- stored with the site
        return site

    return remembered(f"site:{host}:{port}", build)


def site_root_paths():
    """Wagtail's root paths of the sites (what every page address is made from), which it reads from the
    shared cache for each request; a saved site or home page moves the whole site's generation."""
    return remembered("site-root-paths", lambda: tuple(Site.get_site_root_paths()))


def for_page(request, page, name, build):
    """What a live page shows from its own rows and the pages it lists (a procedure's steps, fields and
    related procedures; an article's related articles): kept until its section is purged (publishing it,
    or a page it shows: the `page_cache_shown_on` hook), and at most as long as a cached page, as a
    renamed row purges nothing. A preview shows the draft's rows: built each time."""
    if getattr(request, "is_preview", False):
        return build()
    return remembered(f"{name}:{page.pk}", build, page_cache.page_section(page), settings.PAGE_CACHE_SECONDS)


def site_settings(model, site):
    return remembered(f"settings:{model._meta.label_lower}:{site.pk}", lambda: model.for_site(site))


def restricting_paths():
    """Tree paths under which pages are private: restricted pages and their aliases (Wagtail gives an
    alias the restrictions of its original)."""

    def build():
        restricted = dict(PageViewRestriction.objects.values_list("page_id", "page__path"))
        if not restricted:
            return ()
        aliases = Page.objects.filter(alias_of_id__in=list(restricted)).values_list("path", flat=True)
        return tuple(sorted({*restricted.values(), *aliases}))

    return remembered("restricted", build)


def is_restricted(page):
    return any(page.path.startswith(path) for path in restricting_paths())


def public(queryset):
    """`queryset.public()` without Wagtail's query of every view restriction on each call."""
    condition = Q()
    for path in restricting_paths():
        condition &= ~Q(path__startswith=path)
    return queryset.filter(condition)


def fragment_key(page=None):
    """What a chrome fragment's `{% chrome_cache %}` key varies on: seconds (0: not stored; `page_seconds`
    for what changes without a purge, as view counts, kept as long as a cached page), the site-wide
    generation, and the generation of the page's section (for fragments that show its ancestors, or the
    home page's blocks: every publish moves the home page's)."""
    if not enabled():
        return {"seconds": 0, "page_seconds": 0, "site": "", "section": ""}
    section = page_cache.page_section(page) if page is not None and getattr(page, "url_path", None) else ""
    return {
        "seconds": settings.FRAGMENT_CACHE_SECONDS,
        "page_seconds": settings.PAGE_CACHE_SECONDS,
        "site": page_cache.version(),
        "section": page_cache.version(section),
    }
