"""Keeping the stores in line with the published site: one page at a time (from tasks), a catch-up of
failed Elasticsearch updates, a drift check, and a full rebuild behind an alias."""

import logging

from django.conf import settings
from wagtail.models import Page

from portal.resilience import CircuitBreaker
from procedures.models import AgencyPage, ProcedurePage
from procedures.selectors import attach_agencies
from search import vocabulary
from search.backends.database import DatabaseBackend
from search.documents import INDEXED_TYPES, build, procedure_doc
from search.models import PendingIndex, SearchEntry

log = logging.getLogger(__name__)
breaker = CircuitBreaker()
CHUNK = 500


def elasticsearch():
    if not settings.ELASTICSEARCH_URL:
        return None
    from search.backends.elastic import ElasticsearchBackend

    return ElasticsearchBackend()


def update(page_id):
    """Bring both stores in line with page `page_id` as it is now (published, changed, or gone)."""
    page = Page.objects.filter(pk=page_id).first()
    doc = build(page) if page is not None else None
    database = DatabaseBackend()
    if doc is None:
        database.remove(page_id)
    else:
        database.write_many([doc])
        vocabulary.changed()
    _to_elasticsearch(page_id, doc)


def _to_elasticsearch(page_id, doc, force=False):
    if not settings.ELASTICSEARCH_URL:
        return True
    if not (breaker.closed or force):
        _pending(page_id, doc is None, "Elasticsearch vừa lỗi; chờ cập nhật lại")
        return False
    try:
        backend = elasticsearch()
        if doc is None:
            backend.remove(page_id)
        else:
            backend.write(doc)
    except Exception as exc:  # any failure of the service: keep the update for later
        log.warning("Elasticsearch update of page %s failed: %s", page_id, exc)
        breaker.open()
        _pending(page_id, doc is None, str(exc)[:1000])
        return False
    PendingIndex.objects.filter(page_id=page_id).delete()
    return True


def _pending(page_id, remove, error):
    pending, _created = PendingIndex.objects.get_or_create(page_id=page_id, defaults={"remove": remove})
    pending.remove, pending.attempts, pending.last_error = remove, pending.attempts + 1, error
    pending.save()


def catch_up():
    """Retry every failed Elasticsearch update; returns (done, still failing)."""
    done = failing = 0
    for pending in PendingIndex.objects.order_by("updated_at"):
        page = Page.objects.filter(pk=pending.page_id).first()
        doc = build(page) if page is not None else None
        if _to_elasticsearch(pending.page_id, doc, force=True):
            done += 1
        else:
            failing += 1
    if not failing:
        breaker.reset()
    return done, failing


def documents():
    """Every document the site should have, built in chunks with their related rows prefetched."""
    agencies = list(AgencyPage.objects.all())
    procedures = (
        ProcedurePage.objects.live().public().prefetch_related("fields", "levels", "applicants", "steps", "dossier", "results")
    )
    last = 0
    while chunk := list(procedures.filter(pk__gt=last).order_by("pk")[:CHUNK]):  # by key, not OFFSET
        for page in attach_agencies(chunk, agencies):
            if page.agency is not None:
                yield procedure_doc(page, page.agency)
        last = chunk[-1].pk
    others = Page.objects.live().public().type(*[t for t in INDEXED_TYPES if t is not ProcedurePage]).specific()
    for page in others.iterator(chunk_size=CHUNK):
        doc = build(page)
        if doc is not None:
            yield doc


def expected_ids():
    return {doc.page_id for doc in documents()}


def rebuild(progress=lambda n: None, stores=("database", "elasticsearch")):
    """Rebuild the database store in place and Elasticsearch into a new index, then swap its alias."""
    database = DatabaseBackend() if "database" in stores else None
    backend = elasticsearch() if "elasticsearch" in stores else None
    new_index = backend.new_index() if backend else None
    if database:
        database.clear()
    batch, total = [], 0

    def flush():
        nonlocal batch, total
        if database:
            database.write_many(batch)
        if backend:
            backend.load(new_index, batch)
        total += len(batch)
        progress(len(batch))
        batch = []

    for doc in documents():
        batch.append(doc)
        if len(batch) >= CHUNK:
            flush()
    flush()
    if database:
        database.tidy()
    if backend:
        backend.refresh(new_index)
        backend.switch_alias(new_index)
        PendingIndex.objects.all().delete()
        breaker.reset()
    vocabulary.changed()
    return total, new_index


def status():
    report = {"database": SearchEntry.objects.count(), "pending": PendingIndex.objects.count()}
    backend = elasticsearch()
    if backend is not None:
        report["alias"] = backend.alias
        report["indices"] = backend.current_indices()
        report["elasticsearch"] = backend.count()
    return report


def drift():
    """What each store lacks or has in excess, against the pages that should be found."""
    expected = expected_ids()
    database = DatabaseBackend().indexed_ids()
    report = {"expected": len(expected), "database": (sorted(expected - database), sorted(database - expected))}
    backend = elasticsearch()
    if backend is not None:
        indexed = backend.indexed_ids()
        report["elasticsearch"] = (sorted(expected - indexed), sorted(indexed - expected))
    return report


def missing_or_extra():
    """Page ids where some store disagrees with the site."""
    report = drift()
    return sorted({i for store in ("database", "elasticsearch") if store in report for i in report[store][0] + report[store][1]})
