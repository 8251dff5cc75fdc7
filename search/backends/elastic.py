"""The Elasticsearch store: one index of every document behind an alias, analysed with stock filters only
(standard tokenizer, lowercase, asciifolding keeping the accented original, shingles, edge n-grams).

Queries get one second; anything slower or failing is answered by the database store (see search.api).
Reads and writes go to the alias only after its index was found with the right mappings (checked at
most every `READY_SECONDS` per process), and writes also say `require_alias`: a cluster that lost its
data, or an index of an older document format, sends searches to the database store and keeps writes
in the pending queue, instead of auto-creating an index with default mappings that every later
search would fail on. Only `rebuild` creates indices.
"""

import datetime
import functools
import logging
import re
import time

from django.conf import settings
from django.utils import timezone
from django.utils.module_loading import import_string
from elasticsearch import ApiError, Elasticsearch, TransportError
from elasticsearch.dsl import Date, Document, Index, Keyword, Text, analyzer, token_filter
from elasticsearch.helpers import bulk

from search import results_cache
from search.backends.base import Matches, StoreUnavailable
from search.documents import BODY_PREFIX, ENTRY_FIELDS, SUGGESTED
from search.text import tokens

log = logging.getLogger(__name__)

QUERY_TIMEOUT = 1.0
WRITE_TIMEOUT = 10.0
BULK_TIMEOUT = 60
READY_SECONDS = 30
SOURCE = [*(name for name in ENTRY_FIELDS if name != "page_id"), "body", "body_folded"]
SORTS = {"ten": [{"title_folded": "asc"}], "ma": [{"code": "asc"}, {"title_folded": "asc"}], "moi": [{"date": "desc"}]}

fold = token_filter("vi_fold", "asciifolding", preserve_original=True)
phrases = token_filter("vi_shingle", "shingle", min_shingle_size=2, max_shingle_size=3)
prefixes = token_filter("vi_prefix", "edge_ngram", min_gram=1, max_gram=20)
vietnamese = analyzer("vi", tokenizer="standard", filter=["lowercase", fold])
folded = analyzer("vi_folded", tokenizer="standard", filter=["lowercase", "asciifolding"])
phrase = analyzer("vi_phrase", tokenizer="standard", filter=["lowercase", "asciifolding", phrases])
prefix = analyzer("vi_prefix", tokenizer="standard", filter=["lowercase", "asciifolding", prefixes])


class PortalDocument(Document):
    kind = Keyword()
    title = Text(
        analyzer=vietnamese,
        fields={"phrase": Text(analyzer=phrase), "prefix": Text(analyzer=prefix, search_analyzer=folded)},
    )
    title_folded = Keyword()
    keywords_folded = Text(analyzer=folded)
    body = Text(analyzer=vietnamese)
    body_folded = Keyword(index=False)
    url = Keyword(index=False)
    date = Date()
    code = Keyword()
    facets = Keyword()
    facet_labels = Keyword()
    stamp = Keyword(index=False)


MAPPING = PortalDocument._doc_type.mapping.to_dict()["properties"]
_ready = {}  # (address, alias) → until when this process trusts the alias and its mappings


@functools.cache
def _client(url, transport):
    return Elasticsearch(
        url, request_timeout=QUERY_TIMEOUT, max_retries=0, retry_on_timeout=False, transport_class=import_string(transport)
    )


def client():
    """One client (and its connection pool) per process and address, not one per query."""
    return _client(settings.ELASTICSEARCH_URL, settings.ELASTICSEARCH_TRANSPORT_CLASS)


def _differences(expected, actual, where=""):
    """Where the mappings `actual` lack or contradict `expected` (settings the cluster adds are fine)."""
    wrong = []
    for name, wanted in sorted(expected.items()):
        found = actual.get(name)
        path = f"{where}{name}"
        if found is None:
            wrong.append(f"{path}: thiếu")
        elif isinstance(wanted, dict):
            wrong += _differences(wanted, found if isinstance(found, dict) else {}, f"{path}.")
        elif found != wanted:
            wrong.append(f"{path}: {found!r} thay vì {wanted!r}")
    return wrong


def _reason(exc):
    if isinstance(exc, ApiError):
        return f"{exc.meta.status} {exc.message}"
    return f"{type(exc).__name__}: {exc}"


class ElasticsearchStore:
    name = "elasticsearch"

    def __init__(self, es=None):
        self.es = es or client()
        self.alias = settings.ELASTICSEARCH_INDEX
        self.indices = re.compile(rf"^{re.escape(self.alias)}-\d{{14}}-\d{{4}}$")

    # The index behind the alias

    def current_indices(self):
        if not self.es.indices.exists_alias(name=self.alias):
            return []
        return sorted(self.es.indices.get_alias(name=self.alias))

    def problems(self):
        """A missing alias, a concrete index squatting its name, an index with the wrong mappings, or a
        cluster out of reach; empty when writes and searches can go to the alias."""
        try:
            if not self.es.indices.exists_alias(name=self.alias):
                if self.es.indices.exists(index=self.alias):
                    return [
                        f"“{self.alias}” là một chỉ mục thường (tự tạo khi ghi vào tên alias, ánh xạ mặc định), "
                        "không phải alias của chỉ mục cổng"
                    ]
                return [f"chưa có alias “{self.alias}” (chỉ mục chưa được lập hoặc dữ liệu đã mất)"]
            problems = []
            for index, body in self.es.indices.get_mapping(index=self.alias).items():
                wrong = _differences(MAPPING, body.get("mappings", {}).get("properties", {}))
                if wrong:
                    problems.append(f"chỉ mục {index} sai ánh xạ (mapping): {'; '.join(wrong[:5])}")
            return problems
        except (ApiError, TransportError) as exc:
            return [f"không kết nối được Elasticsearch ({_reason(exc)})"]

    def _ensure_ready(self):
        key = (settings.ELASTICSEARCH_URL, self.alias)
        if _ready.get(key, 0) > time.monotonic():
            return
        problems = self.problems()
        if problems:
            raise StoreUnavailable("; ".join(problems))
        _ready[key] = time.monotonic() + READY_SECONDS

    def _forget_ready(self):
        _ready.pop((settings.ELASTICSEARCH_URL, self.alias), None)

    def create_index(self):
        """A new, empty, versioned index with the portal's mappings; created explicitly, so whatever
        the cluster's `action.auto_create_index` says does not matter."""
        name = f"{self.alias}-{timezone.now():%Y%m%d%H%M%S}-{time.monotonic_ns() % 10_000:04d}"
        index = Index(name)
        index.settings(number_of_shards=1, number_of_replicas=settings.ELASTICSEARCH_REPLICAS)
        index.document(PortalDocument)
        index.create(using=self.es.options(request_timeout=BULK_TIMEOUT))
        return name

    def switch_alias(self, name):
        """Point the alias at `name` in one atomic step (removing a concrete index that took its name),
        then drop the indices it pointed at and any left behind by failed rebuilds."""
        old = self.current_indices()
        actions = [{"remove": {"index": index, "alias": self.alias}} for index in old]
        if not old and self.es.indices.exists(index=self.alias):
            actions.append({"remove_index": {"index": self.alias}})
        actions.append({"add": {"index": name, "alias": self.alias}})
        self.es.options(request_timeout=BULK_TIMEOUT).indices.update_aliases(actions=actions)
        self._forget_ready()
        leftovers = {i for i in self.es.indices.get(index=f"{self.alias}-*", expand_wildcards="all") if self.indices.match(i)}
        for index in (set(old) | leftovers) - {name}:
            self.es.options(ignore_status=404, request_timeout=BULK_TIMEOUT).indices.delete(index=index)

    def rebuild(self):
        return NewIndex(self)

    def count(self):
        return self.es.count(index=self.alias)["count"]

    # Writing

    def _bulk(self, operations):
        self._ensure_ready()
        try:
            response = self.es.options(request_timeout=WRITE_TIMEOUT).bulk(
                operations=operations, require_alias=True, refresh=settings.ELASTICSEARCH_REFRESH
            )
        except (ApiError, TransportError) as exc:
            self._forget_ready()
            raise StoreUnavailable(_reason(exc)) from exc
        results_cache.changed()  # even a partly failed write changed what searches find
        errors = [result["error"] for item in response["items"] for result in item.values() if "error" in result]
        if errors:
            self._forget_ready()
            first = errors[0]
            raise StoreUnavailable(f"{len(errors)} lỗi, ví dụ {first.get('type')}: {first.get('reason')}")

    def write_many(self, docs):
        operations = []
        for doc in docs:
            operations += [{"index": {"_index": self.alias, "_id": doc.page_id}}, doc.as_source()]
        if operations:
            self._bulk(operations)
        return len(operations) // 2

    def remove_many(self, page_ids):
        operations = [{"delete": {"_index": self.alias, "_id": page_id}} for page_id in page_ids]
        if operations:
            self._bulk(operations)

    def clear(self):
        self._ensure_ready()
        self.es.options(request_timeout=BULK_TIMEOUT).delete_by_query(
            index=self.alias, query={"match_all": {}}, conflicts="proceed", refresh=True
        )
        results_cache.changed()

    def indexed(self):
        """Read with a scroll in index order, ten thousand at a time: the cheapest way through every
        document (search_after costs a search of the whole index per page on some servers)."""
        es = self.es.options(request_timeout=BULK_TIMEOUT)
        response = es.search(index=self.alias, scroll="2m", size=10_000, sort=["_doc"], _source=["stamp"])
        found = {}
        try:
            while hits := response["hits"]["hits"]:
                found.update((int(hit["_id"]), hit.get("_source", {}).get("stamp", "")) for hit in hits)
                response = es.scroll(scroll_id=response["_scroll_id"], scroll="2m")
        finally:
            if response.get("_scroll_id"):
                es.options(ignore_status=404).clear_scroll(scroll_id=response["_scroll_id"])
        return found

    # Reading

    def _filters(self, request):
        filters = []
        if request.kinds:
            filters.append({"terms": {"kind": list(request.kinds)}})
        filters += [{"term": {"facets": f"{name}={value}"}} for name, value in request.filters.items()]
        dates = {}
        if request.date_from:
            dates["gte"] = request.date_from.isoformat()
        if request.date_to:
            dates["lte"] = f"{request.date_to.isoformat()}T23:59:59"
        if dates:
            filters.append({"range": {"date": dates}})
        return filters

    def _text(self, query):
        should = []
        for position, alternative in enumerate(query.alternatives[:8]):
            text = " ".join(query.searchable(alternative))
            weight = 1.0 if position == 0 else 0.9
            should.append(
                {
                    "multi_match": {
                        "query": text,
                        "fields": ["title^3", "keywords_folded^2", "body"],
                        "minimum_should_match": "2<75%",
                        "fuzziness": "AUTO",
                        "prefix_length": 1,
                        "boost": weight,
                    }
                }
            )
            if len(alternative) > 1:
                should.append({"match_phrase": {"title.phrase": {"query": " ".join(alternative), "boost": 2 * weight}}})
        if query.exact:
            should.append({"match": {"title": {"query": query.text, "boost": 0.5}}})
        if query.codes:
            should.append({"terms": {"code": list(query.codes), "boost": 100}})
        return {"bool": {"should": should, "minimum_should_match": 1}}

    def _rows(self, hits):
        rows = []
        for hit in hits:
            source = hit["_source"]
            row = {name: source.get(name, "") for name in SOURCE}
            row["page_id"] = int(hit["_id"])
            row["body_words"] = set(tokens(row.pop("body_folded")[:BODY_PREFIX]))
            row["date"] = datetime.datetime.fromisoformat(row["date"]) if row["date"] else None
            rows.append(row)
        return rows

    def _query(self, body):
        self._ensure_ready()
        try:
            return self.es.search(index=self.alias, **body)
        except (ApiError, TransportError):
            self._forget_ready()  # look at the index again before the next request
            raise

    def _search(self, request, query, limit, offset=0, sort=None):
        """Rows, total, facet counts and kind counts in one request."""
        body = {
            "query": {"bool": {"filter": self._filters(request), **({"must": [self._text(query)]} if query else {})}},
            "size": limit,
            "from": offset,
            "track_total_hits": True,
            "_source": SOURCE,
            "aggs": {"facets": {"terms": {"field": "facet_labels", "size": 500}}, "kinds": {"terms": {"field": "kind"}}},
            "timeout": f"{int(QUERY_TIMEOUT * 900)}ms",
        }
        if sort:
            body["sort"] = sort
        response = self._query(body)
        facets = []
        for bucket in response["aggregations"]["facets"]["buckets"]:
            name, value, label = (bucket["key"].split("=", 2) + ["", ""])[:3]
            facets.append({"name": name, "value": value, "label": label, "count": bucket["doc_count"]})
        kinds = {b["key"]: b["doc_count"] for b in response["aggregations"]["kinds"]["buckets"]}
        return Matches(self._rows(response["hits"]["hits"]), response["hits"]["total"]["value"], facets, kinds)

    def candidates(self, request, query, limit):
        return self._search(request, query, limit)

    def ordered(self, request, query, sort, offset, limit):
        return self._search(request, query, limit, offset=offset, sort=SORTS[sort])

    def with_bodies(self, rows):
        return rows  # the rows came with their text

    def autocomplete(self, words, kinds, limit):
        filters = [{"terms": {"kind": list(kinds)}}] if kinds else []
        text = " ".join(words)
        body = {
            "query": {"bool": {"filter": filters, "must": [{"match": {"title.prefix": {"query": text, "operator": "and"}}}]}},
            "size": limit,
            "_source": SUGGESTED[1:],
            "timeout": f"{int(QUERY_TIMEOUT * 900)}ms",
        }
        return [{**hit["_source"], "page_id": int(hit["_id"])} for hit in self._query(body)["hits"]["hits"]]


class NewIndex:
    """A rebuild into a new index, which the alias points at only once it is complete."""

    def __init__(self, store):
        self.store = store
        self.name = store.create_index()

    def write_many(self, docs):
        actions = ({"_index": self.name, "_id": doc.page_id, "_source": doc.as_source()} for doc in docs)
        written, _errors = bulk(self.store.es.options(request_timeout=BULK_TIMEOUT), actions, refresh=False)
        return written

    def commit(self):
        self.store.es.options(request_timeout=BULK_TIMEOUT).indices.refresh(index=self.name)
        self.store.switch_alias(self.name)
        results_cache.changed()
        return self.name

    def abort(self):
        """A failed rebuild leaves no orphan index behind."""
        try:
            self.store.es.options(ignore_status=404, request_timeout=BULK_TIMEOUT).indices.delete(index=self.name)
        except (ApiError, TransportError) as exc:
            log.warning("Could not delete the unfinished index %s: %s", self.name, _reason(exc))
