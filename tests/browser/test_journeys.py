"""What people do on the portal, in a real browser: an editor writes, an approver publishes, a citizen
on a phone finds a procedure and rates it, the statistics page draws its charts; then the main pages on
a phone and a desktop (layout, tap targets, axe-core, menu, own rating, address field, page budget:
phone_checks.py)."""

import re

import pytest
from playwright.sync_api import expect

from news.models import NewsIndexPage, NewsPage
from procedures.reform.models import StatisticsPage
from tests.browser.admin import admin_is_vietnamese_and_accessible
from tests.browser.feedback_journey import feedback_journeys
from tests.browser.phone_checks import phone_first_pages

pytestmark = [pytest.mark.django_db(transaction=True)]

PASSWORD = "Demo@2026"


def sign_in(context, base, username):
    page = context.new_page()
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r".*/admin/$"))
    return page


def test_journeys_charts_and_phone_first_pages(browser, demo, shoot, capsys):
    """One test, because each step needs the whole demo site and a live server (a flush would remove it)."""
    editor_writes_approver_publishes_citizen_finds_and_rates(browser, demo, shoot)
    statistics_page_draws_its_charts(browser, demo, shoot)
    phone_first_pages(browser, demo, shoot, capsys)
    admin_is_vietnamese_and_accessible(browser, demo, shoot)
    feedback_journeys(browser, demo, shoot)


def editor_writes_approver_publishes_citizen_finds_and_rates(browser, demo, shoot):
    section = NewsIndexPage.objects.get(slug="thong-tin-cai-cach-hanh-chinh")
    editor = sign_in(browser.new_context(), demo, "bientap")
    editor.goto(f"{demo}/admin/pages/add/news/newspage/{section.pk}/")
    editor.fill("#id_title", "Tỉnh khai trương bộ phận một cửa số")
    editor.fill("#id_summary", "Người dân nộp hồ sơ và nhận kết quả ngay tại bộ phận một cửa số của tỉnh.")
    editor.get_by_role("button", name="Thao tác khác").click()
    editor.click("button[name=action-submit]")
    editor.wait_for_load_state("networkidle")
    shoot(editor, "1-editor-submitted")
    article = NewsPage.objects.get(title="Tỉnh khai trương bộ phận một cửa số")
    assert not article.live and article.workflow_in_progress

    approver = sign_in(browser.new_context(), demo, "duyet")
    approver.goto(f"{demo}/admin/pages/{article.pk}/edit/")
    approver.get_by_role("button", name="Thao tác khác").click()
    approver.get_by_role("button", name=re.compile(r"^\s*Phê duyệt\s*và")).click()
    approver.wait_for_load_state("networkidle")
    shoot(approver, "2-approver-published")
    article.refresh_from_db()
    assert article.live

    visitor = browser.new_context().new_page()
    visitor.goto(f"{demo}/")
    assert visitor.get_by_text("Tỉnh khai trương bộ phận một cửa số").first.is_visible()
    visitor.goto(f"{demo}/tim-kiem/?q=mot+cua+so")
    assert visitor.locator(".search-results").get_by_role("link", name=re.compile("bộ phận một cửa số")).first.is_visible()
    shoot(visitor, "3-site-search")

    phone = browser.new_context(viewport={"width": 375, "height": 812}, is_mobile=True, has_touch=True).new_page()
    phone.goto(f"{demo}/")
    phone.fill("#finder-q", "dang ky khai sinh")
    phone.press("#finder-q", "Enter")
    phone.wait_for_url(re.compile(r".*/tra-cuu-thu-tuc/\?q=.*"))
    shoot(phone, "4-phone-finder")
    phone.locator(".search-results h2 a").first.click()
    phone.wait_for_load_state("networkidle")
    assert phone.locator("h1").inner_text().strip() == "Đăng ký khai sinh"
    count = phone.locator("[data-stat=rating_count]")
    expect(count).to_have_text(re.compile(r"^\d+$"))  # filled in by the figures endpoint
    before = int(count.inner_text())
    phone.click("label[for=sao-4]")
    phone.get_by_role("button", name="Gửi đánh giá").click()
    expect(count).to_have_text(str(before + 1))
    expect(phone.locator("[data-stat=rating_average]")).to_have_text(re.compile(r"^\d,\d$"))
    expect(phone.locator(".rating-form [data-status]")).to_contain_text("Cảm ơn")
    assert phone.locator("body").bounding_box()["width"] <= 375, "no sideways scrolling on a phone"
    shoot(phone, "5-phone-procedure-rated")


def statistics_page_draws_its_charts(browser, demo, shoot):
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.goto(demo + StatisticsPage.objects.get().url)
    canvases = page.locator("canvas[data-chart]")
    expect(canvases.first).to_have_attribute("style", re.compile("display: block"))  # Chart.js sized it
    count = canvases.count()
    assert count >= 4
    for index in range(count):
        expect(canvases.nth(index)).to_have_attribute("style", re.compile("display: block"))
        box = canvases.nth(index).bounding_box()
        assert box["width"] > 100 and box["height"] > 100
    assert page.locator("table.data-table").count() >= count
    shoot(page, "6-statistics")
