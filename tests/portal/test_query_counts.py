"""What a warm, uncached page costs in queries: the chrome every page repeats (site, settings, menu,
footer, sidebar, view restrictions) comes from the cache and the route from one query (issue 18)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def warm(settings, monkeypatch):
    """Production's chrome cache on, and this process's copy of the generations fresh for the whole test
    (a real process re-reads them once a second)."""
    from portal.web import page_cache

    settings.FRAGMENT_CACHE_SECONDS = 3600
    monkeypatch.setattr(page_cache, "LOCAL_SECONDS", 3600)
    page_cache.purge()


@pytest.fixture
def site(tree):
    from demo.site import demo_image

    image = demo_image("Ảnh thử", 1, size=(320, 180))
    for i in range(6):
        factories.NewsPageFactory(parent=tree.category, main_image=image, featured=i == 0)
    tree.article = factories.NewsPageFactory(parent=tree.category, main_image=image, title="Tin đo truy vấn")
    tree.procedure = factories.ProcedurePageFactory(parent=tree.justice)
    tree.statistics = factories.StatisticsPageFactory(parent=tree.home)
    return tree


def queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200 and response.get("X-Page-Cache") is None
    return len(captured), [q["sql"][:160] for q in captured.captured_queries]


@pytest.mark.parametrize(
    "page, limit",
    [
        ("home", 15),  # before: 22
        ("article", 12),  # before: 27
        ("procedure", 12),  # before: 35
        ("justice", 11),  # agency page, before: 24 (its officials, departments and history since: 3)
        ("news", 9),  # news index, before: 23
        ("documents", 7),  # document index, before: 19
        ("statistics", 5),  # before: 17
    ],
)
def test_warm_pages_stay_within_their_query_budget(client, site, warm, page, limit):
    url = "/" if page == "home" else getattr(site, page).url
    count, sql = queries(client, url)
    assert count <= limit, sql


def test_the_cached_chrome_follows_settings_and_menu_changes(client, site, warm):
    from portal.models import SiteSettings

    client.get(site.article.url)
    settings_row = SiteSettings.objects.get()
    settings_row.portal_name = "Cổng đã đổi tên"
    settings_row.save()
    html = client.get(site.article.url).content.decode()
    assert "Cổng đã đổi tên" in html
    factories.StandardPageFactory(parent=site.home, title="Mục mới trên menu", slug="muc-moi", show_in_menus=True)
    assert "Mục mới trên menu" in client.get(site.procedure.url).content.decode()
