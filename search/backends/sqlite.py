"""The database store on SQLite, the embedded default: an FTS5 table mirrors the folded texts (migration
0002) and ranks matches by bm25."""

from django.db import connection
from django.db.models.expressions import RawSQL
from django.db.models.functions import Left

from search.backends.orm import DatabaseStore, safe
from search.documents import BODY_PREFIX, ENTRY_FIELDS, SUGGESTED
from search.models import SearchEntry
from search.text import tokens


def _match(tier, titles_only=False):
    match = " OR ".join("(" + " AND ".join(f'"{t}"' for t in group) + ")" for group in tier)
    return "{title_folded keywords_folded} : (" + match + ")" if titles_only else match


class SqliteStore(DatabaseStore):
    def _write_text(self, docs):
        with connection.cursor() as cursor:
            cursor.executemany("DELETE FROM search_fts WHERE rowid = %s", [[doc.page_id] for doc in docs])
            cursor.executemany(
                "INSERT INTO search_fts (rowid, title_folded, keywords_folded, body_folded) VALUES (%s, %s, %s, %s)",
                [[d.page_id, d.title_folded, d.keywords_folded, d.body_folded] for d in docs],
            )

    def _forget_text(self, page_ids):
        with connection.cursor() as cursor:
            if page_ids is None:
                cursor.execute("DELETE FROM search_fts")
            else:
                cursor.executemany("DELETE FROM search_fts WHERE rowid = %s", [[i] for i in page_ids])

    def _tally(self, entries, tier, titles_only, limit, terms):
        how = _match(tier, titles_only)
        matched = entries.filter(pk__in=RawSQL("SELECT rowid FROM search_fts WHERE search_fts MATCH %s", [how]))
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

    def frequencies(self, words):
        """{word: documents holding it, "": all documents}."""
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM search_fts")
            found = {"": cursor.fetchone()[0]}
            for word in safe(words, most=64):
                cursor.execute("SELECT count(*) FROM search_fts WHERE search_fts MATCH %s", [f'"{word}"'])
                found[word] = cursor.fetchone()[0]
        return found

    def _rows(self, ids, terms):
        if not ids:
            return []
        entries = SearchEntry.objects.filter(pk__in=ids).values(*ENTRY_FIELDS, folded=Left("text__body_folded", BODY_PREFIX))
        found = {row["page_id"]: {**row, "body_words": set(tokens(row.pop("folded")))} for row in entries}
        return [found[i] for i in ids if i in found]

    def _starting(self, entries, prefix, limit):
        return list(entries.filter(title_folded__startswith=prefix).order_by("title_folded").values(*SUGGESTED)[:limit])

    def _containing(self, entries, words, limit):
        match = "title_folded : (" + " AND ".join([f'"{w}"' for w in words[:-1]] + [f'"{words[-1]}"*']) + ")"
        sql = "SELECT rowid FROM search_fts WHERE search_fts MATCH %s ORDER BY bm25(search_fts, 10.0, 0.0, 0.0) LIMIT %s"
        with connection.cursor() as cursor:
            cursor.execute(sql, [match, limit * 4])
            ids = [row[0] for row in cursor.fetchall()]
        found = {r["page_id"]: r for r in entries.filter(pk__in=ids).values(*SUGGESTED)}
        return [found[i] for i in ids if i in found]
