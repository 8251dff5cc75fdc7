"""Issue 18: stored pages are answered in front of Django (portal.wsgi.application), as gunicorn calls it:
the same status, headers and body as the page Django built, without Django's request handling, with one
read of the shared cache; conditional requests, HEAD, bad hosts and visitors' own requests stay right."""

from wsgiref.util import setup_testing_defaults

import pytest
from django.core import signals
from django.core.handlers.wsgi import WSGIHandler
from django.db import close_old_connections, connection
from django.test.utils import CaptureQueriesContext

from portal.settings.base import redis_caches
from portal.web import page_cache
from tests import factories
from tests.portal.test_production import redis_url

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600
    page_cache.purge()


@pytest.fixture
def article(tree):
    return factories.NewsPageFactory(parent=tree.category, title="Tin phục vụ trước Django")


@pytest.fixture(autouse=True)
def keep_the_test_connection():
    """Django's connection handling is left out of every request, as the test client does, so the test's
    transaction stays open (on PostgreSQL, closing it would fail the next query)."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def requests_started():
    """How many requests reached Django."""
    started = []

    def count(**kwargs):
        started.append(kwargs)

    signals.request_started.connect(count)
    yield started
    signals.request_started.disconnect(count)


def wsgi(path, method="GET", application=None, **headers):
    """Call portal.wsgi.application (or `application`) as gunicorn does; (status, headers, body)."""
    if application is None:
        from portal.wsgi import application

    path, _, query = path.partition("?")
    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path.encode().decode("latin-1"),
        "QUERY_STRING": query,
        "SERVER_NAME": "testserver",
        "REMOTE_ADDR": "203.0.113.9",
        "HTTP_HOST": "testserver",
        "HTTP_USER_AGENT": "Mozilla/5.0 Chrome/140",
        **headers,
    }
    setup_testing_defaults(environ)  # the wsgi.* and server keys
    answer = {}

    def start_response(status, response_headers, exc_info=None):
        answer["status"], answer["headers"] = status, response_headers

    body = application(environ, start_response)
    try:
        content = b"".join(body)
    finally:
        if hasattr(body, "close"):
            body.close()
    return int(answer["status"][:3]), dict(answer["headers"]), content


def test_a_hit_is_the_page_django_built_answered_without_django(article, requests_started, monkeypatch):
    monkeypatch.setattr(page_cache, "LOCAL_SECONDS", 3600)  # a slow miss must not make the hit re-read the generations
    status, miss_headers, miss_body = wsgi(article.url)
    assert status == 200 and miss_headers["X-Page-Cache"] == "miss" and len(requests_started) == 1
    with CaptureQueriesContext(connection) as queries:
        status, hit_headers, hit_body = wsgi(article.url)
    assert status == 200 and hit_headers.pop("X-Page-Cache") == "hit" and hit_body == miss_body
    assert len(requests_started) == 1 and len(queries) == 0
    miss_headers.pop("X-Page-Cache")
    assert hit_headers == miss_headers
    for security in ("Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options", "Referrer-Policy"):
        assert security in hit_headers
    assert hit_headers["Content-Language"] == "vi" and hit_headers["ETag"] and hit_headers["Last-Modified"]


def test_a_hit_reads_the_shared_cache_once(settings, article, requests_started, monkeypatch):
    import redis.connection

    settings.CACHES = redis_caches(redis_url())
    page_cache.cache.clear()
    wsgi(article.url)
    page_cache._hot.clear()  # not this process's last second: the page must come from Redis
    sent = []
    original = redis.connection.AbstractConnection.send_packed_command
    monkeypatch.setattr(
        redis.connection.AbstractConnection,
        "send_packed_command",
        lambda self, *a, **k: sent.append(a) or original(self, *a, **k),
    )
    status, headers, body = wsgi(article.url)
    assert status == 200 and headers["X-Page-Cache"] == "hit" and "Tin phục vụ trước Django" in body.decode()
    assert len(sent) == 1 and len(requests_started) == 1
    page_cache.cache.clear()


def test_a_worker_lets_go_of_its_hot_copies_once_their_second_is_over(monkeypatch):
    """After a burst over many pages, the next page served releases the copies of the burst (before,
    a worker held its last 256 pages, megabytes, until replaced)."""
    clock = [1000.0]
    monkeypatch.setattr(page_cache.time, "monotonic", lambda: clock[0])
    for n in range(50):
        page_cache._remember(f"burst-{n}", ("200 OK", [], b"x" * 100_000))
    assert len(page_cache._hot) == 50 and page_cache._recall("burst-49") is not None
    clock[0] += page_cache.LOCAL_SECONDS + 0.1
    page_cache._remember("next", ("200 OK", [], b"y"))
    assert list(page_cache._hot) == ["next"]


def test_conditional_requests_get_a_304_without_django(article, requests_started):
    _status, first, _body = wsgi(article.url)
    for conditional in ({"HTTP_IF_NONE_MATCH": first["ETag"]}, {"HTTP_IF_MODIFIED_SINCE": first["Last-Modified"]}):
        status, headers, body = wsgi(article.url, **conditional)
        assert status == 304 and body == b"" and headers["ETag"] == first["ETag"]
    status, _headers, body = wsgi(article.url, HTTP_IF_NONE_MATCH='"another-version"')
    assert status == 200 and body
    assert len(requests_started) == 1


def test_head_is_answered_without_a_body(article, requests_started):
    _status, get_headers, _body = wsgi(article.url)
    wsgi(article.url, method="HEAD")
    status, headers, body = wsgi(article.url, method="HEAD")
    assert status == 200 and headers["X-Page-Cache"] == "hit" and body == b""
    assert headers["Content-Length"] == get_headers["Content-Length"]


def test_a_purge_reaches_the_pages_answered_in_front_of_django(article):
    wsgi(article.url)
    assert wsgi(article.url)[1]["X-Page-Cache"] == "hit"
    article.title = "Tin đã sửa"
    article.save_revision().publish()
    _status, headers, body = wsgi(article.url)
    assert headers["X-Page-Cache"] == "miss" and "Tin đã sửa" in body.decode()


@pytest.mark.parametrize(
    "request_headers",
    [{"HTTP_COOKIE": "sessionid=abc"}, {"HTTP_COOKIE": "messages=abc"}, {"HTTP_USER_AGENT": "Mozilla\x00"}],
    ids=["session", "messages", "nul-in-a-header"],
)
def test_visitors_own_requests_reach_django(article, request_headers):
    wsgi(article.url)
    status, headers, _body = wsgi(article.url, **request_headers)
    assert headers.get("X-Page-Cache") != "hit"
    if "\x00" in request_headers.get("HTTP_USER_AGENT", ""):
        assert status == 400


def test_a_host_django_refuses_is_a_400_even_for_a_stored_page(settings, article):
    wsgi(article.url)
    assert wsgi(article.url, HTTP_HOST="evil.example")[0] == 400
    settings.ALLOWED_HOSTS = ["cchc.example.gov.vn"]
    assert wsgi(article.url)[0] == 400


def test_https_pages_keep_hsts_and_plain_http_gets_its_own(settings, article):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SECURE_HSTS_SECONDS = 3600
    application = page_cache.PageCacheApplication(WSGIHandler())  # its SecurityMiddleware reads the settings above
    wsgi(article.url, application=application, HTTP_X_FORWARDED_PROTO="https")
    _status, secure, _body = wsgi(article.url, application=application, HTTP_X_FORWARDED_PROTO="https")
    assert secure["X-Page-Cache"] == "hit" and secure["Strict-Transport-Security"].startswith("max-age=3600")
    _status, plain, _body = wsgi(article.url, application=application)
    assert plain["X-Page-Cache"] == "miss" and "Strict-Transport-Security" not in plain
