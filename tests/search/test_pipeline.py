"""Indexing follows publishing; Elasticsearch failures never break publishing or searching; the
alias rebuild, status, check and catch-up commands; the search pages and their bad input."""

import io
import time

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from portal.settings.base import redis_caches
from procedures.models import ProcedurePage
from search import api, backends, indexing, vocabulary
from search.documents import documents, stamps
from search.models import Kind, PendingIndex, QueryLog, Scope, SearchEntry
from search.query import parse
from tests import factories

pytestmark = pytest.mark.django_db

DEAD = "http://127.0.0.1:9"  # nothing listens there: connections are refused at once


@pytest.fixture
def procedures(tree, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        pages = [
            factories.ProcedurePageFactory(parent=tree.justice, title="Đăng ký khai sinh", code="1.001193"),
            factories.ProcedurePageFactory(
                parent=tree.construction, title="Cấp giấy phép xây dựng nhà ở riêng lẻ", code="1.009794"
            ),
        ]
    return pages


def titles(results):
    return [str(hit.title).replace("<mark>", "").replace("</mark>", "") for hit in results.hits]


def finder(text):
    return api.search(api.SearchRequest(text=text, kinds=(Kind.PROCEDURE,), scope=Scope.FINDER))


def test_publish_unpublish_move_and_delete_reach_the_database_store(tree, procedures, django_capture_on_commit_callbacks):
    birth, building = procedures
    assert SearchEntry.objects.get(pk=birth.pk).url == birth.url
    with django_capture_on_commit_callbacks(execute=True):
        birth.move(tree.construction, pos="last-child")
    birth.refresh_from_db()
    assert SearchEntry.objects.get(pk=birth.pk).url == birth.url
    assert {f.value for f in SearchEntry.objects.get(pk=birth.pk).facets.filter(name="co_quan")} == {"SXD"}
    with django_capture_on_commit_callbacks(execute=True):
        birth.unpublish()
    assert titles(finder("khai sinh")) == []
    with django_capture_on_commit_callbacks(execute=True):
        building.delete()
    assert not SearchEntry.objects.exists()


def test_saving_a_draft_changes_nothing_until_it_is_published(tree, procedures, django_capture_on_commit_callbacks):
    birth = procedures[0]
    birth.title = "Tên nháp chưa duyệt"
    with django_capture_on_commit_callbacks(execute=True):
        birth.save_revision()
    assert titles(finder("khai sinh")) == ["Đăng ký khai sinh"]
    assert titles(finder("ten nhap chua duyet")) == []


def test_renaming_an_agency_reindexes_its_procedures(tree, procedures, django_capture_on_commit_callbacks):
    tree.justice.title = "Sở Tư pháp tỉnh"
    with django_capture_on_commit_callbacks(execute=True):
        tree.justice.save_revision().publish()
    labels = set(SearchEntry.objects.get(pk=procedures[0].pk).facets.filter(name="co_quan").values_list("label", flat=True))
    assert labels == {"Sở Tư pháp tỉnh"}


def test_publishing_works_when_elasticsearch_is_down_and_catchup_sends_it_later(
    tree, settings, use_elasticsearch, django_capture_on_commit_callbacks
):
    indexing.rebuild(stores=("elasticsearch",))
    live_url = settings.ELASTICSEARCH_URL
    settings.ELASTICSEARCH_URL = DEAD
    started = time.perf_counter()
    with django_capture_on_commit_callbacks(execute=True):
        page = factories.ProcedurePageFactory(parent=tree.justice, title="Đăng ký kết hôn", code="1.000894")
    assert time.perf_counter() - started < 5
    assert PendingIndex.objects.filter(page_id=page.pk).exists()
    assert titles(finder("ket hon")) == ["Đăng ký kết hôn"]  # the database store has it already

    settings.ELASTICSEARCH_URL = live_url
    out = io.StringIO()
    call_command("search_index", "catchup", stdout=out)
    assert "Đã gửi lại 1 cập nhật bị lỗi" in out.getvalue() and "còn lỗi 0" in out.getvalue()
    assert not PendingIndex.objects.exists()
    api.read_breaker.reset()  # the search above, while it was down, set searches aside for 30 s
    results = finder("ket hon")
    assert results.backend == "elasticsearch" and titles(results) == ["Đăng ký kết hôn"]


def test_searching_when_elasticsearch_is_down_answers_from_the_database_within_a_second(client, procedures, settings):
    settings.ELASTICSEARCH_URL = DEAD
    api.read_breaker.reset()
    started = time.perf_counter()
    response = client.get(reverse("search:finder"), {"q": "khai sinh"})
    assert time.perf_counter() - started < 1
    assert response.status_code == 200
    html = response.content.decode()
    assert "<mark>khai</mark> <mark>sinh</mark>" in html and "có thể chưa đầy đủ" in html
    assert client.get(reverse("search:autocomplete"), {"q": "khai"}).json()["results"][0]["title"] == "Đăng ký khai sinh"


@override_settings(CACHES=redis_caches("redis://127.0.0.1:1/0"))
def test_typos_are_still_corrected_in_a_fresh_process_while_redis_is_down(procedures, monkeypatch):
    monkeypatch.setattr(vocabulary, "_loaded", {"version": None, "terms": frozenset()})
    assert titles(finder("khai sihn")) == ["Đăng ký khai sinh"]


def test_typos_follow_new_words_after_the_cache_was_emptied(tree, procedures, django_capture_on_commit_callbacks):
    """Redis restarted (its keys gone) between two publishes: the process's copy of the vocabulary must not
    be taken for the new one."""
    from django.core.cache import cache

    assert titles(finder("khai sihn")) == ["Đăng ký khai sinh"]
    cache.clear()
    with django_capture_on_commit_callbacks(execute=True):  # as many publishes as before the restart
        factories.ProcedurePageFactory(parent=tree.justice, title="Cấp phép khai thác nước ngầm", code="1.004321")
        factories.ProcedurePageFactory(parent=tree.justice, title="Chứng thực chữ ký", code="1.004322")
    assert titles(finder("khai thac nuoc ngamm")) == ["Cấp phép khai thác nước ngầm"]


def test_rebuild_swaps_the_alias_to_a_new_index(procedures, use_elasticsearch):
    out = io.StringIO()
    call_command("search_index", "rebuild", stdout=out, stderr=io.StringIO())
    first = use_elasticsearch.current_indices()
    expected = len(stamps())
    assert f"Đã lập chỉ mục {expected} trang" in out.getvalue() and len(first) == 1
    call_command("search_index", "rebuild", stdout=io.StringIO(), stderr=io.StringIO())
    second = use_elasticsearch.current_indices()
    assert len(second) == 1 and second != first
    assert not use_elasticsearch.es.indices.exists(index=first[0])
    assert use_elasticsearch.count() == expected
    status = io.StringIO()
    call_command("search_index", "status", stdout=status)
    assert f"Elasticsearch: {expected} tài liệu" in status.getvalue() and second[0] in status.getvalue()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_rebuild_outside_a_transaction_rewrites_the_store_in_title_order_and_it_answers(procedures):
    SearchEntry.objects.filter(pk=procedures[0].pk).delete()
    call_command("search_index", "rebuild", "--only", "database", stdout=io.StringIO(), stderr=io.StringIO())
    with connection.cursor() as cursor:
        cursor.execute("SELECT indisclustered FROM pg_index WHERE indexrelid = 'search_entry_title_c'::regclass")
        assert cursor.fetchone() == (True,)
    assert titles(finder("dang ky khai sinh")) == ["Đăng ký khai sinh"]
    assert titles(finder("xin giay phep xay nha")) == ["Cấp giấy phép xây dựng nhà ở riêng lẻ"]


def test_check_reports_drift_and_catchup_repairs_it(procedures, use_elasticsearch):
    indexing.rebuild()
    call_command("search_index", "check", stdout=io.StringIO())
    use_elasticsearch.remove_many([procedures[0].pk])
    SearchEntry.objects.filter(pk=procedures[1].pk).delete()
    with pytest.raises(CommandError):
        call_command("search_index", "check", stdout=io.StringIO())
    call_command("search_index", "catchup", stdout=io.StringIO())
    call_command("search_index", "check", stdout=io.StringIO())


def test_the_database_store_does_not_pad_a_near_match_with_entries_sharing_one_word(procedures):
    # No entry holds all the words; one holds all but "nhà", the other only "nhà".
    assert titles(finder("đăng ký khai sinh nhà ở")) == ["Đăng ký khai sinh"]
    # When nothing holds even all but one, entries holding any of the words are what there is.
    assert set(titles(finder("sinh nhà"))) == {"Đăng ký khai sinh", "Cấp giấy phép xây dựng nhà ở riêng lẻ"}


# The search pages


def test_finder_page_lists_facets_and_keeps_state_in_the_url(client, procedures):
    response = client.get(reverse("search:finder"), {"q": "dang ky khai sinh"})
    html = response.content.decode()
    assert response.status_code == 200 and response["X-Robots-Tag"] == "noindex"
    assert '<meta name="robots" content="noindex">' in html
    assert "<mark>Đăng</mark> <mark>ký</mark> <mark>khai</mark> <mark>sinh</mark>" in html
    assert "?q=dang+ky+khai+sinh&amp;co_quan=STP" in html
    filtered = client.get(reverse("search:finder"), {"q": "dang ky khai sinh", "co_quan": "STP"}).content.decode()
    assert 'class="selected" aria-current="true"' in filtered


def test_autocomplete_answers_json(client, procedures):
    data = client.get(reverse("search:autocomplete"), {"q": "cap giay ph"}).json()
    assert data["results"] == [{"title": "Cấp giấy phép xây dựng nhà ở riêng lẻ", "url": procedures[1].url, "code": "1.009794"}]
    assert client.get(reverse("search:autocomplete"), {"q": "x" * 5000}).status_code == 200


@pytest.mark.parametrize(
    "params",
    [
        {"q": '"khai sinh'},
        {"q": "(khai AND sinh) OR -ket*"},
        {"q": "khai:sinh ^2 ~ [1 TO 5] {x} \\ / ||"},
        {"q": "' OR 1=1 --"},
        {"q": "khai\x07sinh\x1b\u200b"},
        {"q": "<script>alert(1)</script>"},
        {"q": "khai sinh", "trang": "-1"},
        {"q": "khai sinh", "trang": str(10**9)},
        {"q": "khai sinh", "trang": "abc"},
        {"q": "khai sinh", "co_quan": "KHONG-CO"},
        {"q": "khai sinh", "sap_xep": "ten"},
        {"q": "a " * 99},
    ],
)
def test_hostile_queries_get_a_normal_page(client, procedures, params):
    started = time.perf_counter()
    response = client.get(reverse("search:finder"), params)
    assert response.status_code == 200
    assert time.perf_counter() - started < 2
    assert "<script>alert" not in response.content.decode()


@pytest.mark.parametrize(
    ("url", "params", "message"),
    [
        ("search:finder", {"q": "x" * 10_000}, "Từ khóa quá dài"),
        ("search:finder", {"q": "khai", "sap_xep": "gia"}, ""),
        ("search:finder", {"q": "khai\x00sinh"}, ""),
        ("search:finder", {"q": "khai", "co_quan": "<b>"}, "Giá trị lọc không hợp lệ"),
        ("search:site", {"q": "khai", "tu_ngay": "31/02/2025"}, ""),
        ("search:site", {"q": "khai", "tu_ngay": "01/03/2025", "den_ngay": "01/01/2025"}, "Từ ngày"),
        ("search:site", {"q": "khai", "loai": "video"}, ""),
    ],
)
def test_bad_parameters_get_a_400_with_a_message(client, procedures, url, params, message):
    response = client.get(reverse(url), params)
    assert response.status_code == 400
    html = response.content.decode()
    assert 'role="alert"' in html
    assert message in html


def test_queries_are_logged_without_personal_data_and_shown_to_editors(client, procedures, users):
    client.get(reverse("search:finder"), {"q": "Khai  Sinh"}, REMOTE_ADDR="203.0.113.9")
    client.get(reverse("search:finder"), {"q": "khai sinh", "trang": "2"})
    client.get(reverse("search:finder"), {"q": "zzqx"})
    rows = {row.query: (row.searches, row.zero_results) for row in QueryLog.objects.all()}
    assert rows == {"khai sinh": (1, 0), "zzqx": (1, 1)}
    assert not any("203.0.113.9" in str(value) for row in QueryLog.objects.values() for value in row.values())
    client.force_login(users.editor)
    html = client.get(reverse("search_report")).content.decode()
    assert "khai sinh" in html and "zzqx" in html
    client.force_login(users.reform)
    assert client.get(reverse("search_report")).status_code == 200


def test_catchup_replaces_an_entry_whose_page_changed_without_its_indexing_task(procedures, use_elasticsearch):
    indexing.rebuild()
    birth = procedures[0]
    # A publish whose task was lost (a worker killed mid-task): the page moved on, the stores did not.
    ProcedurePage.objects.filter(pk=birth.pk).update(title="Đăng ký khai sinh lưu động", last_published_at=timezone.now())
    report = indexing.drift()
    assert report["database"] == ([], [birth.pk], []) and report["elasticsearch"] == ([], [birth.pk], [])
    with pytest.raises(CommandError):
        call_command("search_index", "check", stdout=io.StringIO())
    out = io.StringIO()
    call_command("search_index", "catchup", stdout=out)
    assert "đã sửa 2 trang lệch" in out.getvalue()  # one entry in each store
    call_command("search_index", "check", stdout=io.StringIO())
    results = finder("khai sinh luu dong")
    assert results.backend == "elasticsearch" and titles(results) == ["Đăng ký khai sinh lưu động"]


def test_every_store_writes_finds_lists_and_forgets_documents_through_one_interface(procedures, store):
    target = backends.elasticsearch() if store == "elasticsearch" else backends.database()
    birth, building = procedures
    docs = list(documents())
    target.clear()
    assert target.indexed() == {}
    assert target.write_many(docs) == len(docs)
    assert target.indexed() == {doc.page_id: doc.stamp for doc in docs} and target.problems() == []

    request = api.SearchRequest(kinds=(Kind.PROCEDURE,))
    found = target.candidates(request, parse("khai sinh"), 10)
    assert [row["page_id"] for row in found.rows] == [birth.pk] and found.total == 1
    assert found.kinds == {Kind.PROCEDURE: 1}
    assert {"name": "co_quan", "value": "STP", "label": "Sở Tư pháp", "count": 1} in found.facets
    listed = target.ordered(request, None, "ma", 0, 10)
    assert [row["code"] for row in listed.rows] == ["1.001193", "1.009794"] and listed.total == 2
    assert "Thủ tục thử nghiệm" in target.with_bodies(listed.rows)[0]["body"]
    suggested = target.autocomplete(["cap", "giay", "ph"], (Kind.PROCEDURE,), 5)
    assert [(s["title"], s["url"], s["code"]) for s in suggested] == [(building.title, building.url, building.code)]

    target.remove_many([birth.pk, 10**9])  # a page the store does not hold is no error
    assert birth.pk not in target.indexed() and building.pk in target.indexed()


def test_site_search_keeps_vietnamese_words_in_its_address_for_kinds_named_in_english(client, procedures):
    assert SearchEntry.objects.get(pk=procedures[0].pk).kind == "procedure"
    html = client.get(reverse("search:site"), {"q": "khai sinh", "loai": "thu-tuc"}).content.decode()
    assert '<option value="thu-tuc" selected>' in html
    assert "<mark>khai</mark> <mark>sinh</mark></a>" in html and "Thủ tục hành chính · Mã: 1.001193" in html
    html = client.get(reverse("search:site"), {"q": "khai sinh", "loai": "tin-tuc"}).content.decode()
    assert '<option value="tin-tuc" selected>' in html and "Mã: 1.001193" not in html
