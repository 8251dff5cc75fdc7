import os

import pytest

from search import api
from search.models import Kind, Scope
from search.query import coverage, parse
from tests.search.test_relevance import extra_pages  # noqa: F401

pytestmark = pytest.mark.django_db
from tests.search.test_behaviour import PROCEDURE_NAMES, extra_pages  # noqa: F401,E402,F811


def test_dbg(module_site):
    for q in os.environ["QS"].split("|"):
        p = parse(q)
        r = api.search(api.SearchRequest(text=q, kinds=(Kind.PROCEDURE,), scope=Scope.FINDER))
        print("\n", q, "weak", sorted(p.weak), "alts", p.alternatives[:4], "unknown", p.unknown, "total", r.total, r.partial)
        print("   strong", [p.strong(a) for a in p.alternatives[:3]])
        print("  ", [str(h.title)[:60] for h in r.hits[:5]])


def test_scores(module_site):
    from search.backends import database
    from search.query import score

    for q in os.environ["QS"].split("|"):
        p = parse(q)
        found = database().candidates(api.SearchRequest(text=q, kinds=(Kind.PROCEDURE,)), p, 300)
        rows = sorted(found.rows, key=lambda r: -score(p, r))[:6]
        print("\n", q, "weak", sorted(p.weak), [p.strong(a) for a in p.alternatives[:3]])
        for r in rows:
            print("   %.2f %.2f" % (score(p, r), coverage(p, r)), r["title"][:60], "|", r["keywords_folded"][:80].replace("\n", " "))
