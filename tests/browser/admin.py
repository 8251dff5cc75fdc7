"""The admin in a real browser: what its scripts draw is Vietnamese too, and axe-core finds no serious
problem on the dashboard, the procedure editor and the procedure import report (and no two landmarks of
the same name)."""

import json
import re
import tempfile
from pathlib import Path

from procedures.models import ProcedurePage
from tests.admin_english import find_english
from tests.browser.conftest import AXE
from tests.procedures.conftest import national

PASSWORD = "Demo@2026"

# Everything a person sees or hears: the rendered text and the names of controls.
SEEN = """() => {
    const texts = document.body.innerText.split('\\n');
    for (const element of document.querySelectorAll('[title], [aria-label], [placeholder], img[alt]')) {
        for (const name of ['title', 'aria-label', 'placeholder', 'alt']) {
            const value = element.getAttribute(name);
            if (value) texts.push(value);
        }
    }
    return texts.map((text) => text.trim()).filter(Boolean);
}"""

AXE_PROBLEMS = """async () => (await axe.run(document, {resultTypes: ['violations']})).violations
    .filter((v) => ['serious', 'critical'].includes(v.impact) || v.id === 'landmark-unique')
    .map((v) => v.id + ': ' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | '))"""


def sign_in(browser, base, username):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, bypass_csp=True)
    page = context.new_page()
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r".*/admin/$"))
    return page


def check(page, name, shoot):
    """English Wagtail or Django translate, and axe's serious problems, on the page as drawn."""
    page.wait_for_load_state("networkidle")
    shoot(page, name)
    english = find_english(page.evaluate(SEEN))
    page.add_script_tag(path=str(AXE))
    return {"english": english, "axe": page.evaluate(AXE_PROBLEMS)}


def admin_is_vietnamese_and_accessible(browser, base, shoot):
    problems = {}
    editor = sign_in(browser, base, "bientap")
    problems["dashboard"] = check(editor, "admin-dashboard", shoot)
    assert editor.get_by_text("Nguyễn Thị Thu Hà").first.is_visible()

    admin = sign_in(browser, base, "admin")
    procedure = ProcedurePage.objects.get(code="1.001193")
    admin.goto(f"{base}/admin/pages/{procedure.pk}/edit/")
    admin.get_by_role("button", name="Thao tác khác").click()
    problems["procedure editor"] = check(admin, "admin-procedure-edit", shoot)
    assert admin.get_by_role("button", name="Lưu bản nháp").first.is_visible()
    admin.get_by_role("searchbox", name="Lọc các lựa chọn").first.fill("ho tich")
    assert admin.get_by_label("Hộ tịch", exact=True).is_visible()
    assert not admin.get_by_label("Đất đai", exact=True).is_visible()

    problems["procedure import report"] = import_report(browser, base, shoot)

    for name, found in list(problems.items()):
        if found == {"english": {}, "axe": []}:
            del problems[name]
    assert problems == {}


def import_report(browser, base, shoot):
    """The reform office uploads a file with two bad records and reads the report; nothing is written."""
    bad_fee = national("2.000002")
    bad_fee["CACHTHUCTHUCHIEN"][0]["PHILEPHI"][0]["SOTIEN"] = "hai nghìn"
    records = [national("2.000001", MUCDODVC="MUCDO4"), bad_fee]
    office = sign_in(browser, base, "cchc")
    office.goto(f"{base}/admin/thu-tuc/nhap/")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "thu-tuc-so-tu-phap.json"
        path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
        office.set_input_files("#id_file", str(path))
        office.get_by_role("button", name="Tải lên và kiểm tra").click()
    office.wait_for_url(re.compile(r".*/admin/thu-tuc/nhap/\d+/$"))
    assert office.get_by_text("Tệp có 2 lỗi ở 2 dòng. Chưa thủ tục nào được ghi.").is_visible()
    assert office.get_by_role("cell", name="không phải số: 'hai nghìn'").is_visible()
    assert not ProcedurePage.objects.filter(code__in=["2.000001", "2.000002"]).exists()
    return check(office, "admin-procedure-import-report", shoot)
