"""Stores for the shared behaviour suite: the database store, and Elasticsearch — a real cluster when
ELASTICSEARCH_URL is set, else osmem-server's in-memory OpenSearch-compatible server (CI)."""

import os
import uuid

import pytest
from django.db import transaction
from wagtail.models import Page, Site

from demo import procedures as procedure_demo
from demo.life_events import load_life_events
from portal.models import SiteSettings
from procedures.exchange.importer import write_records
from search import api, backends, indexing
from tests import factories

BACKENDS = ["database", "elasticsearch"]


@pytest.fixture(scope="session")
def elasticsearch_server():
    url = os.environ.get("ELASTICSEARCH_URL")
    if url:
        yield url, "elastic_transport.Transport"
        return
    try:
        from osmem_server import OsmemServer

        server = OsmemServer.start(japanese=False)
    except Exception as exc:  # no binary for this platform, or it did not start
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must run the Elasticsearch tests: osmem-server did not start ({exc})")
        pytest.skip(f"needs Elasticsearch: set ELASTICSEARCH_URL or install osmem-server ({exc})")
    yield server.url, "tests.search.transport.PlainJsonTransport"
    server.close()


@pytest.fixture
def use_elasticsearch(request, settings):
    """Point the portal at a fresh index (alias) of the test Elasticsearch; removed afterwards."""
    url, transport = request.getfixturevalue("elasticsearch_server")
    settings.ELASTICSEARCH_URL = url
    settings.ELASTICSEARCH_TRANSPORT_CLASS = transport
    settings.ELASTICSEARCH_INDEX = f"test-{uuid.uuid4().hex[:10]}"
    settings.ELASTICSEARCH_REFRESH = True
    reset_breakers()
    store = backends.elasticsearch()
    yield store
    store.es.options(ignore_status=404).indices.delete(index=f"{store.alias}*", expand_wildcards="all")
    reset_breakers()


def reset_breakers():
    api.read_breaker.reset()
    indexing.write_breaker.reset()


@pytest.fixture(params=BACKENDS)
def store(request, settings):
    """Each shared behaviour test runs once per store; Elasticsearch is loaded from the site's pages."""
    settings.ELASTICSEARCH_URL = None
    reset_breakers()
    if request.param == "elasticsearch":
        request.getfixturevalue("use_elasticsearch")
        indexing.rebuild(stores=("elasticsearch",))
    return request.param


def build_site(names=None, keywords=False):
    """A home page, the 15 demo agencies and the demo procedures (all, or those named), indexed."""
    root = Page.get_first_root_node()
    for page in root.get_children():
        page.delete()
    home = factories.HomePageFactory(parent=root)
    Site.objects.all().delete()
    site = Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Cổng")
    SiteSettings.objects.create(site=site, portal_name="Cổng thử nghiệm")
    index, _count = procedure_demo.load_agencies(home)
    agencies = {a.short_name: a.title for a in index.get_children().specific()}
    records = procedure_demo.build_records(agencies)
    if names is not None:
        records = [r for r in records if r.name in names]
    for record in records:
        record.related = []
        if not keywords:
            record.keywords = ""  # abbreviations must come from the synonym list, not from the data
    write_records(records, index)
    load_life_events()
    return home, index


@pytest.fixture(scope="module")
def module_site(django_db_setup, django_db_blocker, request):
    """A site built once per module inside a transaction that is rolled back afterwards."""
    names = getattr(request.module, "PROCEDURE_NAMES", None)
    extra = getattr(request.module, "extra_pages", None)
    with django_db_blocker.unblock(), transaction.atomic():
        home, index = build_site(names)
        pages = extra(home) if extra else {}
        indexing.rebuild(stores=("database",))
        yield home, index, pages
        transaction.set_rollback(True)
