"""Answers to searches kept between requests (search.results_cache): a search citizens repeat costs no
store query, and whatever changes what they should find shows in the very next search."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import PageViewRestriction

from search.models import QueryLog
from tests import factories

pytestmark = pytest.mark.django_db

DEAD = "http://127.0.0.1:9"


@pytest.fixture
def procedures(tree, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return [
            factories.ProcedurePageFactory(parent=tree.justice, title="Đăng ký khai sinh", code="1.001193"),
            factories.ProcedurePageFactory(
                parent=tree.construction, title="Cấp giấy phép xây dựng nhà ở riêng lẻ", code="1.009794"
            ),
        ]


def finder(client, **params):
    """(the finder page's HTML, the SQL statements that read the search store for it)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("search:finder"), params)
    assert response.status_code == 200
    asked = [q["sql"] for q in queries.captured_queries if "search_searchentry" in q["sql"] or "search_searchfacet" in q["sql"]]
    return response.content.decode(), asked


def hits(html):
    return html.partition('<ol class="search-results">')[2].partition("</ol>")[0]


def test_a_repeated_search_asks_the_store_nothing_and_is_still_logged(client, procedures):
    first, asked = finder(client, q="khai sinh")
    assert asked and "<mark>khai</mark> <mark>sinh</mark>" in first
    again, asked_again = finder(client, q="Khai   SINH")  # the same query, typed otherwise
    assert asked_again == []
    assert hits(again) == hits(first)
    assert QueryLog.objects.get(query="khai sinh").searches == 2


def test_a_repeated_search_costs_a_fixed_number_of_queries(client, procedures, settings, monkeypatch):
    from portal.web import page_cache

    settings.FRAGMENT_CACHE_SECONDS = 3600  # the chrome from the cache, as in production
    monkeypatch.setattr(page_cache, "LOCAL_SECONDS", 3600)
    finder(client, q="giay phep xay dung")
    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("search:finder"), {"q": "giay phep xay dung"})
    # The search generation (the test cache is each process's own memory), then the log's row and the
    # visitor's row in one transaction (a savepoint inside the test's; PostgreSQL told not to wait for
    # the disk); no store query.
    unhurried = ["SET"] if connection.vendor == "postgresql" else []
    expected = ["SELECT", "SAVEPOINT", *unhurried, "UPDATE", "INSERT", "RELEASE"]
    assert [q["sql"].split()[0] for q in queries.captured_queries] == expected


def test_distinct_filters_sorts_and_pages_get_their_own_answers(client, procedures):
    justice, _asked = finder(client, co_quan="STP")
    construction, _asked = finder(client, co_quan="SXD")
    assert "Đăng ký khai sinh" in justice and "Cấp giấy phép xây dựng" not in justice
    assert "Cấp giấy phép xây dựng" in construction and "Đăng ký khai sinh" not in construction
    by_name, _asked = finder(client, sap_xep="ten")
    by_code, _asked = finder(client, sap_xep="ma")
    assert by_name.index("Cấp giấy phép xây dựng") < by_name.index("Đăng ký khai sinh")
    assert by_code.index("Đăng ký khai sinh") < by_code.index("Cấp giấy phép xây dựng")
    _html, asked = finder(client, co_quan="STP", trang="2")
    assert asked


def test_a_publish_shows_in_the_next_search(client, tree, procedures, django_capture_on_commit_callbacks):
    finder(client, q="khai sinh")
    with django_capture_on_commit_callbacks(execute=True):
        mobile = factories.ProcedurePageFactory(parent=tree.justice, title="Đăng ký khai sinh lưu động")
    html, asked = finder(client, q="khai sinh")
    assert asked and "lưu động" in html and mobile.url in html


def test_an_unpublish_shows_in_the_next_search(client, procedures, django_capture_on_commit_callbacks):
    birth, _building = procedures
    assert birth.url in finder(client, q="khai sinh")[0]
    with django_capture_on_commit_callbacks(execute=True):
        birth.unpublish()
    html, _asked = finder(client, q="khai sinh")
    assert birth.url not in html


def test_a_privacy_change_shows_in_the_next_search(client, procedures, django_capture_on_commit_callbacks):
    birth, _building = procedures
    assert birth.url in finder(client, q="khai sinh")[0]
    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(page=birth, restriction_type=PageViewRestriction.PASSWORD, password="x")
    assert birth.url not in finder(client, q="khai sinh")[0]
    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert birth.url in finder(client, q="khai sinh")[0]


def test_answers_are_not_kept_when_turned_off(client, procedures, settings):
    settings.SEARCH_RESULTS_SECONDS = 0
    finder(client, q="khai sinh")
    assert finder(client, q="khai sinh")[1]


def test_an_answer_from_the_fallback_store_is_not_kept(client, procedures, settings):
    """While Elasticsearch is down the database answers and the page says it may be incomplete; the next
    search asks again rather than keep showing that."""
    settings.ELASTICSEARCH_URL = DEAD
    assert "bộ tìm kiếm dự phòng" in finder(client, q="khai sinh")[0]
    assert finder(client, q="khai sinh")[1]


def test_a_finder_page_holding_a_visitors_csrf_token_is_not_kept_for_others(client, procedures, monkeypatch):
    """Should the finder's page ever carry a form token (a form added to the site's chrome), it is that
    visitor's: the next visitor gets a page rendered for them."""
    from django.middleware.csrf import get_token

    from search import views

    respond, rendered, with_token = views._respond, [], []

    def counted(request, *args):
        rendered.append(get_token(request) if with_token else None)
        return respond(request, *args)

    monkeypatch.setattr(views, "_respond", counted)
    for query in ("khai sinh", "khai sinh"):
        finder(client, q=query)
    assert len(rendered) == 1  # without a token, the second visitor gets the kept page
    with_token.append(True)
    for query in ("cap giay phep", "cap giay phep"):
        client.cookies.clear()
        finder(client, q=query)
    assert len(rendered) == 3
