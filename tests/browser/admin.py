"""The admin in a real browser: what its scripts draw is Vietnamese too, and axe-core finds no serious
problem on the dashboard and the procedure editor (and no two landmarks of the same name)."""

import re

from procedures.models import ProcedurePage
from tests.admin_english import find_english
from tests.browser.conftest import AXE

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

    for name, found in list(problems.items()):
        if found == {"english": {}, "axe": []}:
            del problems[name]
    assert problems == {}
