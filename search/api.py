"""The public interface of search: other apps and the search pages call `search()` and `suggest()`.

A query goes to Elasticsearch when it is configured; if that fails or is slow, the database store
answers and the results say so (`degraded`). Both stores return candidates; one scorer ranks them.
"""

import datetime
import logging
import math
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import F, Sum
from django.utils import timezone

from portal.db import increment
from search import indexing, vocabulary
from search.backends.database import DatabaseBackend
from search.models import Kind, QueryLog
from search.query import parse, score
from search.text import highlight, tokens

log = logging.getLogger(__name__)

PAGE_SIZE = 20
CANDIDATES = 300
MAX_PAGE = CANDIDATES // PAGE_SIZE
SORTS = ("lien-quan", "ten", "ma", "moi")
SNIPPET = 240
ES_SORTS = {"ten": [{"title_folded": "asc"}], "ma": [{"code": "asc"}, {"title_folded": "asc"}], "moi": [{"date": "desc"}]}


@dataclass
class SearchRequest:
    text: str = ""
    kinds: tuple = ()
    filters: dict = field(default_factory=dict)
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    sort: str = "lien-quan"
    page: int = 1
    scope: str = "trang"


@dataclass
class Hit:
    title: str
    url: str
    kind: str
    snippet: str
    date: datetime.datetime | None
    code: str

    @property
    def kind_label(self):
        return Kind(self.kind).label


@dataclass
class Results:
    hits: list
    total: int
    page: int = 1
    facets: dict = field(default_factory=dict)  # name → [{"value", "label", "count", "selected"}]
    kinds: dict = field(default_factory=dict)
    correction: str = ""
    suggestions: list = field(default_factory=list)
    popular: list = field(default_factory=list)
    degraded: bool = False
    backend: str = "database"

    @property
    def pages(self):
        return max(1, math.ceil(min(self.total, CANDIDATES) / PAGE_SIZE))


def _primary():
    if indexing.breaker.closed:
        backend = indexing.elasticsearch()
        if backend is not None:
            return backend
    return None


def search(request):
    query = parse(request.text) if request.text.strip() else None
    if query is not None and not query:
        query = None
    results = None
    backend = _primary()
    if backend is not None:
        try:
            results = _run_elasticsearch(backend, request, query)
        except Exception as exc:  # a failing or slow service: answer from the database
            log.warning("Elasticsearch query failed, answered by the database: %s", exc)
            indexing.breaker.open()
    if results is None:
        results = _run_database(DatabaseBackend(), request, query)
        results.degraded = backend is not None or indexing.elasticsearch() is not None
    _finish(results, request, query)
    return results


def _ranked(rows, query, request):
    if query is None:
        return rows
    return sorted(rows, key=lambda row: (-score(query, row), -(row["date"].timestamp() if row.get("date") else 0)))


def _slice(request):
    page = min(max(request.page, 1), MAX_PAGE)
    return page, (page - 1) * PAGE_SIZE


def _run_database(db, request, query):
    page, offset = _slice(request)
    found = db.candidates(request, query, CANDIDATES) if query is not None else db.browse(request)
    if query is not None and request.sort == "lien-quan":
        rows = _ranked(found.rows, query, request)[offset : offset + PAGE_SIZE]
    else:
        rows = db.ordered(found.entries, "moi" if request.sort == "lien-quan" else request.sort, offset, PAGE_SIZE)
    results = Results(hits=db.add_bodies(rows), total=found.total, page=page, backend=db.name)
    results.facets = _group_facets(found.facets, request)
    if len(request.kinds) != 1:
        results.kinds = found.kinds
    return results


def _run_elasticsearch(es, request, query):
    page, offset = _slice(request)
    if query is not None and request.sort == "lien-quan":
        rows, total, facets, kinds = es.search(request, query, CANDIDATES)
        rows = _ranked(rows, query, request)[offset : offset + PAGE_SIZE]
    else:
        sort = ES_SORTS["moi" if request.sort == "lien-quan" else request.sort]
        rows, total, facets, kinds = es.search(request, query, PAGE_SIZE, offset=offset, sort=sort)
    results = Results(hits=rows, total=total, page=page, backend=es.name)
    results.facets = _group_facets(facets, request)
    results.kinds = kinds
    return results


def _group_facets(counts, request):
    grouped = {}
    for row in counts:
        grouped.setdefault(row["name"], []).append({**row, "selected": request.filters.get(row["name"]) == row["value"]})
    for name, value in request.filters.items():
        values = grouped.setdefault(name, [])
        if not any(v["value"] == value for v in values):
            values.insert(0, {"name": name, "value": value, "label": value, "count": 0, "selected": True})
    for values in grouped.values():
        values.sort(key=lambda v: (not v["selected"], -v["count"], v["label"]))
    return grouped


def _finish(results, request, query):
    terms = query.terms if query else frozenset()
    results.hits = [
        Hit(
            title=highlight(row["title"], terms),
            url=row["url"],
            kind=row["kind"],
            snippet=highlight(row["body"], terms, SNIPPET),
            date=row.get("date"),
            code=row.get("code", ""),
        )
        for row in results.hits
    ]
    if query is None:
        return
    if query.correction and query.correction != " ".join(query.tokens):
        results.correction = query.correction
    if results.total == 0:
        results.suggestions = _suggestions(query)
        results.popular = popular(request.scope)
    if request.page == 1:
        _log(request.scope, query, results.total)


def _suggestions(query):
    """Whole queries with a misspelt word replaced by indexed words close to it."""
    suggestions = []
    for position, token in enumerate(query.tokens):
        for option in vocabulary.corrections(token):
            if option != token:
                rewritten = list(query.tokens)
                rewritten[position] = option
                suggestions.append(" ".join(rewritten))
    return suggestions[:5]


def _log(scope, query, total):
    text = " ".join(query.tokens)[:200]
    try:
        increment(
            QueryLog, {"day": timezone.localdate(), "scope": scope, "query": text}, searches=1, zero_results=int(total == 0)
        )
    except Exception:  # logging must never break a search
        log.warning("Could not log a search query", exc_info=True)


def popular(scope, limit=8, days=30):
    key = f"search:popular:{scope}"
    cached = cache.get(key)
    if cached is None:
        since = timezone.localdate() - datetime.timedelta(days=days)
        rows = (
            QueryLog.objects.filter(day__gte=since, scope=scope)
            .values("query")
            .annotate(total=Sum("searches"), empty=Sum("zero_results"))
            .filter(total__gt=F("empty"))
            .order_by("-total", "query")[:limit]
        )
        cached = [row["query"] for row in rows]
        cache.set(key, cached, 600)
    return cached


def suggest(text, kinds=(Kind.PROCEDURE,), limit=8):
    """Autocomplete: titles containing every word typed, the last as a prefix."""
    words = tokens(text)[:8]
    if not words or len(text.strip()) < 2:
        return []
    backend = _primary()
    if backend is not None:
        try:
            return backend.autocomplete(" ".join(words), kinds, limit)
        except Exception as exc:  # as in search()
            log.warning("Elasticsearch autocomplete failed, answered by the database: %s", exc)
            indexing.breaker.open()
    return DatabaseBackend().autocomplete(words, kinds, limit)
