"""Answers to searches kept for a while (`SEARCH_RESULTS_SECONDS`), because citizens ask the same broad
questions over and over and each costs tens of milliseconds of database work.

An answer is kept under its request, the query written the way every store reads it (NFC, lower case,
single spaces), and with the search generation current when it was found. Any write to a store moves
the generation (`changed`), so a publish, unpublish, move, privacy change or rebuild shows in the very
next search; so does an editor's change to synonyms or to the popular searches shown when nothing is
found. The generation is the time of the last change (microseconds, with a random tail so that two
processes changing it at once still differ): with Elasticsearch, answers found within `SETTLE_SECONDS`
of it are not kept, as it shows what was written only after its next refresh (a second).

The generation lives where every process sees it: in the cache when it is shared (Redis), where one
read brings it with the answer; in the database when the cache is each process's own memory.
"""

import hashlib
import random
import time

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import transaction
from django.utils.translation import get_language

from portal.models import SharedGeneration
from portal.text import nfc

GENERATION_KEY = "search:results:generation"
SETTLE_SECONDS = 2.0
FORMAT = 1  # bump when what is kept changes shape, so a deploy never reads answers of the old form


def _shared_in_database():
    return isinstance(caches["default"], LocMemCache)


def _new_generation():
    return time.time_ns() // 1000 * 1000 + random.randrange(1000)


def _bump():
    value = _new_generation()
    if _shared_in_database():
        SharedGeneration.objects.update_or_create(name=GENERATION_KEY, defaults={"value": value})
    else:
        cache.set(GENERATION_KEY, value, None)


def changed():
    """A store was written, or what answers show changed: answers kept so far are not used again. Again
    after the commit when inside a transaction, so an answer found meanwhile from the old rows is not kept."""
    _bump()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(_bump)


def key(request):
    """The cache key of a search request: what its answer depends on, the query normalised."""
    text = " ".join(nfc(request.text).lower().split())
    parts = (
        FORMAT,
        text,
        tuple(request.kinds),
        tuple(sorted(request.filters.items())),
        request.date_from,
        request.date_to,
        request.sort,
        request.page,
        request.scope,
        settings.ELASTICSEARCH_URL and settings.ELASTICSEARCH_INDEX,  # tests switch stores; sites do not
    )
    return "search:results:" + hashlib.sha256(repr(parts).encode()).hexdigest()


def page_key(request):
    """The cache key of a whole finder page: the address as asked (its links repeat the query as typed),
    the host, the language and the generation of the page chrome (menu, footer, settings)."""
    from portal.web import page_cache

    parts = (FORMAT, request.get_host(), request.get_full_path(), get_language(), page_cache.version(None))
    return "search:page:" + hashlib.sha256(repr(parts).encode()).hexdigest()


def lookup(entry_key):
    """(generation, what was kept under `entry_key` or None). One cache read when the cache is shared."""
    if _shared_in_database():
        generation = SharedGeneration.objects.filter(name=GENERATION_KEY).values_list("value", flat=True).first()
        entry = cache.get(entry_key)
    else:
        found = cache.get_many([GENERATION_KEY, entry_key])
        generation, entry = found.get(GENERATION_KEY), found.get(entry_key)
    if generation is None:
        generation = 0  # nothing changed since the cache (or the database) was emptied
    if entry is not None and entry[0] == generation:
        return generation, entry[1:]
    return generation, None


def _settling(generation):
    """Whether the last change may not show yet: Elasticsearch refreshes after the write returns."""
    waits = settings.ELASTICSEARCH_URL and not settings.ELASTICSEARCH_REFRESH
    return bool(waits and generation and time.time() - generation / 1e9 < SETTLE_SECONDS)


def keep(entry_key, generation, *answer):
    """Keep an answer found under `generation`, unless a change was too recent for every store to show it."""
    if _settling(generation):
        return
    cache.set(entry_key, (generation, *answer), settings.SEARCH_RESULTS_SECONDS)


def enabled():
    return settings.SEARCH_RESULTS_SECONDS > 0
