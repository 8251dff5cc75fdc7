"""A small portal with two agencies, procedures, a document, the feedback pages, and one user per role."""

import io
import time
from types import SimpleNamespace

import pytest
from django.db import transaction
from PIL import Image
from wagtail.models import Locale, Page, Site

from feedback.forms import form_signer
from feedback.models import FeedbackPage, QuestionIndexPage
from portal.models import SiteSettings
from portal.roles import ADMINS, EDITORS, MODERATORS, REFORM_OFFICE, agency_role
from tests import factories
from tests.search.conftest import elasticsearch_server, store, use_elasticsearch  # noqa: F401 - the two search stores

ORIGIN = "http://testserver"


@pytest.fixture(autouse=True)
def private_root(settings, tmp_path):
    settings.FEEDBACK_PRIVATE_ROOT = tmp_path / "private"
    return settings.FEEDBACK_PRIVATE_ROOT


class FeedbackPageFactory(factories.PageFactory):
    class Meta:
        model = FeedbackPage

    title = "Gửi phản ánh, kiến nghị"
    slug = "phan-anh-kien-nghi"


class QuestionIndexPageFactory(factories.PageFactory):
    class Meta:
        model = QuestionIndexPage

    title = "Hỏi đáp"
    slug = "hoi-dap"


def _build():
    """The tree of tests/conftest.py (`home`, `tree`, `users`) plus what feedback needs."""
    root = Page.get_first_root_node()
    if root is None:
        Locale.objects.get_or_create(language_code="vi")
        root = Page.add_root(title="Root", slug="root")
    for page in root.get_children():
        page.delete()
    home = factories.HomePageFactory(parent=root)
    Site.objects.all().delete()
    site = Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Cổng")
    SiteSettings.objects.create(site=site, portal_name="Cổng thông tin CCHC tỉnh Thử Nghiệm")
    documents = factories.DocumentIndexPageFactory(parent=home, show_in_menus=True)
    procedures = factories.ProcedureIndexPageFactory(parent=home, show_in_menus=True)
    justice = factories.AgencyPageFactory(parent=procedures, title="Sở Tư pháp", slug="so-tu-phap", short_name="STP")
    construction = factories.AgencyPageFactory(parent=procedures, title="Sở Xây dựng", slug="so-xay-dung", short_name="SXD")
    birth = factories.ProcedurePageFactory(parent=justice, title="Đăng ký khai sinh", code="1.001193")
    marriage = factories.ProcedurePageFactory(parent=justice, title="Đăng ký kết hôn", code="1.000894")
    building = factories.ProcedurePageFactory(parent=construction, title="Cấp giấy phép xây dựng nhà ở riêng lẻ", code="1.009794")
    decision = factories.DecisionPageFactory(parent=documents, number="91/QĐ-UBND", title="Công bố thủ tục hộ tịch")
    form_page = FeedbackPageFactory(parent=home, show_in_menus=True)
    questions = QuestionIndexPageFactory(parent=home, show_in_menus=True)
    return SimpleNamespace(
        home=home,
        documents=documents,
        procedures=procedures,
        justice=justice,
        construction=construction,
        admin=factories.UserFactory(username="quantri", groups=[ADMINS]),
        editor=factories.UserFactory(username="bientap", groups=[EDITORS]),
        moderator=factories.UserFactory(username="duyet", groups=[MODERATORS]),
        reform=factories.UserFactory(username="cchc", groups=[REFORM_OFFICE]),
        justice_staff=factories.UserFactory(username="stp", groups=[agency_role(justice)]),
        construction_staff=factories.UserFactory(username="sxd", groups=[agency_role(construction)]),
        birth=birth,
        marriage=marriage,
        building=building,
        decision=decision,
        form_page=form_page,
        questions=questions,
    )


@pytest.fixture(scope="module")
def module_portal(django_db_setup, django_db_blocker):
    """Built once per module inside a transaction rolled back afterwards; each test runs in a savepoint."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield _build()
        transaction.set_rollback(True)


@pytest.fixture
def portal(module_portal, db):
    return module_portal


def token(age=60):
    return form_signer.sign(str(int(time.time()) - age))


def form_data(**overrides):
    data = {
        "kind": "question",
        "subject": "Hỏi về giấy tờ đăng ký khai sinh",
        "content": "Con tôi sinh ở bệnh viện tỉnh khác, xin hỏi cần mang theo giấy tờ gì khi đăng ký khai sinh?",
        "procedure": "1.001193",
        "name": "Nguyễn Văn An",
        "phone": "0912 345 678",
        "email": "an@example.com",
        "address": "Tổ 3, phường Trung tâm",
        "publish_allowed": "on",
        "consent": "on",
        "website": "",
        "token": token(),
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def post_submission(client, files=(), origin=ORIGIN, meta=None, **overrides):
    data = form_data(**overrides)
    if files:
        data["attachments"] = list(files)
    headers = {"HTTP_ORIGIN": origin} if origin else {}
    return client.post("/pakn/gui/", data, **headers, **(meta or {}))


def png_file(name="anh.png", size=(64, 48)):
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, format="PNG")
    buffer.seek(0)
    buffer.name = name
    return buffer


def pdf_file(name="giay-hen.pdf"):
    from demo.feedback import _pdf

    buffer = io.BytesIO(_pdf("Giay hen tra ket qua"))
    buffer.name = name
    return buffer


def named_bytes(content, name):
    buffer = io.BytesIO(content)
    buffer.name = name
    return buffer
