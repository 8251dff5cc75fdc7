"""Which pages exist in which language, for the hreflang links and the language switcher.

Looking a page's translations up would add a query to every Vietnamese page; instead the map of pages
live in more than one language is kept in the cache and rebuilt (two queries) after any publish,
unpublish, move or delete (portal/signals.py), so Vietnamese pages cost no more than before.
"""

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Count
from django.utils import translation
from wagtail.models import Page

CACHE_KEY = "portal:page-translations:1"


def _delete():
    cache.delete(CACHE_KEY)


def forget(**kwargs):
    """Drop the map now and, inside a transaction, again after the commit (as the page cache does)."""
    _delete()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(_delete)


def _build():
    keys = (
        Page.objects.live()
        .public()
        .order_by()
        .values("translation_key")
        .annotate(count=Count("id"))
        .filter(count__gt=1)
        .values_list("translation_key", flat=True)
    )
    pages = Page.objects.live().public().filter(translation_key__in=list(keys), depth__gt=1).select_related("locale")
    found = {}
    for page in pages:
        url = page.get_url()
        if url:
            found.setdefault(str(page.translation_key), {})[page.locale.language_code] = url
    return {key: urls for key, urls in found.items() if len(urls) > 1}


def translation_map():
    found = cache.get(CACHE_KEY)
    if found is None:
        found = _build()
        cache.set(CACHE_KEY, found, None)
    return found


def translations_of(page):
    """{language: relative url} of the live versions of `page`, itself included; {} when only one."""
    if page is None or not getattr(page, "translation_key", None):
        return {}
    return translation_map().get(str(page.translation_key), {})


def home_url(language=None):
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    return "/" if language == settings.LANGUAGE_CODE else f"/{language}/"
