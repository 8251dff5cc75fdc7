"""One function decides a client's address, from the right of X-Forwarded-For past the trusted proxies,
and every throttle uses it: a client cannot choose its address by writing the header itself."""

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse

from portal.engagement.models import Rating
from portal.web.client import client_address
from tests import factories

BROWSER = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Mobile Safari/537.36"


def request(remote="127.0.0.1", forwarded=None):
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **headers)


@pytest.mark.parametrize(
    ("count", "remote", "forwarded", "expected"),
    [
        # No proxy: the header is the client's own words.
        (0, "203.0.113.7", "1.2.3.4", "203.0.113.7"),
        # One nginx: it appends the address it saw; what stands left of it the client wrote.
        (1, "127.0.0.1", "1.2.3.4, 203.0.113.7", "203.0.113.7"),
        (1, "127.0.0.1", "203.0.113.7", "203.0.113.7"),
        (1, "127.0.0.1", "evil, <script>, 203.0.113.7", "203.0.113.7"),
        (1, "127.0.0.1", None, "127.0.0.1"),
        # A load balancer, then nginx: skip both.
        (2, "127.0.0.1", "1.2.3.4, 203.0.113.7, 10.0.0.5", "203.0.113.7"),
        # Addresses are normalised, ports dropped.
        (1, "127.0.0.1", "2001:DB8::0:1", "2001:db8::1"),
        (1, "127.0.0.1", "1.2.3.4, [2001:db8::1]:443", "2001:db8::1"),
        (1, "127.0.0.1", "203.0.113.7:51234", "203.0.113.7"),
    ],
)
def test_the_client_address_is_taken_from_the_right_past_the_trusted_proxies(settings, count, remote, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT, settings.TRUSTED_PROXIES = count, []
    assert client_address(request(remote, forwarded)) == expected


@pytest.mark.parametrize(
    ("remote", "forwarded", "expected"),
    [
        ("127.0.0.1", "1.2.3.4, 203.0.113.7, 10.0.0.5", "203.0.113.7"),
        ("10.0.0.9", "1.2.3.4, 203.0.113.7", "203.0.113.7"),
        # A client talking to the app directly (not through a listed proxy) cannot pretend.
        ("198.51.100.66", "203.0.113.7", "198.51.100.66"),
        # Every hop a listed proxy: the leftmost is the best we know.
        ("127.0.0.1", "10.0.0.5", "10.0.0.5"),
    ],
)
def test_a_list_of_proxy_networks_skips_exactly_those(settings, remote, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT, settings.TRUSTED_PROXIES = 0, ["127.0.0.1/32", "10.0.0.0/8"]
    assert client_address(request(remote, forwarded)) == expected


@pytest.fixture
def behind_nginx(settings):
    """The documented setting for one nginx in front of gunicorn."""
    settings.TRUSTED_PROXY_COUNT, settings.TRUSTED_PROXIES = 1, []


def through_nginx(real, fake, agent=BROWSER, **extra):
    return {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": f"{fake}, {real}", "HTTP_USER_AGENT": agent, **extra}


@pytest.mark.django_db
def test_rotating_forwarded_for_entries_do_not_evade_the_login_throttle(behind_nginx, users):
    login = reverse("wagtailadmin_login")
    attacker = Client()
    statuses = [
        attacker.post(
            login, {"username": f"nguoi-{n % 7}", "password": f"sai-{n}"}, **through_nginx("198.51.100.66", f"10.9.{n}.1")
        ).status_code
        for n in range(60)
    ]
    assert statuses.count(200) <= 30 and statuses[-1] == 429
    users.editor.set_password("Mat-khau-dung-2026")
    users.editor.save()
    elsewhere = Client().post(
        login, {"username": "bientap", "password": "Mat-khau-dung-2026"}, **through_nginx("203.0.113.20", "x")
    )
    assert elsewhere.status_code == 302, "the editor still signs in from their own address"


@pytest.mark.django_db
def test_rotating_forwarded_for_entries_do_not_evade_rating_limits(behind_nginx, tree):
    article = factories.NewsPageFactory(parent=tree.category)
    rate = reverse("engagement:rate")
    for n, stars in enumerate((4, 5)):
        Client().post(
            rate,
            {"page": article.pk, "stars": stars},
            **through_nginx(f"203.0.113.{n + 1}", "x", HTTP_ORIGIN="http://testserver"),
        )
    for n in range(40):
        Client().post(
            rate,
            {"page": article.pk, "stars": 1},
            **through_nginx("198.51.100.66", f"10.9.{n}.1", agent=f"{BROWSER} v{n}", HTTP_ORIGIN="http://testserver"),
        )
    attacker_votes = Rating.objects.filter(page=article).count() - 2
    assert attacker_votes <= 5
