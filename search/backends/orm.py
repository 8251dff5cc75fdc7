"""What the two database stores share: the `SearchEntry` tables written and read through the ORM, and
the tiered match both take: every essential word of a query (or of one of its rewrites), then all but
one, then, only when those find nothing, any. Each vendor matches text its own way (postgres.py,
sqlite.py)."""

from itertools import combinations

from django.db import transaction
from django.db.models import Count
from django.db.models.functions import Left

from search import results_cache
from search.backends.base import Matches
from search.documents import BODY_PREFIX, ENTRY_FIELDS
from search.models import SearchEntry, SearchFacet, SearchTerm, SearchText
from search.text import tokens

SAFE = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
ENOUGH = 3
ORDERS = {"ten": ("title_folded", "pk"), "ma": ("code", "title_folded"), "moi": ("-date", "pk")}


def safe(terms, most=12):
    """Folded words that can go into a full-text query as they are."""
    return [t for t in terms if t and set(t) <= SAFE][:most]


def tiers(query):
    """[([(term, …) conjunction, …], enough), …]: strictest first, each with how many matches end the
    search there rather than in the next, looser tier."""
    # Every word typed first (the most selective, so the cheapest on common words), then only the
    # telling ones (`Query.searchable`: common words such as "đăng ký" left out).
    every = [tuple(dict.fromkeys(safe(query.searchable(alt, common=True)))) for alt in query.alternatives]
    groups = [tuple(dict.fromkeys(safe(query.searchable(alt)))) for alt in query.alternatives]
    every, groups = ([g for g in dict.fromkeys(level) if g] for level in (every, groups))
    if not groups:
        return []
    strict = groups
    loose = list(dict.fromkeys(c for g in groups if len(g) >= 3 for c in combinations(g, len(g) - 1)))
    # Any single word (synonym rewrites take part only as whole phrases, never word by word).
    anything = [(t,) for t in dict.fromkeys(t for literal in query.literal for t in safe(query.searchable(literal)))]
    ladder = [tier for tier in dict.fromkeys(tuple(t) for t in (every, strict, loose)) if tier]
    if not anything:
        return [(tier, ENOUGH) for tier in ladder]
    # Any word alone only when nothing stricter matched: on common words it matches a good part of
    # the catalogue. The scorer's coverage (search.api) keeps a short list of the best partial matches.
    return [*((tier, ENOUGH) for tier in ladder[:-1]), (ladder[-1], 1), (anything, 1)]


class Found(Matches):
    """Matches of a database store, with every match as a queryset for the other sort orders."""

    def __init__(self, rows, total, facets, kinds, entries):
        super().__init__(rows, total, facets, kinds)
        self.entries = entries


class DatabaseStore:
    """The embedded store and the fallback of Elasticsearch. Subclasses say how text is matched,
    ranked and kept (`_write_text`, `_forget_text`, `_tally`, `_rows`, `_containing`)."""

    name = "database"

    # Writing

    def write_many(self, docs):
        """Store a batch of documents in a handful of queries, whatever its size."""
        docs = list(docs)
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
                stamp=doc.stamp,
            )
            for doc in docs
        ]
        with transaction.atomic():
            SearchEntry.objects.bulk_create(
                entries,
                update_conflicts=True,
                unique_fields=["page"],
                update_fields=[*ENTRY_FIELDS[1:], "stamp"],
                batch_size=500,
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
            self._write_text(docs)
            words = {t for doc in docs for t in tokens(f"{doc.title_folded} {doc.keywords_folded} {doc.body_folded}")}
            SearchTerm.objects.bulk_create(
                [SearchTerm(term=w) for w in words if 1 < len(w) <= 60], ignore_conflicts=True, batch_size=1000
            )
            results_cache.changed()
        return len(docs)

    def remove_many(self, page_ids):
        page_ids = list(page_ids)
        if not page_ids:
            return
        with transaction.atomic():
            SearchEntry.objects.filter(page_id__in=page_ids).delete()
            self._forget_text(page_ids)
            results_cache.changed()

    def clear(self):
        with transaction.atomic():
            SearchEntry.objects.all().delete()
            self._forget_text(None)
            results_cache.changed()

    def rebuild(self):
        """Rebuilt in place: the database store answers from what it holds meanwhile."""
        self.clear()
        return InPlace(self)

    def tidy(self):
        """After a full rebuild: whatever the vendor does to make the rebuilt tables compact."""

    def _write_text(self, docs):
        raise NotImplementedError

    def _forget_text(self, page_ids):
        """Drop what the vendor keeps beside the tables for these pages (all when None)."""

    def indexed(self):
        return dict(SearchEntry.objects.values_list("page_id", "stamp"))

    def problems(self):
        return []

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

    def candidates(self, request, query, limit):
        """The strictest tier that finds enough: its best `limit` rows, counts and every match."""
        entries = self.filtered(request)
        terms = query.terms
        numbered = entries.filter(code__in=query.codes).values_list("pk", flat=True)[:5] if query.codes else []
        pinned = self._rows(list(numbered), terms)
        levels = tiers(query)
        # The strictest match in titles and keywords first: it is what citizens mean, and on common
        # words it spares ranking the whole catalogue.
        plans = [(levels[0][0], True, ENOUGH), *((tier, False, enough) for tier, enough in levels)] if levels else []
        found = None
        for tier, titles_only, enough in plans:
            looser = self._tally(entries, tier, titles_only, limit, terms)
            # Single words come from the words as typed, not from rewrites: they may find fewer.
            if found is None or looser.total >= found.total:
                found = looser
            if found.total >= enough:
                break
        if found is None:
            found = self._summary(entries.filter(pk__in=[row["page_id"] for row in pinned]), terms=terms)
        if pinned:
            seen = {row["page_id"] for row in pinned}
            found.total += len(seen) - found.entries.filter(pk__in=seen).count()
            found.rows = (pinned + [row for row in found.rows if row["page_id"] not in seen])[:limit]
        return found

    def ordered(self, request, query, sort, offset, limit):
        """The matches of `query` counted as `candidates` counts them, without ranking any."""
        found = self.candidates(request, query, limit=0) if query is not None else self._summary(self.filtered(request))
        found.rows = list(found.entries.order_by(*ORDERS[sort]).values(*ENTRY_FIELDS)[offset : offset + limit])
        return found

    def _summary(self, matched, ids=(), terms=()):
        kinds = dict(matched.values_list("kind").annotate(count=Count("pk")).order_by())
        facets = (
            SearchFacet.objects.filter(entry__in=matched.values("pk"))
            .values("name", "value", "label")
            .annotate(count=Count("entry_id"))
            .order_by()
        )
        return Found(self._rows(ids, terms), sum(kinds.values()), list(facets), kinds, matched)

    def with_bodies(self, rows):
        missing = [row["page_id"] for row in rows if "body" not in row]
        bodies = dict(SearchText.objects.filter(entry_id__in=missing).values_list("entry_id", Left("body", BODY_PREFIX)))
        for row in rows:
            row.setdefault("body", bodies.get(row["page_id"], ""))
        return rows

    def autocomplete(self, words, kinds, limit):
        """Titles that start with what was typed (an index range scan), then titles containing every word
        typed with the last one as a prefix."""
        words = safe(words)
        if not words:
            return []
        entries = SearchEntry.objects.filter(kind__in=kinds) if kinds else SearchEntry.objects.all()
        rows = self._starting(entries, " ".join(words), limit)
        if len(rows) >= limit:
            return rows
        seen = {row["page_id"] for row in rows}
        more = self._containing(entries, words, limit)
        return (rows + [row for row in more if row["page_id"] not in seen])[:limit]


class InPlace:
    """A rebuild of a database store: written straight into it, made compact at the end."""

    def __init__(self, store):
        self.store = store

    def write_many(self, docs):
        return self.store.write_many(docs)

    def commit(self):
        self.store.tidy()
        return ""

    def abort(self):
        """The store keeps what was written; catch-up (or another rebuild) writes the rest."""
