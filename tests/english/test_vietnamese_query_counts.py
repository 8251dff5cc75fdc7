"""The English version must not cost the Vietnamese pages anything: counts measured on main before it."""

import json

import pytest
from django.test import override_settings

from procedures.exchange.importer import import_file
from procedures.models import ProcedurePage
from tests import factories
from tests.procedures.conftest import national

pytestmark = pytest.mark.django_db

# Measured on main's code (8e59aea) with the same fixtures, before the English version.
HOME, ARTICLE, PROCEDURE = 20, 26, 35


@override_settings(PAGE_CACHE_SECONDS=0)
def test_vietnamese_home_article_and_procedure_pages_do_not_grow(client, tree, tmp_path, django_assert_max_num_queries):
    article = factories.NewsPageFactory(parent=tree.category)
    records = tmp_path / "tthc.json"
    records.write_text(json.dumps([national()], ensure_ascii=False), encoding="utf-8")
    import_file(records, tree.procedures)
    procedure = ProcedurePage.objects.get(code="1.001193")
    for url in ("/", article.url, procedure.url):
        client.get(url)
    for url, count in (("/", HOME), (article.url, ARTICLE), (procedure.url, PROCEDURE)):
        with django_assert_max_num_queries(count):
            response = client.get(url)
        assert response.status_code == 200
        assert "Accept-Language" not in response.get("Vary", "")
