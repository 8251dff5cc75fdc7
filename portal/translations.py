"""Which pages exist in which language, for the hreflang links and the language switcher.

Looking a page's translations up would add a query to every Vietnamese page; instead the map of pages
live in another language is kept in the cache and rebuilt (three queries) after a change that can alter it
(portal/signals.py), so Vietnamese pages cost no more than before. With the chrome cache on
(portal.web.chrome), the map follows the home page's generation instead, which every publish, move,
deletion and privacy change moves, so each process keeps its own copy between changes.
"""

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import translation
from wagtail.models import Locale, Page

from portal.web import chrome

CACHE_KEY = "portal:page-translations:1"


def _delete():
    cache.delete(CACHE_KEY)


def forget_all(**kwargs):
    forget()


def forget(instance=None, **kwargs):
    """A page change that can alter the map drops it, now and again after the commit (as the page cache
    does): a page in another language than Vietnamese, or one whose key the map holds. Publishing
    Vietnamese pages that have no translation (nearly all of them) leaves it alone."""
    if instance is not None:
        language = instance.locale.language_code if instance.locale_id else settings.LANGUAGE_CODE
        if language == settings.LANGUAGE_CODE and str(instance.translation_key) not in (cache.get(CACHE_KEY) or {}):
            return
    _delete()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(_delete)


def _build():
    """translation_key → {language: url} of every page with a live version in another language."""
    default = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).values_list("pk", flat=True).first()
    keys = Page.objects.live().public().exclude(locale_id=default).values_list("translation_key", flat=True)
    pages = Page.objects.live().public().filter(translation_key__in=list(keys), depth__gt=1).select_related("locale")
    found = {}
    for page in pages:
        url = page.get_url()
        if url:
            found.setdefault(str(page.translation_key), {})[page.locale.language_code] = url
    return found


def translation_map():
    if chrome.enabled():
        return chrome.remembered("page-translations", _build, section="")
    found = cache.get(CACHE_KEY)
    if found is None:
        found = _build()
        cache.set(CACHE_KEY, found, None)
    return found


def translations_of(page):
    """{language: relative url} of the live versions of `page`, itself included; {} when only one."""
    if page is None or not getattr(page, "translation_key", None):
        return {}
    versions = translation_map().get(str(page.translation_key), {})
    return versions if len(versions) > 1 else {}


def home_url(language=None):
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    return "/" if language == settings.LANGUAGE_CODE else f"/{language}/"
