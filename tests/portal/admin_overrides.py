"""The project's copies of Wagtail admin templates, as changes to the installed originals.

Each copy in portal/templates/ is the installed template with these replacements and nothing else, so
that after a Wagtail upgrade tests/portal/test_admin_vietnamese.py fails until the copies are
remade from the new templates (`python -m tests.portal.admin_overrides` writes them).
"""

from pathlib import Path

import wagtail

UPSTREAM = Path(wagtail.__file__).parent / "admin" / "templates"
PROJECT = Path(__file__).resolve().parents[2] / "portal" / "templates"

OVERRIDES = {
    # Untranslated upstream: the screen-reader-only submit button, and a second unnamed search
    # landmark beside the sidebar's (axe: landmark-unique).
    "wagtailadmin/home.html": [
        (
            '<input type="submit" value="Search" class="button" />',
            '<input type="submit" value="{% trans \'Search\' %}" class="button" />',
        ),
        (
            '                    role="search"\n                >',
            '                    role="search"\n                    aria-label="{% trans \'Search the whole site\' %}"\n                >',
        ),
    ],
    "wagtailadmin/shared/header.html": [
        (
            '<input type="submit" value="Search" class="button" />',
            '<input type="submit" value="{% trans \'Search\' %}" class="button" />',
        ),
    ],
    "wagtailadmin/shared/headers/_actions.html": [
        ('<nav aria-label="Actions"', "{% load i18n %}<nav aria-label=\"{% trans 'Actions' %}\""),
    ],
    # Screen readers heard "True"/"False" for tick and cross icons (the users' status column).
    "wagtailadmin/tables/boolean_cell.html": [
        ("{% load wagtailadmin_tags %}", "{% load wagtailadmin_tags i18n %}"),
        ("""{% icon title=value|stringformat:'s' name="help" """, """{% icon title=_("Unknown") name="help" """),
        ("""{% icon title=value|stringformat:'s' name="check" """, """{% icon title=_("Yes") name="check" """),
        ("""{% icon title=value|stringformat:'s' name="cross" """, """{% icon title=_("No") name="cross" """),
    ],
    # Links to guide.wagtail.org and enable-javascript.com: English pages on outside servers.
    "wagtailadmin/home/account_summary.html": [
        (
            """            {% wagtail_feature_release_editor_guide_link as editor_guide_link %}
            {% wagtail_version as current_version %}
            <li>
                <a class="w-underline w-underline-offset-[3px] w-flex w-items-center w-gap-1"
                   href="{{ editor_guide_link }}"
                   target="_blank"
                   rel="noreferrer">
                    {% blocktrans trimmed %}
                        Wagtail {{ current_version }} editor guide
                    {% endblocktrans %}
                    {% icon name="link-external" classname="initial" %}
                </a>
            </li>
""",
            "",
        ),
    ],
    "wagtailadmin/skeleton.html": [
        (
            """            {% blocktrans trimmed %}
                JavaScript is required to use Wagtail, but it is currently disabled.<br />
                Here are the <a href="https://www.enable-javascript.com/" target="_blank" rel="noreferrer">instructions how to enable JavaScript in your web browser</a>.
            {% endblocktrans %}""",
            """            {% trans "Trang quản trị cần JavaScript nhưng trình duyệt đang tắt JavaScript. Hãy bật JavaScript trong phần cài đặt của trình duyệt rồi tải lại trang." %}""",
        ),
    ],
    "wagtailadmin/shared/side_panels/checks.html": [
        (
            """                            <hr>
                            {% help_block status="info" %}
                                {% fragment as guide_link %}https://guide.wagtail.org/content-checks/{% endfragment %}
                                {% blocktrans trimmed %}
                                    See our <a href="{{ guide_link }}" target="_blank">content checks guide</a> for more information on how content metrics are calculated.
                                {% endblocktrans %}
                            {% endhelp_block %}
""",
            "",
        ),
    ],
}


def expected(name):
    text = (UPSTREAM / name).read_text(encoding="utf-8")
    for old, new in OVERRIDES[name]:
        if text.count(old) != 1:
            raise ValueError(f"{name}: the installed template no longer holds {old[:60]!r}")
        text = text.replace(old, new)
    return text


if __name__ == "__main__":
    for name in OVERRIDES:
        target = PROJECT / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(expected(name), encoding="utf-8")
        print(target)
