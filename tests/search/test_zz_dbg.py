import pytest
from search import api
from search.query import parse, coverage
from search.models import Kind, Scope
from tests.search.test_relevance import extra_pages  # noqa
pytestmark = pytest.mark.django_db
PROCEDURE_NAMES = None
import os
def test_dbg(module_site):
    for q in os.environ["QS"].split("|"):
        p = parse(q)
        r = api.search(api.SearchRequest(text=q, kinds=(Kind.PROCEDURE,), scope=Scope.FINDER))
        print("\n", q, "tokens", p.tokens, "weak", sorted(p.weak), "alts", p.alternatives[:4], "unknown", p.unknown, "total", r.total, r.partial, [str(h.title)[:60] for h in r.hits[:3]])
