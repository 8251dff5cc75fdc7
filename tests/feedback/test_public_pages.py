"""The public pages: "Hỏi đáp" with filters and search, one answer's page, the links on procedure and
document pages; fixed query counts; the page cache keeps them whole and a publication shows at once."""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from feedback import workflow
from feedback.models import QuestionPage, Submission
from tests.feedback.conftest import post_submission

pytestmark = pytest.mark.django_db


def publish(portal, client, n, procedure="1.001193", agency=None, title=None):
    post_submission(
        client, subject=f"Câu hỏi số {n} về thủ tục", procedure=procedure, meta={"REMOTE_ADDR": f"10.3.{n // 200}.{n % 200}"}
    )
    submission = Submission.objects.order_by("-pk").first()
    agency = agency or portal.justice
    staff = portal.justice_staff if agency == portal.justice else portal.construction_staff
    workflow.perform(portal.reform, submission, "assign", {"agency": agency})
    workflow.perform(staff, submission, "answer", {"answer": f"Trả lời chính thức số {n} của cơ quan có thẩm quyền."})
    workflow.perform(portal.moderator, submission, "approve", {})
    workflow.perform(
        portal.moderator,
        submission,
        "publish",
        {
            "public_title": title or f"Câu hỏi công khai số {n}",
            "public_question": f"Nội dung câu hỏi công khai số {n}",
            "public_answer": f"Trả lời chính thức số {n} của cơ quan có thẩm quyền.",
        },
    )
    return QuestionPage.objects.get(pk=Submission.objects.get(pk=submission.pk).question_page_id)


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def test_the_question_list_filters_searches_and_refuses_bad_filters(portal, client):
    birth = publish(portal, client, 1, title="Đăng ký khai sinh cần giấy tờ gì")
    publish(portal, client, 2, procedure="1.009794", agency=portal.construction, title="Xây nhà cấp bốn có cần giấy phép")
    visitor = Client()
    everything = visitor.get("/hoi-dap/").content.decode()
    assert "Đăng ký khai sinh cần giấy tờ gì" in everything and "Xây nhà cấp bốn" in everything
    only_justice = visitor.get("/hoi-dap/", {"co_quan": "STP"}).content.decode()
    assert "khai sinh" in only_justice and "Xây nhà cấp bốn" not in only_justice
    by_procedure = visitor.get("/hoi-dap/", {"thu_tuc": "1.009794"}).content.decode()
    assert "Xây nhà cấp bốn" in by_procedure and "Đăng ký khai sinh cần" not in by_procedure
    folded = visitor.get("/hoi-dap/", {"q": "DANG KY KHAI SINH"}).content.decode()
    assert birth.url in folded and "Xây nhà cấp bốn" not in folded
    this_year = visitor.get("/hoi-dap/", {"nam": str(birth.answered_on.year)}).content.decode()
    assert "Xây nhà cấp bốn" in this_year
    for bad in [{"nam": "1999"}, {"co_quan": "KHONG-CO"}, {"q": "x" * 300}, {"thu_tuc": "<script>"}]:
        response = visitor.get("/hoi-dap/", bad)
        assert response.status_code == 400
        assert "không hợp lệ" in response.content.decode() or "quá dài" in response.content.decode()


def test_list_pages_run_a_fixed_number_of_queries(portal, client):
    first = publish(portal, client, 1)
    visitor = Client()
    visitor.get("/hoi-dap/")  # warm the site and settings caches
    few = (queries(visitor, "/hoi-dap/"), queries(visitor, "/hoi-dap/?co_quan=STP&q=cau+hoi"), queries(visitor, portal.birth.url))
    for n in range(2, 9):
        publish(portal, client, n)
    many = (
        queries(visitor, "/hoi-dap/"),
        queries(visitor, "/hoi-dap/?co_quan=STP&q=cau+hoi"),
        queries(visitor, portal.birth.url),
    )
    assert many == few
    assert few[0] <= 25, f"Hỏi đáp list: {few[0]} queries"
    assert visitor.get(first.url).status_code == 200


def test_the_procedure_page_lists_its_questions_and_links_to_the_form(portal, client):
    for n in range(7):
        publish(portal, client, n)
    page = Client().get(portal.birth.url).content.decode()
    assert page.count('class="faq-list"') == 1 and page.count("Câu hỏi công khai số") == 5
    assert "/hoi-dap/?thu_tuc=1.001193" in page
    assert "/phan-anh-kien-nghi/?thu_tuc=1.001193" in page
    other = Client().get(portal.building.url).content.decode()
    assert "Chưa có câu hỏi nào về thủ tục này" in other


def test_the_document_page_links_to_the_form_with_the_document(portal):
    page = Client().get(portal.decision.url).content.decode()
    assert f"/phan-anh-kien-nghi/?van_ban={portal.decision.pk}" in page
    form = Client().get(f"/phan-anh-kien-nghi/?van_ban={portal.decision.pk}").content.decode()
    assert "91/QĐ-UBND" in form and f'name="document" value="{portal.decision.pk}"' in form


def test_the_form_page_preselects_the_procedure_and_refuses_unknown_ones(portal):
    visitor = Client()
    page = visitor.get("/phan-anh-kien-nghi/", {"thu_tuc": "1.001193"}).content.decode()
    assert 'name="procedure" value="1.001193"' in page and "Đăng ký khai sinh" in page
    agency = visitor.get("/phan-anh-kien-nghi/", {"co_quan": "STP"}).content.decode()
    assert '<option value="1.001193">' in agency and "1.009794" not in agency
    for bad in [{"thu_tuc": "9.999999"}, {"van_ban": "abc"}, {"co_quan": "<b>x</b>"}]:
        response = visitor.get("/phan-anh-kien-nghi/", bad)
        assert response.status_code == 400 and "Không tìm thấy" in response.content.decode()
        assert "<b>x</b>" not in response.content.decode()
    procedures = visitor.get("/pakn/thu-tuc/", {"co_quan": "SXD"}).json()["procedures"]
    assert procedures == [{"code": "1.009794", "title": "Cấp giấy phép xây dựng nhà ở riêng lẻ"}]
    assert visitor.get("/pakn/thu-tuc/", {"co_quan": "nope"}).status_code == 400


def test_form_and_list_pages_are_cached_whole_and_publishing_shows_at_once(portal, client, settings):
    settings.PAGE_CACHE_SECONDS = 600
    visitor = Client()
    first = visitor.get("/phan-anh-kien-nghi/?thu_tuc=1.001193")
    second = visitor.get("/phan-anh-kien-nghi/?thu_tuc=1.001193")
    assert first["X-Page-Cache"] == "miss" and second["X-Page-Cache"] == "hit"
    assert not first.cookies and "csrfmiddlewaretoken" not in first.content.decode()
    assert visitor.get(portal.birth.url)["X-Page-Cache"] == "miss"
    assert visitor.get(portal.birth.url)["X-Page-Cache"] == "hit"
    assert visitor.get("/hoi-dap/")["X-Page-Cache"] == "miss"
    publish(portal, client, 1, title="Câu hỏi vừa được công khai")
    procedure = visitor.get(portal.birth.url)
    assert procedure["X-Page-Cache"] == "miss" and "Câu hỏi vừa được công khai" in procedure.content.decode()
    assert "Câu hỏi vừa được công khai" in visitor.get("/hoi-dap/").content.decode()
    token = visitor.get("/pakn/ma-phieu/")
    assert token["Cache-Control"] == "no-store, private" and token.json()["token"]


def test_a_published_answer_carries_no_personal_data(portal, client):
    page = publish(portal, client, 1)
    html = Client().get(page.url).content.decode()
    assert "Trả lời chính thức số 1" in html and '"@type": "FAQPage"' in html
    for personal in ["Nguyễn Văn An", "0912 345 678", "an@example.com", "Tổ 3, phường Trung tâm"]:
        assert personal not in html
    assert page.asked_on <= page.answered_on <= datetime.date.today() + datetime.timedelta(days=1)
    assert page.url in Client().get("/sitemap.xml").content.decode()
