"""Indexing in the task worker (django-tasks; see README "Background work"), never in the editor's
request: a publish enqueues batches of pages, each written to every store in one request."""

import datetime

from django.utils import timezone
from django_tasks import task

from search import indexing

# Seconds before each new attempt at an Elasticsearch update that failed; after the last one the pages
# wait in the pending queue for `search_index catchup` (cron, every 5 minutes).
RETRY_DELAYS = (30, 120, 600)


@task()
def index_pages(page_ids):
    """Re-index pages after a publish, unpublish, move or delete."""
    error = indexing.update(page_ids)
    if error:
        _again(page_ids, 0, error)


@task()
def resend_pages(page_ids, attempt):
    """Elasticsearch's share of an update that failed, tried again after a growing delay."""
    error = indexing.resend(page_ids)
    if error:
        _again(page_ids, attempt, error)


def _again(page_ids, attempt, error):
    if attempt < len(RETRY_DELAYS) and resend_pages.get_backend().supports_defer:
        run_after = timezone.now() + datetime.timedelta(seconds=RETRY_DELAYS[attempt])
        resend_pages.using(run_after=run_after).enqueue(page_ids, attempt + 1)
    else:  # retries are over, or the backend runs tasks at once and cannot wait
        indexing.keep_pending(page_ids, error, attempts=attempt + 1)
