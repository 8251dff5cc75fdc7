"""Test-only transport: osmem-server (the in-memory OpenSearch-compatible server CI uses) refuses the
client's `compatible-with=9` media types, so requests go out as plain JSON. A real Elasticsearch 9
needs none of this; product code never sees this class. The subclasses make a store slow or failing
for the tests of what the portal does then."""

import time

from elastic_transport import ConnectionError, ConnectionTimeout, Transport


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


class SlowWritesTransport(PlainJsonTransport):
    """A store that takes its time to write (three seconds per bulk request)."""

    delay = 3.0

    def perform_request(self, method, target, **kwargs):
        if "/_bulk" in target:
            time.sleep(self.delay)
        return super().perform_request(method, target, **kwargs)


class FailingWritesTransport(PlainJsonTransport):
    """A store that answers searches but whose writes fail; counts the attempts."""

    attempts = 0

    def perform_request(self, method, target, **kwargs):
        if "/_bulk" in target:
            FailingWritesTransport.attempts += 1
            raise ConnectionError("writes refused for the test")
        return super().perform_request(method, target, **kwargs)


class SlowSearchTransport(PlainJsonTransport):
    """A store whose searches take longer than the portal waits (its client gives up after a second)."""

    def perform_request(self, method, target, **kwargs):
        if "/_search" in target:
            raise ConnectionTimeout("search timed out for the test")
        return super().perform_request(method, target, **kwargs)


class CountingTransport(PlainJsonTransport):
    """Counts bulk requests, to see how many writes a publish costs."""

    bulks = 0

    def perform_request(self, method, target, **kwargs):
        if "/_bulk" in target:
            CountingTransport.bulks += 1
        return super().perform_request(method, target, **kwargs)
