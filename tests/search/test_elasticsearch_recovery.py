"""An Elasticsearch that lost its data, or holds an index the portal did not make, never breaks search
silently: writes do not create an index, searches fall back to the database store and say so, `check`
names the problem and exits non-zero, `rebuild` recovers, `status` prints a line while it is down."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from search import api, indexing, tasks
from search.documents import stamps
from search.models import Kind, PendingIndex, Scope
from tests import factories
from tests.search.conftest import reset_breakers

pytestmark = pytest.mark.django_db

DEAD = "http://127.0.0.1:9"


@pytest.fixture
def birth(tree, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return factories.ProcedurePageFactory(parent=tree.justice, title="Đăng ký khai sinh", code="1.001193")


def finder(text):
    return api.search(api.SearchRequest(text=text, kinds=(Kind.PROCEDURE,), scope=Scope.FINDER))


def titles(results):
    return [str(hit.title).replace("<mark>", "").replace("</mark>", "") for hit in results.hits]


def command(*args):
    out = io.StringIO()
    try:
        call_command("search_index", *args, stdout=out, stderr=io.StringIO())
    except CommandError as exc:
        return False, f"{out.getvalue()}{exc}"
    return True, out.getvalue()


def indices(store):
    return sorted(store.es.indices.get(index=f"{store.alias}*", expand_wildcards="all"))


def lose_data(store):
    store.es.indices.delete(index=f"{store.alias}*", expand_wildcards="all")


def publish(tree, capture, title="Đăng ký kết hôn", code="1.000894"):
    with capture(execute=True):
        return factories.ProcedurePageFactory(parent=tree.justice, title=title, code=code)


def test_writes_to_a_cluster_that_lost_its_data_create_no_index_and_wait_in_the_pending_queue(
    tree, birth, use_elasticsearch, django_capture_on_commit_callbacks
):
    indexing.rebuild()
    lose_data(use_elasticsearch)
    page = publish(tree, django_capture_on_commit_callbacks)
    assert indices(use_elasticsearch) == []  # nothing auto-created under the alias name
    assert "chưa có alias" in PendingIndex.objects.get(page_id=page.pk).last_error
    reset_breakers()
    results = finder("ket hon")
    assert results.degraded and results.backend == "database" and titles(results) == ["Đăng ký kết hôn"]
    assert api.suggest("dang ky k")  # autocomplete answers too, from the database store

    ok, said = command("catchup")
    assert not ok and "chưa có alias" in said and "search_index rebuild" in said
    assert indices(use_elasticsearch) == [] and PendingIndex.objects.filter(page_id=page.pk).exists()
    ok, said = command("check")
    assert not ok and "chưa có alias" in said

    ok, said = command("rebuild")
    assert ok and len(use_elasticsearch.current_indices()) == 1
    assert command("check")[0] and not PendingIndex.objects.exists()
    reset_breakers()
    results = finder("ket hon")
    assert results.backend == "elasticsearch" and not results.degraded and titles(results) == ["Đăng ký kết hôn"]
    assert [s["title"] for s in api.suggest("dang ky k")] == ["Đăng ký kết hôn", "Đăng ký khai sinh"]


def test_an_index_squatting_the_alias_name_is_reported_and_replaced_by_rebuild(birth, use_elasticsearch):
    # What writing to the alias name used to do on an empty cluster: a plain index, default mappings.
    use_elasticsearch.es.index(index=use_elasticsearch.alias, id=birth.pk, document={"title": "x", "facet_labels": "x"})
    ok, said = command("check")
    assert not ok and "chỉ mục thường" in said and "rebuild" in said
    results = finder("khai sinh")
    assert results.degraded and titles(results) == ["Đăng ký khai sinh"]

    ok, said = command("rebuild")
    assert ok, said
    current = use_elasticsearch.current_indices()
    assert len(current) == 1 and indices(use_elasticsearch) == current  # the squatter is gone, no orphan
    assert command("check")[0]
    reset_breakers()
    results = finder("khai sinh")
    assert results.backend == "elasticsearch" and titles(results) == ["Đăng ký khai sinh"]


def test_wrong_mappings_are_reported_and_rebuild_replaces_the_index(birth, use_elasticsearch):
    wrong = f"{use_elasticsearch.alias}-20240101000000-0001"
    use_elasticsearch.es.indices.create(index=wrong, mappings={"properties": {"facet_labels": {"type": "text"}}})
    use_elasticsearch.es.indices.put_alias(index=wrong, name=use_elasticsearch.alias)
    ok, said = command("check")
    assert not ok and f"chỉ mục {wrong} sai ánh xạ" in said and "facet_labels.type: 'text' thay vì 'keyword'" in said
    assert finder("khai sinh").degraded

    assert command("rebuild")[0]
    assert wrong not in indices(use_elasticsearch) and len(indices(use_elasticsearch)) == 1
    assert command("check")[0]


def test_a_failed_rebuild_leaves_no_orphan_index_and_the_old_one_keeps_answering(birth, use_elasticsearch, monkeypatch):
    indexing.rebuild()
    before = indices(use_elasticsearch)

    def broken(ids=None):
        raise RuntimeError("page data could not be read")

    monkeypatch.setattr(indexing, "documents", broken)
    with pytest.raises(RuntimeError):
        indexing.rebuild(stores=("elasticsearch",))
    assert indices(use_elasticsearch) == before
    assert finder("khai sinh").backend == "elasticsearch"


def test_status_prints_a_line_while_the_cluster_is_down(birth, settings):
    settings.ELASTICSEARCH_URL = DEAD
    ok, said = command("status")
    assert ok and "Cơ sở dữ liệu: 1 tài liệu" in said
    assert "Elasticsearch: ? tài liệu, alias" in said and "(không rõ)" in said and "không kết nối được Elasticsearch" in said
    ok, said = command("check")
    assert not ok and "không kết nối được Elasticsearch" in said


def test_status_counts_documents_the_pending_queue_and_what_waits_for_the_worker(birth, use_elasticsearch, settings):
    indexing.rebuild()
    indexing.keep_pending([birth.pk], "test")
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    tasks.index_pages.enqueue([birth.pk])
    ok, said = command("status")
    assert ok and f"Elasticsearch: {len(stamps())} tài liệu, alias {use_elasticsearch.alias} → " in said
    assert "Cập nhật chờ gửi lại: 1" in said and "Tác vụ lập chỉ mục đang chờ worker: 1" in said
