"""Page addresses: one rule (portal.text.slugify) however a page is made, older addresses repaired with a 301,
and absolute links (sitemap, share links) on the site's configured address, never http://localhost/."""

import importlib
import json

import pytest
from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.test import override_settings
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from news.models import NewsPage
from portal.models import StandardPage
from portal.sites import sync_after_migrate, sync_default_site
from portal.text import SLUG_MAX_LENGTH, repaired_slug, slugify
from procedures.models import AgencyPage, ProcedurePage
from tests import factories
from tests.procedures.conftest import national

fold_slugs = importlib.import_module("portal.migrations.0007_fold_page_slugs").fold_slugs

LONG_NAME = (
    "Cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất lần đầu cho hộ gia đình, cá nhân"
)


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("91/QĐ-UBND", "91-qd-ubnd"),
        ("Không bàn lùi, chỉ bàn làm cho hiệu quả", "khong-ban-lui-chi-ban-lam-cho-hieu-qua"),
        ("ĐĂNG KÝ KHAI SINH", "dang-ky-khai-sinh"),
        ("Đăng ký khai sinh", "dang-ky-khai-sinh"),  # typed decomposed (NFD), as some Vietnamese keyboards do
        ("“Một cửa” – phi địa giới!", "mot-cua-phi-dia-gioi"),
        ("1.001193 Đăng ký khai sinh", "1001193-dang-ky-khai-sinh"),
        ("Tỷ lệ 98,5% hồ sơ", "ty-le-985-ho-so"),
        ("Café Straße", "cafe-strasse"),
        ("   ", ""),
    ],
)
def test_slugify_folds_vietnamese_and_keeps_words(text, slug):
    assert slugify(text) == slug


def test_slugify_cuts_long_titles_between_words():
    slug = slugify(LONG_NAME)
    assert len(slug) <= SLUG_MAX_LENGTH
    assert slug == "cap-giay-chung-nhan-quyen-su-dung-dat-quyen-so-huu-nha-o-va-tai-san-khac-gan"
    assert set(slug.split("-")) <= set(slugify(LONG_NAME.replace(",", "")).split("-")) | set(slugify(LONG_NAME[:200]).split("-"))
    assert slugify("x" * 200) == "x" * SLUG_MAX_LENGTH


@pytest.mark.parametrize(
    ("slug", "title", "parent", "repaired"),
    [
        ("91-q-ubnd", "91/QĐ-UBND Phê duyệt kết quả", "van-ban", "91-qd-ubnd"),
        ("15-2025-nq-hnd", "15/2025/NQ-HĐND Quy định mức thu", "van-ban", "15-2025-nq-hdnd"),
        ("ang-ky-khai-sinh", "Đăng ký khai sinh", "so-tu-phap", "dang-ky-khai-sinh"),
        ("không-bàn-lùi", "Không bàn lùi", "tin-kinh-te", "khong-ban-lui"),
        ("kh%C3%B4ng-b%C3%A0n-l%C3%B9i", "Không bàn lùi", "tin-kinh-te", "khong-ban-lui"),
        ("thong-tin-cai-cach-h-9", "Hồ sơ một cửa số", "thong-tin-cai-cach-hanh-chinh", "ho-so-mot-cua-so"),
        ("1900016-dang-ky-khai-sinh-co-yeu-to-nuoc-ng", "Đăng ký khai sinh có yếu tố nước ngoài", "stp", None),
        # addresses that were fine stay as they are
        ("gioi-thieu", "Giới thiệu chung", "trang-chu", "gioi-thieu"),
        ("1001193-dang-ky-khai-sinh", "Đăng ký khai sinh", "so-tu-phap", "1001193-dang-ky-khai-sinh"),
        ("bao-cao-quy-2", "Báo cáo quý 2", "van-ban", "bao-cao-quy-2"),
        ("tin-tuc", "Tin tức", "trang-chu", "tin-tuc"),
    ],
)
def test_older_addresses_are_repaired(slug, title, parent, repaired):
    expected = repaired or "1900016-dang-ky-khai-sinh-co-yeu-to-nuoc"
    assert repaired_slug(slug, title, parent) == expected


@pytest.mark.django_db
def test_pages_made_in_code_without_a_slug_follow_the_rule(tree):
    first = factories.NewsPageFactory(parent=tree.category, title="Quyết định 91/QĐ-UBND về đường bộ", slug="")
    second = factories.NewsPageFactory(parent=tree.category, title="Quyết định 91/QĐ-UBND về đường bộ", slug="")
    assert first.slug == "quyet-dinh-91-qd-ubnd-ve-duong-bo"
    assert second.slug == "quyet-dinh-91-qd-ubnd-ve-duong-bo-2"
    assert first.url == "/tin-tuc/cchc/quyet-dinh-91-qd-ubnd-ve-duong-bo/"


@pytest.mark.django_db
def test_admin_folds_the_address_an_editor_types(client, tree):
    """The editor's browser folds the title as it is typed (tests/browser/test_phone.py); whatever reaches the
    server, typed by hand or sent without JavaScript, is folded by the same rule."""
    admin = factories.UserFactory(username="quantri2", is_superuser=True, is_staff=True)
    client.force_login(admin)

    def create(title, slug):
        data = nested_form_data(
            {
                "title": title,
                "slug": slug,
                "intro": "",
                "body": streamfield([]),
                "sidebar": streamfield([]),
                "comments": inline_formset([]),
                "action-publish": "publish",
            }
        )
        response = client.post(f"/admin/pages/add/portal/standardpage/{tree.home.pk}/", data)
        assert response.status_code == 302, response.context["form"].errors.as_data()
        return StandardPage.objects.get(title=title)

    assert create("Thông tin cải cách hành chính", "Thông-Tin CẢI CÁCH").slug == "thong-tin-cai-cach"
    assert create("Đường dây nóng", "đường dây nóng 1022 ").slug == "duong-day-nong-1022"
    assert client.get("/duong-day-nong-1022/").status_code == 200


@pytest.mark.django_db
def test_import_legacy_gives_folded_addresses(tree, tmp_path, client):
    row = {
        "old_url": "/tin-tuc/tin-kinh-te/khong-ban-lui.html",
        "category": "Thông tin cải cách hành chính",
        "title": "Không bàn lùi, chỉ bàn làm cho hiệu quả",
        "published": "02/01/2025 08:00",
    }
    path = tmp_path / "legacy.jsonl"
    path.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    call_command("import_legacy", str(path), stdout=None)
    article = NewsPage.objects.get(legacy_url=row["old_url"])
    assert article.url == "/tin-tuc/cchc/khong-ban-lui-chi-ban-lam-cho-hieu-qua/"
    assert client.get(article.url).status_code == 200


@pytest.mark.django_db
def test_import_procedures_keeps_whole_words(tree, tmp_path):
    path = tmp_path / "tthc.json"
    path.write_text(json.dumps([national("2.000456", TENTTHC=LONG_NAME)], ensure_ascii=False), encoding="utf-8")
    call_command("import_procedures", str(path), stdout=None)
    page = ProcedurePage.objects.get(code="2.000456")
    assert page.slug == slugify(f"2.000456-{LONG_NAME}")
    assert len(page.slug) <= SLUG_MAX_LENGTH and page.slug.endswith("-tai-san-khac")
    agency = AgencyPage.objects.get(short_name="UBND-XA")
    assert agency.slug == "ubnd-cap-xa"


@pytest.mark.django_db
def test_migration_repairs_old_addresses_with_permanent_redirects(tree, client):
    decision = factories.DecisionPageFactory(parent=tree.documents, number="91/QĐ-UBND", title="91/QĐ-UBND Phê duyệt")
    article = factories.NewsPageFactory(parent=tree.category, title="Không bàn lùi", slug="khong-ban-lui-tmp")
    section = factories.NewsIndexPageFactory(parent=tree.news, title="Tin kinh tế", slug="tin-kinh-te")
    child = factories.NewsPageFactory(parent=section, title="Doanh nghiệp đối thoại", slug="tin-kinh-te-1")
    fine = factories.NewsPageFactory(parent=tree.category, title="Giới thiệu chung", slug="gioi-thieu")
    # what the older rules left behind (written as they were stored, without Wagtail's own redirects)
    for page, url_path in (
        (decision, "/trang-chu/van-ban/91-q-ubnd/"),
        (article, "/trang-chu/tin-tuc/cchc/không-bàn-lùi/"),
        (section, "/trang-chu/tin-tuc/tin-kinh-t/"),
        (child, "/trang-chu/tin-tuc/tin-kinh-t/tin-kinh-te-1/"),
    ):
        Page.objects.filter(pk=page.pk).update(slug=url_path.rstrip("/").rsplit("/", 1)[1], url_path=url_path)
    assert client.get("/van-ban/91-q-ubnd/").status_code == 200

    fold_slugs(apps, None)

    for page in (decision, article, section, child, fine):
        page.refresh_from_db()
    assert decision.url == "/van-ban/91-qd-ubnd/"
    assert article.url == "/tin-tuc/cchc/khong-ban-lui/"
    assert section.url == "/tin-tuc/tin-kinh-te/", "“tế” had lost its accented letter"
    assert child.url == "/tin-tuc/tin-kinh-te/doanh-nghiep-doi-thoai/"
    assert fine.url == "/tin-tuc/cchc/gioi-thieu/"
    for old, new in (
        ("/van-ban/91-q-ubnd/", decision.url),
        ("/tin-tuc/cchc/kh%C3%B4ng-b%C3%A0n-l%C3%B9i/", article.url),
        ("/tin-tuc/tin-kinh-t/", section.url),
        ("/tin-tuc/tin-kinh-t/tin-kinh-te-1/", child.url),
    ):
        response = client.get(old)
        assert response.status_code == 301, old
        assert response["Location"].endswith(new)
        assert client.get(new).status_code == 200
    assert not Redirect.objects.filter(old_path="/tin-tuc/cchc/gioi-thieu").exists()

    fold_slugs(apps, None)  # a second run finds nothing to do
    assert Redirect.objects.count() == 4


@pytest.mark.django_db
def test_sitemap_and_share_links_use_the_configured_address(tree, client):
    article = factories.NewsPageFactory(parent=tree.category, title="Tin chia sẻ", slug="tin-chia-se")
    with override_settings(WAGTAILADMIN_BASE_URL="https://cchc.example.gov.vn"):
        sync_default_site()
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_url) == ("cchc.example.gov.vn", 443, "https://cchc.example.gov.vn")

    sitemap = client.get("/sitemap.xml").content.decode()
    assert "<loc>https://cchc.example.gov.vn/tin-tuc/cchc/tin-chia-se/</loc>" in sitemap
    assert "localhost" not in sitemap
    html = client.get(article.url).content.decode()
    assert "u=https%3A%2F%2Fcchc.example.gov.vn%2Ftin-tuc%2Fcchc%2Ftin-chia-se%2F" in html
    assert 'og:url" content="https://cchc.example.gov.vn/tin-tuc/cchc/tin-chia-se/"' in html
    assert "localhost" not in html


@pytest.mark.django_db
def test_migrate_points_the_default_site_at_base_url(home):
    with override_settings(WAGTAILADMIN_BASE_URL="http://127.0.0.1:8000"):
        sync_after_migrate(sender=apps.get_app_config("wagtailcore"))
    assert Site.objects.get(is_default_site=True).root_url == "http://127.0.0.1:8000"
    with (
        override_settings(WAGTAILADMIN_BASE_URL="https://cchc.example.gov.vn:8443"),
        pytest.raises(ImproperlyConfigured, match="443"),
    ):
        sync_default_site()
