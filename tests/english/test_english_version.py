import datetime
import json
import re

import pytest
from django.template import Context, Template
from django.test import override_settings
from django.utils import translation
from wagtail.models import Locale

from portal.models import SiteSettings
from procedures.models import AgencyChange, ContactPage, Official, OrganisationChartPage, ProcedurePage
from procedures.organisation import merge_agency
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def english(tree):
    """The English home, and the introduction page translated and published in English."""
    locale, _ = Locale.objects.get_or_create(language_code="en")
    intro = factories.StandardPageFactory(parent=tree.home, title="Giới thiệu", slug="gioi-thieu", show_in_menus=True)
    home_en = tree.home.copy_for_translation(locale)
    home_en.title = "Home"
    home_en.save_revision().publish()
    intro_en = intro.copy_for_translation(locale)
    intro_en.title = "Introduction"
    intro_en.intro = "The provincial administrative reform portal."
    intro_en.save_revision().publish()
    return locale, intro, intro_en, home_en


def alternates(html):
    return dict(re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)">', html))


def test_a_page_translated_into_english_is_served_at_en_with_hreflang_both_ways(client, english):
    response = client.get("/en/gioi-thieu/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="en">' in html and "<h1>Introduction</h1>" in html
    assert alternates(html) == {
        "vi": "http://localhost/gioi-thieu/",
        "en": "http://localhost/en/gioi-thieu/",
        "x-default": "http://localhost/gioi-thieu/",
    }
    vietnamese = client.get("/gioi-thieu/").content.decode()
    assert '<html lang="vi">' in vietnamese and "<h1>Giới thiệu</h1>" in vietnamese
    assert alternates(vietnamese)["en"] == "http://localhost/en/gioi-thieu/"
    # the switcher leads to the same page in the other language
    assert '<a href="/en/gioi-thieu/" hreflang="en" lang="en">English</a>' in vietnamese
    assert '<a href="/gioi-thieu/" hreflang="vi" lang="vi">Tiếng Việt</a>' in html


def test_the_sitemap_lists_english_pages_with_their_translations(client, english):
    xml = client.get("/sitemap.xml").content.decode()
    locations = re.findall(r"<loc>([^<]+)</loc>", xml)
    assert "http://localhost/en/gioi-thieu/" in locations and "http://localhost/gioi-thieu/" in locations
    assert "http://localhost/tin-tuc/" in locations and "http://localhost/en/tin-tuc/" not in locations
    entry = xml.split("<loc>http://localhost/gioi-thieu/</loc>", 1)[1].split("</url>", 1)[0]
    assert 'hreflang="en" href="http://localhost/en/gioi-thieu/"' in entry
    assert 'hreflang="vi" href="http://localhost/gioi-thieu/"' in entry


def test_the_english_interface_is_english_and_untranslated_pages_stay_out_of_its_menu(client, english):
    html = client.get("/en/").content.decode()
    menu = html.split('<nav class="main-nav"', 1)[1].split("</nav>", 1)[0]
    assert ">Introduction</a>" in menu
    assert "Tin tức" not in menu and "Thủ tục hành chính" not in menu
    assert ">Home</a>" in menu and 'href="/en/"' in menu
    assert "Skip to main content" in html and 'action="/en/tim-kiem/"' in html
    vietnamese_menu = client.get("/").content.decode().split('<nav class="main-nav"', 1)[1].split("</nav>", 1)[0]
    assert ">Giới thiệu</a>" in vietnamese_menu and ">Tin tức</a>" in vietnamese_menu


def test_an_untranslated_page_has_no_english_address_and_no_hreflang(client, english, tree):
    assert client.get("/en/tin-tuc/").status_code == 404
    html = client.get("/tin-tuc/").content.decode()
    assert alternates(html) == {}
    assert '<a href="/en/" hreflang="en" lang="en">English</a>' in html


def test_the_browser_language_never_switches_vietnamese_pages(client, english):
    response = client.get("/gioi-thieu/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert '<html lang="vi">' in response.content.decode()
    assert "Accept-Language" not in response.get("Vary", "")
    assert response["Content-Language"] == "vi"
    assert client.get("/en/gioi-thieu/", HTTP_ACCEPT_LANGUAGE="vi")["Content-Language"] == "en"


@override_settings(PAGE_CACHE_SECONDS=600)
def test_the_page_cache_keeps_each_language_apart(client, english):
    assert "<h1>Giới thiệu</h1>" in client.get("/gioi-thieu/").content.decode()
    assert "<h1>Introduction</h1>" in client.get("/en/gioi-thieu/").content.decode()
    assert "<h1>Giới thiệu</h1>" in client.get("/gioi-thieu/").content.decode()
    assert "<h1>Introduction</h1>" in client.get("/en/gioi-thieu/").content.decode()


def test_english_pages_use_english_dates_and_numbers():
    with translation.override("en"):
        assert (
            Template("{% load portal_tags %}{{ n|vn_number }} {{ d|date:'SHORT_DATE_FORMAT' }}").render(
                Context({"n": 40_528_527, "d": datetime.date(2025, 7, 1)})
            )
            == "40,528,527 1 Jul 2025"
        )
    with translation.override("vi"):
        assert (
            Template("{% load portal_tags %}{{ n|vn_number }} {{ d|date:'SHORT_DATE_FORMAT' }}").render(
                Context({"n": 40_528_527, "d": datetime.date(2025, 7, 1)})
            )
            == "40.528.527 01/07/2025"
        )


def test_links_to_other_portals_are_listed_in_the_footer_in_each_language(client, english):
    settings = SiteSettings.objects.get()
    settings.other_portals = [
        (
            "portal",
            {
                "name": "Cổng Dịch vụ công quốc gia",
                "name_en": "National Public Service Portal",
                "url": "https://dichvucong.gov.vn",
            },
        )
    ]
    settings.save()
    footer = client.get("/").content.decode().split('<footer class="site-footer"', 1)[1]
    assert '<a href="https://dichvucong.gov.vn" rel="noopener">Cổng Dịch vụ công quốc gia</a>' in footer
    english_footer = client.get("/en/").content.decode().split('<footer class="site-footer"', 1)[1]
    assert '<a href="https://dichvucong.gov.vn" rel="noopener">National Public Service Portal</a>' in english_footer


def test_merging_an_agency_keeps_its_old_addresses_working(client, tree):
    procedure = factories.ProcedurePageFactory(parent=tree.justice, title="Cấp phiếu lý lịch tư pháp", slug="cap-phieu-ly-lich")
    assert client.get("/thu-tuc-hanh-chinh/so-tu-phap/cap-phieu-ly-lich/").status_code == 200
    change = merge_agency(tree.justice, tree.construction, datetime.date(2025, 7, 1), decision="12/QĐ-UBND")

    response = client.get("/thu-tuc-hanh-chinh/so-tu-phap/")
    assert response.status_code == 301 and response["Location"].endswith("/thu-tuc-hanh-chinh/so-xay-dung/")
    response = client.get("/thu-tuc-hanh-chinh/so-tu-phap/cap-phieu-ly-lich/")
    assert response.status_code == 301
    assert response["Location"].endswith("/thu-tuc-hanh-chinh/so-xay-dung/cap-phieu-ly-lich/")
    assert ProcedurePage.objects.get(pk=procedure.pk).get_parent().pk == tree.construction.pk
    assert client.get(response["Location"]).status_code == 200
    assert change.kind == AgencyChange.Kind.MERGED and change.old_name == "Sở Tư pháp"
    history = client.get("/thu-tuc-hanh-chinh/so-xay-dung/").content.decode()
    assert "Sở Tư pháp – hợp nhất vào cơ quan khác (Sở Xây dựng), 12/QĐ-UBND" in history
    assert "01/07/2025" in history


def test_an_agency_cannot_be_merged_into_itself(tree):
    with pytest.raises(ValueError):
        merge_agency(tree.justice, tree.justice, datetime.date(2025, 7, 1))
    assert not AgencyChange.objects.exists()


def structured(html):
    return [json.loads(block) for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)]


def _officials(agency):
    agency.address = "Số 1 đường Trần Hưng Đạo, phường Trung tâm"
    agency.phone = "0200 3852 100"
    agency.email = "stp@example.gov.vn"
    agency.opening_hours = "Thứ Hai – Thứ Sáu, 7:30–11:30, 13:30–17:00"
    agency.opening_hours_en = "Monday – Friday, 7:30–11:30, 13:30–17:00"
    agency.name_en = "Department of Justice"
    agency.officials.add(
        Official(name="Nguyễn Văn An", job_title="Giám đốc", job_title_en="Director", leader=True, phone="0200 3852 101"),
        Official(
            name="Trần Thị Bình",
            job_title="Chuyên viên",
            job_title_en="Officer",
            email="binh@example.gov.vn",
            handles="Hộ tịch, lý lịch tư pháp",
            handles_en="Civil status, criminal records",
        ),
    )
    agency.departments.create(name="Phòng Hành chính tư pháp", name_en="Administrative Justice Division")
    agency.save_revision().publish()


def assert_government_organisation(data, name):
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "GovernmentOrganization"
    assert data["name"] == name and data["url"].startswith("http://localhost/")
    assert data["address"]["@type"] == "PostalAddress" and data["address"]["streetAddress"]
    assert data["telephone"] and data["email"]
    people = data["member"]
    assert all(person["@type"] == "Person" and person["name"] and person["jobTitle"] for person in people)
    return people


def test_agency_page_lists_named_officials_with_json_ld(client, tree):
    _officials(tree.justice)
    html = client.get(tree.justice.url).content.decode()
    assert "Nguyễn Văn An" in html and "Hộ tịch, lý lịch tư pháp" in html and "Phòng Hành chính tư pháp" in html
    (data,) = structured(html)
    people = assert_government_organisation(data, "Sở Tư pháp")
    assert [p["name"] for p in people] == ["Nguyễn Văn An", "Trần Thị Bình"]
    assert data["department"] == [{"@type": "GovernmentOrganization", "name": "Phòng Hành chính tư pháp"}]


def test_organisation_chart_and_contacts_in_both_languages(client, english, tree):
    locale, *_ = english
    _officials(tree.justice)
    chart = factories.PageFactory._create(OrganisationChartPage, tree.home, title="Sơ đồ tổ chức", slug="so-do-to-chuc")
    contacts = factories.PageFactory._create(ContactPage, tree.home, title="Liên hệ", slug="lien-he")
    for page, title in ((chart, "Organisation chart"), (contacts, "Contacts")):
        translated = page.copy_for_translation(locale)
        translated.title = title
        translated.save_revision().publish()

    html = client.get("/so-do-to-chuc/").content.decode()
    tree_html = html.split('<ul class="org-tree">', 1)[1]
    assert "<h2>Sở, ban, ngành</h2>" in tree_html
    assert "<strong>Nguyễn Văn An</strong>, Giám đốc" in tree_html
    assert "Trần Thị Bình" not in tree_html  # not a leader: on the contact page, not on the chart
    assert "<li>Phòng Hành chính tư pháp</li>" in tree_html
    english_chart = client.get("/en/so-do-to-chuc/").content.decode()
    assert "<strong>Nguyễn Văn An</strong>, Director" in english_chart and ">Department of Justice</a>" in english_chart
    assert "<li>Administrative Justice Division</li>" in english_chart

    english_contacts = client.get("/en/lien-he/").content.decode()
    assert "Civil status, criminal records" in english_contacts and "Monday – Friday" in english_contacts
    blocks = {item["alternateName"]: item for item in structured(english_contacts)}
    people = assert_government_organisation(blocks["STP"], "Department of Justice")
    assert {"name": "Nguyễn Văn An", "jobTitle": "Director"}.items() <= people[0].items()


def test_search_on_english_pages_finds_english_pages(client, english, tree):
    html = client.get("/en/tim-kiem/", {"q": "provincial reform portal"}).content.decode()
    results = html.split('<ol class="search-results">', 1)[1].split("</ol>", 1)[0]
    assert '<a href="/en/gioi-thieu/">Introduction</a>' in results
    assert "Giới thiệu" not in results
    vietnamese = client.get("/tim-kiem/", {"q": "Introduction"}).content.decode()
    assert "/en/gioi-thieu/" not in vietnamese


def test_publishing_vietnamese_pages_keeps_the_translation_map_and_moves_refresh_it(client, english, tree):
    from portal import translations

    client.get("/gioi-thieu/")
    assert translations.translation_map()
    factories.NewsPageFactory(parent=tree.category)
    assert translations.CACHE_KEY in translations.cache  # an untranslated page leaves the map alone
    _, intro, _, _ = english
    intro.title = "Giới thiệu chung"
    intro.save_revision().publish()
    assert translations.CACHE_KEY not in translations.cache
    client.get("/")
    intro.move(tree.news, pos="last-child")
    html = client.get("/en/gioi-thieu/").content.decode()
    assert alternates(html)["vi"] == "http://localhost/tin-tuc/gioi-thieu/"


def test_the_reorganisation_command_renames_merges_and_refuses_bad_input(client, tree, django_capture_on_commit_callbacks):
    from django.core.management import CommandError, call_command

    with pytest.raises(CommandError, match="Không có cơ quan"):
        call_command("reorganise_agency", "merge", "XYZ", "SXD", date="01/07/2025")
    with pytest.raises(CommandError, match="dd/mm/yyyy"):
        call_command("reorganise_agency", "retire", "STP", date="2025-07-01")
    with pytest.raises(CommandError, match="chính nó"):
        call_command("reorganise_agency", "merge", "STP", "STP", date="01/07/2025")
    assert not AgencyChange.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):  # Wagtail keeps the old address after the commit
        call_command(
            "reorganise_agency",
            "rename",
            "SXD",
            "Sở Xây dựng và Giao thông",
            date="01/03/2025",
            slug="so-xay-dung-giao-thong",
            stdout=None,
        )
    response = client.get("/thu-tuc-hanh-chinh/so-xay-dung/")
    assert response.status_code == 301 and response["Location"].endswith("/thu-tuc-hanh-chinh/so-xay-dung-giao-thong/")
    html = client.get(response["Location"]).content.decode()
    assert "Sở Xây dựng – đổi tên (Sở Xây dựng và Giao thông)" in html


def test_without_an_english_home_nothing_is_served_under_en(client, tree):
    Locale.objects.get_or_create(language_code="en")
    assert client.get("/tin-tuc/").status_code == 200
    assert client.get("/en/").status_code == 404
    assert client.get("/en/tin-tuc/").status_code == 404


def test_the_admin_previews_an_english_page_in_english(client, english, users):
    from django.urls import reverse

    _, _, intro_en, _ = english
    client.force_login(users.admin)
    response = client.get(reverse("wagtailadmin_pages:view_draft", args=[intro_en.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="en">' in html and "Skip to main content" in html
