"""Which pages a hit may count for, known in each process: every page load asks, so asking the database
(or Redis) each time would cost the beacon more than counting does.

An answer is kept for a minute; a save or deletion of a page or of a privacy setting forgets every answer
in the process that made it, and (with Redis) moves a generation number on, which the hit script returns
with each count, so the other processes forget theirs on their next hit.
"""

import logging
import time

from django.db import transaction
from wagtail.models import Page, PageViewRestriction

from portal.engagement.counters import PAGES_GENERATION, redis_client

log = logging.getLogger(__name__)

LIFETIME = 60
REMEMBERED = 50_000  # about 4 MB; past that the process starts again from nothing
_known = {}
_generation = {"seen": None}


def countable(page_id):
    """Whether `page_id` is a live, public page."""
    now = time.monotonic()
    entry = _known.get(page_id)
    if entry is not None and entry[1] > now:
        return entry[0]
    found = Page.objects.live().public().filter(pk=page_id).exists()
    if len(_known) >= REMEMBERED:
        _known.clear()
    _known[page_id] = (found, now + LIFETIME)
    return found


def follow(generation):
    """Forget every answer when another process has changed pages since this one last looked."""
    if generation is not None and generation != _generation["seen"]:
        if _generation["seen"] is not None:
            _known.clear()
        _generation["seen"] = generation


def _announce():
    client = redis_client()
    if client is None:
        return
    try:
        client.incr(PAGES_GENERATION)
    except Exception:  # the other processes then forget within LIFETIME
        log.warning("Redis unavailable; other processes learn of the page change within a minute", exc_info=True)


def changed(sender, instance, **kwargs):
    if isinstance(instance, (Page, PageViewRestriction)):
        _known.clear()
        transaction.on_commit(_announce)
