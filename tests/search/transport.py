"""Test-only transport: osmem-server (the in-memory OpenSearch-compatible server CI uses) refuses the
client's `compatible-with=9` media types, so requests go out as plain JSON. A real Elasticsearch 9
needs none of this; product code never sees this class."""

from elastic_transport import Transport


def _plain(value):
    if value and "vnd.elasticsearch+" in value:
        return value.split(";")[0].replace("vnd.elasticsearch+", "")
    return value


class PlainJsonTransport(Transport):
    def perform_request(self, method, target, *, headers=None, **kwargs):
        if headers is not None:
            headers = headers.copy()
            for name in ("accept", "content-type"):
                if name in headers:
                    headers[name] = _plain(headers[name])
        response = super().perform_request(method, target, headers=headers, **kwargs)
        response.meta.headers.setdefault("x-elastic-product", "Elasticsearch")
        return response
