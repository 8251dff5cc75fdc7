"""The database store on PostgreSQL: `tsvector` columns in the search row, GIN-indexed (migrations
0005-0007), facets copied into the row, matches ranked, counted and faceted in one statement."""

import datetime
import operator
from functools import reduce

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import Case, F, Q, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import Collate, Length

from search.backends.orm import DatabaseStore, Found, safe
from search.documents import ENTRY_FIELDS, SUGGESTED
from search.models import SearchEntry, SearchFacet, SearchText

WALK = 2000  # titles autocomplete reads in index order before it matches and sorts instead

# In one statement so that each row is rewritten once: the vector of titles and keywords, the vector
# of the whole text (those followed by the body's) and the facets copied into the row, as in
# Elasticsearch's `facet_labels`.
ENTRY_DERIVED = (
    "UPDATE search_searchentry AS e SET title_vector = d.title, search_vector = d.title || "
    "setweight(to_tsvector('simple', d.body_folded), 'C'), facet_labels = ARRAY(SELECT f.name || '=' || f.value "
    "|| '=' || f.label FROM search_searchfacet AS f WHERE f.entry_id = e.page_id ORDER BY f.id) FROM (SELECT "
    "t.entry_id, t.body_folded, setweight(to_tsvector('simple', s.title_folded), 'A') || setweight(to_tsvector("
    "'simple', s.keywords_folded), 'B') AS title FROM search_searchtext AS t JOIN search_searchentry AS s ON "
    "s.page_id = t.entry_id WHERE t.entry_id = ANY(%s)) AS d WHERE e.page_id = d.entry_id"
)
# Candidate rows: dates as seconds (Django's time-zone-aware loading costs more than the whole query
# for hundreds of rows), and which of the query's words (by position) the whole text holds.
CANDIDATE_ROWS = (
    f"SELECT {', '.join(name if name != 'date' else 'extract(epoch FROM date)::float8' for name in ENTRY_FIELDS)}, "
    "ARRAY(SELECT i FROM unnest(%s::text[]::tsquery[]) WITH ORDINALITY AS q (w, i) WHERE search_vector @@ w) "
    "FROM search_searchentry WHERE page_id = ANY(%s)"
)
# One pass over the matches: the best ids by rank, counts per kind and per facet. Matches are grouped
# by their kind and facets before those are counted one by one: entries of one agency and field share
# them, so there are fewer groups than matches to unnest.
TALLY = (
    "WITH m (id, kind, rank, labels) AS MATERIALIZED ({matches}), "
    "g AS (SELECT kind, labels, count(*) AS n FROM m GROUP BY kind, labels) SELECT "
    "(SELECT array_agg(id ORDER BY rank DESC, id) FROM (SELECT id, rank FROM m ORDER BY rank DESC, id LIMIT %s) AS b), "
    "(SELECT json_object_agg(kind, n) FROM (SELECT kind, sum(n) AS n FROM g GROUP BY kind) AS k), "
    "(SELECT json_object_agg(label, n) FROM (SELECT label, sum(n) AS n FROM "
    "(SELECT unnest(labels) AS label, n FROM g) AS u GROUP BY label) AS f)"
)


def _tsquery(conjunction, weight=""):
    return SearchQuery(" & ".join(f"'{t}'{weight}" for t in conjunction), search_type="raw", config="simple")


class PostgresStore(DatabaseStore):
    def _write_text(self, docs):
        with connection.cursor() as cursor:
            cursor.execute(ENTRY_DERIVED, [[doc.page_id for doc in docs]])

    def tidy(self):
        """Rewrite the tables compactly and refresh planner statistics. Writing a row and then its
        vectors leaves every row's first version behind, so a rebuilt table is twice its size with the
        live rows spread over it. The search table is rewritten in title order (CLUSTER): titles sharing
        words then share pages, so a common query reads fewer pages and autocomplete, which walks titles
        in that order, reads consecutive ones. The store is incomplete while it is rebuilt in place
        anyway, so the brief lock of the rewrite costs nothing."""
        entries, others = SearchEntry._meta.db_table, ", ".join(m._meta.db_table for m in (SearchText, SearchFacet))
        with connection.cursor() as cursor:
            if connection.in_atomic_block:  # VACUUM cannot run in a transaction: statistics only
                cursor.execute(f"ANALYZE {entries}, {others}")
                return
            cursor.execute(f"CLUSTER {entries} USING search_entry_title_c")
            cursor.execute(f"VACUUM (FULL, ANALYZE) {others}")
            cursor.execute(f"ANALYZE {entries}")

    def _tally(self, entries, tier, titles_only, limit, terms):
        # One condition per conjunction, not one query of them all: each then gets its own index scan,
        # which skips ahead on the conjunction's rarest word, and the planner ORs the bitmaps. A single
        # query has no word every match needs, so it reads every posting list in full.
        vector = "title_vector" if titles_only else "search_vector"
        searches = [_tsquery(group) for group in tier]
        matched = entries.filter(reduce(operator.or_, (Q(**{vector: search}) for search in searches)))
        if titles_only:
            # Every match holds the words in its title or keywords, so what tells them apart is whether
            # the title itself holds them, then how short it is: what the scorer favours, at a fraction
            # of the cost of ts_rank over thousands of matches.
            in_title = reduce(operator.or_, (Q(title_vector=_tsquery(group, ":A")) for group in tier))
            rank = Case(When(in_title, then=Value(1000)), default=Value(0)) - Length("title_folded")
        else:
            rank = SearchRank(F("search_vector"), reduce(operator.or_, searches))
        labels = RawSQL(f"{SearchEntry._meta.db_table}.facet_labels", [])
        sql, params = (
            matched.annotate(rank=rank, labels=labels).values_list("pk", "kind", "rank", "labels").query.sql_with_params()
        )
        with connection.cursor() as cursor:
            cursor.execute(TALLY.format(matches=sql), [*params, limit])
            ids, kinds, facets = cursor.fetchone()
        kinds = kinds or {}
        facets = [
            dict(zip(("name", "value", "label"), key.split("=", 2), strict=True), count=count)
            for key, count in (facets or {}).items()
        ]
        return Found(self._rows(ids or [], terms), sum(kinds.values()), facets, kinds, matched)

    def frequencies(self, words):
        """{word: documents holding it, "": all documents}, in one statement."""
        words = safe(words, most=64)
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT (SELECT count(*) FROM search_searchentry), ARRAY(SELECT (SELECT count(*) FROM search_searchentry "
                "WHERE search_vector @@ w::tsquery) FROM unnest(%s::text[]) WITH ORDINALITY AS q (w, i) ORDER BY i)",
                [words],
            )
            total, counts = cursor.fetchone()
        return {"": total, **dict(zip(words, counts, strict=True))}

    def _rows(self, ids, terms):
        """Candidate rows for `ids`, in that order, without their bodies: ranking asks only which of the
        query's `terms` each body holds, and only the page shown needs the text (`with_bodies`)."""
        if not ids:
            return []
        words = safe(sorted(terms), most=64)
        found = {}
        with connection.cursor() as cursor:
            cursor.execute(CANDIDATE_ROWS, [words, list(ids)])
            for *values, held in cursor:
                row = dict(zip(ENTRY_FIELDS, values, strict=True), body_words={words[i - 1] for i in held})
                row["date"] = datetime.datetime.fromtimestamp(row["date"], datetime.UTC) if row["date"] else None
                found[row["page_id"]] = row
        return [found[i] for i in ids if i in found]

    def _starting(self, entries, prefix, limit):
        # The "C" ordering is the title index's own, so LIMIT stops the index scan early.
        ordered = entries.filter(title_folded__startswith=prefix).order_by(Collate("title_folded", "C"))
        return list(ordered.values(*SUGGESTED)[:limit])

    def _containing(self, entries, words, limit):
        """Common words typed match a good share of all titles; sorting every match would cost more than
        reading the first titles in index order, so read a bounded run of those first, and match and
        sort only when they hold too few (then the matches are rare, so sorting them is cheap)."""
        ordered = entries.order_by(Collate("title_folded", "C"))
        raw = " & ".join([f"'{w}':A" for w in words[:-1]] + [f"'{words[-1]}':*A"])
        sql, params = ordered.values(*SUGGESTED, "title_vector")[:WALK].query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {', '.join(SUGGESTED)} FROM ({sql}) AS walk WHERE title_vector @@ to_tsquery('simple', %s) LIMIT %s",
                [*params, raw, limit],
            )
            rows = [dict(zip(SUGGESTED, row, strict=True)) for row in cursor.fetchall()]
        if len(rows) >= limit:
            return rows
        search = SearchQuery(raw, search_type="raw", config="simple")
        return list(ordered.filter(title_vector=search).order_by(Length("title_folded"), "page_id").values(*SUGGESTED)[:limit])
