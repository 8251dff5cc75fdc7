"""The Elasticsearch store: one index of every document behind an alias, analysed with stock filters only
(standard tokenizer, lowercase, asciifolding keeping the accented original, shingles, edge n-grams).

Queries get one second; anything slower or failing is answered by the database store (see search.api).
"""

import datetime
import functools
import time

from django.conf import settings
from django.utils import timezone
from django.utils.module_loading import import_string
from elasticsearch import Elasticsearch
from elasticsearch.dsl import Date, Document, Index, Keyword, Text, analyzer, token_filter
from elasticsearch.helpers import bulk

from search.backends.database import BODY_PREFIX, ENTRY_FIELDS
from search.text import essential, tokens

QUERY_TIMEOUT = 1.0
SOURCE = [*(name for name in ENTRY_FIELDS if name != "page_id"), "body", "body_folded"]
BULK_TIMEOUT = 60

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


@functools.cache
def _client(url, transport):
    return Elasticsearch(
        url, request_timeout=QUERY_TIMEOUT, max_retries=0, retry_on_timeout=False, transport_class=import_string(transport)
    )


def client():
    """One client (and its connection pool) per process and address, not one per query."""
    return _client(settings.ELASTICSEARCH_URL, settings.ELASTICSEARCH_TRANSPORT_CLASS)


class ElasticsearchBackend:
    name = "elasticsearch"

    def __init__(self, es=None):
        self.es = es or client()
        self.alias = settings.ELASTICSEARCH_INDEX

    # Index management

    def new_index(self):
        name = f"{self.alias}-{timezone.now():%Y%m%d%H%M%S}-{time.monotonic_ns() % 10_000:04d}"
        index = Index(name)
        index.settings(number_of_shards=1, number_of_replicas=settings.ELASTICSEARCH_REPLICAS)
        index.document(PortalDocument)
        index.create(using=self.es.options(request_timeout=BULK_TIMEOUT))
        return name

    def current_indices(self):
        if not self.es.indices.exists_alias(name=self.alias):
            return []
        return sorted(self.es.indices.get_alias(name=self.alias))

    def ensure_index(self):
        if not self.current_indices():
            self.switch_alias(self.new_index())

    def switch_alias(self, name):
        """Point the alias at `name` in one atomic step, then drop the indices it pointed at."""
        old = self.current_indices()
        actions = [{"remove": {"index": index, "alias": self.alias}} for index in old]
        actions.append({"add": {"index": name, "alias": self.alias}})
        self.es.indices.update_aliases(actions=actions)
        for index in old:
            if index != name:
                self.es.indices.delete(index=index)

    def load(self, index, docs):
        actions = ({"_index": index, "_id": doc.page_id, "_source": doc.as_source()} for doc in docs)
        written, _errors = bulk(self.es.options(request_timeout=BULK_TIMEOUT), actions, refresh=False)
        return written

    def refresh(self, index=None):
        self.es.indices.refresh(index=index or self.alias)

    # Writing

    def write(self, doc):
        self.es.index(index=self.alias, id=doc.page_id, document=doc.as_source(), refresh=settings.ELASTICSEARCH_REFRESH)

    def remove(self, page_id):
        self.es.options(ignore_status=404).delete(index=self.alias, id=page_id, refresh=settings.ELASTICSEARCH_REFRESH)

    def count(self):
        return self.es.count(index=self.alias)["count"]

    def indexed_ids(self):
        ids, search_after = set(), None
        while True:
            body = {"size": 5000, "sort": [{"_doc": "asc"}], "_source": False}
            if search_after:
                body["search_after"] = search_after
            hits = self.es.options(request_timeout=BULK_TIMEOUT).search(index=self.alias, **body)["hits"]["hits"]
            if not hits:
                return ids
            ids.update(int(hit["_id"]) for hit in hits)
            search_after = hits[-1]["sort"]

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
            text = " ".join(essential(alternative))
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
        if query.number_key:
            should.append({"term": {"code": {"value": query.number_key, "boost": 100}}})
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

    def search(self, request, query, limit, offset=0, sort=None):
        """(rows, total, facet counts, kind counts) in one request."""
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
        response = self.es.search(index=self.alias, **body)
        facets = []
        for bucket in response["aggregations"]["facets"]["buckets"]:
            name, value, label = (bucket["key"].split("=", 2) + ["", ""])[:3]
            facets.append({"name": name, "value": value, "label": label, "count": bucket["doc_count"]})
        kinds = {b["key"]: b["doc_count"] for b in response["aggregations"]["kinds"]["buckets"]}
        return self._rows(response["hits"]["hits"]), response["hits"]["total"]["value"], facets, kinds

    def autocomplete(self, text, kinds, limit):
        filters = [{"terms": {"kind": list(kinds)}}] if kinds else []
        body = {
            "query": {"bool": {"filter": filters, "must": [{"match": {"title.prefix": {"query": text, "operator": "and"}}}]}},
            "size": limit,
            "_source": ["title", "url", "kind", "code"],
            "timeout": f"{int(QUERY_TIMEOUT * 900)}ms",
        }
        return [hit["_source"] for hit in self.es.search(index=self.alias, **body)["hits"]["hits"]]
