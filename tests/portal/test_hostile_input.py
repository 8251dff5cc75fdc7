"""Input the database cannot store (NUL) is refused where it enters, with a Vietnamese message and a 400,
on every public endpoint — never a 500 from PostgreSQL ("text fields cannot contain NUL")."""

import pytest
from django.test import Client
from django.urls import reverse

from portal.engagement.models import Comment, Rating
from tests import factories

pytestmark = pytest.mark.django_db

MESSAGE = "ký tự không hợp lệ"
BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0 Safari/537.36"


@pytest.fixture
def site(tree):
    article = factories.NewsPageFactory(parent=tree.category, title="Tin thử")
    procedure = factories.ProcedurePageFactory(parent=tree.justice, code="1.001", title="Đăng ký khai sinh")
    return tree, article, procedure


def visitor():
    return Client(HTTP_USER_AGENT=BROWSER, HTTP_ORIGIN="http://testserver", raise_request_exception=False)


GETS = [
    "/api/thu-tuc/%00/",
    "/api/thu-tuc/a%00b/",
    "/api/thu-tuc/?agency=%00",
    "/api/thu-tuc/?field=HT%00&page=1",
    "/api/thu-tuc/?page=1%00",
    "/tra-cuu-thu-tuc/?q=khai%00sinh",
    "/tra-cuu-thu-tuc/?q=khai&co_quan=%00",
    "/tra-cuu-thu-tuc/?q%00=khai",
    "/tim-kiem/?q=%00",
    "/tim-kiem/?q=khai&tu_ngay=01/01/2025%00",
    "/tim-kiem/goi-y/?q=kh%00",
    "/tuong-tac/so-lieu/?p=%00",
    "/tuong-tac/luot-xem.gif?p=1%00",
    "/tin-tuc/%00/",
    "/tin-tuc/cchc/?tag=%00",
    "/tin-tuc/cchc/?date_from=%00",
    "/van-ban/?q=91%00",
    "/van-ban/?doc_type=%00&year=2025",
    "/%00",
    "/tra-cuu-thu-tuc/?q=khai&su_kien=%00",
    "/thu-tuc-theo-su-kien/?page=%00",
    "/en/tim-kiem/?q=%00",
    "/en/%00",
    "/sitemap.xml?p=%00",
]


def _refused(response, api):
    if response.status_code != 400:
        return False
    if api:
        return MESSAGE in response.json()["errors"]["input"][0]
    html = response.content.decode()
    return MESSAGE in html and 'role="alert"' in html


def test_nul_in_a_path_or_query_string_is_a_400_with_a_message(site):
    client = visitor()
    not_refused = [url for url in GETS if not _refused(client.get(url, HTTP_ACCEPT="text/html"), url.startswith("/api/"))]
    assert not_refused == []


@pytest.mark.parametrize(
    ("name", "fields"),
    [
        ("engagement:hit", {"page": "1\x00"}),
        ("engagement:rate", {"page": "{article}", "stars": "5\x00"}),
        ("engagement:rate", {"page": "{article}", "stars": "5", "x\x00": "1"}),
        ("engagement:comment", {"page": "{article}", "name": "Nguyễn\x00 Văn A", "text": "Ý kiến có ký tự lạ."}),
        ("engagement:comment", {"page": "{article}", "name": "A", "email": "a@b.vn\x00", "text": "Ý kiến có ký tự lạ."}),
    ],
)
def test_nul_in_a_form_is_a_400_and_nothing_is_written(site, name, fields):
    _tree, article, _procedure = site
    data = {key: value.replace("{article}", str(article.pk)) for key, value in fields.items()}
    response = visitor().post(reverse(name), data, HTTP_ACCEPT="application/json")
    assert response.status_code == 400
    assert MESSAGE in response.json()["error"]
    assert not Rating.objects.exists() and not Comment.objects.exists()


def test_nul_in_a_multipart_form_and_in_a_header_is_refused(site):
    _tree, article, _procedure = site
    multipart = visitor().post(reverse("engagement:comment"), {"page": article.pk, "name": "A\x00", "text": "Ý kiến thử."})
    assert multipart.status_code == 400 and MESSAGE in multipart.content.decode()
    header = visitor().post(reverse("engagement:hit"), {"page": article.pk}, HTTP_USER_AGENT="Mozilla\x00/5.0")
    assert header.status_code == 400


def test_nul_in_the_admin_sign_in_is_refused_without_a_trace(site):
    response = Client().post(reverse("wagtailadmin_login"), {"username": "admin\x00", "password": "x"})
    assert response.status_code == 400 and MESSAGE in response.content.decode()


def test_control_characters_other_than_nul_stay_text(site):
    response = visitor().get("/tra-cuu-thu-tuc/", {"q": "khai\x07sinh\x1b"})
    assert response.status_code == 200
    assert visitor().get("/api/thu-tuc/a%07b/").status_code == 404
