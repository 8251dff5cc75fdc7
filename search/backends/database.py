"""The embedded store: the `SearchEntry` table, full-text matched by PostgreSQL (tsvector, GIN) or
SQLite (FTS5). Both vendors take the same tiered match: every essential word of a query (or of one of
its rewrites), then all but one, then any."""

from itertools import combinations

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection, transaction
from django.db.models import Count, F
from django.db.models.expressions import RawSQL
from django.db.models.functions import Collate, Length

from search.models import SearchEntry, SearchFacet, SearchTerm
from search.text import OPTIONAL, essential, tokens

SAFE = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
ENOUGH = 3
CANDIDATE_FIELDS = ["page_id", "kind", "title", "title_folded", "keywords_folded", "body", "body_folded", "url", "date", "code"]
PG_TITLE_VECTOR = SearchVector("title_folded", weight="A", config="simple") + SearchVector(
    "keywords_folded", weight="B", config="simple"
)
UPDATED_FIELDS = ["kind", "title", "title_folded", "keywords_folded", "body", "body_folded", "url", "date", "code"]
PG_VECTOR = (
    SearchVector("title_folded", weight="A", config="simple")
    + SearchVector("keywords_folded", weight="B", config="simple")
    + SearchVector("body_folded", weight="C", config="simple")
)


def _safe(terms):
    return [t for t in terms if t and set(t) <= SAFE][:12]


def tiers(query):
    """[[(term, …) conjunction, …], …]: strictest first."""
    groups = [tuple(dict.fromkeys(_safe(essential(alt)))) for alt in query.alternatives]
    groups = [g for g in dict.fromkeys(groups) if g]
    if not groups:
        return []
    strict = groups
    loose = list(dict.fromkeys(c for g in groups if len(g) >= 3 for c in combinations(g, len(g) - 1)))
    # Any single word, unless the query holds a word nothing indexed resembles: then a match on its
    # other words alone ("sổ" of "sổ xanh") would be noise.
    # Synonym rewrites take part only as whole phrases, never word by word.
    singles = dict.fromkeys(t for literal in query.literal for t in _safe(essential(literal)))
    anything = [] if query.unknown - OPTIONAL else [(t,) for t in singles]
    return [tier for tier in (strict, loose, anything) if tier]


class DatabaseBackend:
    name = "database"

    # Writing

    def write(self, doc):
        return self.write_many([doc])

    def write_many(self, docs):
        """Store a batch of documents in a handful of queries, whatever its size."""
        if not docs:
            return 0
        ids = [doc.page_id for doc in docs]
        entries = [
            SearchEntry(
                page_id=doc.page_id,
                kind=doc.kind,
                title=doc.title[:500],
                title_folded=doc.title_folded[:500],
                keywords_folded=doc.keywords_folded,
                body=doc.body,
                body_folded=doc.body_folded,
                url=doc.url[:500],
                date=doc.date,
                code=doc.code[:100],
            )
            for doc in docs
        ]
        with transaction.atomic():
            SearchEntry.objects.bulk_create(
                entries, update_conflicts=True, unique_fields=["page"], update_fields=UPDATED_FIELDS, batch_size=500
            )
            SearchFacet.objects.filter(entry_id__in=ids).delete()
            SearchFacet.objects.bulk_create(
                [
                    SearchFacet(entry_id=doc.page_id, name=name, value=value[:120], label=label[:255])
                    for doc in docs
                    for name, value, label in doc.facets
                ],
                batch_size=1000,
            )
            self._text(docs)
            words = {t for doc in docs for t in tokens(f"{doc.title_folded} {doc.keywords_folded} {doc.body_folded}")}
            SearchTerm.objects.bulk_create(
                [SearchTerm(term=w) for w in words if 1 < len(w) <= 60], ignore_conflicts=True, batch_size=1000
            )
        return len(docs)

    def _text(self, docs):
        ids = [doc.page_id for doc in docs]
        if connection.vendor == "postgresql":
            SearchEntry.objects.filter(page_id__in=ids).update(search_vector=PG_VECTOR, title_vector=PG_TITLE_VECTOR)
            return
        with connection.cursor() as cursor:
            cursor.executemany("DELETE FROM search_fts WHERE rowid = %s", [[i] for i in ids])
            cursor.executemany(
                "INSERT INTO search_fts (rowid, title_folded, keywords_folded, body_folded) VALUES (%s, %s, %s, %s)",
                [[d.page_id, d.title_folded, d.keywords_folded, d.body_folded] for d in docs],
            )

    def remove(self, page_id):
        SearchEntry.objects.filter(page_id=page_id).delete()
        if connection.vendor != "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("DELETE FROM search_fts WHERE rowid = %s", [page_id])

    def clear(self):
        SearchEntry.objects.all().delete()
        if connection.vendor != "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("DELETE FROM search_fts")

    def indexed_ids(self):
        return set(SearchEntry.objects.values_list("page_id", flat=True))

    # Reading

    def filtered(self, request):
        entries = SearchEntry.objects.all()
        if request.kinds:
            entries = entries.filter(kind__in=request.kinds)
        for name, value in request.filters.items():
            entries = entries.filter(pk__in=SearchFacet.objects.filter(name=name, value=value).values("entry_id"))
        if request.date_from:
            entries = entries.filter(date__date__gte=request.date_from)
        if request.date_to:
            entries = entries.filter(date__date__lte=request.date_to)
        return entries

    def _match(self, entries, tier, titles_only=False):
        """Entries matching any conjunction of `tier`; with `titles_only`, in titles and keywords alone."""
        if connection.vendor == "postgresql":
            raw = " | ".join("(" + " & ".join(f"'{t}'" for t in group) + ")" for group in tier)
            search = SearchQuery(raw, search_type="raw", config="simple")
            if titles_only:
                return entries.filter(title_vector=search), search
            return entries.filter(search_vector=search), search
        match = " OR ".join("(" + " AND ".join(f'"{t}"' for t in group) + ")" for group in tier)
        if titles_only:
            match = "{title_folded keywords_folded} : (" + match + ")"
        return entries.filter(pk__in=RawSQL("SELECT rowid FROM search_fts WHERE search_fts MATCH %s", [match])), match

    def _top(self, matched, how, limit, titles_only=False):
        if connection.vendor == "postgresql":
            vector = F("title_vector") if titles_only else F("search_vector")
            ranked = matched.annotate(rank=SearchRank(vector, how)).order_by("-rank", "pk")
            return list(ranked.values(*CANDIDATE_FIELDS)[:limit])
        sql, params = matched.values("pk").query.sql_with_params()
        with connection.cursor() as cursor:
            # Materialised first: SQLite would otherwise run the full-text match once per filtered row.
            cursor.execute(
                "WITH hits AS MATERIALIZED (SELECT rowid AS id, bm25(search_fts, 10.0, 5.0, 1.0) AS score "
                f"FROM search_fts WHERE search_fts MATCH %s) SELECT id FROM hits WHERE id IN ({sql}) ORDER BY score LIMIT %s",
                [how, *params, limit],
            )
            ids = [row[0] for row in cursor.fetchall()]
        rows = {row["page_id"]: row for row in SearchEntry.objects.filter(pk__in=ids).values(*CANDIDATE_FIELDS)}
        return [rows[i] for i in ids if i in rows]

    def candidates(self, request, query, limit):
        """(candidate rows, total, matched queryset) for the strictest tier that finds enough."""
        entries = self.filtered(request)
        pinned = list(entries.filter(code=query.number_key).values(*CANDIDATE_FIELDS)[:5]) if query.number_key else []
        chosen = None
        levels = tiers(query)
        # The strictest match in titles and keywords first: it is what citizens mean, and on common
        # words it spares ranking the whole catalogue.
        plans = [(levels[0], True), *((tier, False) for tier in levels)] if levels else []
        for tier, titles_only in plans:
            matched, how = self._match(entries, tier, titles_only)
            rows = self._top(matched, how, limit, titles_only)
            chosen = (rows, matched)
            if len(rows) >= ENOUGH:
                break
        if chosen is None:
            return pinned, len(pinned), entries.none()
        rows, matched = chosen
        seen = {row["page_id"] for row in pinned}
        rows = pinned + [row for row in rows if row["page_id"] not in seen]
        if len(rows) < limit:
            # Every match is in hand: count facets over these ids instead of matching the text again.
            return rows, len(rows), SearchEntry.objects.filter(pk__in=[row["page_id"] for row in rows])
        return rows, matched.count() + len(pinned), matched

    def facet_counts(self, matched):
        counts = (
            SearchFacet.objects.filter(entry__in=matched.values("pk"))
            .values("name", "value", "label")
            .annotate(count=Count("entry_id"))
            .order_by("name", "-count", "label")
        )
        return list(counts)

    def kind_counts(self, matched):
        return dict(matched.values_list("kind").annotate(count=Count("pk")).order_by())

    def ordered(self, entries, sort, offset, limit):
        fields = {"ten": ("title_folded", "pk"), "ma": ("code", "title_folded"), "moi": ("-date", "pk")}[sort]
        return list(entries.order_by(*fields).values(*CANDIDATE_FIELDS)[offset : offset + limit])

    def autocomplete(self, prefix_tokens, kinds, limit):
        """Titles that start with what was typed (an index range scan), then titles containing every word
        typed with the last one as a prefix."""
        words = _safe(prefix_tokens)
        if not words:
            return []
        entries = SearchEntry.objects.filter(kind__in=kinds) if kinds else SearchEntry.objects.all()
        fields = ("page_id", "title", "url", "kind", "code")
        # On PostgreSQL the "C" ordering is the pattern-ops index's own, so LIMIT stops the index scan early.
        order = Collate("title_folded", "C") if connection.vendor == "postgresql" else "title_folded"
        rows = list(entries.filter(title_folded__startswith=" ".join(words)).order_by(order).values(*fields)[:limit])
        if len(rows) >= limit:
            return rows
        seen = {row["page_id"] for row in rows}
        if connection.vendor == "postgresql":
            raw = " & ".join([f"'{w}':A" for w in words[:-1]] + [f"'{words[-1]}':*A"])
            search = SearchQuery(raw, search_type="raw", config="simple")
            more = entries.filter(title_vector=search).order_by(Length("title_folded"), "page_id").values(*fields)
            return (rows + [row for row in more[:limit] if row["page_id"] not in seen])[:limit]
        match = "title_folded : (" + " AND ".join([f'"{w}"' for w in words[:-1]] + [f'"{words[-1]}"*']) + ")"
        sql = "SELECT rowid FROM search_fts WHERE search_fts MATCH %s ORDER BY bm25(search_fts, 10.0, 0.0, 0.0) LIMIT %s"
        with connection.cursor() as cursor:
            cursor.execute(sql, [match, limit * 4])
            ids = [row[0] for row in cursor.fetchall() if row[0] not in seen]
        found = {r["page_id"]: r for r in entries.filter(pk__in=ids).values(*fields)}
        return (rows + [found[i] for i in ids if i in found])[:limit]
