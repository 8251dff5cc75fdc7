"""Keeping the stores in line with the published site: a batch of pages at a time (from tasks), the
pending queue of Elasticsearch updates that failed, a drift check and repair, and full rebuilds."""

import logging
from itertools import islice

from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from portal.resilience import CircuitBreaker
from search import backends, vocabulary
from search.backends import elasticsearch, elasticsearch_errors  # also what portal/web/health.py asks for
from search.backends.base import StoreUnavailable
from search.documents import CHUNK, documents, stamps
from search.models import PendingIndex, SearchEntry

log = logging.getLogger(__name__)
# Separate from searching's (search.api.read_breaker): a failed write must not send searches to the
# database store, nor a slow search hold back indexing.
write_breaker = CircuitBreaker()
BATCH = 200  # pages per indexing task, written to each store in one request


def batched(items, size):
    """Lists of up to `size` items (itertools.batched arrives with Python 3.12)."""
    items = iter(items)
    while batch := list(islice(items, size)):
        yield batch


def _stores():
    """Elasticsearch first (a rebuild creates its new index before the database store is emptied)."""
    elastic = elasticsearch()
    return [*([elastic] if elastic is not None else []), backends.database()]


def _split(page_ids):
    """Documents for these pages as they are now, and the ids of those that must not be found."""
    docs = list(documents(page_ids))
    return docs, sorted(set(page_ids) - {doc.page_id for doc in docs})


def update(page_ids):
    """Bring every store in line with these pages (published, changed or gone). The database store is
    written at once; returns why Elasticsearch was not (None when it was, or is not configured)."""
    docs, gone = _split(page_ids)
    database = backends.database()
    database.write_many(docs)
    database.remove_many(gone)
    if docs:
        vocabulary.changed()
    return _send(elasticsearch(), docs, gone)


def resend(page_ids, force=False):
    """Elasticsearch's share of an update again, from the pages as they are now; None when sent."""
    docs, gone = _split(page_ids)
    return _send(elasticsearch(), docs, gone, force)


def _send(store, docs, gone, force=False):
    if store is None:
        return None
    try:
        if not (write_breaker.closed or force):
            raise StoreUnavailable("Elasticsearch vừa lỗi khi ghi; chờ gửi lại")
        store.write_many(docs)
        store.remove_many(gone)
    except (StoreUnavailable, *elasticsearch_errors()) as exc:
        if write_breaker.closed:
            write_breaker.open()
        log.warning("Elasticsearch update of %d pages failed: %s", len(docs) + len(gone), exc)
        return str(exc)[:1000] or type(exc).__name__
    PendingIndex.objects.filter(page_id__in=[doc.page_id for doc in docs] + gone).delete()
    return None


def keep_pending(page_ids, error, attempts=1):
    """Pages whose Elasticsearch update failed for good; `search_index catchup` sends them later."""
    PendingIndex.objects.bulk_create(
        [PendingIndex(page_id=page_id, attempts=attempts, last_error=error) for page_id in page_ids],
        update_conflicts=True,
        unique_fields=["page_id"],
        update_fields=["attempts", "last_error", "updated_at"],
    )


def catch_up():
    """Send what is pending, then repair what differs from the site in every store that takes writes.
    Returns (pages sent, pages still pending, pages repaired, problems)."""
    sent = 0
    pending = list(PendingIndex.objects.order_by("updated_at", "page_id").values_list("page_id", flat=True))
    for batch in batched(pending, BATCH):
        error = resend(batch, force=True)
        if error:  # still failing: leave the rest for the next run rather than hammer the service
            PendingIndex.objects.filter(page_id__in=batch).update(last_error=error)
            break
        sent += len(batch)
    failing = len(pending) - sent
    if not failing:
        write_breaker.reset()
    report = drift(skip=("elasticsearch",) if failing else ())
    repaired = 0
    for store in _stores():
        if store.name not in report:
            continue
        missing, stale, extra = report[store.name]
        try:
            for batch in batched(missing + stale, CHUNK):
                store.write_many(documents(batch))
            store.remove_many(extra)
        except (StoreUnavailable, *elasticsearch_errors()) as exc:  # Elasticsearch only; told below
            report["problems"].append(f"{store.name}: {exc}")
            continue
        repaired += len(missing) + len(stale) + len(extra)
    if repaired:
        vocabulary.changed()
    return sent, failing, repaired, report["problems"]


def drift(skip=()):
    """{"expected": n, store name: (missing, stale, extra) page ids, "problems": [...]}: what each
    store lacks, holds out of date or holds in excess, against the pages that must be found, and what
    stops a store from working (reported for the `skip`ped ones too). Compares stamps (see
    `documents.stamp`), so no document is built."""
    expected = stamps()
    report = {"expected": len(expected), "problems": []}
    for store in _stores():
        problems = store.problems()
        try:
            held = {} if problems or store.name in skip else store.indexed()
        except elasticsearch_errors() as exc:
            problems = [str(exc)]
        if problems:
            report["problems"] += problems
            continue
        if store.name in skip:
            continue
        missing = sorted(expected.keys() - held.keys())
        stale = sorted(i for i, stamp in held.items() if i in expected and expected[i] != stamp)
        report[store.name] = (missing, stale, sorted(held.keys() - expected.keys()))
    return report


def rebuild(progress=lambda n: None, stores=("database", "elasticsearch")):
    """Rebuild the database store in place and Elasticsearch into a new index behind its alias."""
    rebuilds = [store.rebuild() for store in _stores() if store.name in stores]
    total = 0
    try:
        for batch in batched(documents(), CHUNK):
            for rebuilding in rebuilds:
                rebuilding.write_many(batch)
            total += len(batch)
            progress(len(batch))
        names = [rebuilding.commit() for rebuilding in rebuilds]
    except BaseException:
        for rebuilding in rebuilds:
            rebuilding.abort()
        raise
    if "elasticsearch" in stores and elasticsearch() is not None:
        PendingIndex.objects.all().delete()
        write_breaker.reset()
    vocabulary.changed()
    return total, next((name for name in names if name), None)


def status():
    """Counts for `search_index status`; a line about Elasticsearch even when it is out of reach."""
    waiting = [TaskResultStatus.READY, TaskResultStatus.RUNNING]
    queued = DBTaskResult.objects.filter(status__in=waiting, task_path__startswith="search.")
    report = {"database": SearchEntry.objects.count(), "pending": PendingIndex.objects.count(), "queued": queued.count()}
    store = elasticsearch()
    if store is not None:
        report["elasticsearch"] = {"alias": store.alias, "problems": store.problems()}
        try:
            report["elasticsearch"]["indices"] = store.current_indices()
            report["elasticsearch"]["count"] = store.count() if report["elasticsearch"]["indices"] else None
        except elasticsearch_errors():  # out of reach: `problems` says so
            report["elasticsearch"]["indices"], report["elasticsearch"]["count"] = None, None
    return report
