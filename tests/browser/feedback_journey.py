"""Feedback in a real browser: a citizen on a 390 px phone sends a question from a procedure page and later
looks it up; the reform office routes it, the department answers and an approver publishes it in the admin;
the form also works without JavaScript."""

import re
import tempfile
from pathlib import Path

from django.test import override_settings
from playwright.sync_api import expect

from feedback.models import QuestionPage, Submission
from procedures.models import ProcedurePage
from tests.browser.conftest import AXE

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


def feedback_journeys(browser, site, shoot):
    """Called by tests/browser/test_journeys.py on its demo site (one live server and one demo load for all)."""
    with override_settings(FEEDBACK_MIN_FILL_SECONDS=1), tempfile.TemporaryDirectory() as folder:
        citizen_sends_from_a_procedure_page_staff_answer_and_the_citizen_looks_it_up(browser, site, shoot, Path(folder))
        the_form_works_without_javascript(browser, site, shoot)
        no_serious_or_critical_accessibility_violations(browser, site, shoot)


def png(tmp_path):
    from PIL import Image

    path = tmp_path / "giay-hen.png"
    Image.new("RGB", (300, 200), (240, 240, 255)).save(path)
    return path


def admin_action(page, base, code, action, fields, shoot, shot):
    submission = Submission.objects.get(code=code)
    page.goto(f"{base}/admin/phan-anh-kien-nghi/inspect/{submission.pk}/")
    panel = page.locator(f'details[data-action="{action}"]')
    panel.locator("summary").click()
    for selector, value in fields:
        field = panel.locator(selector)
        if field.evaluate("e => e.tagName") == "SELECT":
            field.select_option(label=value)
        else:
            field.fill(value)
    panel.locator("button[type=submit]").click()
    page.wait_for_load_state("networkidle")
    expect(page.locator(".messages")).to_contain_text("Đã thực hiện")
    shoot(page, shot)


def citizen_sends_from_a_procedure_page_staff_answer_and_the_citizen_looks_it_up(browser, site, shoot, tmp_path):
    phone = browser.new_context(**PHONE).new_page()
    birth = ProcedurePage.objects.get(code="1.001193")
    phone.goto(site + birth.url)
    phone.get_by_role("link", name="Gửi phản ánh, kiến nghị hoặc câu hỏi về thủ tục này").click()
    expect(phone.locator(".picked")).to_contain_text("Đăng ký khai sinh")
    phone.get_by_role("radio", name="Câu hỏi").check()
    phone.locator("#id_subject").fill("Con sinh ở tỉnh khác đăng ký khai sinh ở đâu?")
    phone.locator("#id_content").fill(
        "Con tôi sinh ở bệnh viện tỉnh khác. Gia đình đăng ký khai sinh ở phường nơi cư trú được không?"
    )
    phone.locator("#id_attachments").set_input_files(str(png(tmp_path)))
    phone.locator("#id_name").fill("Trần Thị Bình")
    phone.locator("#id_phone").fill("0987 654 321")
    phone.locator("#id_publish_allowed").check()
    phone.locator("#id_consent").check()
    phone.wait_for_timeout(1200)  # people take longer than the minimum fill time
    shoot(phone, "feedback-1-phone-form")
    phone.get_by_role("button", name="Gửi phản ánh, kiến nghị").click()
    expect(phone.locator("h1")).to_have_text("Đã gửi phản ánh, kiến nghị")
    code = phone.locator("[data-code]").inner_text()
    secret = phone.locator("[data-secret]").inner_text()
    assert re.fullmatch(r"PAKN-\d{4}-\d{6}", code) and re.fullmatch(r"[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}", secret)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390, "no sideways scrolling on a phone"
    shoot(phone, "feedback-2-phone-submitted")

    from tests.browser.test_journeys import sign_in

    office = sign_in(browser.new_context(viewport={"width": 1280, "height": 900}), site, "cchc")
    admin_action(
        office, site, code, "assign", [("select[name=assign-agency]", "Sở Tư pháp")], shoot, "feedback-3-office-assigned"
    )
    department = sign_in(browser.new_context(viewport={"width": 1280, "height": 900}), site, "stp")
    department.goto(f"{site}/admin/phan-anh-kien-nghi/")
    expect(department.get_by_role("link", name=code)).to_be_visible()
    answer = "Gia đình đăng ký khai sinh tại UBND cấp xã nơi cư trú của cha hoặc mẹ, mang theo giấy chứng sinh."
    admin_action(
        department, site, code, "answer", [("textarea[name=answer-answer]", answer)], shoot, "feedback-4-department-answered"
    )
    approver = sign_in(browser.new_context(viewport={"width": 1280, "height": 900}), site, "duyet")
    admin_action(approver, site, code, "approve", [], shoot, "feedback-5-approved")
    admin_action(
        approver,
        site,
        code,
        "publish",
        [("input[name=publish-public_title]", "Con sinh ở tỉnh khác đăng ký khai sinh ở đâu?")],
        shoot,
        "feedback-6-published",
    )

    phone.goto(f"{site}/phan-anh-kien-nghi/tra-cuu/")
    phone.locator("#id_code").fill(code)
    phone.locator("#id_proof").fill("0987654321")
    phone.get_by_role("button", name="Tra cứu").click()
    expect(phone.locator("[data-status]")).to_have_text("Đã có trả lời và được công khai")
    expect(phone.locator("[data-answer]")).to_contain_text("giấy chứng sinh")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    shoot(phone, "feedback-7-phone-lookup")
    phone.goto(site + birth.url)
    faq = phone.locator(".procedure-feedback")
    expect(faq.get_by_role("link", name="Con sinh ở tỉnh khác đăng ký khai sinh ở đâu?")).to_be_visible()
    faq.scroll_into_view_if_needed()
    shoot(phone, "feedback-8-procedure-faq")


def the_form_works_without_javascript(browser, site, shoot):
    phone = browser.new_context(**PHONE, java_script_enabled=False).new_page()
    phone.goto(f"{site}/phan-anh-kien-nghi/")
    phone.locator("#picker-agency").select_option(label="Sở Tư pháp")
    phone.get_by_role("button", name="Xem thủ tục của cơ quan").click()
    marriage = ProcedurePage.objects.get(title="Đăng ký kết hôn")
    phone.locator("#id_procedure").select_option(label=f"{marriage.title} ({marriage.code})")
    phone.get_by_role("radio", name="Phản ánh").check()
    phone.locator("#id_subject").fill("Bị yêu cầu nộp thêm giấy tờ khi đăng ký kết hôn")
    phone.locator("#id_content").fill("Cán bộ yêu cầu nộp giấy xác nhận tình trạng hôn nhân dù đã tra được trên hệ thống.")
    phone.locator("#id_name").fill("Lê Hoàng Cường")
    phone.locator("#id_email").fill("cuong.le@example.com")
    phone.locator("#id_consent").check()
    phone.wait_for_timeout(1200)
    phone.get_by_role("button", name="Gửi phản ánh, kiến nghị").click()
    expect(phone.locator("h1")).to_have_text("Đã gửi phản ánh, kiến nghị")
    submission = Submission.objects.get(code=phone.locator("[data-code]").inner_text())
    assert submission.procedure == marriage and submission.kind == "report"
    shoot(phone, "feedback-9-phone-no-javascript")


def no_serious_or_critical_accessibility_violations(browser, site, shoot):
    question = QuestionPage.objects.live().order_by("-pk").first()
    context = browser.new_context(**PHONE, bypass_csp=True)  # to inject axe-core
    problems = {}
    for url in ["/phan-anh-kien-nghi/?co_quan=STP", "/phan-anh-kien-nghi/tra-cuu/", "/hoi-dap/", question.url]:
        page = context.new_page()
        page.goto(site + url)
        page.wait_for_load_state("networkidle")
        page.add_script_tag(path=str(AXE))
        violations = page.evaluate(
            "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
            ".filter(v => ['serious', 'critical'].includes(v.impact))"
            ".map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))"
        )
        if violations:
            problems[url] = violations
            shoot(page, "feedback-axe-" + url.strip("/").replace("/", "-").replace("?", "-"))
        page.close()
    assert problems == {}
