import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.models import SiteSettings
from tests import factories


@pytest.mark.django_db
def test_home_page_is_vietnamese_and_named_from_site_settings(client, tree):
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="vi">' in html
    assert "Cổng thông tin CCHC tỉnh Thử Nghiệm" in html
    assert 'href="#main"' in html and 'id="main"' in html
    assert 'role="search"' in html and 'name="q"' in html
    assert re.search(r'<nav class="main-nav" aria-label="[^"]+">', html)
    for section in ("Tin tức", "Văn bản", "Thủ tục hành chính"):
        assert f">{section}</a>" in html


@pytest.mark.django_db
def test_renaming_the_portal_in_settings_changes_every_page(client, tree):
    settings = SiteSettings.objects.get()
    settings.portal_name = "Cổng CCHC mới"
    settings.owning_agency = "Văn phòng UBND tỉnh"
    settings.save()
    html = client.get("/tin-tuc/").content.decode()
    assert "Cổng CCHC mới" in html
    assert "Văn phòng UBND tỉnh" in html


def _home_queries(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/")
    assert response.status_code == 200
    return response, len(queries)


@pytest.mark.django_db
def test_home_page_query_count_does_not_grow_with_items(client, tree):
    tree.home.news_per_section = 50
    tree.home.save()
    second = factories.NewsIndexPageFactory(parent=tree.news, title="Tin kinh tế", slug="kinh-te")
    for i in range(5):
        factories.NewsPageFactory(parent=tree.category, featured=i == 0)
    client.get("/")  # warm per-process caches (content types, site root paths)
    response, few = _home_queries(client)
    assert response.content.decode().count('class="news-item"') == 5
    for i in range(45):
        factories.NewsPageFactory(parent=tree.category if i % 2 else second, featured=i < 4)
    response, many = _home_queries(client)
    assert response.content.decode().count('class="news-item"') == 50
    assert many == few


@pytest.mark.django_db
def test_breadcrumb_shows_the_path(client, tree):
    article = factories.NewsPageFactory(parent=tree.category, title="Bài viết mẫu")
    html = client.get(article.url).content.decode()
    crumbs = re.search(r'<nav class="breadcrumb[^>]*>(.*?)</nav>', html, re.S).group(1)
    assert [t.strip() for t in re.findall(r">([^<>]+)</(?:a|li)>", crumbs) if t.strip()] == [
        "Trang chủ",
        "Tin tức",
        "Thông tin cải cách hành chính",
        "Bài viết mẫu",
    ]


@pytest.mark.django_db
def test_sidebar_blocks_are_inherited_until_a_descendant_overrides(client, tree):
    contact = ("contact", {"heading": "Liên hệ Văn phòng", "organisation": "Văn phòng UBND tỉnh", "phone": "0200 3 812 345"})
    schedule = ("schedule", {"heading": "Lịch công tác tuần", "entries": []})
    tree.news.sidebar = [contact]
    tree.news.save_revision().publish()
    tree.category.refresh_from_db()
    article = factories.NewsPageFactory(parent=tree.category)
    own = factories.NewsPageFactory(parent=tree.category, sidebar=[schedule])

    inherited = client.get(article.url).content.decode()
    assert "Liên hệ Văn phòng" in inherited and "0200 3 812 345" in inherited
    overridden = client.get(own.url).content.decode()
    assert "Lịch công tác tuần" in overridden
    assert "Liên hệ Văn phòng" not in overridden
    assert "Liên hệ Văn phòng" not in client.get("/van-ban/").content.decode()


@pytest.mark.django_db
def test_standard_page_renders_every_body_block(client, home):
    page = factories.StandardPageFactory(
        parent=home,
        title="Giới thiệu",
        body=[
            ("heading", {"text": "Chức năng nhiệm vụ", "level": "h2"}),
            ("paragraph", "<p>Đoạn <b>văn</b> mẫu</p>"),
            ("quote", {"text": "Lấy người dân làm trung tâm", "attribution": "Chủ tịch UBND tỉnh"}),
            ("table", {"data": [["Bộ phận", "Điện thoại"], ["Một cửa", "1022"]], "first_row_is_table_header": True}),
        ],
    )
    html = client.get(page.url).content.decode()
    assert "<h2>Chức năng nhiệm vụ</h2>" in html
    assert "<b>văn</b>" in html
    assert "Lấy người dân làm trung tâm" in html and "— Chủ tịch UBND tỉnh" in html
    assert '<th scope="col">Bộ phận</th>' in html and "<td>1022</td>" in html


@pytest.mark.django_db
def test_user_supplied_text_is_escaped(client, home):
    page = factories.StandardPageFactory(parent=home, title="<script>alert(1)</script>", intro='"><img src=x onerror=alert(1)>')
    html = client.get(page.url).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "<img src=x onerror" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


@pytest.mark.django_db
def test_not_found_page_is_vietnamese_and_styled(client, home):
    response = client.get("/khong-ton-tai/")
    html = response.content.decode()
    assert response.status_code == 404
    assert "Không tìm thấy trang" in html
    assert "css/portal.css" in html


def test_server_error_page_is_vietnamese(client, settings):
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert '<html lang="vi">' in html and "Hệ thống đang gặp sự cố" in html


@pytest.mark.django_db
def test_print_and_font_size_assets_are_linked(client, home):
    html = client.get("/").content.decode()
    assert 'href="/static/css/print.css" media="print"' in html
    assert 'data-font-size="1"' in html and 'data-font-size="-1"' in html
    assert "js/font-size.js" in html


@pytest.mark.django_db
def test_site_search_box_finds_pages_and_rejects_bad_input(client, tree, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        factories.NewsPageFactory(parent=tree.category, title="Đăng ký khai sinh trực tuyến")
    response = client.get("/tim-kiem/", {"q": "khai sinh"})
    assert response.status_code == 200
    assert "<mark>khai</mark> <mark>sinh</mark> trực tuyến" in response.content.decode()
    assert response["X-Robots-Tag"] == "noindex"
    too_long = client.get("/tim-kiem/", {"q": "a" * 500})
    assert too_long.status_code == 400
    assert "Từ khóa quá dài" in too_long.content.decode()
