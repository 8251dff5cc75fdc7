"""The public pages on a 390-pixel phone and a 1366-pixel desktop, in Chromium: no sideways scrolling, no
table cell narrower than its longest word, a header that leaves the first screen to the content, tap
targets of WCAG 2.2 size, no axe-core violation of any impact; the menu works with and without
JavaScript, a visitor sees their own rating after a reload, the editor's address field folds Vietnamese.
A page budget (largest contentful paint, bytes transferred) is measured on a throttled phone and printed.

Steps of the one browser test in test_journeys.py (each needs the whole demo site behind the live server,
and a transactional test's flush would remove it). Screenshots go to .test-artifacts/screenshots/.
"""

import re

from playwright.sync_api import expect

from news.models import DecisionPage, DocumentIndexPage, NewsIndexPage, NewsPage
from portal.text import slugify
from procedures.models import ProcedurePage
from procedures.reform.models import StatisticsPage
from tests.browser.conftest import AXE

# Layout is measured in CSS pixels: 1× keeps the full-page screenshots small; the budget loads at 2×, as phones do.
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "device_scale_factor": 1}
DENSE_PHONE = {**PHONE, "device_scale_factor": 2}
# A visitor of its own: the rating steps must not meet the journey's earlier vote through the daily hash.
PHONE_VISITOR = {**PHONE, "user_agent": "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/140.0 Mobile"}
DESKTOP = {"viewport": {"width": 1366, "height": 900}}
HEADER_SHARE = 0.25

PAGES = {
    "home": lambda: "/",
    "news-list": lambda: NewsIndexPage.objects.get(slug="thong-tin-cai-cach-hanh-chinh").url,
    "article": lambda: NewsPage.objects.live().exclude(main_image=None).order_by("-display_date").first().url,
    "document-list": lambda: DocumentIndexPage.objects.get().url,
    "decision": lambda: DecisionPage.objects.get(number="91/QĐ-UBND").url,
    "procedure": lambda: ProcedurePage.objects.get(code="1.001193").url,
    "finder-results": lambda: "/tra-cuu-thu-tuc/?q=dang+ky+khai+sinh",
    "statistics": lambda: StatisticsPage.objects.get().url,
}

# axe-core rules that may still report, each with the reason. Empty: every page passes every rule.
AXE_ACCEPTED = {}

OVERFLOW = "() => document.documentElement.scrollWidth - window.innerWidth"
HEADER = "() => document.querySelector('.site-header').getBoundingClientRect().bottom + window.scrollY"

# Cells whose words do not fit: a word broken over two lines or wider than the cell's content box.
NARROW_CELLS = """() => {
  const found = [];
  for (const cell of document.querySelectorAll('main td, main th')) {
    const box = cell.getBoundingClientRect();
    if (!box.width || !box.height) continue;
    const style = getComputedStyle(cell);
    const inner = box.width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement.closest('.visually-hidden')) continue;
      for (const match of node.data.matchAll(/\\S+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const rects = [...range.getClientRects()].filter(r => r.width > 0.5);
        const lines = new Set(rects.map(r => Math.round(r.top)));
        const width = rects.reduce((sum, r) => sum + r.width, 0);
        if (lines.size > 1 || width > inner + 1) found.push(`${match[0]} (${Math.round(width)} > ${Math.round(inner)} px)`);
      }
    }
  }
  return found;
}"""

# WCAG 2.2 target size: 24 × 24 CSS px, or a 24 px circle around an undersized target touching no other
# target; links inside a sentence are exempt. Returns the failures and how many targets reach 44 × 44.
TARGETS = """() => {
  const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [tabindex="0"]';
  const targets = [];
  for (const el of document.querySelectorAll(selector)) {
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || Number(style.opacity) === 0) continue;
    if (el.closest('.visually-hidden, [aria-hidden="true"], .hp')) continue;
    const r = el.getBoundingClientRect();
    if (r.width < 2 || r.height < 2 || r.right <= 0 || r.bottom + window.scrollY <= 0) continue;
    targets.push({el, r});
  }
  const inSentence = el => {
    if (el.tagName !== 'A' || getComputedStyle(el).display !== 'inline') return false;
    const block = el.parentElement.closest('p, li, dd, td, figcaption, address');
    if (!block) return false;
    return block.textContent.replace(el.textContent, '').replace(/[\\s·,.:;()–-]+/g, '').length > 0;
  };
  const gap = (x, y, r) => Math.hypot(Math.max(r.left - x, 0, x - r.right), Math.max(r.top - y, 0, y - r.bottom));
  const centre = r => [r.left + r.width / 2, r.top + r.height / 2];
  const small = targets.filter(t => t.r.width < 24 || t.r.height < 24);
  const failures = [];
  for (const t of small) {
    if (inSentence(t.el)) continue;
    const [x, y] = centre(t.r);
    const crowded = targets.some(o => o !== t && !o.el.contains(t.el) && !t.el.contains(o.el) && (
      gap(x, y, o.r) < 12 || (small.includes(o) && Math.hypot(x - centre(o.r)[0], y - centre(o.r)[1]) < 24)));
    if (crowded) {
      const name = (t.el.getAttribute('aria-label') || t.el.textContent || t.el.name || t.el.tagName).trim().slice(0, 40);
      failures.push(`${t.el.tagName.toLowerCase()} "${name}" ${Math.round(t.r.width)}×${Math.round(t.r.height)}`);
    }
  }
  const controls = targets.filter(t => t.el.matches('button, input, select, textarea, .file-link, .facets a, .pagination a, .menu-toggle, .main-nav a'));
  const big = controls.filter(t => t.r.width >= 43.5 && t.r.height >= 43.5).length;
  return {failures, targets: targets.length, controls: controls.length, big};
}"""

# Every rule axe-core runs by default, plus its own (off by default) WCAG 2.2 target-size rule.
AXE_RUN = """async () => (await axe.run(document, {resultTypes: ['violations'], rules: {'target-size': {enabled: true}}})).violations
  .map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))"""


def phone_first_pages(browser, demo, shoot, capsys):
    layout_accessibility_and_targets(browser, demo, shoot, capsys)
    menu_is_a_disclosure_with_and_without_javascript(browser, demo, shoot)
    own_rating_survives_a_reload(browser, demo)
    editor_slug_follows_the_address_rule(browser, demo)
    page_budget_on_a_throttled_phone(browser, demo, capsys)


def layout_accessibility_and_targets(browser, demo, shoot, capsys):
    problems, figures = {}, []
    for device, options in (("phone", PHONE), ("desktop", DESKTOP)):
        context = browser.new_context(**options, bypass_csp=True)  # to inject axe-core
        height = options["viewport"]["height"]
        for name, url in PAGES.items():
            page = context.new_page()
            page.goto(demo + url())
            page.wait_for_load_state("networkidle")
            found = []
            overflow = page.evaluate(OVERFLOW)
            if overflow > 0:
                found.append(f"page scrolls sideways by {overflow} px")
            header = page.evaluate(HEADER)
            if header > HEADER_SHARE * height:
                found.append(f"header and menu take {header:.0f} of {height} px")
            narrow = page.evaluate(NARROW_CELLS)
            if narrow:
                found.append(f"table cells narrower than a word: {narrow[:5]}")
            targets = page.evaluate(TARGETS)
            if targets["failures"]:
                found.append(f"tap targets too small and crowded: {targets['failures'][:8]}")
            page.add_script_tag(path=str(AXE))
            violations = [v for v in page.evaluate(AXE_RUN) if v["id"] not in AXE_ACCEPTED]
            if violations:
                found.append(f"axe: {violations}")
            shoot(page, f"{device}-{name}")
            figures.append((device, name, header, targets))
            if found:
                problems[f"{device} {name}"] = found
            page.close()
        context.close()
    with capsys.disabled():
        print("\nheader height and tap targets (controls ≥ 44 × 44 / controls, all targets):")
        for device, name, header, targets in figures:
            print(
                f"  {device:8} {name:15} header {header:4.0f} px  controls {targets['big']}/{targets['controls']}  targets {targets['targets']}"
            )
    assert problems == {}


def menu_is_a_disclosure_with_and_without_javascript(browser, demo, shoot):
    page = browser.new_context(**PHONE, java_script_enabled=False).new_page()
    page.goto(demo + "/")
    menu = page.locator("#menu-chinh")
    expect(menu).to_be_hidden()
    page.get_by_role("link", name="Menu").click()
    expect(menu).to_be_visible()
    expect(menu.get_by_role("link", name="Thủ tục hành chính")).to_be_visible()
    shoot(page, "phone-menu-without-javascript")
    page.get_by_role("link", name="Đóng menu").click()
    expect(menu).to_be_hidden()

    page = browser.new_context(**PHONE).new_page()
    page.goto(demo + "/")
    toggle = page.get_by_role("button", name="Menu")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(menu := page.locator("#menu-chinh")).to_be_hidden()
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(menu).to_be_visible()
    links = menu.get_by_role("link")
    for index in range(links.count()):
        box = links.nth(index).bounding_box()
        assert box["height"] >= 44, "menu entries are full-width rows a thumb can hit"
    shoot(page, "phone-menu-open")
    page.keyboard.press("Escape")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(menu).to_be_hidden()
    expect(toggle).to_be_focused()

    wide = browser.new_context(**DESKTOP).new_page()
    wide.goto(demo + "/")
    expect(wide.locator("#menu-chinh")).to_be_visible()
    expect(wide.locator("[data-menu-toggle]")).to_be_hidden()


def own_rating_survives_a_reload(browser, demo):
    context = browser.new_context(**PHONE_VISITOR)
    page = context.new_page()
    page.goto(demo + DecisionPage.objects.get(number="91/QĐ-UBND").url)
    page.click("label[for=sao-2]")
    page.get_by_role("button", name="Gửi đánh giá").click()
    expect(page.locator(".rating-form [data-status]")).to_contain_text("Cảm ơn")
    page.reload()
    expect(page.locator("#sao-2")).to_be_checked()
    expect(page.locator(".rating-form [data-status]")).to_contain_text("Bạn đã đánh giá trang này 2 sao")
    other = browser.new_context(**PHONE).new_page()  # another visitor sees the page as everyone does
    other.goto(page.url)
    expect(other.locator("[data-stat=rating_count]")).not_to_have_text("0")
    expect(other.locator(".rating-form input:checked")).to_have_count(0)


def editor_slug_follows_the_address_rule(browser, demo):
    page = browser.new_context().new_page()
    page.goto(f"{demo}/admin/login/")
    page.fill("#id_username", "admin")
    page.fill("#id_password", "Demo@2026")
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r".*/admin/$"))
    section = NewsIndexPage.objects.get(slug="thong-tin-cai-cach-hanh-chinh")
    page.goto(f"{demo}/admin/pages/add/news/newspage/{section.pk}/")
    for title in (
        "Quyết định 91/QĐ-UBND về đường bộ",
        "“Không bàn lùi, chỉ bàn làm” cho hiệu quả",
        "Cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất lần đầu",
    ):
        page.fill("#id_title", "")
        page.locator("#id_title").press_sequentially(title)
        page.locator("#id_title").blur()
        expect(page.locator("#id_slug")).to_have_value(slugify(title))


def page_budget_on_a_throttled_phone(browser, demo, capsys):
    """Lighthouse's phone profile, roughly: 1.6 Mbit/s down, 750 kbit/s up, 150 ms round trips, CPU 4× slower.
    Printed, never asserted: timings on a shared test machine are not a pass/fail signal."""
    rows = []
    for name, url in PAGES.items():
        context = browser.new_context(**DENSE_PHONE)
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        cdp.send(
            "Network.emulateNetworkConditions",
            {"offline": False, "latency": 150, "downloadThroughput": 1_600_000 / 8, "uploadThroughput": 750_000 / 8},
        )
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
        response = page.goto(demo + url(), wait_until="load")
        assert response.status == 200, f"{name}: {response.status} {response.text()[:2000]}"
        page.wait_for_load_state("networkidle")
        page.wait_for_function("() => performance.getEntriesByType('resource').some(r => r.name.includes('/css/portal'))")
        rows.append((name, page.evaluate(BUDGET)))
        context.close()
    with capsys.disabled():
        print("\npage budget, throttled phone (1.6 Mbit/s, 150 ms RTT, CPU 4×, 390 px at 2×; test server, no compression):")
        for name, data in rows:
            print(
                f"  {name:15} LCP {data['lcp']:6.0f} ms  transfer {data['transfer'] / 1024:7.1f} KB"
                f"  requests {data['requests']:3}  LCP element {data['element']}"
            )
    assert all(data["transfer"] > 0 for _, data in rows)


BUDGET = """() => new Promise(resolve => {
  let last = null;
  new PerformanceObserver(list => { const entries = list.getEntries(); last = entries[entries.length - 1]; })
    .observe({type: 'largest-contentful-paint', buffered: true});
  setTimeout(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const resources = performance.getEntriesByType('resource');
    const element = last && last.element ? last.element.tagName.toLowerCase() + (last.element.className ? '.' + String(last.element.className).split(' ')[0] : '') : '?';
    resolve({
      lcp: last ? last.startTime : 0,
      transfer: nav.transferSize + resources.reduce((sum, r) => sum + r.transferSize, 0),
      requests: resources.length + 1,
      element,
    });
  }, 200);
})"""
