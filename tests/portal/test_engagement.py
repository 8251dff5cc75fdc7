"""Counters, ratings and comments as visitors and staff meet them, through the real endpoints."""

import os
import threading
import time

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from portal.db import increment
from portal.engagement import counters
from portal.engagement.models import Comment, CommentStatus, PageViewDay, Rating, VisitDay
from tests import factories

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36"
ORIGIN = "http://testserver"


def visitor(address="203.0.113.7", agent=BROWSER):
    return Client(REMOTE_ADDR=address, HTTP_USER_AGENT=agent, HTTP_ORIGIN=ORIGIN)


@pytest.fixture
def article(tree):
    return factories.NewsPageFactory(parent=tree.category, title="Tin có bình luận", legacy_view_count=1000)


def hit(client, page, **headers):
    return client.post(reverse("engagement:hit"), {"page": page.pk if page else ""}, **headers)


def views(page):
    return sum(PageViewDay.objects.filter(page=page).values_list("views", flat=True))


# Counting


def test_each_page_load_is_a_view_and_a_new_session_is_a_visit(article):
    reader = visitor()
    for _ in range(3):
        assert hit(reader, article).status_code == 204
    hit(visitor("198.51.100.1"), article)
    assert views(article) == 4
    day = VisitDay.objects.get()
    assert (day.visits, day.views) == (2, 4)


def test_a_visit_ends_after_30_minutes_without_activity(article):
    reader = visitor()
    hit(reader, article)
    cache.clear()  # what 30 idle minutes do to the visit key
    hit(reader, article)
    assert VisitDay.objects.get().visits == 2


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_USER_AGENT": "Googlebot/2.1 (+http://www.google.com/bot.html)"},
        {"HTTP_USER_AGENT": "Mozilla/5.0 (compatible; bingbot/2.0)"},
        {"HTTP_USER_AGENT": ""},
        {"HTTP_SEC_PURPOSE": "prefetch"},
        {"HTTP_PURPOSE": "prefetch"},
    ],
)
def test_bots_and_prefetches_are_not_counted(article, headers):
    assert hit(visitor(), article, **headers).status_code == 204
    assert views(article) == 0


def test_the_pixel_counts_browsers_without_javascript(article):
    response = visitor().get(reverse("engagement:pixel"), {"p": article.pk})
    assert response["Content-Type"] == "image/gif" and response["Cache-Control"] == "no-store"
    assert views(article) == 1


@pytest.mark.parametrize(
    ("client_kwargs", "padding", "status"),
    [
        ({"HTTP_ORIGIN": "https://evil.example"}, "", 403),
        ({"HTTP_ORIGIN": ""}, "", 403),
        ({}, "x" * 20_000, 413),
        ({"CONTENT_LENGTH": "12abc"}, "", 413),  # a malformed length is refused, not a 500
    ],
)
def test_forged_or_oversized_writes_are_refused(article, client_kwargs, padding, status):
    response = visitor().post(reverse("engagement:hit"), {"page": article.pk, "pad": padding}, **client_kwargs)
    assert response.status_code == status
    assert views(article) == 0


def test_unknown_and_draft_pages_are_refused(tree, article):
    draft = factories.NewsPageFactory(parent=tree.category, title="Bản nháp", live=False)
    for page_id in (draft.pk, 999999, "abc", -1, 10**12):
        response = visitor().post(reverse("engagement:hit"), {"page": page_id}, HTTP_ACCEPT="application/json")
        assert response.status_code == 404
        assert "không tồn tại" in response.json()["error"]
    assert not PageViewDay.objects.exists()


@pytest.fixture
def still_clock(monkeypatch):
    """The limits count in fixed windows: a test of "120 a minute" must not straddle two of them."""
    now = time.time()
    monkeypatch.setattr(time, "time", lambda: now)


def test_hits_are_rate_limited_per_visitor(article, still_clock):
    reader = visitor()
    statuses = [hit(reader, article).status_code for _ in range(125)]
    assert statuses.count(204) == 120 and statuses[-1] == 429
    assert hit(visitor("198.51.100.9"), article).status_code == 204


def test_figures_start_from_the_legacy_totals_and_are_the_same_for_everyone(tree, article):
    hit(visitor(), article)
    first = visitor("198.51.100.2").get(reverse("engagement:figures"), {"p": article.pk})
    data = first.json()
    assert data["site"]["visits_total"] == 40_528_527 + 1
    assert data["site"]["visits_today"] == 1 and data["site"]["online_guests"] == 1
    assert data["page"]["views"] == 1001
    assert first["Cache-Control"] == "public, max-age=10"
    assert "Set-Cookie" not in first.headers
    second = visitor("198.51.100.3").get(reverse("engagement:figures"), {"p": article.pk}).json()
    assert {k: v for k, v in second.items() if k != "form_token"} == {k: v for k, v in data.items() if k != "form_token"}


def test_signed_in_members_are_counted_apart_from_guests(article, users):
    member = visitor("198.51.100.4")
    member.force_login(users.editor)
    hit(member, article)
    hit(visitor(), article)
    guests, members = counters.DatabaseStore().online(timezone.now())
    assert (guests, members) == (1, 1)


def test_pages_carry_no_per_visitor_state(client, article):
    html = client.get(article.url).content.decode()
    assert "csrfmiddlewaretoken" not in html
    assert 'data-stat="page_views">–<' in html
    assert f'data-page="{article.pk}"' in html


# Ratings


def rate(client, page, stars, json=True):
    headers = {"HTTP_ACCEPT": "application/json"} if json else {}
    return client.post(reverse("engagement:rate"), {"page": page.pk, "stars": stars}, **headers)


def test_one_vote_per_visitor_which_they_may_change(article):
    reader = visitor()
    assert rate(reader, article, 2).json() == {"average": 2.0, "count": 1, "average_text": "2,0", "yours": 2}
    assert rate(reader, article, 5).json()["count"] == 1
    data = rate(visitor("198.51.100.5"), article, 4).json()
    assert (data["average"], data["count"], data["average_text"]) == (4.5, 2, "4,5")
    assert sorted(Rating.objects.values_list("stars", flat=True)) == [4, 5]


@pytest.mark.parametrize(
    ("votes", "average", "text"),
    [
        ((5, 5, 4, 3), 4.3, "4,3"),
        ((5, 4, 4, 4, 4, 5, 4), 4.3, "4,3"),
        ((5, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4), 4.1, "4,1"),
    ],
)
def test_the_average_is_rounded_half_up_to_one_decimal_in_json_and_text(article, votes, average, text):
    for n, stars in enumerate(votes):
        data = rate(visitor(f"203.0.113.{n + 1}"), article, stars).json()
    assert (data["average"], data["average_text"]) == (average, text)
    figures = visitor("198.51.100.1").get(reverse("engagement:figures"), {"p": article.pk}).json()["page"]["rating"]
    assert (figures["average"], figures["average_text"]) == (average, text)


def test_the_voter_cookie_keeps_the_vote_when_the_address_changes(article):
    reader = visitor()
    rate(reader, article, 3)
    reader.defaults["REMOTE_ADDR"] = "198.51.100.77"
    rate(reader, article, 1)
    assert list(Rating.objects.values_list("stars", flat=True)) == [1]


@pytest.mark.parametrize("stars", ["0", "6", "abc", "", "4.5", "<script>alert(1)</script>"])
def test_ratings_outside_1_to_5_are_refused(article, stars):
    response = rate(visitor(), article, stars)
    assert response.status_code == 400
    assert response.json()["error"] == "Hãy chọn từ 1 đến 5 sao."
    assert not Rating.objects.exists()


def test_pages_without_ratings_refuse_them(tree):
    page = factories.StandardPageFactory(parent=tree.home)
    assert rate(visitor(), page, 5).status_code == 404


def test_rating_works_without_javascript(article):
    response = rate(visitor(), article, 4, json=False)
    assert response.status_code == 303
    assert response["Location"] == f"{article.url}?da-danh-gia=4#danh-gia"
    html = visitor().get(response["Location"]).content.decode()
    assert "Cảm ơn bạn đã đánh giá." in html and 'value="4" required checked' in html


def test_rating_form_is_a_labelled_radio_group(client, article):
    html = client.get(article.url).content.decode()
    assert "<fieldset>" in html and "<legend>" in html
    for n in range(1, 6):
        assert f'<input type="radio" id="sao-{n}" name="stars" value="{n}"' in html
        assert f'<label for="sao-{n}"' in html and f"{n} sao" in html


def test_thirty_votes_from_one_address_with_rotated_user_agents_and_no_cookie_are_capped(article):
    for n, stars in enumerate((5, 4, 5, 4)):
        rate(visitor(f"203.0.113.{n + 1}"), article, stars)
    statuses = [rate(visitor("198.51.100.66", agent=f"{BROWSER} build/{n}"), article, 1).status_code for n in range(30)]
    assert statuses.count(200) == 5 and statuses[-1] == 429
    data = visitor("203.0.113.50").get(reverse("engagement:figures"), {"p": article.pk}).json()["page"]["rating"]
    assert (data["count"], data["average"]) == (9, 2.6)


def test_ratings_from_one_address_are_capped_across_pages(tree):
    pages = [factories.NewsPageFactory(parent=tree.category) for _ in range(31)]
    statuses = [rate(visitor(agent=f"{BROWSER} build/{n}"), page, 5).status_code for n, page in enumerate(pages)]
    assert statuses[:30] == [200] * 30 and statuses[30] == 429
    assert rate(visitor("198.51.100.9"), pages[-1], 5).status_code == 200


def _vote_in_parallel(page, count, cookie=None):
    barrier = threading.Barrier(count)
    statuses = []

    def run():
        reader = visitor("198.51.100.70")
        if cookie:
            reader.cookies["tt_ban_doc"] = cookie
        try:
            barrier.wait()
            statuses.append(rate(reader, page, 1).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("cookie", [None, "a-voter-cookie-of-twenty-four"])
def test_ten_parallel_votes_from_one_visitor_make_one_row_in_postgresql(tree, cookie):
    page = factories.NewsPageFactory(parent=tree.category)
    for _ in range(3):
        assert set(_vote_in_parallel(page, 10, cookie)) <= {200, 429}
        assert Rating.objects.filter(page=page).count() == 1
        cache.clear()


# Comments


def comment(client, page, token=None, **fields):
    from portal.engagement.views import form_signer

    data = {"page": page.pk, "name": "Nguyễn Văn A", "email": "a@example.vn", "text": "Thủ tục rất rõ ràng, cảm ơn."}
    data["token"] = token if token is not None else form_signer.sign(str(int(timezone.now().timestamp()) - 60))
    return client.post(reverse("engagement:comment"), {**data, **fields}, HTTP_ACCEPT="application/json")


def test_comments_wait_for_moderation_and_show_escaped_with_the_reply(client, article):
    response = comment(visitor(), article, text="<script>alert('x')</script> Ý kiến thật")
    assert response.status_code == 201 and "được ban biên tập duyệt" in response.json()["message"]
    saved = Comment.objects.get()
    assert saved.status == CommentStatus.PENDING
    assert "Ý kiến thật" not in client.get(article.url).content.decode()

    saved.status, saved.reply = CommentStatus.APPROVED, "Ban biên tập đã ghi nhận <b>góp ý</b>."
    saved.save()
    html = client.get(article.url).content.decode()
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; Ý kiến thật" in html
    assert "<script>alert" not in html
    assert "Ban biên tập đã ghi nhận &lt;b&gt;góp ý&lt;/b&gt;." in html
    assert "a@example.vn" not in html


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"website": "http://spam.example"}, "chưa được gửi"),
        ({"token": "forged"}, "chưa được gửi"),
        ({"text": "x" * 2001}, "tối đa 2000 ký tự"),
        ({"text": "ok"}, "quá ngắn"),
        ({"name": ""}, "họ tên"),
        ({"email": "not-an-email"}, "thư điện tử"),
    ],
)
def test_spam_and_bad_comments_are_refused(article, fields, message):
    response = comment(visitor(), article, **fields)
    assert response.status_code == 400
    assert message in response.json()["error"].lower()
    assert not Comment.objects.exists()


def test_a_comment_sent_seconds_after_loading_the_page_is_refused(article):
    from portal.engagement.views import form_signer

    fresh = form_signer.sign(str(int(timezone.now().timestamp())))
    assert comment(visitor(), article, token=fresh).status_code == 400


def test_comments_are_rate_limited_and_only_on_news(tree, article):
    reader = visitor()
    assert [comment(reader, article).status_code for _ in range(4)] == [201, 201, 201, 429]
    assert comment(visitor("198.51.100.6"), article).status_code == 201
    decision = factories.DecisionPageFactory(parent=tree.documents)
    assert comment(visitor("198.51.100.6"), decision).status_code == 404


def test_twenty_comments_from_one_address_with_rotated_user_agents_are_capped(article):
    statuses = [comment(visitor("198.51.100.66", agent=f"{BROWSER} build/{n}"), article).status_code for n in range(20)]
    assert statuses.count(201) == 3 and set(statuses[3:]) == {429}
    assert Comment.objects.count() == 3


@pytest.mark.parametrize(("minutes", "status"), [(1, 201), (14, 201), (19, 400), (60 * 24 * 30, 400)])
def test_the_comment_form_token_has_a_maximum_age(article, minutes, status):
    from portal.engagement.views import form_signer

    old = form_signer.sign(str(int(timezone.now().timestamp()) - minutes * 60))
    response = comment(visitor(), article, token=old)
    assert response.status_code == status
    if status == 400:
        assert "quá lâu" in response.json()["error"]


def test_an_expired_comment_form_without_javascript_keeps_what_the_reader_wrote(article):
    from portal.engagement.views import form_signer

    old = form_signer.sign(str(int(timezone.now().timestamp()) - 3600))
    data = {"page": article.pk, "name": "Trần Thị B", "text": "Một ý kiến dài viết rất lâu & cẩn thận.", "token": old}
    response = visitor().post(reverse("engagement:comment"), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Một ý kiến dài viết rất lâu &amp; cẩn thận." in html and 'value="Trần Thị B"' in html
    fresh = html.split('name="token" value="')[1].split('"')[0]
    assert int(form_signer.unsign(fresh)) > int(timezone.now().timestamp()) - 5


def test_comment_without_javascript_redirects_back_with_a_notice(article):
    from portal.engagement.views import form_signer

    data = {
        "page": article.pk,
        "name": "B",
        "text": "Ý kiến gửi không cần JavaScript.",
        "token": form_signer.sign(str(int(timezone.now().timestamp()) - 60)),
    }
    response = visitor().post(reverse("engagement:comment"), data)
    assert response.status_code == 303
    html = visitor().get(response["Location"]).content.decode()
    assert "Ý kiến sẽ hiển thị sau khi được ban biên tập duyệt" in html


def test_moderators_approve_and_reply_editors_cannot(client, article, users):
    comment(visitor(), article)
    saved = Comment.objects.get()
    edit = reverse("wagtailsnippets_engagement_comment:edit", args=[saved.pk])
    client.force_login(users.editor)
    assert client.get(edit).status_code == 403
    client.force_login(users.moderator)
    response = client.post(edit, {"status": CommentStatus.APPROVED, "reply": "Cảm ơn bạn."})
    assert response.status_code == 302
    saved.refresh_from_db()
    assert saved.status == CommentStatus.APPROVED and saved.reply == "Cảm ơn bạn."
    assert saved.name == "Nguyễn Văn A"  # read-only fields keep the reader's words


# Staff report and "Tin đọc nhiều"


def test_report_for_the_reform_office_with_csv(client, article, users):
    for address in ("203.0.113.1", "203.0.113.2"):
        hit(visitor(address), article)
    rate(visitor(), article, 5)
    client.force_login(users.reform)
    html = client.get(reverse("engagement_report")).content.decode()
    assert "Tin có bình luận" in html and "Tin tức" in html
    response = client.get(reverse("engagement_report"), {"xuat": "trang"})
    rows = response.content.decode("utf-8-sig").splitlines()
    assert rows[1].startswith("Tin có bình luận,") and rows[1].endswith(",2,5.0,1")
    daily = client.get(reverse("engagement_report"), {"xuat": "ngay-trang"}).content.decode("utf-8-sig").splitlines()
    assert daily[1].endswith(f",Tin có bình luận,{article.url},2")
    assert client.get(reverse("engagement_report"), {"start": "31/12/2026", "end": "01/01/2026"}).status_code == 400
    client.force_login(users.editor)
    assert client.get(reverse("engagement_report")).status_code == 403


def test_most_read_news_on_home_and_sections(client, tree, article):
    other = factories.NewsPageFactory(parent=tree.category, title="Tin ít người đọc")
    for n in range(3):
        hit(visitor(f"203.0.113.{n + 10}"), article)
    hit(visitor(), other)
    for url in ("/", tree.category.url):
        html = client.get(url).content.decode()
        section = html.split("Tin đọc nhiều")[1]
        assert section.index("Tin có bình luận") < section.index("Tin ít người đọc")
        assert "3 lượt xem" in section


def test_widgets_can_be_switched_off(client, settings, article):
    settings.ENGAGEMENT_WIDGETS = False
    html = client.get(article.url).content.decode()
    assert "Thống kê truy cập" not in html and "engagement.js" not in html and 'id="danh-gia"' not in html


# Redis and the database under load


@pytest.fixture
def redis_store(settings):
    import redis

    url = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
    client = redis.Redis.from_url(url)
    try:
        client.ping()
    except redis.RedisError:
        if os.environ.get("CI") == "true":
            pytest.fail(f"Redis is unreachable at {url}; CI must run the Redis tests.")
        pytest.skip(f"needs Redis at {url} (set TEST_REDIS_URL; CI runs it)")
    client.flushdb()
    settings.REDIS_URL = url
    counters._client = None
    counters.breaker.reset()
    yield counters.RedisStore(client)
    client.flushdb()
    counters._client = None


def test_with_redis_hits_wait_in_redis_until_the_flush(article, redis_store):
    for n in range(5):
        hit(visitor(f"203.0.113.{n}"), article)
    assert views(article) == 0
    data = visitor().get(reverse("engagement:figures"), {"p": article.pk}).json()
    assert data["page"]["views"] == 1005
    assert redis_store.flush() == 3  # the page, the day's views and the day's visits
    assert views(article) == 5 and VisitDay.objects.get().visits == 5
    assert redis_store.flush() == 0
    assert views(article) == 5


def test_a_flush_killed_half_way_and_run_again_neither_loses_nor_doubles(tree, redis_store, monkeypatch):
    pages = [factories.NewsPageFactory(parent=tree.category) for _ in range(4)]
    for page in pages:
        for n in range(3):
            hit(visitor(f"203.0.113.{n}"), page)
    written = []

    def dying_increment(*args, **kwargs):
        if len(written) == 2:  # the process is killed after two rows of the batch
            raise RuntimeError("killed")
        written.append(args)
        return increment(*args, **kwargs)

    monkeypatch.setattr(counters, "increment", dying_increment)
    with pytest.raises(RuntimeError):
        redis_store.flush()
    monkeypatch.undo()
    assert not PageViewDay.objects.exists()
    for page in pages:
        hit(visitor("198.51.100.50"), page)
    redis_store.flush()
    assert [views(page) for page in pages] == [4, 4, 4, 4]


@pytest.mark.parametrize(("aof", "warned"), [(0, True), (1, False)])
def test_flush_counters_warns_when_redis_would_lose_hits_on_a_restart(article, redis_store, monkeypatch, aof, warned):
    import io

    from django.core.management import call_command

    monkeypatch.setattr(counters.RedisStore, "durable", lambda store: bool(aof))
    hit(visitor(), article)
    out, err = io.StringIO(), io.StringIO()
    call_command("flush_counters", stdout=out, stderr=err)
    assert ("appendonly" in err.getvalue()) is warned
    assert "Đã ghi 3 bộ đếm" in out.getvalue() and views(article) == 1


def test_a_flush_that_dies_after_writing_does_not_write_twice(article, redis_store, monkeypatch):
    for n in range(7):
        hit(visitor(f"203.0.113.{n}"), article)
    original = redis_store.client.pipeline
    calls = {"n": 0}

    def dying_pipeline(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 2:  # the clean-up after the database commit
            raise ConnectionError("killed")
        return original(*args, **kwargs)

    monkeypatch.setattr(redis_store.client, "pipeline", dying_pipeline)
    with pytest.raises(ConnectionError):
        redis_store.flush()
    monkeypatch.setattr(redis_store.client, "pipeline", original)
    redis_store.flush()
    assert views(article) == 7


@pytest.fixture
def redis_round_trips(redis_store, settings, monkeypatch):
    """Commands sent to Redis, one entry per round trip (a pipeline or a script is one), with Django's
    cache on Redis too, as in production."""
    from redis.connection import AbstractConnection

    from portal.settings.base import redis_caches

    settings.CACHES = redis_caches(settings.REDIS_URL)
    sent = []
    original = AbstractConnection.send_packed_command

    def counting(connection, command, *args, **kwargs):
        sent.append(command)
        return original(connection, command, *args, **kwargs)

    monkeypatch.setattr(AbstractConnection, "send_packed_command", counting)
    return sent


def test_with_redis_a_hit_costs_one_round_trip_and_no_query(article, redis_store, redis_round_trips, django_assert_num_queries):
    hit(visitor(), article)  # this process learns that the page exists
    redis_round_trips.clear()
    with django_assert_num_queries(0):
        statuses = [hit(visitor(f"203.0.113.{n}"), article).status_code for n in range(4)]
        statuses.append(hit(visitor(), article, HTTP_USER_AGENT="Googlebot/2.1").status_code)
    assert statuses == [204] * 5
    assert len(redis_round_trips) == 5
    redis_store.flush()
    assert views(article) == 5
    assert VisitDay.objects.get().visits == 5


def test_with_redis_limits_still_refuse_in_one_round_trip(article, redis_store, redis_round_trips, still_clock):
    reader = visitor()
    statuses = [hit(reader, article).status_code for _ in range(122)]
    assert statuses.count(204) == 120 and statuses[-1] == 429
    redis_round_trips.clear()
    response = hit(reader, article, HTTP_ACCEPT="application/json")
    assert response.status_code == 429 and "Quá nhiều lượt xem" in response.json()["error"]
    assert len(redis_round_trips) == 1
    redis_store.flush()
    assert views(article) == 120


def test_a_page_unpublished_by_another_process_stops_counting_at_once(article, redis_store):
    from wagtail.models import Page

    assert hit(visitor(), article).status_code == 204
    Page.objects.filter(pk=article.pk).update(live=False)  # another process: no signal here
    redis_store.client.incr(counters.PAGES_GENERATION)  # what that process announces
    hit(visitor(), article)  # brings the news
    assert hit(visitor(), article).status_code == 404


def test_when_redis_is_down_hits_go_to_the_database(article, settings):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"
    counters._client = None
    counters.breaker.reset()
    try:
        assert hit(visitor(), article).status_code == 204
        assert visitor().get(article.url).status_code == 200
    finally:
        counters._client = None
        counters.breaker.reset()
    assert views(article) == 1


def _hammer(page, total=1000, clients=20):
    """`clients` threads, each its own visitor and connection, sending `total` hits between them."""
    errors = []

    def run(number):
        reader = visitor(f"10.0.{number}.1")
        try:
            for _ in range(total // clients):
                if hit(reader, page).status_code != 204:
                    errors.append(number)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_1000_parallel_hits_give_exactly_1000_in_postgresql(tree):
    page = factories.NewsPageFactory(parent=tree.category)
    assert _hammer(page) == []
    assert views(page) == 1000
    assert VisitDay.objects.get().views == 1000


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_1000_parallel_hits_through_redis_give_exactly_1000_after_the_flush(tree, redis_store):
    page = factories.NewsPageFactory(parent=tree.category)
    assert _hammer(page) == []
    redis_store.flush()
    assert views(page) == 1000
    assert VisitDay.objects.get().views == 1000


def test_comment_statuses_move_to_english_values_and_back(article):
    import importlib

    from django.apps import apps

    migration = importlib.import_module("portal.engagement.migrations.0004_comment_status_in_english")
    for status in ("cho_duyet", "da_duyet", "tu_choi"):
        Comment.objects.create(page=article, name="A", text="Ý kiến", status=status, daily_visitor_id="x")
    forward, backward = migration.Migration.operations[1].code, migration.Migration.operations[1].reverse_code
    forward(apps, None)
    assert sorted(Comment.objects.values_list("status", flat=True)) == ["approved", "pending", "rejected"]
    backward(apps, None)
    assert sorted(Comment.objects.values_list("status", flat=True)) == ["cho_duyet", "da_duyet", "tu_choi"]
