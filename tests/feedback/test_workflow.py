"""The whole path through the admin, and what each role may see and do (403 otherwise)."""

import re

import pytest
from django.core import mail
from django.test import Client

from feedback.choices import Action, Status
from feedback.models import QuestionPage, Submission
from tests.feedback.conftest import ORIGIN, png_file, post_submission

pytestmark = pytest.mark.django_db

INDEX = "/admin/phan-anh-kien-nghi/"


def inspect_url(submission):
    return f"{INDEX}inspect/{submission.pk}/"


def act(client, submission, action, **fields):
    data = {f"{action}-{name}": value for name, value in fields.items()}
    return client.post(f"{INDEX}{submission.pk}/thao-tac/{action}/", data)


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def submission(portal, client):
    post_submission(client, files=[png_file()])
    return Submission.objects.get()


def test_submit_track_triage_assign_answer_approve_publish_and_find_it(portal, client, django_capture_on_commit_callbacks):
    procedure_page = client.get(portal.birth.url).content.decode()
    link = re.search(r'href="([^"]+\?thu_tuc=1.001193)"', procedure_page).group(1)
    assert "Câu hỏi thường gặp về thủ tục này" in procedure_page
    form = client.get(link)
    assert form.status_code == 200 and "Đăng ký khai sinh" in form.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        sent = post_submission(client)
    code = re.search(r"data-code>(PAKN-[\d-]+)<", sent.content.decode()).group(1)
    secret = re.search(r"data-secret>([A-Z0-9-]+)<", sent.content.decode()).group(1)
    submission = Submission.objects.get(code=code)
    assert any(code in m.subject for m in mail.outbox if portal.reform.email in m.to)
    assert not any(portal.admin.email in m.to for m in mail.outbox)  # admins are not the reform office

    office = signed_in(portal.reform)
    assert code in office.get(INDEX).content.decode()
    page = office.get(inspect_url(submission)).content.decode()
    assert 'data-action="assign"' in page and "Nguyễn Văn An" in page
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = act(office, submission, "assign", agency=portal.justice.pk, note="Chuyển Sở Tư pháp")
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.status == Status.ASSIGNED and submission.answer_due is not None
    assert [m.to for m in mail.outbox] == [[portal.justice_staff.email]]

    department = signed_in(portal.justice_staff)
    assert code in department.get(INDEX).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        act(
            department,
            submission,
            "answer",
            answer="Người đi đăng ký mang giấy chứng sinh và giấy tờ tùy thân; giải quyết trong ngày.",
        )
    submission.refresh_from_db()
    assert submission.status == Status.ANSWERED and submission.answered_by == portal.justice_staff
    assert any(portal.moderator.email in m.to for m in mail.outbox)

    approver = signed_in(portal.moderator)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        act(approver, submission, "approve", answer=submission.answer)
    citizen_mail = [m for m in mail.outbox if m.to == ["an@example.com"]]
    assert len(citizen_mail) == 1 and "giấy chứng sinh" in citizen_mail[0].body
    with django_capture_on_commit_callbacks(execute=True):
        response = act(
            approver,
            submission,
            "publish",
            public_title="Đăng ký khai sinh cho con sinh ở tỉnh khác cần giấy tờ gì?",
            public_question="Con sinh ở bệnh viện tỉnh khác thì đăng ký khai sinh cần giấy tờ gì?",
            public_answer="Người đi đăng ký mang giấy chứng sinh và giấy tờ tùy thân; giải quyết trong ngày.",
        )
    assert response.status_code == 302
    submission.refresh_from_db()
    question = QuestionPage.objects.get()
    assert submission.status == Status.PUBLISHED and submission.question_page_id == question.pk and question.live
    assert question.url == "/hoi-dap/dang-ky-khai-sinh-cho-con-sinh-o-tinh-khac-can-giay-to-gi/"
    assert [e.action for e in submission.events.all()] == [
        Action.RECEIVED,
        Action.ASSIGN,
        Action.ANSWER,
        Action.APPROVE,
        Action.PUBLISH,
    ]
    assert [e.actor for e in submission.events.all()] == [
        None,
        portal.reform,
        portal.justice_staff,
        portal.moderator,
        portal.moderator,
    ]

    visitor = Client()
    procedure_page = visitor.get(portal.birth.url).content.decode()
    assert "Đăng ký khai sinh cho con sinh ở tỉnh khác cần giấy tờ gì?" in procedure_page
    question_page = visitor.get(question.url).content.decode()
    assert "giấy chứng sinh" in question_page
    for personal in ["Nguyễn Văn An", "0912", "an@example.com", "Tổ 3"]:
        assert personal not in question_page
    assert "Đăng ký khai sinh cho con sinh" in visitor.get("/hoi-dap/?q=chung+sinh").content.decode()
    found = visitor.get("/tim-kiem/", {"q": "giay chung sinh", "loai": "hoi-dap"}).content.decode()
    assert question.url in found
    tracked = visitor.post("/pakn/tra-cuu/", {"code": code, "proof": secret}, HTTP_ORIGIN=ORIGIN).content.decode()
    assert "Đã có trả lời và được công khai" in tracked and question.url in tracked


def test_each_role_sees_only_what_it_should(portal, submission):
    assert Client().get(INDEX).status_code == 302  # to the login page
    editor = signed_in(portal.editor)
    assert editor.get(INDEX).status_code == 403
    assert editor.get(inspect_url(submission)).status_code == 403

    justice, construction = signed_in(portal.justice_staff), signed_in(portal.construction_staff)
    assert submission.code not in justice.get(INDEX).content.decode()  # not assigned yet
    assert justice.get(inspect_url(submission)).status_code == 403
    assert act(justice, submission, "assign", agency=portal.justice.pk).status_code == 403

    office = signed_in(portal.reform)
    act(office, submission, "assign", agency=portal.justice.pk)
    assert submission.code in justice.get(INDEX).content.decode()
    assert submission.code not in construction.get(INDEX).content.decode()
    for client in (construction, editor):
        assert client.get(inspect_url(submission)).status_code == 403
        assert act(client, submission, "answer", answer="Trả lời từ cơ quan không được giao xử lý.").status_code == 403
        assert client.get(f"/admin/phan-anh-kien-nghi/tep/{submission.attachments.get().pk}/").status_code == 403
    attachment = justice.get(f"/admin/phan-anh-kien-nghi/tep/{submission.attachments.get().pk}/")
    assert attachment.status_code == 200 and attachment["Content-Disposition"].startswith("attachment")
    assert attachment["X-Content-Type-Options"] == "nosniff"

    assert act(office, submission, "answer", answer="Văn phòng không trả lời thay cơ quan được giao.").status_code == 403
    assert act(justice, submission, "approve", answer="Tự duyệt trả lời của mình là không được.").status_code == 403

    moderator = signed_in(portal.moderator)
    page = moderator.get(inspect_url(submission)).content.decode()
    assert "data-personal-hidden" in page and "Nguyễn Văn An" not in page and "anh.png" not in page
    assert moderator.get(f"/admin/phan-anh-kien-nghi/tep/{submission.attachments.get().pk}/").status_code == 403
    assert act(moderator, submission, "assign", agency=portal.construction.pk).status_code == 403
    assert "Nguyễn Văn An" in justice.get(inspect_url(submission)).content.decode()

    act(justice, submission, "answer", answer="Người đi đăng ký mang giấy chứng sinh và giấy tờ tùy thân.")
    assert (
        act(justice, submission, "publish", public_title="x" * 10, public_question="y" * 20, public_answer="z" * 20).status_code
        == 403
    )
    submission.refresh_from_db()
    assert submission.status == Status.ANSWERED


def test_actions_out_of_order_are_refused(portal, submission):
    office, justice = signed_in(portal.reform), signed_in(portal.justice_staff)
    assert act(office, submission, "approve", answer="Chưa có trả lời thì không duyệt được.").status_code == 403
    assert (
        act(
            office,
            submission,
            "publish",
            public_title="Tiêu đề",
            public_question="Câu hỏi đủ dài",
            public_answer="Trả lời đủ dài",
        ).status_code
        == 403
    )
    assert act(office, submission, "no-such-action").status_code == 403
    act(office, submission, "assign", agency=portal.justice.pk)
    assert act(office, submission, "reject", reason="Không còn ở trạng thái mới.").status_code == 403
    assert act(justice, submission, "answer", answer="ngắn").status_code == 400
    submission.refresh_from_db()
    assert submission.status == Status.ASSIGNED


def test_return_refer_back_merge_reject_close_and_unpublish(portal, client, django_capture_on_commit_callbacks):
    for n in range(3):
        post_submission(client, subject=f"Câu hỏi số {n} về đăng ký khai sinh")
    first, second, third = Submission.objects.order_by("code")
    office, justice, construction = (
        signed_in(portal.reform),
        signed_in(portal.justice_staff),
        signed_in(portal.construction_staff),
    )
    moderator = signed_in(portal.moderator)

    act(office, first, "assign", agency=portal.construction.pk)
    act(construction, first, "refer_back", reason="Không thuộc thẩm quyền của Sở Xây dựng.")
    first.refresh_from_db()
    assert first.status == Status.NEW and first.agency is None
    assert construction.get(inspect_url(first)).status_code == 403
    act(office, first, "assign", agency=portal.justice.pk)
    act(justice, first, "answer", answer="Trả lời lần thứ nhất còn thiếu căn cứ pháp lý.")
    act(moderator, first, "return", reason="Đề nghị nêu căn cứ pháp lý.")
    first.refresh_from_db()
    assert first.status == Status.RETURNED
    act(justice, first, "answer", answer="Trả lời lần hai theo Luật Hộ tịch 2014 và Nghị định 123/2015/NĐ-CP.")
    act(moderator, first, "approve", answer=first.answer)
    first.refresh_from_db()
    assert first.status == Status.APPROVED

    act(office, second, "merge", target=first.code)
    second.refresh_from_db()
    assert second.status == Status.MERGED and second.duplicate_of == first
    assert act(office, third, "merge", target="PAKN-1999-000001").status_code == 400
    act(office, third, "reject", reason="Nội dung là khiếu nại, đề nghị gửi theo Luật Khiếu nại.")
    third.refresh_from_db()
    assert third.status == Status.REJECTED and "Luật Khiếu nại" in third.reason

    with django_capture_on_commit_callbacks(execute=True):
        act(
            moderator,
            first,
            "publish",
            public_title="Câu hỏi về khai sinh",
            public_question="Câu hỏi công khai về khai sinh",
            public_answer="Trả lời công khai theo Luật Hộ tịch.",
        )
    page = QuestionPage.objects.get()
    assert Client().get(page.url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        act(moderator, first, "unpublish", reason="Quy định đã thay đổi, trả lời không còn phù hợp.")
    page.refresh_from_db()
    first.refresh_from_db()
    assert not page.live and first.status == Status.CLOSED
    assert Client().get(page.url).status_code == 404


def test_the_sender_may_refuse_publication(portal, client):
    post_submission(client, publish_allowed=None)
    submission = Submission.objects.get()
    office, justice, moderator = signed_in(portal.reform), signed_in(portal.justice_staff), signed_in(portal.moderator)
    act(office, submission, "assign", agency=portal.justice.pk)
    act(justice, submission, "answer", answer="Trả lời riêng cho người gửi, không công khai.")
    act(moderator, submission, "approve", answer=submission.answer or "Trả lời riêng cho người gửi, không công khai.")
    page = moderator.get(inspect_url(submission)).content.decode()
    assert 'data-action="publish"' not in page and 'data-action="close"' in page
    assert (
        act(
            moderator,
            submission,
            "publish",
            public_title="Không được",
            public_question="Không được công khai",
            public_answer="Không được công khai",
        ).status_code
        == 403
    )
    act(moderator, submission, "close", note="Đã gửi trả lời cho người gửi.")
    submission.refresh_from_db()
    assert submission.status == Status.CLOSED and not QuestionPage.objects.exists()


def test_the_listing_filters_overdue_items_and_its_query_count_is_fixed(portal, client, django_assert_max_num_queries):
    for n in range(3):
        post_submission(client, subject=f"Phản ánh số {n} về khai sinh", meta={"REMOTE_ADDR": f"10.1.0.{n}"})
    Submission.objects.filter(subject__endswith="số 0 về khai sinh").update(triage_due="2020-01-01")
    office = signed_in(portal.reform)
    page = office.get(INDEX, {"overdue": "true"}).content.decode()
    assert "Phản ánh số 0" in page and "Phản ánh số 1" not in page and "Quá hạn" in page
    office.get(INDEX)
    for n in range(3, 13):
        post_submission(client, subject=f"Phản ánh số {n} về khai sinh", meta={"REMOTE_ADDR": f"10.1.0.{n}"})
    with django_assert_max_num_queries(30):
        assert office.get(INDEX).status_code == 200


def test_the_office_types_in_feedback_received_by_phone(portal):
    office = signed_in(portal.reform)
    assert "Nhập phản ánh nhận qua điện thoại" in office.get(INDEX).content.decode()
    data = {
        "channel": "phone",
        "kind": "report",
        "subject": "Gọi đường dây nóng về hồ sơ khai sinh",
        "content": "Người dân gọi đường dây nóng phản ánh hồ sơ khai sinh bị hẹn lại nhiều lần.",
        "procedure": "1.001193",
        "name": "Hoàng Minh Đức",
        "phone": "0868 222 333",
        "consent": "on",
    }
    assert office.post("/admin/phan-anh-kien-nghi/nhap/", {**data, "procedure": "9.9"}).status_code == 400
    response = office.post("/admin/phan-anh-kien-nghi/nhap/", data)
    assert response.status_code == 200 and "data-secret" in response.content.decode()
    submission = Submission.objects.get()
    assert (submission.channel, submission.procedure, submission.status) == ("phone", portal.birth, Status.NEW)
    assert submission.events.get().actor == portal.reform
    for user in (portal.moderator, portal.justice_staff):
        assert signed_in(user).post("/admin/phan-anh-kien-nghi/nhap/", data).status_code == 403
    assert Submission.objects.count() == 1
