"""The one interface of the search stores, so that searching (search/api.py) and indexing
(search/indexing.py) run the database store and Elasticsearch the same way.

A store finds candidates, counts and facets; ranking them is the shared scorer's job (search/query.py),
so a store's own rank only decides which candidates it returns when there are too many.
"""

from dataclasses import dataclass
from typing import Protocol


@dataclass
class Matches:
    """What a query found: rows (best first by the store's rank, or in the order asked), how many there
    are in all, facet counts ({"name", "value", "label", "count"}) and counts per kind."""

    rows: list
    total: int
    facets: list
    kinds: dict


class StoreUnavailable(Exception):
    """The store cannot take writes now (unreachable, or its index is missing or wrong): the update is
    kept and sent again later, never written somewhere it would go unnoticed."""


class Rebuild(Protocol):
    """A complete new copy of a store being written; it replaces the current one on `commit()`."""

    def write_many(self, docs) -> int: ...

    def commit(self) -> str: ...

    def abort(self) -> None: ...


class Store(Protocol):
    """A row is a dict of `documents.ENTRY_FIELDS` plus `body_words`, the folded words of its text that
    scoring asks about (at least those of the query), and `body` once `with_bodies` has added it."""

    name: str

    # Reading

    def candidates(self, request, query, limit) -> Matches:
        """Up to `limit` rows matching `query` under the request's filters, with the total and counts."""

    def ordered(self, request, query, sort, offset, limit) -> Matches:
        """One page of the rows matching `query` (every row the filters allow when it is None) in `sort`
        order: "ten" (title), "ma" (code) or "moi" (newest first)."""

    def with_bodies(self, rows) -> list:
        """The rows with the opening of their text, for the snippets of the page shown."""

    def autocomplete(self, words, kinds, limit) -> list:
        """Titles holding every folded word typed, the last one as a prefix: dicts of `SUGGESTED`."""

    # Writing

    def write_many(self, docs) -> int:
        """Store (or replace) documents in one go; raises `StoreUnavailable` rather than write blindly."""

    def remove_many(self, page_ids) -> None:
        """Forget these pages; pages the store does not hold are no error."""

    def clear(self) -> None: ...

    def rebuild(self) -> Rebuild:
        """Start writing a complete new copy, which searches see only once it is committed."""

    # Keeping in line with the site

    def indexed(self) -> dict:
        """{page id: stamp} of every stored document (see `documents.stamp`), read without the texts."""

    def problems(self) -> list:
        """What stops the store from answering or taking writes correctly; empty when it is healthy."""
