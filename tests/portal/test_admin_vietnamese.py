"""The admin in Vietnamese for every role, names in Vietnamese order, no outside services.

Each role signs in and walks the admin pages it uses (and the pages those link to, one of each kind);
no visible text may be English that Wagtail or Django translate, checked against the installed
packages' own English catalogues so that the test follows upgrades.
"""

import gettext
import io
import json
import re
import shutil
import subprocess
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Workflow

from portal import i18n, names
from portal.roles import ADMINS, EDITORS, MODERATORS, REFORM_OFFICE, agency_role
from procedures.models import ApplicantType, ProcedureField, ProcedureImport, ProcedureLevel
from tests import factories
from tests.admin_english import find_english, visible_texts
from tests.portal.admin_overrides import OVERRIDES, PROJECT, expected
from tests.portal.test_roles import news_form

pytestmark = pytest.mark.django_db

ADMIN = "/admin/"
# Links never followed: downloads, the public site's drafts and previews, and what leaves the HTML admin.
SKIPPED = re.compile(
    r"logout|jsi18n|/api/|download|export|\.(csv|xlsx|pdf|zip)|/preview|view_draft|/serve/|/documents/\d+/[^/]+$|usage_count|/chooser/"
)


def person(username, full_name, groups, superuser=False):
    user = factories.UserFactory(username=username, groups=groups, is_superuser=superuser, is_staff=superuser)
    user.first_name, user.last_name = names.split_full_name(full_name)
    user.save()
    return user


@pytest.fixture
def site(tree):
    """A small portal in Vietnamese: news in every state, a procedure, images, documents, snippets."""
    people = SimpleNamespace(
        admin=person("quantri", "Phạm Minh Tuấn", [ADMINS], superuser=True),
        editor=person("bientap", "Nguyễn Thị Thu Hà", [EDITORS]),
        moderator=person("duyet", "Trần Văn Dũng", [MODERATORS]),
        reform=person("cchc", "Lê Thị Mai Anh", [REFORM_OFFICE]),
        agency=person("stp", "Hoàng Quốc Việt", [agency_role(tree.justice)]),
    )
    live = factories.NewsPageFactory(parent=tree.category, title="Tỉnh rút ngắn thời gian giải quyết hồ sơ")
    draft = factories.NewsPageFactory(parent=tree.category, title="Bản tin tháng bảy", live=False)
    reviewed = factories.NewsPageFactory(parent=tree.category, title="Một cửa liên thông cấp xã", live=False)
    workflow = Workflow.objects.get(name="Duyệt nội dung")
    reviewed.save_revision(user=people.editor)
    workflow.start(reviewed, people.editor)
    field = ProcedureField.objects.create(name="Hộ tịch", code="HT")
    level = ProcedureLevel.objects.create(name="Cấp xã", code="XA", sort_order=1)
    applicant = ApplicantType.objects.create(name="Công dân Việt Nam", code="CD")
    procedure = factories.ProcedurePageFactory(parent=tree.justice, title="Đăng ký khai sinh", code="1.001193")
    procedure.fields.add(field)
    procedure.levels.add(level)
    procedure.applicants.add(applicant)
    procedure.save_revision(user=people.agency).publish()
    image = get_image_model().objects.create(
        title="Lễ ra mắt bộ phận một cửa", file=get_test_image_file(filename="mot-cua.png"), uploaded_by_user=people.editor
    )
    document = get_document_model().objects.create(
        title="Mẫu tờ khai đăng ký khai sinh",
        file=SimpleUploadedFile("to-khai.pdf", b"%PDF-1.4 to khai"),
        uploaded_by_user=people.editor,
    )
    procedure_import = ProcedureImport.objects.create(
        user=people.agency,
        file_name="thu-tuc.xlsx",
        restricted=True,
        total=2,
        valid=1,
        problems=[{"file": "thu-tuc.xlsx", "sheet": "thu_tuc", "row": 3, "column": "ten", "reason": "bắt buộc, đang để trống"}],
    )
    return SimpleNamespace(
        people=people,
        procedure_import=procedure_import,
        tree=tree,
        live=live,
        draft=draft,
        reviewed=reviewed,
        procedure=procedure,
        field=field,
        image=image,
        document=document,
    )


def seeds(site, role):
    """The admin pages a role uses every day; the sidebar's menu and links on these are followed too."""
    tree, people = site.tree, site.people
    pages = [ADMIN, reverse("wagtailadmin_account")]
    if role != "reform":
        pages += [reverse("wagtailadmin_explore_root"), reverse("wagtailadmin_pages:search") + "?q=khai+sinh"]
    if role != "agency":
        pages += [reverse("wagtailimages:add_multiple"), reverse("wagtaildocs:add_multiple")]
    if role in ("editor", "moderator", "admin"):
        pages += [reverse("wagtailimages:edit", args=(site.image.pk,)), reverse("wagtaildocs:edit", args=(site.document.pk,))]
    if role in ("editor", "moderator", "admin"):
        pages += [reverse("wagtailadmin_explore", args=(tree.category.pk,))]
        pages += [reverse("wagtailadmin_pages:edit", args=(page.pk,)) for page in (site.live, site.draft, site.reviewed)]
        pages += [reverse("wagtailadmin_pages:add", args=("news", "newspage", tree.category.pk))]
        pages += [reverse("wagtailadmin_pages:history", args=(site.reviewed.pk,))]
        pages += [reverse("wagtailadmin_pages:workflow_history", args=(site.reviewed.pk,))]
        pages += [reverse("wagtailadmin_pages:revisions_index", args=(site.live.pk,))]
    if role == "moderator":
        task_state = site.reviewed.current_workflow_task_state
        for action in ("approve", "reject"):
            pages += [reverse("wagtailadmin_pages:workflow_action", args=(site.reviewed.pk, action, task_state.pk))]
        state = site.reviewed.current_workflow_state
        pages += [reverse("wagtailadmin_pages:workflow_history_detail", args=(site.reviewed.pk, state.pk))]
    if role in ("agency", "admin"):
        pages += [reverse("wagtailadmin_explore", args=(tree.justice.pk,))]
        pages += [reverse("wagtailadmin_pages:edit", args=(site.procedure.pk,))]
        pages += [reverse("wagtailadmin_pages:add", args=("procedures", "procedurepage", tree.justice.pk))]
    if role in ("agency", "reform", "admin"):
        pages += [reverse("procedure_import_upload")]
    if role == "agency":
        pages += [reverse("procedure_import", args=(site.procedure_import.pk,))]
    if role in ("reform", "admin"):
        pages += [reverse("wagtailsnippets_reform_dossierstatistics:add")]
    if role == "admin":
        pages += [reverse("wagtailusers_users:add"), reverse("wagtailusers_users:edit", args=(people.editor.pk,))]
        pages += [reverse("wagtailsnippets_procedures_procedurefield:edit", args=(site.field.pk,))]
        pages += [reverse("wagtailadmin_pages:copy", args=(site.live.pk,))]
        pages += [reverse("wagtailadmin_pages:delete", args=(site.live.pk,))]
        pages += [reverse("wagtailadmin_pages:move", args=(site.live.pk,))]
    return pages


def shape(url):
    """One page of each kind: /admin/pages/12/edit/ and /admin/pages/13/edit/ are the same kind."""
    return re.sub(r"\d+", "N", urlsplit(url).path)


def admin_links(html):
    found = re.findall(r"""(?:href|data-url|data-w-swap-src-value)=["'](/admin/[^"'#]*)""", html)
    found += re.findall(r'"url":\s*"(/admin/[^"]*)"', html)  # the sidebar's menu items
    return [link.replace("&amp;", "&") for link in found]


def walk(client, urls, seen_shapes):
    """Visit the seeds and, one level deep, one link of each kind they show; {url: html}."""
    visited = {}

    def visit(url):
        response = client.get(url, follow=True)
        if response.status_code == 200 and "text/html" in response.get("Content-Type", ""):
            visited[url] = response.content.decode()
        elif response.status_code == 200 and "json" in response.get("Content-Type", ""):
            visited[url] = response.json().get("html", "")  # a dialog the page opens (workflow actions)
        return response

    for url in urls:
        response = visit(url)
        assert response.status_code == 200, f"{url}: {response.status_code}"
        seen_shapes.add(shape(url))
    for html in list(visited.values()):
        for link in admin_links(html):
            if SKIPPED.search(link) or shape(link) in seen_shapes:
                continue
            seen_shapes.add(shape(link))
            visit(link)
    return visited


def english_on(pages):
    """English message ids on the pages; a language's own name in the language menu ("English") is fine."""
    own_names = {str(name) for _code, name in settings.WAGTAILADMIN_PERMITTED_LANGUAGES}
    problems = {}
    for url, html in pages.items():
        found = find_english(text for text in visible_texts(html) if text not in own_names)
        if found:
            problems[url] = found
    return problems


def test_every_role_works_in_vietnamese_with_nothing_from_outside(client, site):
    """Each role's pages: no English Wagtail or Django translate, no address outside the portal.

    The pages a role uses are always visited; a kind of page reached through links is visited once,
    by the first role that reaches it. No Gravatar (it receives editors' e-mail hashes), no guide on
    wagtail.org: the rendered admin holds no outside address at all.
    """
    seen, english, outside, visited = set(), {}, {}, 0
    for role in ("admin", "editor", "moderator", "reform", "agency"):
        client.force_login(getattr(site.people, role))
        pages = walk(client, seeds(site, role), seen)
        visited += len(pages)
        english.update({f"{role} {url}": found for url, found in english_on(pages).items()})
        outside.update({f"{role} {url}": found for url, html in pages.items() if (found := outside_urls(html))})
    assert visited >= 60
    assert english == {}
    assert outside == {}


def test_forms_errors_and_messages_are_vietnamese(client, site):
    """What Django and Wagtail say back: validation errors, password rules, flash messages, login."""
    client.force_login(site.people.editor)
    add = reverse("wagtailadmin_pages:add", args=("news", "newspage", site.tree.category.pk))
    response = client.post(add, news_form("", "action-submit"))
    html = response.content.decode()
    assert "Trường này là bắt buộc." in html
    assert english_on({add: html}) == {}

    client.force_login(site.people.admin)
    response = client.post(
        reverse("wagtailusers_users:add"),
        {"username": "moi", "email": "moi@example.gov.vn", "first_name": "", "last_name": "", "password1": "12345678",
         "password2": "12345678"},
    )  # fmt: skip
    html = response.content.decode()
    assert "Mật khẩu này quá phổ biến." in html
    assert "Mật khẩu này chỉ gồm chữ số." in html
    assert "Họ và tên đệm" in html and ">Tên<" in html.replace("\n", "").replace(" ", "")
    assert english_on({"add user": html}) == {}

    response = client.post(reverse("wagtailadmin_pages:unpublish", args=(site.live.pk,)), follow=True)
    assert "Đã ngừng xuất bản trang “Tỉnh rút ngắn thời gian giải quyết hồ sơ”." in response.content.decode()

    client.logout()
    response = client.post(reverse("wagtailadmin_login"), {"username": "bientap", "password": "sai"})
    html = response.content.decode()
    assert "Sai tên đăng nhập hoặc mật khẩu. Vui lòng thử lại." in html
    assert english_on({"login": html}) == {}
    assert english_on({"password reset": client.get(reverse("wagtailadmin_password_reset")).content.decode()}) == {}


def test_the_english_finder_sees_untranslated_admin_text(client, site):
    """The check itself: with the admin in English it reports the menu, buttons and messages."""
    from wagtail.users.models import UserProfile

    user = site.people.editor
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(user)
    html = client.get(reverse("wagtailadmin_pages:edit", args=(site.live.pk,))).content.decode()
    found = find_english(visible_texts(html))
    for english in (
        "Images",
        "Documents",
        "Reports",
        "Help",
        "Save draft",
        "The page title as you'd like it to be seen by the public",
    ):
        assert english in found, english
    assert find_english(["Đã xuất bản trang “Save draft”."]) != {}
    assert find_english(["Lưu bản nháp", "Thư viện ảnh", "Tỉnh rút ngắn thời gian giải quyết hồ sơ"]) == {}


def sidebar_account_name(html):
    props = json.loads(re.search(r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', html, re.S)[1])
    menu = next(module for module in props["modules"] if module["_type"] == "wagtail.sidebar.MainMenuModule")
    return menu["_args"][2]["name"]


def test_names_read_in_vietnamese_order_wherever_the_admin_shows_a_user(client, site):
    editor = site.people.editor
    assert (editor.first_name, editor.last_name) == ("Nguyễn Thị Thu", "Hà")
    assert editor.get_full_name() == "Nguyễn Thị Thu Hà"
    assert editor.get_short_name() == "Hà"
    client.force_login(site.people.moderator)
    dashboard = client.get(ADMIN).content.decode()
    assert "Trần Văn Dũng" in dashboard  # account summary
    assert sidebar_account_name(dashboard) == "Trần Văn Dũng"
    assert "Nguyễn Thị Thu Hà" in dashboard  # who submitted the page awaiting review
    assert "Thu Hà Nguyễn" not in dashboard and "Hà Nguyễn Thị" not in dashboard

    client.force_login(site.people.admin)
    users = client.get(reverse("wagtailusers_users:index") + "?ordering=name").content.decode()
    order = [users.index(name) for name in ("Lê Thị Mai Anh", "Trần Văn Dũng", "Nguyễn Thị Thu Hà", "Phạm Minh Tuấn")]
    assert order == sorted(order), "users are listed by tên (Anh, Dũng, Hà, Tuấn)"


def test_notification_greets_by_the_given_name(site):
    mail.outbox.clear()
    workflow = Workflow.objects.get(name="Duyệt nội dung")
    page = factories.NewsPageFactory(parent=site.tree.category, title="Tin gửi duyệt", live=False)
    page.save_revision(user=site.people.editor)
    workflow.start(page, site.people.editor)
    to_moderator = [message for message in mail.outbox if message.to == [site.people.moderator.email]]
    assert to_moderator, "the moderator is told"
    body = to_moderator[0].body
    assert "Xin chào Dũng," in body
    assert "Trang “Tin gửi duyệt” đã được gửi để phê duyệt tới bước duyệt “Người duyệt phê duyệt”." in body


def test_demo_users_have_vietnamese_names(db, home):
    from demo import site as demo

    demo.load_users()
    User = get_user_model()
    shown = {
        user.username: user.get_full_name() for user in User.objects.filter(username__in=["admin", "bientap", "duyet", "cchc"])
    }
    assert shown == {
        "admin": "Phạm Minh Tuấn",
        "bientap": "Nguyễn Thị Thu Hà",
        "duyet": "Trần Văn Dũng",
        "cchc": "Lê Thị Mai Anh",
    }
    assert User.objects.get(username="bientap").last_name == "Hà"


URL = re.compile(r"""(?:https?:)?(?:\\?/){2}([\w.-]+\.[a-z]{2,}|localhost|testserver)[^\s"'<>)]*""", re.I)
# Names in XML, never fetched.
NAMESPACES = ("http://www.w3.org/",)


def outside_urls(html):
    """Every address in the page (attributes, scripts' data, styles) that is not this site's."""
    return [
        match.group(0)
        for match in URL.finditer(html)
        if match.group(1).lower() not in ("testserver", "localhost") and not match.group(0).startswith(NAMESPACES)
    ]


def test_outside_addresses_are_found():
    html = '<img src="//www.gravatar.com/avatar/x"><a href="https://guide.wagtail.org/en/">x</a><svg xmlns="http://www.w3.org/2000/svg">'
    html += '{"url": "https:\\/\\/wagtail.org\\/"} <a href="http://testserver/admin/">'
    assert outside_urls(html) == ["//www.gravatar.com/avatar/x", "https://guide.wagtail.org/en/", "https:\\/\\/wagtail.org\\/"]


def test_avatars_are_initials_or_the_uploaded_picture(client, site):
    from wagtail.users.models import UserProfile

    editor = site.people.editor
    assert names.initials(editor) == "NH"
    uri = names.avatar_url(editor, 50)
    assert uri.startswith("data:image/svg+xml") and "NH" in uri
    profile = UserProfile.get_for_user(editor)
    profile.avatar = SimpleUploadedFile("anh.png", get_test_image_file().file.getvalue())
    profile.save()
    editor = get_user_model().objects.get(pk=editor.pk)
    assert names.avatar_url(editor, 50) is None  # Wagtail then shows the uploaded picture
    client.force_login(editor)
    assert profile.avatar.url in client.get(ADMIN).content.decode()


def test_catalogue_holds_every_admin_string_translated():
    """After an upgrade this fails until `manage.py admin_translations --missing` prints nothing."""
    out = io.StringIO()
    call_command("admin_translations", "--missing", "--check", stdout=out)
    assert "Không còn chuỗi nào chưa dịch." in out.getvalue()


def test_compiled_catalogues_are_those_of_the_po_files():
    """The test command and `make run` compile portal/locale; a stale .mo would test old strings."""
    for domain in i18n.DOMAINS:
        po = i18n.project_po(domain)
        compiled = i18n.compile_mo(i18n.project_entries(domain))
        assert po.with_suffix(".mo").read_bytes() == compiled, f"run `make messages` ({po.name} changed)"


def test_every_catalogue_the_admin_loads_is_translated_in_full():
    out = io.StringIO()
    call_command("admin_translations", stdout=out)
    lines = out.getvalue().splitlines()
    total = next(line for line in lines if line.startswith("tổng"))
    done, count = map(int, re.findall(r"(\d+) / (\d+)", total)[0])
    assert done == count and count > 2000
    assert any(line.startswith("wagtail.admin (djangojs)") for line in lines)


def test_javascript_catalogue_is_vietnamese(client):
    """What the admin's scripts say ("Collapse all", "3 errors") comes from the project's djangojs.po."""
    text = client.get(reverse("wagtailadmin_javascript_catalog"), HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    catalog = json.loads(re.search(r"const newcatalog = (\{.*?\n  \});", text, re.S)[1])
    assert catalog["Collapse all"] == "Thu gọn tất cả"
    assert catalog["%(num)s error"] == ["%(num)s lỗi"]  # one plural form
    assert "const v = 0;" in text


def test_glossary_terms_are_used(site):
    """The glossary's key terms are what the catalogue says for them."""
    vietnamese = {entry.msgid: entry.msgstr[0] for entry in i18n.project_entries("django")}
    expected = {
        "Save draft": "Lưu bản nháp",
        "Publish": "Xuất bản",
        "Unpublish": "Ngừng xuất bản",
        "Submit for moderation": "Gửi duyệt",
        "Set publishing schedule": "Đặt lịch xuất bản",
        "Images": "Thư viện ảnh",
        "Documents": "Tài liệu",
        "Reports": "Báo cáo",
        "Workflow": "Quy trình duyệt",
        "Revert": "Khôi phục",
        "Snippets": "Dữ liệu dùng chung",
    }
    assert {english: vietnamese[english] for english in expected} == expected


@pytest.mark.parametrize("name", sorted(OVERRIDES))
def test_admin_template_copies_follow_the_installed_wagtail(name):
    """Each copy is Wagtail's template with the listed changes; after an upgrade, remake the copies."""
    ours = (PROJECT / name).read_text(encoding="utf-8")
    assert ours == expected(name), "run `python -m tests.portal.admin_overrides` and review the diff"


def test_help_menu_and_sites_listing_in_vietnamese(client, site):
    client.force_login(site.people.admin)
    dashboard = client.get(ADMIN).content.decode()
    assert "Phím tắt" in dashboard and "guide.wagtail.org" not in dashboard
    sites = client.get(reverse("wagtailsites:index")).content.decode()
    for heading in ("Trang gốc", "Tên trang web", "Cổng"):
        assert heading in sites
    assert "Root page" not in sites and "Site name" not in sites


@pytest.fixture
def project_catalogue(tmp_path, monkeypatch):
    """A copy of the project's catalogue to play an upgrade on."""
    import shutil

    for domain in i18n.DOMAINS:
        target = tmp_path / "vi" / "LC_MESSAGES" / f"{domain}.po"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(i18n.project_po(domain), target)
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    return tmp_path


def test_after_an_upgrade_the_command_lists_the_new_strings(project_catalogue):
    """New ids in Wagtail (here: ids our copy lacks) are listed, then added for translation."""
    path = i18n.project_po("django")
    entries = [entry for entry in i18n.project_entries("django") if entry.msgid not in ("Save draft", "Publish")]
    entries[0].flags.append("fuzzy")
    path.write_text(i18n.format_po(entries), encoding="utf-8")

    out = io.StringIO()
    with pytest.raises(CommandError, match="3 chuỗi chưa dịch"):
        call_command("admin_translations", "--missing", stdout=out)
    listed = out.getvalue()
    assert "wagtail.admin\tchưa có\tSave draft" in listed
    assert f"cần xem lại\t{entries[0].msgid}" in listed

    call_command("admin_translations", "--update", stdout=io.StringIO())
    updated = {entry.msgid: entry for entry in i18n.project_entries("django")}
    assert updated["Publish"].fuzzy and updated["Publish"].msgstr == ["Xuất bản"]  # Wagtail's Vietnamese, to check
    assert updated["Save draft"].msgstr == [""]  # Wagtail has none: ours to write
    with pytest.raises(CommandError, match="3 chuỗi chưa dịch"):
        call_command("admin_translations", "--missing", stdout=io.StringIO())


def test_the_check_refuses_broken_placeholders_and_tags():
    broken = i18n.Entry("Delete %(title)s", msgstr=["Xóa %(ten)s"])
    assert i18n.check_entry(broken)
    assert i18n.check_entry(i18n.Entry("<b>%(user)s</b> locked it", msgstr=["%(user)s đã khóa"]))
    assert i18n.check_entry(i18n.Entry("Restart workflow ", msgstr=["Bắt đầu lại"]))
    plural = i18n.Entry("1 page", "%(counter)s pages", msgstr=["%(counter)s trang"])
    assert i18n.check_entry(plural) == []


@pytest.mark.skipif(not shutil.which("msgfmt"), reason="GNU gettext's msgfmt is not installed")
def test_python_compiler_agrees_with_gnu_msgfmt(tmp_path):
    for domain in i18n.DOMAINS:
        ours = tmp_path / f"ours-{domain}.mo"
        ours.write_bytes(i18n.compile_mo(i18n.project_entries(domain)))
        gnu = tmp_path / f"gnu-{domain}.mo"
        subprocess.run(["msgfmt", "--check-format", "-o", str(gnu), str(i18n.project_po(domain))], check=True)
        with ours.open("rb") as a, gnu.open("rb") as b:
            mine, theirs = gettext.GNUTranslations(a), gettext.GNUTranslations(b)
        assert mine._catalog == theirs._catalog
