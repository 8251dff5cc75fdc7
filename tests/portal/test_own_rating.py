"""A visitor sees their own rating after a reload, while the page itself stays the same cached HTML for everyone:
the figures answer carries "yours" for a visitor with the voter cookie, privately (Vary: Cookie), and is
unchanged (public, shared) for everyone else."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36"


def visitor(address="203.0.113.7"):
    return Client(REMOTE_ADDR=address, HTTP_USER_AGENT=BROWSER, HTTP_ORIGIN="http://testserver")


def figures(client, page):
    return client.get(reverse("engagement:figures"), {"p": page.pk})


def rate(client, page, stars, json=True):
    headers = {"HTTP_ACCEPT": "application/json"} if json else {}
    return client.post(reverse("engagement:rate"), {"page": page.pk, "stars": stars}, **headers)


@pytest.fixture
def article(tree):
    return factories.NewsPageFactory(parent=tree.category, title="Tin được đánh giá")


def test_voter_gets_their_own_stars_back_privately(article):
    reader = visitor()
    before = figures(reader, article)
    assert "yours" not in before.json()["page"]
    assert before["Cache-Control"] == "public, max-age=10" and "Cookie" in before["Vary"]

    rate(reader, article, 3)
    after = figures(reader, article)
    assert after.json()["page"]["yours"] == 3
    assert after.json()["page"]["rating"]["count"] == 1
    assert after["Cache-Control"] == "private, max-age=10" and "Cookie" in after["Vary"]

    rate(reader, article, 5)
    assert figures(reader, article).json()["page"]["yours"] == 5, "a changed vote shows at once"

    stranger = figures(visitor("198.51.100.9"), article)
    assert "yours" not in stranger.json()["page"] and stranger["Cache-Control"].startswith("public")
    assert stranger.json()["page"]["rating"]["count"] == 1


def test_a_vote_on_another_page_or_without_javascript(tree, article):
    other = factories.NewsPageFactory(parent=tree.category, title="Tin khác")
    reader = visitor()
    assert rate(reader, other, 4, json=False).status_code == 303, "the plain form sets the voter cookie too"
    assert figures(reader, other).json()["page"]["yours"] == 4
    answer = figures(reader, article)
    assert answer.json()["page"]["yours"] is None and answer["Cache-Control"].startswith("private")


def test_the_page_html_is_the_same_for_voters_and_strangers(article):
    reader = visitor()
    rate(reader, article, 2)

    def html(client):  # the comment form's time stamp is the only part that changes from second to second
        return re.sub(r'name="token" value="[^"]*"', "", client.get(article.url).content.decode())

    assert html(reader) == html(visitor("198.51.100.9"))
