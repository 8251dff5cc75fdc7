"""The relevance set (tests/search/relevance_queries.py): citizen queries and the procedure they want,
among all 156 demo procedures with their keywords removed (only titles, texts, the synonym list and the
life events can help), and queries about things the portal has nothing on. Prints top-1, top-3 and MRR
per kind and per store; fails below 95% in the top 3 on any store, or when a query about nothing shows
more than a short list labelled as partial matches."""

import datetime
from collections import defaultdict

import pytest

from search import api
from search.models import Kind, Scope
from tests import factories
from tests.search.relevance_queries import DOCUMENTS, NOTHING, RELEVANCE

pytestmark = pytest.mark.django_db

PROCEDURE_NAMES = None  # every demo procedure
SHORT_LIST = 5


def extra_pages(home):
    documents = factories.DocumentIndexPageFactory(parent=home)
    for number, title in DOCUMENTS:
        factories.DecisionPageFactory(parent=documents, number=number, title=title, date_issued=datetime.date(2025, 3, 4))
    return {}


@pytest.fixture
def catalogue(module_site, store):
    return store


def plain(title):
    return str(title).replace("<mark>", "").replace("</mark>", "")


def ask(kind, query):
    if kind == "document_number":
        return api.search(api.SearchRequest(text=query, scope=Scope.SITE))
    return api.search(api.SearchRequest(text=query, kinds=(Kind.PROCEDURE,), scope=Scope.FINDER))


def test_relevance_set(catalogue, capsys):
    from news.models import DecisionPage
    from procedures.models import ProcedurePage

    titles = set(ProcedurePage.objects.values_list("title", flat=True))
    titles |= {f"{d.number} – {d.title}" for d in DecisionPage.objects.all()}
    unknown = [expected for queries in RELEVANCE.values() for _query, expected in queries if expected not in titles]
    assert not unknown, f"the relevance set names pages the site lacks: {unknown}"
    figures, misses = defaultdict(lambda: [0, 0, 0.0, 0]), []
    for kind, queries in RELEVANCE.items():
        for query, expected in queries:
            results = ask(kind, query)
            assert not results.degraded
            found = [plain(hit.title) for hit in results.hits]
            rank = found.index(expected) + 1 if expected in found else 0
            for key in (kind, "all"):
                figure = figures[key]
                figure[0] += rank == 1
                figure[1] += 0 < rank <= 3
                figure[2] += 1 / rank if rank else 0
                figure[3] += 1
            if not 0 < rank <= 3:
                misses.append((query, expected, found[:3]))
    noisy = []
    for query in NOTHING:
        results = ask("", query)
        honest = results.total == 0 and bool(results.suggestions or results.entry_points)
        if not honest and not (results.partial and len(results.hits) <= SHORT_LIST and results.total <= SHORT_LIST):
            noisy.append((query, results.total, [plain(hit.title) for hit in results.hits[:3]]))
    with capsys.disabled():
        print(f"\nrelevance [{catalogue}]        top-1   top-3    MRR   queries")
        for kind, (top1, top3, reciprocal, count) in sorted(figures.items(), key=lambda item: item[0] == "all"):
            print(f"  {kind:<20} {top1 / count:6.0%} {top3 / count:7.0%} {reciprocal / count:6.2f} {count:6d}")
        print(f"  nothing found        {len(NOTHING) - len(noisy)}/{len(NOTHING)} honest")
        for query, expected, found in misses:
            print(f"  miss: {query!r} → want {expected!r}, got {found}")
        for query, total, found in noisy:
            print(f"  noise: {query!r} → {total} results, {found}")
    top3, count = figures["all"][1], figures["all"][3]
    assert count >= 150 and len(NOTHING) >= 15
    assert top3 / count >= 0.95
    assert not noisy
