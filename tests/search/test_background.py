"""Indexing in the background: a publish only enqueues (the database queue of django-tasks-db, run here
by its own worker), batches are written to each store in one request, failed Elasticsearch writes are
retried with growing delays before they wait in the pending queue, and reads and writes have their
own circuit breakers."""

import datetime
import time

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from demo.generate import generate
from procedures.models import ProcedureField, ProcedureLevel
from search import api, indexing, tasks
from search.backends.orm import DatabaseStore
from search.models import Kind, PendingIndex, Scope, SearchEntry
from tests import factories
from tests.search.conftest import reset_breakers
from tests.search.transport import CountingTransport, FailingWritesTransport, SlowWritesTransport

pytestmark = pytest.mark.django_db


class Queue:
    """The database task queue as production runs it, with its worker run on demand."""

    def __init__(self, monkeypatch):
        from django_tasks_db.management.commands import db_worker

        # The worker closes stale connections between tasks; here that would end the test's transaction.
        monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
        self.worker = db_worker.Worker(
            queue_names=["default"],
            interval=0,
            batch=True,
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id="test-worker",
            excluded_queue_names=[],
        )

    def waiting(self, name=None):
        tasks = DBTaskResult.objects.filter(status="READY")
        return tasks.filter(task_path=f"search.tasks.{name}") if name else tasks

    def run(self):
        """Run every task that is due, as `manage.py db_worker` does."""
        self.worker.run()

    def wait(self):
        """Let time pass until the next deferred task is due: its delay (seconds) is returned."""
        task = self.waiting().order_by("run_after").first()
        delay = (task.run_after - task.enqueued_at).total_seconds()
        DBTaskResult.objects.filter(pk=task.pk).update(run_after=timezone.now() - datetime.timedelta(seconds=1))
        reset_breakers()  # the breakers' 30 s have passed too
        return delay


@pytest.fixture
def queue(settings, monkeypatch):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    return Queue(monkeypatch)


def finder(text):
    return api.search(api.SearchRequest(text=text, kinds=(Kind.PROCEDURE,), scope=Scope.FINDER))


def titles(results):
    return [str(hit.title).replace("<mark>", "").replace("</mark>", "") for hit in results.hits]


def test_publishing_returns_without_waiting_for_a_slow_elasticsearch_and_the_worker_indexes_it(
    tree, queue, settings, use_elasticsearch, django_capture_on_commit_callbacks
):
    indexing.rebuild(stores=("elasticsearch",))
    settings.ELASTICSEARCH_TRANSPORT_CLASS = "tests.search.transport.SlowWritesTransport"
    started = time.perf_counter()
    with django_capture_on_commit_callbacks(execute=True):
        page = factories.ProcedurePageFactory(parent=tree.justice, title="Đăng ký kết hôn", code="1.000894")
    assert time.perf_counter() - started < SlowWritesTransport.delay / 2
    assert queue.waiting("index_pages").count() == 1
    assert page.pk not in use_elasticsearch.indexed() and not SearchEntry.objects.filter(pk=page.pk).exists()

    started = time.perf_counter()
    queue.run()
    assert time.perf_counter() - started >= SlowWritesTransport.delay  # the worker is the one that waited
    assert page.pk in use_elasticsearch.indexed() and SearchEntry.objects.filter(pk=page.pk).exists()
    results = finder("ket hon")
    assert results.backend == "elasticsearch" and titles(results) == ["Đăng ký kết hôn"]
    assert not queue.waiting().exists() and not PendingIndex.objects.exists()


def test_a_failed_update_is_retried_with_growing_delays_and_only_then_waits_in_the_pending_queue(
    tree, queue, settings, use_elasticsearch, django_capture_on_commit_callbacks
):
    indexing.rebuild(stores=("elasticsearch",))
    settings.ELASTICSEARCH_TRANSPORT_CLASS = "tests.search.transport.FailingWritesTransport"
    FailingWritesTransport.attempts = 0
    with django_capture_on_commit_callbacks(execute=True):
        page = factories.ProcedurePageFactory(parent=tree.justice, title="Đăng ký kết hôn", code="1.000894")
    queue.run()
    assert FailingWritesTransport.attempts == 1
    assert SearchEntry.objects.filter(pk=page.pk).exists()  # the database store does not wait for it

    delays = []
    for attempt in range(2, len(tasks.RETRY_DELAYS) + 2):
        assert not PendingIndex.objects.exists()  # still retrying
        assert queue.waiting("resend_pages").count() == 1
        delays.append(queue.wait())
        queue.run()
        assert FailingWritesTransport.attempts == attempt
    assert delays == pytest.approx(list(tasks.RETRY_DELAYS), abs=2)
    assert delays == sorted(delays) and delays[0] < delays[-1]
    pending = PendingIndex.objects.get()
    assert pending.page_id == page.pk and pending.attempts == len(tasks.RETRY_DELAYS) + 1
    assert "ConnectionError" in pending.last_error
    assert not queue.waiting().exists()

    settings.ELASTICSEARCH_TRANSPORT_CLASS = "tests.search.transport.PlainJsonTransport"
    sent, failing, _repaired, problems = indexing.catch_up()
    assert (sent, failing, problems) == (1, 0, [])
    assert page.pk in use_elasticsearch.indexed() and not PendingIndex.objects.exists()


def test_renaming_an_agency_indexes_its_procedures_in_batches_with_one_write_per_batch_and_store(
    tree, queue, settings, use_elasticsearch, monkeypatch, django_capture_on_commit_callbacks
):
    ProcedureField.objects.create(code="HT", name="Hộ tịch", slug="ho-tich")
    ProcedureLevel.objects.create(code="T", name="Cấp tỉnh", slug="cap-tinh")
    generate(900, tree.procedures)  # spread over the two agencies, written without signals
    indexing.rebuild()
    settings.ELASTICSEARCH_TRANSPORT_CLASS = "tests.search.transport.CountingTransport"
    database_writes = []
    write_many = DatabaseStore.write_many

    def counted(store, docs):
        docs = list(docs)
        database_writes.append(len(docs))
        return write_many(store, docs)

    monkeypatch.setattr(DatabaseStore, "write_many", counted)

    tree.justice.title = "Sở Tư pháp tỉnh"
    with django_capture_on_commit_callbacks(execute=True):
        tree.justice.save_revision().publish()
    pages = tree.justice.get_descendants(inclusive=True).count()
    batches = -(-pages // indexing.BATCH)
    assert pages > 2 * indexing.BATCH and queue.waiting("index_pages").count() == batches
    CountingTransport.bulks = 0
    queue.run()
    assert CountingTransport.bulks == batches and sum(database_writes) == pages and len(database_writes) == batches
    renamed = SearchEntry.objects.filter(facets__name="co_quan", facets__label="Sở Tư pháp tỉnh").count()
    assert renamed == pages - 1  # every procedure of the agency (the agency's own page has no facets)
    assert indexing.drift()["elasticsearch"] == ([], [], [])


def test_a_slow_search_does_not_send_publishing_to_the_pending_queue(
    tree, settings, use_elasticsearch, django_capture_on_commit_callbacks
):
    indexing.rebuild(stores=("elasticsearch",))
    settings.ELASTICSEARCH_TRANSPORT_CLASS = "tests.search.transport.SlowSearchTransport"
    assert finder("khai sinh").degraded and not api.read_breaker.closed
    with django_capture_on_commit_callbacks(execute=True):
        page = factories.ProcedurePageFactory(parent=tree.justice, title="Đăng ký kết hôn", code="1.000894")
    assert not PendingIndex.objects.exists() and indexing.write_breaker.closed
    assert page.pk in use_elasticsearch.indexed()


def test_a_failed_write_does_not_send_searches_to_the_database_store(
    tree, settings, use_elasticsearch, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        factories.ProcedurePageFactory(parent=tree.justice, title="Đăng ký khai sinh", code="1.001193")
    indexing.rebuild(stores=("elasticsearch",))
    settings.ELASTICSEARCH_TRANSPORT_CLASS = "tests.search.transport.FailingWritesTransport"
    with django_capture_on_commit_callbacks(execute=True):
        page = factories.ProcedurePageFactory(parent=tree.justice, title="Đăng ký kết hôn", code="1.000894")
    assert PendingIndex.objects.filter(page_id=page.pk).exists() and not indexing.write_breaker.closed
    results = finder("khai sinh")
    assert results.backend == "elasticsearch" and not results.degraded
    assert titles(results) == ["Đăng ký khai sinh"]
