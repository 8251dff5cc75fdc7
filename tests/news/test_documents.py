import datetime
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from news.choices import DocumentStatus, DocumentType
from portal.text import document_number_key
from tests import factories

pytestmark = pytest.mark.django_db


def numbers(html):
    return re.findall(r'<td class="card-title[^"]*"><a href="[^"]+">([^<]+)</a></td>', html)


@pytest.mark.parametrize("typed", ["91/QĐ-UBND", "91/QD-UBND", "91 qđ ubnd", "91/qd-ubnd", "  91 / QĐ - UBND "])
def test_number_lookup_accepts_every_way_citizens_type_it(client, tree, typed):
    factories.DecisionPageFactory(parent=tree.documents, number="191/QĐ-UBND", date_issued=datetime.date(2025, 6, 1))
    factories.DecisionPageFactory(parent=tree.documents, number="91/QĐ-UBND", date_issued=datetime.date(2025, 1, 1))
    factories.DecisionPageFactory(parent=tree.documents, number="91/KH-UBND", date_issued=datetime.date(2025, 3, 1))
    found = numbers(client.get("/van-ban/", {"q": typed}).content.decode())
    assert found[0] == "91/QĐ-UBND"
    assert "91/KH-UBND" not in found


def test_punctuation_alone_finds_nothing_instead_of_every_document(client, tree):
    factories.DecisionPageFactory(parent=tree.documents, number="91/QĐ-UBND")
    assert numbers(client.get("/van-ban/", {"q": "?"}).content.decode()) == []


def test_number_key_folds_diacritics_and_punctuation():
    assert document_number_key("42/2022/NĐ-CP") == "42 2022 nd cp"


def test_filters_by_type_issuer_year_and_status(client, tree):
    factories.DecisionPageFactory(parent=tree.documents, number="1/QĐ-UBND", date_issued=datetime.date(2024, 5, 1))
    factories.DecisionPageFactory(
        parent=tree.documents,
        number="2/KH-UBND",
        doc_type=DocumentType.PLAN,
        issuer="Văn phòng UBND tỉnh",
        date_issued=datetime.date(2025, 5, 1),
    )
    factories.DecisionPageFactory(
        parent=tree.documents, number="3/QĐ-UBND", date_issued=datetime.date(2020, 1, 1), date_expired=datetime.date(2021, 1, 1)
    )
    assert numbers(client.get("/van-ban/", {"doc_type": "KH"}).content.decode()) == ["2/KH-UBND"]
    assert numbers(client.get("/van-ban/", {"issuer": "Văn phòng UBND tỉnh"}).content.decode()) == ["2/KH-UBND"]
    assert numbers(client.get("/van-ban/", {"year": "2024"}).content.decode()) == ["1/QĐ-UBND"]
    assert numbers(client.get("/van-ban/", {"status": "expired"}).content.decode()) == ["3/QĐ-UBND"]
    assert numbers(client.get("/van-ban/", {"status": "in_force"}).content.decode()) == ["2/KH-UBND", "1/QĐ-UBND"]


@pytest.mark.parametrize("params", [{"year": "abc"}, {"doc_type": "XX"}, {"status": "deleted"}, {"q": "x" * 300}])
def test_bad_filters_answer_400(client, tree, params):
    factories.DecisionPageFactory(parent=tree.documents)
    response = client.get("/van-ban/", params)
    assert response.status_code == 400
    assert 'class="field-error"' in response.content.decode()


def test_status_is_computed_from_dates_unless_overridden():
    today = datetime.date(2025, 7, 1)
    page = factories.DecisionPageFactory.build(date_effective=datetime.date(2025, 8, 1))
    assert page.status_on(today) == DocumentStatus.NOT_YET
    page.date_effective, page.date_expired = datetime.date(2025, 1, 1), datetime.date(2025, 6, 30)
    assert page.status_on(today) == DocumentStatus.EXPIRED
    page.date_expired = None
    assert page.status_on(today) == DocumentStatus.IN_FORCE
    page.status_override = DocumentStatus.PARTLY_EXPIRED
    assert page.status_on(today) == DocumentStatus.PARTLY_EXPIRED


def test_document_page_shows_properties_and_legislation_json_ld(client, tree):
    page = factories.DecisionPageFactory(parent=tree.documents, number="91/QĐ-UBND", signer="Nguyễn Văn A")
    html = client.get(page.url).content.decode()
    assert "91/QĐ-UBND" in html and "Nguyễn Văn A" in html and "15/01/2025" in html and "Còn hiệu lực" in html
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "Legislation" and data["legislationIdentifier"] == "91/QĐ-UBND"


def test_document_listing_query_count_does_not_grow_with_page_size(client, tree):
    for _ in range(2):
        factories.DecisionPageFactory(parent=tree.documents)
    client.get("/van-ban/")
    with CaptureQueriesContext(connection) as few:
        client.get("/van-ban/")
    for _ in range(18):
        factories.DecisionPageFactory(parent=tree.documents)
    with CaptureQueriesContext(connection) as many:
        client.get("/van-ban/")
    assert len(many) == len(few)
