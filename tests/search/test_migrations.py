"""Data migrations of the search tables keep every stored row."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.models import Page

from search.models import Kind, QueryLog, Scope, SearchEntry
from tests.conftest import _root

BEFORE = ("search", "0008_entry_stamp_no_popularity")
AFTER = ("search", "0009_english_kinds_and_scopes")


def migrate(target):
    executor = MigrationExecutor(connection)
    executor.migrate([target])
    return executor.loader.project_state([target]).apps


@pytest.mark.django_db(transaction=True)
def test_kinds_and_scopes_stored_in_vietnamese_are_renamed_in_english_and_back():
    old = migrate(BEFORE)
    try:
        root = _root()  # earlier transactional tests may have emptied the tree
        child = root.add_child(instance=Page(title="Văn bản", slug="van-ban-cu"))
        Entry, Log = old.get_model("search", "SearchEntry"), old.get_model("search", "QueryLog")
        for page, kind in [(root, "thu-tuc"), (child, "van-ban")]:
            Entry.objects.create(page_id=page.pk, kind=kind, title=page.title, title_folded="", url="/")
        day = datetime.date(2026, 1, 5)
        Log.objects.create(day=day, scope="thu-tuc", query="khai sinh", searches=3)
        Log.objects.create(day=day, scope="trang", query="khai sinh", searches=2, zero_results=1)
        migrate(AFTER)
        assert dict(SearchEntry.objects.values_list("page_id", "kind"))[root.pk] == Kind.PROCEDURE
        assert sorted(SearchEntry.objects.values_list("kind", flat=True)) == [Kind.DOCUMENT, Kind.PROCEDURE]
        logged = {row.scope: (row.searches, row.zero_results) for row in QueryLog.objects.all()}
        assert logged == {Scope.FINDER: (3, 0), Scope.SITE: (2, 1)}
        migrate(BEFORE)
        assert sorted(Entry.objects.values_list("kind", flat=True)) == ["thu-tuc", "van-ban"]
        assert sorted(Log.objects.values_list("scope", flat=True)) == ["thu-tuc", "trang"]
    finally:
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes("search")[0])
