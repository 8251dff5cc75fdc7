import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from wagtail.models import Page, Site

from demo.site import DEMO_PASSWORD, DEMO_USERS
from news.models import DecisionPage, NewsIndexPage, NewsPage
from portal.models import HomePage, SiteSettings, StandardPage
from portal.text import SLUG_MAX_LENGTH, slugify
from procedures.models import AgencyPage, DossierDocument, ProcedureIndexPage, ProcedureLevel, ProcedurePage


def counts():
    return {model.__name__: model.objects.count() for model in (Page, NewsPage, DecisionPage, AgencyPage, StandardPage)}


@pytest.mark.django_db
def test_load_demo_builds_the_tree_and_is_idempotent(client):
    call_command("load_demo", stdout=None)
    first = counts()
    call_command("load_demo", stdout=None)
    assert counts() == first

    home = HomePage.objects.get(locale__language_code="vi")
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    assert first["NewsPage"] >= 30 and first["DecisionPage"] >= 20 and first["AgencyPage"] >= 12
    assert NewsIndexPage.objects.child_of(NewsIndexPage.objects.get(slug="tin-tuc")).count() >= 3
    assert ProcedureIndexPage.objects.child_of(home).exists()
    assert ProcedurePage.objects.live().count() >= 150
    assert ProcedurePage.objects.values("path").distinct().count() >= 150
    assert set(ProcedureLevel.objects.filter(procedures__isnull=False).values_list("code", flat=True)) == {"TINH", "XA"}
    complete = ProcedurePage.objects.filter(
        steps__isnull=False, channels__isnull=False, dossier__isnull=False, results__isnull=False, legal_bases__isnull=False
    ).distinct()
    assert complete.count() >= 40
    assert SiteSettings.objects.get().legacy_visit_count == 40_528_527

    for username, _name, _group, _superuser in DEMO_USERS:
        assert authenticate(username=username, password=DEMO_PASSWORD) is not None

    # addresses follow the one rule; forms of common procedures can be downloaded; links use BASE_URL
    assert DecisionPage.objects.get(number="91/QĐ-UBND").url == "/van-ban/91-qd-ubnd/"
    assert all(article.slug == slugify(article.title) for article in NewsPage.objects.all())
    assert all(page.slug.isascii() and len(page.slug) <= SLUG_MAX_LENGTH for page in Page.objects.filter(depth__gte=3))
    birth = ProcedurePage.objects.get(code="1.001193")
    assert birth.dossier.exclude(form_file=None).exists()
    assert "Tải mẫu" in client.get(birth.url).content.decode()
    assert DossierDocument.objects.exclude(form_file=None).values("page").distinct().count() >= 20
    assert Site.objects.get(is_default_site=True).root_url == "http://testserver"

    html = client.get("/").content.decode()
    assert "Cổng thông tin cải cách hành chính tỉnh" in html
    assert "Tin nổi bật" in html
    assert client.post("/admin/login/", {"username": "admin", "password": DEMO_PASSWORD}).status_code == 302
    assert client.get("/admin/").status_code == 200
