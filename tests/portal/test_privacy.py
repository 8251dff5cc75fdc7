"""A page made private (a password or a group restriction, on it or on an ancestor) disappears at once
for anonymous visitors: from the page cache, the listings, the home page, RSS, the sitemap, site search,
the finder and autocomplete; and comes back at once when the restriction is removed."""

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import PageViewRestriction

from portal.roles import EDITORS, role_group
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    from portal.web.page_cache import purge

    settings.PAGE_CACHE_SECONDS = 600
    purge()


@pytest.fixture
def pages(tree, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        article = factories.NewsPageFactory(
            parent=tree.category, title="Kế hoạch kiểm tra nội bộ", summary="Chỉ dành cho cán bộ.", featured=True
        )
        procedure = factories.ProcedurePageFactory(parent=tree.justice, title="Thủ tục thí điểm nội bộ", code="9.999001")
    return article, procedure


def everywhere(tree):
    """What anonymous visitors can reach that could show a page (search results without highlights)."""
    visitor = Client()
    pages = {
        "home": "/",
        "listing": tree.category.url,
        "section": tree.news.url,
        "rss": f"{tree.category.url}rss/",
        "section rss": f"{tree.news.url}rss/",
        "sitemap": "/sitemap.xml",
        "site search": reverse("search:site") + "?q=noi+bo",
        "finder": reverse("search:finder") + "?q=thi+diem+noi+bo",
    }
    found = {name: visitor.get(url).content.decode().replace("<mark>", "").replace("</mark>", "") for name, url in pages.items()}
    suggestions = visitor.get(reverse("search:autocomplete"), {"q": "thu tuc thi diem"}).json()["results"]
    found["autocomplete"] = " ".join(f"{hit['title']} {hit['url']}" for hit in suggestions)
    return found


def where(page, tree):
    return sorted(name for name, html in everywhere(tree).items() if page.title in html or page.url in html)


def restrict(page, capture, **kwargs):
    with capture(execute=True):
        return PageViewRestriction.objects.create(page=page, **kwargs)


def test_a_password_on_a_page_takes_it_out_of_the_cache_listings_feeds_and_search(
    tree, pages, django_capture_on_commit_callbacks
):
    article, procedure = pages
    visitor = Client()
    visitor.get(article.url)
    assert visitor.get(article.url)["X-Page-Cache"] == "hit"
    assert where(article, tree) == ["home", "listing", "rss", "section", "section rss", "site search", "sitemap"]
    assert where(procedure, tree) == ["autocomplete", "finder", "site search", "sitemap"]

    restrict(article, django_capture_on_commit_callbacks, restriction_type=PageViewRestriction.PASSWORD, password="bi-mat")
    restrict(procedure, django_capture_on_commit_callbacks, restriction_type=PageViewRestriction.PASSWORD, password="bi-mat")
    response = visitor.get(article.url)
    assert response.get("X-Page-Cache") != "hit"
    html = response.content.decode()
    assert "Nội dung cần mật khẩu" in html and "Chỉ dành cho cán bộ." not in html and "Kế hoạch kiểm tra" not in html
    assert where(article, tree) == []
    assert where(procedure, tree) == []


def test_a_group_restriction_on_an_ancestor_hides_everything_below_it(tree, pages, django_capture_on_commit_callbacks):
    article, _procedure = pages
    visitor = Client()
    visitor.get(article.url)
    visitor.get(tree.category.url)
    restriction = restrict(tree.category, django_capture_on_commit_callbacks, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([role_group(EDITORS)])
    response = visitor.get(article.url)
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert visitor.get(tree.category.url).status_code == 302
    assert where(article, tree) == []


def test_removing_or_changing_a_restriction_takes_effect_at_once(tree, pages, django_capture_on_commit_callbacks):
    article, _procedure = pages
    restriction = restrict(
        article, django_capture_on_commit_callbacks, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    visitor = Client()
    visitor.get("/")
    assert visitor.get("/")["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert visitor.get(article.url).status_code == 200 and "Chỉ dành cho cán bộ." in visitor.get(article.url).content.decode()
    assert where(article, tree) == ["home", "listing", "rss", "section", "section rss", "site search", "sitemap"]

    login = factories.StandardPageFactory(parent=tree.home, title="Trang công khai", slug="cong-khai")
    restriction = restrict(login, django_capture_on_commit_callbacks, restriction_type=PageViewRestriction.LOGIN)
    visitor.get(login.url)
    with django_capture_on_commit_callbacks(execute=True):
        restriction.restriction_type = PageViewRestriction.PASSWORD
        restriction.password = "mat-khau"
        restriction.save()
    assert "Nội dung cần mật khẩu" in visitor.get(login.url).content.decode()


def test_related_news_never_lists_a_private_article(tree, pages, django_capture_on_commit_callbacks):
    article, _procedure = pages
    from news.models.news import RelatedNews

    other = factories.NewsPageFactory(parent=tree.category, title="Tin công khai")
    other.related_links.add(RelatedNews(news=article))
    other.save_revision().publish()
    assert "Kế hoạch kiểm tra nội bộ" in Client().get(other.url).content.decode()
    restrict(article, django_capture_on_commit_callbacks, restriction_type=PageViewRestriction.PASSWORD, password="x")
    assert "Kế hoạch kiểm tra nội bộ" not in Client().get(other.url).content.decode()


def test_the_password_form_is_vietnamese_and_says_when_the_password_is_wrong(tree, pages, django_capture_on_commit_callbacks):
    article, _procedure = pages
    restrict(article, django_capture_on_commit_callbacks, restriction_type=PageViewRestriction.PASSWORD, password="dung")
    visitor = Client()
    html = visitor.get(article.url).content.decode()
    assert 'lang="vi"' in html and "Mật khẩu" in html and "Xem nội dung" in html
    assert "Password" not in html and "Continue" not in html
    action = html.split('action="')[1].split('"')[0]
    wrong = visitor.post(action, {"password": "sai", "return_url": article.url}).content.decode()
    assert "Mật khẩu không đúng" in wrong
    right = visitor.post(action, {"password": "dung", "return_url": article.url})
    assert right.status_code == 302
    assert "Chỉ dành cho cán bộ." in visitor.get(article.url).content.decode()
