"""What every page repeats, kept in the cache until the page cache's generation of the whole site moves
(a saved site setting, site, view restriction or top-level page moves it; other processes follow
within a second): the site, its settings, which pages are private, and the rendered navigation, footer
and sidebar fragments (templates use `{% fragment_key %}` with Django's `{% cache %}`).
`FRAGMENT_CACHE_SECONDS = 0` (the tests' default) turns all of it off."""

import contextlib

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q
from wagtail.models import Page, PageViewRestriction, Site

from portal.web import page_cache

MISSING = "-"


def enabled():
    return settings.FRAGMENT_CACHE_SECONDS > 0


def remembered(key, build, section=None, seconds=None):
    """`build()` once per site-wide generation (and `section`'s, when given), shared by the processes
    through the cache; every caller gets its own copy (the cache pickles)."""
    if not enabled():
        return build()
    full_key = f"chrome:{page_cache.version(section)}:{key}"
    try:
        value = cache.get(full_key)
    except Exception:  # with the cache down, build every time
        return build()
    if value is None:
        value = build()
        with contextlib.suppress(Exception):  # as above
            cache.set(full_key, MISSING if value is None else value, seconds or settings.FRAGMENT_CACHE_SECONDS)
        return value
    return None if value == MISSING else value


def site_for_request(request, host, port):
    """The Site answering `host:port`, with its root page loaded."""

    def build():
        site = Site._find_for_request(request)
        if site is not None:
            site.root_page  # noqa: B018 -- stored with the site
        return site

    return remembered(f"site:{host}:{port}", build)


def for_page(page, name, build):
    """What a page shows from rows that are no pages (a procedure's fields and levels): kept until its
    section is purged, and at most as long as a cached page, as a renamed row purges nothing."""
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
    """What a chrome fragment's `{% cache %}` key varies on: seconds (0: not stored), the site-wide
    generation, and the generation of the page's section (for fragments that show its ancestors)."""
    if not enabled():
        return {"seconds": 0, "site": "", "section": ""}
    section = page_cache.page_section(page) if page is not None and getattr(page, "url_path", None) else ""
    return {"seconds": settings.FRAGMENT_CACHE_SECONDS, "site": page_cache.version(), "section": page_cache.version(section)}
