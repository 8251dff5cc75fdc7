import os
import shutil
from types import SimpleNamespace

import pytest
from django.conf import settings
from wagtail.models import Collection, Locale, Page, Site

from portal.models import SiteSettings
from portal.roles import ADMINS, EDITORS, MODERATORS, REFORM_OFFICE
from tests import factories


def pytest_collection_modifyitems(config, items):
    """PostgreSQL-only tests run in the PostgreSQL pass of the test command; CI must not skip them."""
    from django.db import connection

    if connection.vendor == "postgresql":
        return
    reason = "needs PostgreSQL: runs in the PostgreSQL pass of `make test` (DATABASE_URL=postgres://…)"
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(autouse=True, scope="session")
def _clean_media():
    yield
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)


@pytest.fixture(autouse=True)
def _fresh_cache():
    from django.core.cache import cache

    from portal.web import chrome, page_cache

    cache.clear()
    # A rolled-back database starts its generations again: no process-local copy may outlive the test.
    chrome._copies.clear()
    page_cache._local.clear()
    page_cache._hot.clear()


def _root():
    """The tree's root; a transactional test's flush removes what migrations made, so make it again."""
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    root = Page.get_first_root_node()
    if root is None:
        Locale.objects.get_or_create(language_code="vi")
        root = Page.add_root(title="Root", slug="root")
    return root


@pytest.fixture
def home(db):
    root = _root()
    for page in root.get_children():
        page.delete()
    home = factories.HomePageFactory(parent=root)
    Site.objects.all().delete()
    site = Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Cổng")
    SiteSettings.objects.create(site=site, portal_name="Cổng thông tin CCHC tỉnh Thử Nghiệm", legacy_visit_count=40_528_527)
    return home


@pytest.fixture
def tree(home):
    """The section tree of docs/architecture.md with one news category, the document index and two agencies."""
    news = factories.NewsIndexPageFactory(parent=home, title="Tin tức", slug="tin-tuc", show_in_menus=True)
    category = factories.NewsIndexPageFactory(parent=news, title="Thông tin cải cách hành chính", slug="cchc")
    documents = factories.DocumentIndexPageFactory(parent=home, show_in_menus=True)
    procedures = factories.ProcedureIndexPageFactory(parent=home, show_in_menus=True)
    justice = factories.AgencyPageFactory(parent=procedures, title="Sở Tư pháp", slug="so-tu-phap", short_name="STP")
    construction = factories.AgencyPageFactory(parent=procedures, title="Sở Xây dựng", slug="so-xay-dung", short_name="SXD")
    return SimpleNamespace(
        home=home,
        news=news,
        category=category,
        documents=documents,
        procedures=procedures,
        justice=justice,
        construction=construction,
    )


@pytest.fixture
def users(db):
    return SimpleNamespace(
        admin=factories.UserFactory(username="quantri", groups=[ADMINS]),
        editor=factories.UserFactory(username="bientap", groups=[EDITORS]),
        moderator=factories.UserFactory(username="duyet", groups=[MODERATORS]),
        reform=factories.UserFactory(username="cchc", groups=[REFORM_OFFICE]),
    )


def pytest_report_header(config):
    return f"database: {os.environ.get('DATABASE_URL', 'sqlite (embedded default)').split('@')[-1]}"
