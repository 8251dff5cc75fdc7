import datetime
import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests import factories

pytestmark = pytest.mark.django_db


def titles(html):
    return re.findall(r'<h[23] class="news-title"><a href="[^"]+">([^<]+)</a>', html)


def test_article_shows_everything_an_editor_entered(client, tree):
    article = factories.NewsPageFactory(
        parent=tree.category,
        title="Rút ngắn thời gian cấp giấy phép xây dựng",
        summary="Sở Xây dựng giảm thời gian xử lý hồ sơ.",
        author="Minh Anh",
        source="Báo tỉnh",
        body=[("paragraph", "<p>Nội dung chi tiết</p>")],
    )
    article.tags.add("GPXD")
    article.save_revision().publish()
    html = client.get(article.url).content.decode()
    assert "Rút ngắn thời gian cấp giấy phép xây dựng" in html
    assert "Sở Xây dựng giảm thời gian xử lý hồ sơ." in html and "Nội dung chi tiết" in html
    assert "Minh Anh" in html and "Nguồn: Báo tỉnh" in html
    assert f'href="{tree.category.url}?tag=GPXD"' in html
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "NewsArticle" and data["headline"] == article.title and data["keywords"] == ["GPXD"]
    assert '<meta property="og:title" content="Rút ngắn thời gian cấp giấy phép xây dựng">' in html


def test_related_news_falls_back_to_the_same_category(client, tree):
    other = factories.NewsIndexPageFactory(parent=tree.news, title="Tin kinh tế", slug="kinh-te")
    sibling = factories.NewsPageFactory(parent=tree.category, title="Tin cùng mục")
    factories.NewsPageFactory(parent=other, title="Tin mục khác")
    article = factories.NewsPageFactory(parent=tree.category, title="Tin chính")
    html = client.get(article.url).content.decode()
    related = html.split("Tin cùng chuyên mục", 1)[1]
    assert sibling.title in related and "Tin mục khác" not in related


def test_listing_is_newest_first_and_filters_by_date_and_tag(client, tree):
    now = timezone.now()
    old = factories.NewsPageFactory(parent=tree.category, title="Tin tháng trước", display_date=now - datetime.timedelta(days=30))
    new = factories.NewsPageFactory(parent=tree.category, title="Tin hôm nay", display_date=now)
    new.tags.add("khai sinh")
    new.save_revision().publish()
    assert titles(client.get("/tin-tuc/").content.decode()) == ["Tin hôm nay", "Tin tháng trước"]

    since = (now - datetime.timedelta(days=3)).strftime("%d/%m/%Y")
    assert titles(client.get("/tin-tuc/", {"date_from": since}).content.decode()) == ["Tin hôm nay"]
    until = (now - datetime.timedelta(days=10)).strftime("%d/%m/%Y")
    assert titles(client.get("/tin-tuc/", {"date_to": until}).content.decode()) == [old.title]
    assert titles(client.get("/tin-tuc/", {"tag": "Khai sinh"}).content.decode()) == ["Tin hôm nay"]


@pytest.mark.parametrize(
    ("params", "message"),
    [({"date_from": "32/13/2025"}, "Nhập một ngày hợp lệ"), ({"date_from": "10/10/2025", "date_to": "01/10/2025"}, "phải trước")],
)
def test_bad_listing_filters_answer_400_with_a_message(client, tree, params, message):
    response = client.get("/tin-tuc/", params)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_pagination_survives_hostile_page_numbers(client, tree):
    factories.NewsPageFactory(parent=tree.category)
    for page in ("-1", "abc", "999999999"):
        assert client.get("/tin-tuc/", {"page": page}).status_code == 200


def _listing_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_news_listing_query_count_does_not_grow_with_page_size(client, tree):
    image = factories_image()
    for _ in range(2):
        factories.NewsPageFactory(parent=tree.category, main_image=image)
    client.get("/tin-tuc/")
    few = _listing_queries(client, "/tin-tuc/")
    for _ in range(20):
        factories.NewsPageFactory(parent=tree.category, main_image=image)
    many = _listing_queries(client, "/tin-tuc/")
    assert many == few


def factories_image():
    from demo.site import demo_image

    return demo_image("Ảnh thử", 1, size=(320, 180))


def test_drafts_and_scheduled_articles_are_never_public(client, tree):
    draft = factories.NewsPageFactory(parent=tree.category, title="Bản nháp bí mật", live=False)
    scheduled = factories.NewsPageFactory(parent=tree.category, title="Tin hẹn giờ", live=False)
    scheduled.go_live_at = timezone.now() + datetime.timedelta(days=1)
    scheduled.save_revision().publish()
    scheduled.refresh_from_db()
    assert scheduled.live is False
    for page in (draft, scheduled):
        assert client.get(f"{tree.category.url}{page.slug}/").status_code == 404
    listing = client.get("/tin-tuc/").content.decode()
    assert "Bản nháp bí mật" not in listing and "Tin hẹn giờ" not in listing
    assert "Bản nháp bí mật" not in client.get("/tin-tuc/rss/").content.decode()
    assert "Bản nháp bí mật" not in client.get("/tim-kiem/", {"q": "bí mật"}).content.decode()


def test_category_and_site_rss_feeds(client, tree):
    other = factories.NewsIndexPageFactory(parent=tree.news, title="Tin kinh tế", slug="kinh-te")
    factories.NewsPageFactory(parent=tree.category, title="Tin CCHC")
    factories.NewsPageFactory(parent=other, title="Tin kinh tế mới")
    all_items = ET.fromstring(client.get("/tin-tuc/rss/").content).findall("./channel/item/title")
    assert {item.text for item in all_items} == {"Tin CCHC", "Tin kinh tế mới"}
    response = client.get(f"{tree.category.url}rss/")
    assert response["Content-Type"].startswith("application/rss+xml")
    assert [item.text for item in ET.fromstring(response.content).findall("./channel/item/title")] == ["Tin CCHC"]


def test_rss_descriptions_carry_the_plain_text_summary_as_written(client, tree):
    summary = 'Sở "Tư pháp" & UBND: 5 < 6, <b>không phải thẻ</b>; lỗi ]]> cũng vậy\x0b.'
    factories.NewsPageFactory(parent=tree.category, title="Tin có ký tự đặc biệt", summary=summary)
    raw = client.get(f"{tree.category.url}rss/").content.decode()
    item = raw.split("<item>")[1]
    description = item.split("<description>")[1].split("</description>")[0]
    assert "&amp;" not in description and "&lt;" not in description, "plain text is not escaped twice"
    parsed = ET.fromstring(raw.encode()).find("./channel/item/description").text
    assert parsed == summary.replace("\x0b", "")


def test_sitemap_and_robots(client, tree):
    article = factories.NewsPageFactory(parent=tree.category)
    assert article.slug in client.get("/sitemap.xml").content.decode()
    robots = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in robots
    assert client.get("/admin/login/")["X-Robots-Tag"] == "noindex, nofollow"


def test_robots_txt_does_not_publish_the_admin_path(client, tree, settings):
    settings.WAGTAIL_ADMIN_PATH = "quan-tri-bi-mat-7f3a"
    robots = client.get("/robots.txt").content.decode()
    assert "quan-tri-bi-mat-7f3a" not in robots and "admin" not in robots.lower()


def test_revisions_can_be_compared_and_rolled_back(client, tree, users):
    from django.urls import reverse

    article = factories.NewsPageFactory(parent=tree.category, title="Bản đầu")
    first = article.latest_revision
    article.title = "Bản sửa"
    article.save_revision().publish()
    client.force_login(users.moderator)
    compare = reverse("wagtailadmin_pages:revisions_compare", args=(article.pk, first.pk, "live"))
    response = client.get(compare)
    html = response.content.decode()
    assert response.status_code == 200 and "đầu" in html and "sửa" in html
    revert = reverse("wagtailadmin_pages:revisions_revert", args=(article.pk, first.pk))
    assert client.get(revert).status_code == 200
    first.publish()
    article.refresh_from_db()
    assert article.title == "Bản đầu"
    assert client.get(article.url).status_code == 200
