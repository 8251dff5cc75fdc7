"""The embedded store: the `SearchEntry` table, full-text matched by PostgreSQL (tsvector, GIN) or
SQLite (FTS5). Both vendors take the same tiered match: every essential word of a query (or of one of
its rewrites), then all but one, then, only when those find nothing, any."""

import datetime
import operator
from dataclasses import dataclass
from functools import reduce
from itertools import combinations

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection, transaction
from django.db.models import Case, Count, F, Q, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import Collate, Left, Length

from search.models import SearchEntry, SearchFacet, SearchTerm, SearchText
from search.text import OPTIONAL, essential, tokens

SAFE = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
ENOUGH = 3
BODY_PREFIX = 4000  # characters of a body that scoring and snippets read
SUGGESTED = ["page_id", "title", "url", "kind", "code"]
WALK = 2000  # titles autocomplete reads in index order before it matches and sorts instead
ENTRY_FIELDS = ["page_id", "kind", "title", "title_folded", "keywords_folded", "url", "date", "code"]
# A candidate row, whichever store it comes from, is ENTRY_FIELDS plus `body_words`: the folded words of
# its body (at least those of the query), which is all scoring asks of a body; and, once it is to be
# shown, `body` for its snippet.

# PostgreSQL only (see migrations 0006 and 0007), in one statement so that each row is rewritten once:
# the vector of titles and keywords, the vector of the whole text (those followed by the body's) and
# the facets copied into the row, as in Elasticsearch's `facet_labels`.
PG_ENTRY_DERIVED = (
    "UPDATE search_searchentry AS e SET title_vector = d.title, search_vector = d.title || "
    "setweight(to_tsvector('simple', d.body_folded), 'C'), facet_labels = ARRAY(SELECT f.name || '=' || f.value "
    "|| '=' || f.label FROM search_searchfacet AS f WHERE f.entry_id = e.page_id ORDER BY f.id) FROM (SELECT "
    "t.entry_id, t.body_folded, setweight(to_tsvector('simple', s.title_folded), 'A') || setweight(to_tsvector("
    "'simple', s.keywords_folded), 'B') AS title FROM search_searchtext AS t JOIN search_searchentry AS s ON "
    "s.page_id = t.entry_id WHERE t.entry_id = ANY(%s)) AS d WHERE e.page_id = d.entry_id"
)
# Candidate rows: dates as seconds (Django's time-zone-aware loading costs more than the whole query
# for hundreds of rows), and which of the query's words (by position) the whole text holds.
PG_CANDIDATES = (
    f"SELECT {', '.join(name if name != 'date' else 'extract(epoch FROM date)::float8' for name in ENTRY_FIELDS)}, "
    "ARRAY(SELECT i FROM unnest(%s::text[]::tsquery[]) WITH ORDINALITY AS q (w, i) WHERE search_vector @@ w) "
    "FROM search_searchentry WHERE page_id = ANY(%s)"
)


def _safe(terms, most=12):
    return [t for t in terms if t and set(t) <= SAFE][:most]


def _tsquery(conjunction, weight=""):
    return SearchQuery(" & ".join(f"'{t}'{weight}" for t in conjunction), search_type="raw", config="simple")


def tiers(query):
    """[([(term, …) conjunction, …], enough), …]: strictest first, each with how many matches end the
    search there rather than in the next, looser tier."""
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
    ladder = [tier for tier in (strict, loose) if tier]
    if not anything:
        return [(tier, ENOUGH) for tier in ladder]
    # One shared word out of several is noise beside even one match of (nearly) all of them, and on
    # common words it matches a good part of the catalogue: only when nothing stricter matched.
    return [*((tier, ENOUGH) for tier in ladder[:-1]), (ladder[-1], 1), (anything, 1)]


@dataclass
class Matches:
    """What a query found: candidate rows (best first, by the store's own rank), how many, and counts."""

    rows: list
    total: int
    facets: list  # {"name", "value", "label", "count"}
    kinds: dict  # kind → count
    entries: object  # every match, as a queryset, for the other sort orders


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
                url=doc.url[:500],
                date=doc.date,
                code=doc.code[:100],
            )
            for doc in docs
        ]
        with transaction.atomic():
            SearchEntry.objects.bulk_create(
                entries, update_conflicts=True, unique_fields=["page"], update_fields=ENTRY_FIELDS[1:], batch_size=500
            )
            SearchText.objects.bulk_create(
                [SearchText(entry_id=doc.page_id, body=doc.body, body_folded=doc.body_folded) for doc in docs],
                update_conflicts=True,
                unique_fields=["entry"],
                update_fields=["body", "body_folded"],
                batch_size=500,
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
            with connection.cursor() as cursor:
                cursor.execute(PG_ENTRY_DERIVED, [ids])
            return
        with connection.cursor() as cursor:
            cursor.executemany("DELETE FROM search_fts WHERE rowid = %s", [[i] for i in ids])
            cursor.executemany(
                "INSERT INTO search_fts (rowid, title_folded, keywords_folded, body_folded) VALUES (%s, %s, %s, %s)",
                [[d.page_id, d.title_folded, d.keywords_folded, d.body_folded] for d in docs],
            )

    def tidy(self):
        """After a full rebuild on PostgreSQL: rewrite the tables compactly and refresh planner statistics.
        Writing a row and then its vectors leaves every row's first version behind, so a rebuilt table is
        twice its size with the live rows spread over it. The search table is rewritten in title order
        (CLUSTER): titles sharing words then share pages, so a common query reads fewer pages and
        autocomplete, which walks titles in that order, reads consecutive ones. The store is incomplete
        while it is rebuilt in place anyway, so the brief lock of the rewrite costs nothing."""
        if connection.vendor != "postgresql":
            return
        entries, others = SearchEntry._meta.db_table, ", ".join(m._meta.db_table for m in (SearchText, SearchFacet))
        with connection.cursor() as cursor:
            if connection.in_atomic_block:  # VACUUM cannot run in a transaction: statistics only
                cursor.execute(f"ANALYZE {entries}, {others}")
                return
            cursor.execute(f"CLUSTER {entries} USING search_entry_title_c")
            cursor.execute(f"VACUUM (FULL, ANALYZE) {others}")
            cursor.execute(f"ANALYZE {entries}")

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
            # One condition per conjunction, not one query of them all: each then gets its own index
            # scan, which skips ahead on the conjunction's rarest word, and the planner ORs the bitmaps.
            # A single query has no word every match needs, so it reads every posting list in full.
            vector = "title_vector" if titles_only else "search_vector"
            searches = [_tsquery(group) for group in tier]
            condition = reduce(operator.or_, (Q(**{vector: search}) for search in searches))
            return entries.filter(condition), reduce(operator.or_, searches)
        match = " OR ".join("(" + " AND ".join(f'"{t}"' for t in group) + ")" for group in tier)
        if titles_only:
            match = "{title_folded keywords_folded} : (" + match + ")"
        return entries.filter(pk__in=RawSQL("SELECT rowid FROM search_fts WHERE search_fts MATCH %s", [match])), match

    def _tally(self, entries, tier, titles_only, limit, terms):
        matched, how = self._match(entries, tier, titles_only)
        if connection.vendor == "postgresql":
            if titles_only:
                # Every match holds the words in its title or keywords, so what tells them apart is
                # whether the title itself holds them, then how short it is: what the scorer favours,
                # at a fraction of the cost of ts_rank over thousands of matches.
                in_title = reduce(operator.or_, (Q(title_vector=_tsquery(group, ":A")) for group in tier))
                rank = Case(When(in_title, then=Value(1000)), default=Value(0)) - Length("title_folded")
            else:
                rank = SearchRank(F("search_vector"), how)
            return self._tally_pg(matched, rank, limit, terms)
        sql, params = matched.values("pk").query.sql_with_params()
        with connection.cursor() as cursor:
            # Materialised first: SQLite would otherwise run the full-text match once per filtered row.
            cursor.execute(
                "WITH hits AS MATERIALIZED (SELECT rowid AS id, bm25(search_fts, 10.0, 5.0, 1.0) AS score "
                f"FROM search_fts WHERE search_fts MATCH %s) SELECT id FROM hits WHERE id IN ({sql}) ORDER BY score LIMIT %s",
                [how, *params, limit],
            )
            ids = [row[0] for row in cursor.fetchall()]
        if len(ids) < limit:
            # Every match is in hand: count over these ids instead of matching the text again.
            matched = SearchEntry.objects.filter(pk__in=ids)
        return self._summary(matched, ids, terms)

    def _tally_pg(self, matched, rank, limit, terms):
        """One pass over the matches: the best `limit` ids by rank, counts per kind and facet counts.
        Matches are grouped by their kind and facets before those are counted one by one: entries of one
        agency and field share them, so there are fewer groups than matches to unnest."""
        labels = RawSQL(f"{SearchEntry._meta.db_table}.facet_labels", [])
        sql, params = (
            matched.annotate(rank=rank, labels=labels).values_list("pk", "kind", "rank", "labels").query.sql_with_params()
        )
        with connection.cursor() as cursor:
            cursor.execute(
                f"WITH m (id, kind, rank, labels) AS MATERIALIZED ({sql}), "
                "g AS (SELECT kind, labels, count(*) AS n FROM m GROUP BY kind, labels) SELECT "
                "(SELECT array_agg(id ORDER BY rank DESC, id) FROM (SELECT id, rank FROM m ORDER BY rank DESC, id LIMIT %s) AS b), "
                "(SELECT json_object_agg(kind, n) FROM (SELECT kind, sum(n) AS n FROM g GROUP BY kind) AS k), "
                "(SELECT json_object_agg(label, n) FROM (SELECT label, sum(n) AS n FROM "
                "(SELECT unnest(labels) AS label, n FROM g) AS u GROUP BY label) AS f)",
                [*params, limit],
            )
            ids, kinds, facets = cursor.fetchone()
        kinds = kinds or {}
        facets = [
            dict(zip(("name", "value", "label"), key.split("=", 2), strict=True), count=count)
            for key, count in (facets or {}).items()
        ]
        return Matches(self._rows(ids or [], terms), sum(kinds.values()), facets, kinds, matched)

    def _summary(self, matched, ids=(), terms=()):
        kinds = dict(matched.values_list("kind").annotate(count=Count("pk")).order_by())
        facets = (
            SearchFacet.objects.filter(entry__in=matched.values("pk"))
            .values("name", "value", "label")
            .annotate(count=Count("entry_id"))
            .order_by()
        )
        return Matches(self._rows(ids, terms), sum(kinds.values()), list(facets), kinds, matched)

    def _rows(self, ids, terms):
        """Candidate rows for `ids`, in that order, without their bodies: ranking asks only which of the
        query's `terms` each body holds, and only the page shown needs the text (`add_bodies`)."""
        if not ids:
            return []
        if connection.vendor == "postgresql":
            words = _safe(sorted(terms), most=64)
            with connection.cursor() as cursor:
                cursor.execute(PG_CANDIDATES, [words, list(ids)])
                found = {}
                for *values, held in cursor:
                    row = dict(zip(ENTRY_FIELDS, values, strict=True), body_words={words[i - 1] for i in held})
                    row["date"] = datetime.datetime.fromtimestamp(row["date"], datetime.UTC) if row["date"] else None
                    found[row["page_id"]] = row
        else:
            entries = SearchEntry.objects.filter(pk__in=ids).values(*ENTRY_FIELDS, folded=Left("text__body_folded", BODY_PREFIX))
            found = {row["page_id"]: {**row, "body_words": set(tokens(row.pop("folded")))} for row in entries}
        return [found[i] for i in ids if i in found]

    def add_bodies(self, rows):
        """The opening of each row's body, for the snippets of the page shown."""
        missing = [row["page_id"] for row in rows if "body" not in row]
        bodies = dict(SearchText.objects.filter(entry_id__in=missing).values_list("entry_id", Left("body", BODY_PREFIX)))
        for row in rows:
            row.setdefault("body", bodies.get(row["page_id"], ""))
        return rows

    def candidates(self, request, query, limit):
        """The strictest tier that finds enough: its best `limit` rows, counts and every match."""
        entries = self.filtered(request)
        terms = query.terms
        numbered = entries.filter(code=query.number_key).values_list("pk", flat=True)[:5] if query.number_key else []
        pinned = self._rows(list(numbered), terms)
        levels = tiers(query)
        # The strictest match in titles and keywords first: it is what citizens mean, and on common
        # words it spares ranking the whole catalogue.
        plans = [(levels[0][0], True, ENOUGH), *((tier, False, enough) for tier, enough in levels)] if levels else []
        found = None
        for tier, titles_only, enough in plans:
            found = self._tally(entries, tier, titles_only, limit, terms)
            if found.total >= enough:
                break
        if found is None:
            found = self._summary(entries.filter(pk__in=[row["page_id"] for row in pinned]), terms=terms)
        seen = {row["page_id"] for row in pinned}
        extra = [row for row in found.rows if row["page_id"] not in seen]
        found.total += len(pinned) - (len(found.rows) - len(extra))
        found.rows = (pinned + extra)[:limit]
        return found

    def browse(self, request):
        """Every entry the filters allow, with their counts, for a search without words."""
        return self._summary(self.filtered(request))

    def ordered(self, entries, sort, offset, limit):
        fields = {"ten": ("title_folded", "pk"), "ma": ("code", "title_folded"), "moi": ("-date", "pk")}[sort]
        return list(entries.order_by(*fields).values(*ENTRY_FIELDS)[offset : offset + limit])

    def autocomplete(self, prefix_tokens, kinds, limit):
        """Titles that start with what was typed (an index range scan), then titles containing every word
        typed with the last one as a prefix."""
        words = _safe(prefix_tokens)
        if not words:
            return []
        entries = SearchEntry.objects.filter(kind__in=kinds) if kinds else SearchEntry.objects.all()
        # On PostgreSQL the "C" ordering is the title index's own, so LIMIT stops the index scan early.
        order = Collate("title_folded", "C") if connection.vendor == "postgresql" else "title_folded"
        rows = list(entries.filter(title_folded__startswith=" ".join(words)).order_by(order).values(*SUGGESTED)[:limit])
        if len(rows) >= limit:
            return rows
        seen = {row["page_id"] for row in rows}
        if connection.vendor == "postgresql":
            more = self._containing_pg(entries.order_by(order), words, limit)
        else:
            more = self._containing_sqlite(entries, words, limit)
        return (rows + [row for row in more if row["page_id"] not in seen])[:limit]

    def _containing_pg(self, ordered, words, limit):
        """Common words typed match a good share of all titles; sorting every match would cost more than
        reading the first titles in index order, so read a bounded run of those first, and match and
        sort only when they hold too few (then the matches are rare, so sorting them is cheap)."""
        raw = " & ".join([f"'{w}':A" for w in words[:-1]] + [f"'{words[-1]}':*A"])
        sql, params = ordered.values(*SUGGESTED, "title_vector")[:WALK].query.sql_with_params()
        columns = ", ".join(SUGGESTED)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {columns} FROM ({sql}) AS walk WHERE title_vector @@ to_tsquery('simple', %s) LIMIT %s",
                [*params, raw, limit],
            )
            rows = [dict(zip(SUGGESTED, row, strict=True)) for row in cursor.fetchall()]
        if len(rows) >= limit:
            return rows
        search = SearchQuery(raw, search_type="raw", config="simple")
        return list(ordered.filter(title_vector=search).order_by(Length("title_folded"), "page_id").values(*SUGGESTED)[:limit])

    def _containing_sqlite(self, entries, words, limit):
        match = "title_folded : (" + " AND ".join([f'"{w}"' for w in words[:-1]] + [f'"{words[-1]}"*']) + ")"
        sql = "SELECT rowid FROM search_fts WHERE search_fts MATCH %s ORDER BY bm25(search_fts, 10.0, 0.0, 0.0) LIMIT %s"
        with connection.cursor() as cursor:
            cursor.execute(sql, [match, limit * 4])
            ids = [row[0] for row in cursor.fetchall()]
        found = {r["page_id"]: r for r in entries.filter(pk__in=ids).values(*SUGGESTED)}
        return [found[i] for i in ids if i in found]
