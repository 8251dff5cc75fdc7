"""What production depends on: the page cache and its purges, security headers, login throttling,
health endpoints, surviving a dead Redis or a restarted database."""

import datetime
import logging
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.contrib.messages import constants
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.http import HttpRequest
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from portal.engagement.models import Comment, CommentStatus
from portal.models import SiteSettings
from portal.settings.base import redis_caches
from tests import factories

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]

DEAD_REDIS = redis_caches("redis://127.0.0.1:1/0")  # production's cache settings, with Redis down


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    from portal.web.page_cache import purge

    settings.PAGE_CACHE_SECONDS = 600
    purge()  # nothing this process remembers from another test


@pytest.fixture
def article(tree):
    return factories.NewsPageFactory(parent=tree.category, title="Tin được lưu đệm")


def cache_state(response):
    return response.get("X-Page-Cache")


def test_anonymous_pages_are_served_from_the_cache(client, article):
    assert cache_state(client.get(article.url)) == "miss"
    second = client.get(article.url)
    assert cache_state(second) == "hit" and "Tin được lưu đệm" in second.content.decode()
    assert cache_state(client.get(article.url + "?trang=2")) == "miss"


def test_publishing_purges_the_page_its_listing_and_the_home_page(client, tree, article):
    for url in ("/", tree.category.url, article.url):
        client.get(url)
        assert cache_state(client.get(url)) == "hit"
    fresh = factories.NewsPageFactory(parent=tree.category, title="Tin mới xuất bản", featured=True)
    assert "Tin mới xuất bản" in client.get(tree.category.url).content.decode()
    assert "Tin mới xuất bản" in client.get("/").content.decode()
    article.title = "Tin được sửa"
    article.save_revision().publish()
    assert "Tin được sửa" in client.get(article.url).content.decode()
    fresh.unpublish()
    assert "Tin mới xuất bản" not in client.get(tree.category.url).content.decode()
    url = article.url
    article.delete()
    assert client.get(url).status_code == 404


def test_publishing_an_article_purges_its_section_and_the_home_page_only(client, tree, article, cache_configuration):
    """Issue 18: a publish used to send every page of the site to the uncached path at once."""
    procedure = factories.ProcedurePageFactory(parent=tree.justice, title="Thủ tục vẫn trong bộ đệm")
    for url in ("/", tree.category.url, article.url, procedure.url, tree.justice.url):
        client.get(url)
        assert cache_state(client.get(url)) == "hit"
    factories.NewsPageFactory(parent=tree.category, title="Tin vừa xuất bản", featured=True)
    assert cache_state(client.get(procedure.url)) == "hit"
    assert cache_state(client.get(tree.justice.url)) == "hit"
    for url in ("/", tree.category.url):
        response = client.get(url)
        assert cache_state(response) == "miss" and "Tin vừa xuất bản" in response.content.decode()
    assert cache_state(client.get(article.url)) == "miss"  # its related news may show the new article


def test_publishing_a_menu_page_purges_every_section(client, tree, article):
    procedure = factories.ProcedurePageFactory(parent=tree.justice)
    client.get(procedure.url)
    factories.StandardPageFactory(parent=tree.home, title="Mục mới", slug="muc-moi", show_in_menus=True)
    response = client.get(procedure.url)
    assert cache_state(response) == "miss" and "Mục mới" in response.content.decode()


def test_anonymous_pages_can_be_kept_by_browsers_and_proxies_and_revalidated(client, article):
    first = client.get(article.url)
    control = first["Cache-Control"]
    assert "public" in control and "max-age=0" in control and "s-maxage=30" in control
    assert first["ETag"] and first["Last-Modified"]
    for conditional in ({"HTTP_IF_NONE_MATCH": first["ETag"]}, {"HTTP_IF_MODIFIED_SINCE": first["Last-Modified"]}):
        again = client.get(article.url, **conditional)
        assert again.status_code == 304 and again.content == b"" and again["ETag"] == first["ETag"]
    article.title = "Tin đã sửa sau khi lưu"
    article.save_revision().publish()
    changed = client.get(article.url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200 and "Tin đã sửa sau khi lưu" in changed.content.decode()
    assert changed["ETag"] != first["ETag"]


def test_signed_in_users_and_private_pages_get_no_shared_cache_headers(client, tree, article, users):
    from wagtail.models import PageViewRestriction

    page = factories.StandardPageFactory(parent=tree.home, title="Trang nội bộ", slug="noi-bo")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="x")
    private = client.get(page.url)
    assert "public" not in private.get("Cache-Control", "") and not private.has_header("ETag")
    client.force_login(users.editor)
    signed_in = client.get(article.url)
    assert "public" not in signed_in.get("Cache-Control", "") and not signed_in.has_header("Last-Modified")


def test_moving_a_page_purges_its_old_address(client, tree, article):
    client.get(article.url)
    old = article.url
    other = factories.NewsIndexPageFactory(parent=tree.news, title="Chuyên mục khác", slug="khac")
    article.move(other, pos="last-child")
    article.refresh_from_db()
    response = client.get(old)
    assert response.status_code == 301 and response["Location"] == article.url


def test_moving_a_decision_purges_the_procedures_that_link_to_it(client, tree):
    from procedures.models import LegalBasis

    decision = factories.DecisionPageFactory(parent=tree.documents)
    procedure = factories.ProcedurePageFactory(parent=tree.justice)
    LegalBasis.objects.create(page=procedure, number=decision.number, title="Quyết định công bố", document=decision)
    assert f'href="{decision.url}"' in client.get(procedure.url).content.decode()
    archive = factories.DocumentIndexPageFactory(parent=tree.documents, title="Lưu trữ", slug="luu-tru")
    assert cache_state(client.get(procedure.url)) == "hit"
    decision.move(archive, pos="last-child")
    decision.refresh_from_db()
    assert f'href="{decision.url}"' in client.get(procedure.url).content.decode()


def test_deleting_a_decision_purges_the_procedures_that_link_to_it(client, tree):
    from procedures.models import LegalBasis

    decision = factories.DecisionPageFactory(parent=tree.documents)
    procedure = factories.ProcedurePageFactory(parent=tree.justice)
    LegalBasis.objects.create(page=procedure, number=decision.number, title="Quyết định công bố", document=decision)
    link = f'href="{decision.url}"'
    assert link in client.get(procedure.url).content.decode()
    assert cache_state(client.get(procedure.url)) == "hit"
    decision.delete()
    response = client.get(procedure.url)
    assert cache_state(response) == "miss" and link not in response.content.decode()


def test_approving_a_comment_and_changing_settings_purge(client, article):
    client.get(article.url)
    comment = Comment.objects.create(page=article, name="Bạn đọc", text="Ý kiến chờ duyệt hiển thị.", daily_visitor_id="x")
    pending = client.get(article.url)  # a comment waiting for review shows nowhere: the section stays cached
    assert cache_state(pending) == "hit" and "Ý kiến chờ duyệt hiển thị." not in pending.content.decode()
    comment.status = CommentStatus.APPROVED
    comment.save()
    assert "Ý kiến chờ duyệt hiển thị." in client.get(article.url).content.decode()
    settings_row = SiteSettings.objects.get()
    settings_row.hotline = "1900 1234"
    settings_row.save()
    assert "1900 1234" in client.get(article.url).content.decode()


@pytest.fixture(params=["embedded", "redis"])
def cache_configuration(request, settings):
    """The two supported configurations, and how another process would see the same cache."""
    from django.core.cache import caches
    from django.core.cache.backends.locmem import LocMemCache
    from django_redis.cache import RedisCache

    if request.param == "embedded":
        yield lambda: LocMemCache("another-process", {})
        return
    url = redis_url()
    settings.CACHES = redis_caches(url)
    caches["default"].clear()
    yield lambda: RedisCache(url, settings.CACHES["default"])
    caches["default"].clear()


def redis_url():
    import redis

    url = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
    try:
        redis.Redis.from_url(url).ping()
    except redis.RedisError:
        if os.environ.get("CI") == "true":
            pytest.fail(f"Redis is unreachable at {url}; CI must run the Redis tests.")
        pytest.skip(f"needs Redis at {url} (set TEST_REDIS_URL; CI runs it)")
    return url


def test_a_purge_in_another_process_reaches_this_one_within_a_second(client, article, monkeypatch, cache_configuration):
    """A publish in another process (a second worker, `publish_scheduled`, `import_procedures`) reaches
    this one, whether the cache is shared (Redis) or each process's own memory (the embedded default)."""
    from portal.web import page_cache

    page_cache.purge()
    client.get(article.url)
    assert cache_state(client.get(article.url)) == "hit"
    remembered = dict(page_cache._local), dict(page_cache._hot)
    with monkeypatch.context() as other_process:
        other_process.setattr(page_cache, "cache", cache_configuration())
        article.title = "Tiêu đề sửa ở tiến trình khác"
        article.save_revision().publish()
    page_cache._local.update(remembered[0])
    page_cache._hot.update(remembered[1])
    assert cache_state(client.get(article.url)) == "hit", "within the second, this process may still serve its copy"
    later = time.monotonic() + 1.1
    monkeypatch.setattr(page_cache.time, "monotonic", lambda: later)
    response = client.get(article.url)
    assert cache_state(response) == "miss" and "Tiêu đề sửa ở tiến trình khác" in response.content.decode()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_publish_scheduled_in_another_process_purges_this_ones_page_cache(client, tree):
    from django.db import connection

    article = factories.NewsPageFactory(parent=tree.category, title="Tin trước giờ hẹn")
    client.get(article.url)
    assert cache_state(client.get(article.url)) == "hit"
    article.title = "Tin đúng giờ hẹn"
    article.save_revision(approved_go_live_at=timezone.now() - datetime.timedelta(minutes=1))
    db = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "publish_scheduled"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    time.sleep(1.1)
    response = client.get(article.url)
    assert "Tin đúng giờ hẹn" in response.content.decode() and cache_state(response) == "miss"


def test_a_bad_host_header_is_a_400_and_no_cache_outage_alarm(client, article, caplog):
    with caplog.at_level(logging.WARNING):
        response = client.get(article.url, HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert not [r for r in caplog.records if r.name.startswith("portal")], [r.getMessage() for r in caplog.records]


def test_signed_in_users_previews_and_messages_are_never_cached(client, article, users):
    client.force_login(users.editor)
    assert cache_state(client.get(article.url)) is None
    preview = client.get(reverse("wagtailadmin_pages:view_draft", args=[article.pk]))
    assert preview.status_code in (200, 403) and cache_state(preview) is None
    visitor = Client()
    storage = CookieStorage(HttpRequest())
    storage.add(constants.INFO, "Đã gửi")
    visitor.cookies["messages"] = storage._encode(list(storage._queued_messages))
    assert cache_state(visitor.get(article.url)) is None


def test_forms_with_a_csrf_token_are_never_cached(client, tree):
    login = client.get(reverse("wagtailadmin_login"))
    assert cache_state(login) is None
    assert cache_state(client.get(reverse("wagtailadmin_login"))) is None


def test_private_pages_are_never_cached(client, tree):
    from wagtail.models import PageViewRestriction

    page = factories.StandardPageFactory(parent=tree.home, title="Trang nội bộ", slug="noi-bo")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="x")
    client.get(page.url)
    assert cache_state(client.get(page.url)) is None


def test_counters_stay_correct_with_the_cache_on(client, article):
    client.get(article.url)
    assert cache_state(client.get(article.url)) == "hit"
    reader = Client(REMOTE_ADDR="203.0.113.5", HTTP_USER_AGENT="Mozilla/5.0 Chrome/140", HTTP_ORIGIN="http://testserver")
    assert reader.post(reverse("engagement:hit"), {"page": article.pk}).status_code == 204
    cache.delete(f"engagement:page:{article.pk}")
    assert reader.get(reverse("engagement:figures"), {"p": article.pk}).json()["page"]["views"] == 1


def test_public_pages_send_security_headers(client, article):
    response = client.get(article.url)
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy and "frame-ancestors 'self'" in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    html = response.content.decode()
    assert "<script>" not in html and " onclick=" not in html


@override_settings(
    PAGE_CACHE_SECONDS=600,
    CACHES=DEAD_REDIS,
)
def test_pages_render_when_redis_is_down(client, article):
    assert client.get(article.url).status_code == 200
    assert client.get("/").status_code == 200


def test_health_and_readiness(client, settings):
    assert client.get("/healthz").json() == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 200
    assert ready.json() == {"status": "ok", "database": "ok", "cache": "ok", "search": "ok"}
    assert "no-cache" in ready["Cache-Control"]
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    assert client.get("/readyz").json()["search"] == "degraded"


def test_a_dead_redis_is_tried_once_then_skipped_for_a_while(settings, monkeypatch):
    import redis
    from django.core.cache import caches

    settings.CACHES = redis_caches("redis://127.0.0.1:1/13")  # a pool of its own
    attempts = []
    connect = redis.ConnectionPool.get_connection

    def counted(pool, *args, **kwargs):
        attempts.append(pool)
        return connect(pool, *args, **kwargs)

    monkeypatch.setattr(redis.ConnectionPool, "get_connection", counted)
    cache = caches["default"]
    assert [cache.get(f"k{n}", "default") for n in range(20)] == ["default"] * 20
    cache.set("k", 1)
    assert len(attempts) == 1


@override_settings(CACHES=DEAD_REDIS)
def test_readiness_reports_a_dead_redis_as_degraded(client):
    response = client.get("/readyz")
    assert response.status_code == 200 and response.json()["cache"] == "degraded"


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_the_app_recovers_when_the_database_connection_is_killed(client, tree):
    from django.db import close_old_connections, connection

    assert client.get("/").status_code == 200
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    import psycopg

    killer = psycopg.connect(_dsn(connection), autocommit=True)
    killer.execute("SELECT pg_terminate_backend(%s)", [pid])
    killer.close()
    # What Django's request handler does when a request starts (the test client skips it): drop a
    # connection that is broken or past its age, so the request opens a fresh one.
    close_old_connections()
    assert client.get("/").status_code == 200
    assert client.get("/readyz").json()["database"] == "ok"


def _dsn(connection):
    s = connection.settings_dict
    return f"host={s['HOST'] or '127.0.0.1'} port={s['PORT'] or 5432} user={s['USER']} dbname={s['NAME']}"


def test_titles_and_fields_typed_in_the_admin_are_escaped_everywhere(client, tree):
    payload = '<img src=x onerror="alert(1)">'
    page = factories.StandardPageFactory(parent=tree.home, title=f"Trang {payload}", slug="trang-xss", show_in_menus=True)
    settings_row = SiteSettings.objects.get()
    settings_row.address = payload
    settings_row.save()
    for url in (page.url, "/"):
        html = client.get(url).content.decode()
        assert payload not in html
        assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html
