"""The public interface of search: other apps and the search pages call `search()` and `suggest()`.

A query goes to Elasticsearch when it is configured; if that fails or is slow, the database store
answers and the results say so (`degraded`). Every store is asked the same way (`backends.base.Store`):
it returns candidates, counts and facets; one scorer ranks them.
"""

import datetime
import logging
import math
from collections import Counter
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.crypto import salted_hmac

from portal.db import increment
from portal.resilience import CircuitBreaker
from search import backends, results_cache, vocabulary
from search.documents import FIELD
from search.models import Kind, PopularQuery, QueryLog, QueryVisitor, Scope, SearchFacet
from search.query import coverage, parse, score
from search.text import highlight, tokens

log = logging.getLogger(__name__)

PAGE_SIZE = 20
CANDIDATES = 300
MAX_PAGE = CANDIDATES // PAGE_SIZE
SNIPPET = 240
POPULAR_VISITORS, POPULAR_DAYS = 3, 2  # distinct visitors and days a query needs to be listed as popular
SHORT_LIST = 5  # partial matches shown when nothing holds every telling word of a query
PARTIAL_SHARE = 0.5  # the share of those words partial matches must hold
PARTIAL_NEAR = 0.8  # and the share of the best partial match's words the others listed must hold
LONG_QUERY, LONG_PARTIAL_SHARE = 4, 0.2  # a question of many telling words may name its subject with one
SORT_KEYS = {
    "ten": lambda row: (row["title_folded"], row["page_id"]),
    "ma": lambda row: (row["code"], row["title_folded"]),
    "moi": lambda row: -(row["date"].timestamp() if row.get("date") else 0),
}
# Separate from indexing's: a slow search must not hold back publishing, nor a failed write searches.
read_breaker = CircuitBreaker()


@dataclass
class SearchRequest:
    text: str = ""
    kinds: tuple = ()
    filters: dict = field(default_factory=dict)
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    sort: str = "lien-quan"
    page: int = 1
    scope: str = Scope.SITE
    visitor: str = ""  # a keyed hash of the visitor's address (`visitor_key`), for popular searches


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
    entry_points: list = field(default_factory=list)  # (label, query string) of the catalogue's fields
    partial: bool = False  # only some of the query's words were found
    degraded: bool = False
    backend: str = "database"
    logged: str | None = None  # the query as the log keeps it (folded words); None when there was none

    @property
    def pages(self):
        return max(1, math.ceil(min(self.total, CANDIDATES) / PAGE_SIZE))


def _stores():
    """The stores to ask, in order: Elasticsearch first unless its reads failed a moment ago."""
    elastic = backends.elasticsearch()
    stores = [elastic] if elastic is not None and read_breaker.closed else []
    return [*stores, backends.database()], elastic is not None


def _answer(ask):
    """`ask(store)` from the first store that answers; whether a configured Elasticsearch did not."""
    stores, configured = _stores()
    for store in stores[:-1]:
        try:
            return ask(store), False
        except Exception as exc:  # a failing or slow service: answer from the database
            log.warning("Elasticsearch failed to answer, the database store did: %s", exc)
            read_breaker.open()
    return ask(stores[-1]), configured


def search(request):
    """The answer to a search: kept for `SEARCH_RESULTS_SECONDS` (search.results_cache), the query
    logged either way."""
    if results_cache.enabled():
        entry_key = results_cache.key(request)
        generation, kept = results_cache.lookup(entry_key)
        if kept is not None:
            (results,) = kept
            log_search(request, results)
            return results
    query = parse(request.text) if request.text.strip() else None
    if query is not None and not query:
        query = None
    results, results.degraded = _answer(lambda store: _run(store, request, query))
    _finish(results, request, query)
    if results_cache.enabled() and not results.degraded:  # a fuller answer may come once Elasticsearch is back
        results_cache.keep(entry_key, generation, results)
    return results


def log_search(request, results):
    """Count a search answered from what was kept, as `search` counts the others."""
    if results.logged is not None and request.page == 1:
        _log(request.scope, results.logged, results.total, request.visitor)


def _ranked(rows, query):
    if query is None:
        return rows
    return sorted(rows, key=lambda row: (-score(query, row), -(row["date"].timestamp() if row.get("date") else 0)))


def _run(store, request, query):
    page = min(max(request.page, 1), MAX_PAGE)
    offset = (page - 1) * PAGE_SIZE
    narrowed = partial = False
    if query is not None:
        found = store.candidates(request, query, CANDIDATES)
        ranked, narrowed, partial = _precise(_ranked(found.rows, query), query)
        if narrowed:
            found.rows, found.total, found.facets = ranked, len(ranked), []
            found.kinds = dict(Counter(row["kind"] for row in ranked))
    if query is not None and request.sort == "lien-quan":
        rows = ranked[offset : offset + PAGE_SIZE]
    elif narrowed:  # the few rows kept, in the order asked
        rows = sorted(ranked, key=SORT_KEYS[request.sort])[offset : offset + PAGE_SIZE]
    else:
        sort = "moi" if request.sort == "lien-quan" else request.sort
        found = store.ordered(request, query, sort, offset, PAGE_SIZE)
        rows = found.rows
    results = Results(hits=store.with_bodies(rows), total=found.total, page=page, backend=store.name)
    results.partial = partial
    results.facets = _group_facets(found.facets, request)
    results.kinds = found.kinds
    return results


def _precise(rows, query):
    """(rows, whether they were narrowed, whether they are partial matches). A code or document number
    typed names its page: that alone. Otherwise, when no row holds every telling word of the query
    (common words such as "kết quả", "thời", "công" tell nothing), only a short list of the rows
    holding the most of them, if those hold enough of them (`PARTIAL_SHARE`); else nothing."""
    coded = [row for row in rows if row.get("code") in query.codes]
    if coded:
        return coded, True, False
    covered = [coverage(query, row) for row in rows]
    best = max(covered, default=0)
    if best >= 1:
        return rows, False, False
    if best < (PARTIAL_SHARE if len(query.strong(query.tokens)) < LONG_QUERY else LONG_PARTIAL_SHARE):
        return [], True, False
    near = best * PARTIAL_NEAR  # the best partial match may owe its lead to a word of the phrasing
    return [row for row, share in zip(rows, covered, strict=True) if share >= near][:SHORT_LIST], True, True


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
        results.entry_points = entry_points()
    results.logged = " ".join(query.tokens)[:200]
    if request.page == 1:
        _log(request.scope, results.logged, results.total, request.visitor)


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


def visitor_key(address):
    """A visitor's address as a keyed hash: distinct visitors can be counted, no address is kept."""
    return salted_hmac("search.visitor", address or "").hexdigest()[:32]


def _log(scope, text, total, visitor=""):
    """Count the search, in one transaction that PostgreSQL commits without waiting for its disk: a
    crash of the database may lose the last fraction of a second of counts, never anything else, and
    a search no longer waits for a write to disk (8-10 ms on this project's machine)."""
    day = timezone.localdate()
    try:
        with transaction.atomic():
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("SET LOCAL synchronous_commit TO OFF")
            increment(QueryLog, {"day": day, "scope": scope, "query": text}, searches=1, zero_results=int(total == 0))
            if visitor and total:
                QueryVisitor.objects.bulk_create(
                    [QueryVisitor(day=day, scope=scope, query=text, visitor=visitor)], ignore_conflicts=True
                )
    except Exception:  # logging must never break a search
        log.warning("Could not log a search query", exc_info=True)


def popular(scope, limit=8, days=30):
    """ "Nhiều người tìm": queries that found something for at least `POPULAR_VISITORS` distinct visitors
    on at least `POPULAR_DAYS` days in the last `days` days, or that an editor approved; never one an
    editor hid. Anyone can search, so a query one visitor repeats, however often, is never listed."""
    key = f"search:popular:{scope}"
    cached = cache.get(key)
    if cached is None:
        since = timezone.localdate() - datetime.timedelta(days=days)
        QueryVisitor.objects.filter(day__lt=since).delete()  # kept only as long as they count
        decisions = dict(PopularQuery.objects.filter(scope=scope).values_list("query", "decision"))
        rows = (
            QueryVisitor.objects.filter(day__gte=since, scope=scope)
            .values("query")
            .annotate(visitors=Count("visitor", distinct=True), days=Count("day", distinct=True))
            .filter(visitors__gte=POPULAR_VISITORS, days__gte=POPULAR_DAYS)
            .order_by("-visitors", "query")
        )
        approved = [q for q, decision in decisions.items() if decision == PopularQuery.Decision.APPROVED]
        found = [row["query"] for row in rows[: limit + len(decisions)]]
        cached = [q for q in dict.fromkeys(approved + found) if decisions.get(q) != PopularQuery.Decision.HIDDEN][:limit]
        cache.set(key, cached, 600)
    return cached


def forget_popular():
    cache.delete_many([f"search:popular:{scope}" for scope in Scope.values])
    results_cache.changed()  # answers that found nothing list them


def entry_points(limit=8):
    """The catalogue's largest fields, (label, value): where a search that found nothing can go on."""
    key = "search:entry_points"
    cached = cache.get(key)
    if cached is None:
        rows = (
            SearchFacet.objects.filter(name=FIELD)
            .values("label", "value")
            .annotate(count=Count("entry_id"))
            .order_by("-count", "label")[:limit]
        )
        cached = [(row["label"], row["value"]) for row in rows]
        cache.set(key, cached, 600)
    return cached


def suggest(text, kinds=(Kind.PROCEDURE,), limit=8):
    """Autocomplete: titles containing every word typed, the last as a prefix."""
    words = tokens(text)[:8]
    if not words or len(text.strip()) < 2:
        return []
    suggestions, _degraded = _answer(lambda store: store.autocomplete(words, kinds, limit))
    return suggestions
