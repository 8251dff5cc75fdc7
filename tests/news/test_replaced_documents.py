"""A document that replaces another says so, and the replaced one points to its replacement."""

import datetime

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def documents(tree):
    old = factories.DecisionPageFactory(
        parent=tree.documents, number="77/QĐ-UBND", summary="Công bố danh mục thủ tục lĩnh vực hộ tịch",
        date_issued=datetime.date(2023, 1, 12),
    )  # fmt: skip
    new = factories.DecisionPageFactory(
        parent=tree.documents, number="91/QĐ-UBND", summary="Công bố danh mục thủ tục hộ tịch thay thế",
        date_issued=datetime.date(2025, 1, 15),
    )  # fmt: skip
    new.replaces.add(old)
    new.save_revision().publish()
    return old, new


def test_both_documents_name_each_other(client, documents):
    old, new = documents
    newer = client.get(new.url).content.decode()
    assert "Thay thế văn bản" in newer and f'<a href="{old.url}">77/QĐ-UBND</a>' in newer
    assert "Bị thay thế bởi" not in newer
    older = client.get(old.url).content.decode()
    assert "Văn bản này đã bị thay thế." in older
    assert "Bị thay thế bởi" in older and f'<a href="{new.url}">91/QĐ-UBND</a>' in older
    assert "Thay thế văn bản" not in older


def test_an_unpublished_replacement_is_not_named(client, documents):
    old, new = documents
    new.unpublish()
    older = client.get(old.url).content.decode()
    assert "Bị thay thế bởi" not in older and "91/QĐ-UBND" not in older
