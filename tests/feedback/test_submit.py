"""Sending feedback from the public form: what is kept, what the sender is told, and every way the form
refuses bad, hostile or abusive input with a Vietnamese message and a 4xx, writing nothing."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail

from feedback.choices import Action, Status
from feedback.models import Attachment, Submission
from tests.feedback.conftest import ORIGIN, named_bytes, pdf_file, png_file, post_submission, token

pytestmark = pytest.mark.django_db


def text(response):
    return response.content.decode()


def test_a_valid_submission_gets_a_tracking_code_and_a_secret_shown_once_and_mailed(portal, client):
    response = post_submission(client, files=[png_file(), pdf_file()])
    assert response.status_code == 201
    assert response["Cache-Control"] == "no-store, private"
    page = text(response)
    code = re.search(r"data-code>(PAKN-\d{4}-\d{6})<", page).group(1)
    secret = re.search(r"data-secret>([A-Z0-9-]+)<", page).group(1)
    submission = Submission.objects.get(code=code)
    assert submission.status == Status.NEW
    assert submission.procedure == portal.birth and submission.concerned_agency == portal.justice
    assert submission.secret_matches(secret) and secret not in submission.secret_hash
    assert submission.consent_at is not None and "91/2025/QH15" in submission.consent_notice
    assert submission.triage_due > submission.received_at.date()
    assert list(submission.events.values_list("action", flat=True)) == [Action.RECEIVED]
    receipt = [m for m in mail.outbox if m.to == ["an@example.com"]]
    assert len(receipt) == 1 and code in receipt[0].body and secret in receipt[0].body
    stored = list(Attachment.objects.filter(submission=submission).order_by("name"))
    assert [(a.name, a.content_type) for a in stored] == [("anh.png", "image/png"), ("giay-hen.pdf", "application/pdf")]
    for attachment in stored:
        path = Path(attachment.file.path)
        assert path.is_file() and Path(settings.FEEDBACK_PRIVATE_ROOT) in path.parents
        assert Path(settings.MEDIA_ROOT) not in path.parents, "attachments are never under the public MEDIA_ROOT"


def test_codes_count_up_within_a_year(portal, client):
    first = post_submission(client, subject="Câu hỏi thứ nhất về khai sinh")
    second = post_submission(client, subject="Câu hỏi thứ hai về khai sinh")
    codes = sorted(Submission.objects.values_list("code", flat=True))
    assert first.status_code == second.status_code == 201
    assert [int(c[-6:]) for c in codes] == [1, 2] and codes[0][5:9] == codes[1][5:9]


def test_the_form_is_redisplayed_with_every_error_in_vietnamese_and_nothing_is_written(portal, client):
    response = post_submission(client, kind="", subject="", content="ngắn", name="", phone="", email="", consent=None)
    assert response.status_code == 400
    page = text(response)
    for message in [
        "Hãy chọn phản ánh, kiến nghị hay câu hỏi.",
        "Vui lòng nhập tiêu đề.",
        "Nội dung quá ngắn",
        "Vui lòng nhập họ và tên.",
        "Vui lòng nhập số điện thoại hoặc thư điện tử",
        "Bạn cần đồng ý với việc xử lý dữ liệu cá nhân",
    ]:
        assert message in page
    assert 'aria-invalid="true"' in page
    assert not Submission.objects.exists()


def test_one_of_phone_or_email_is_enough(portal, client):
    assert post_submission(client, phone="", subject="Chỉ có thư điện tử").status_code == 201
    assert post_submission(client, email="", subject="Chỉ có điện thoại").status_code == 201
    assert post_submission(client, phone="abc-123", email="", subject="Số sai").status_code == 400


def test_nul_bytes_are_refused_in_vietnamese(portal, client):
    response = post_submission(client, content="Nội dung có ký tự lạ \x00 ở giữa câu hỏi về khai sinh")
    assert response.status_code == 400
    assert "ký tự NUL" in text(response)
    response = post_submission(client, name="An\x00")
    assert response.status_code == 400 and "ký tự NUL" in text(response)
    assert not Submission.objects.exists()


def test_html_and_script_are_kept_as_text_and_shown_escaped(portal, client, admin_client):
    hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    response = post_submission(client, subject=f"Tiêu đề {hostile}", content=f"Nội dung dài hơn hai mươi ký tự {hostile}")
    assert response.status_code == 201
    submission = Submission.objects.get()
    assert hostile in submission.content  # stored as typed
    page = text(admin_client.get(f"/admin/phan-anh-kien-nghi/inspect/{submission.pk}/"))
    assert "<script>alert" not in page and "&lt;script&gt;alert" in page
    assert "<img src=x" not in page


def test_control_characters_and_decomposed_text_are_normalised(portal, client):
    post_submission(client, subject="Đăng ky\u0301 khai sinh\x07 cho con", name="  Trần\tThị   Bình  ")
    submission = Submission.objects.get()
    assert submission.subject == "Đăng ký khai sinh cho con"
    assert submission.name == "Trần Thị Bình"


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (lambda: named_bytes(b"<html><script>alert(1)</script></html>", "bien-nhan.pdf"), "không phải ảnh"),
        (lambda: named_bytes(b"MZ\x90\x00" + b"\x00" * 200, "anh.jpg"), "không phải ảnh"),
        (lambda: named_bytes(b'<svg xmlns="http://www.w3.org/2000/svg"></svg>', "hinh.svg"), "không phải ảnh"),
        (lambda: png_file("giay-to.pdf"), "không khớp với nội dung"),
        (lambda: named_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "hong.png"), "bị hỏng"),
        (lambda: named_bytes(b"", "rong.pdf"), "rỗng"),
    ],
)
def test_files_are_checked_by_their_content(portal, client, upload, message):
    response = post_submission(client, files=[upload()])
    assert response.status_code == 400
    assert message in text(response)
    assert "chọn lại tệp đính kèm" in text(response)
    assert not Submission.objects.exists() and not Attachment.objects.exists()


def test_too_many_or_too_large_files_are_refused(portal, client, settings):
    response = post_submission(client, files=[png_file(f"anh-{n}.png") for n in range(6)])
    assert response.status_code == 400 and "tối đa 5 tệp" in text(response)
    settings.FEEDBACK_MAX_FILE_SIZE = 1000
    response = post_submission(client, files=[png_file(size=(400, 400))])
    assert response.status_code == 400 and "lớn hơn" in text(response)
    assert not Submission.objects.exists()


def test_images_above_the_sites_pixel_limit_are_refused(portal, client, settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 64 * 48 - 1
    response = post_submission(client, files=[png_file(size=(64, 48))])
    assert response.status_code == 400 and "quá lớn (64×48 điểm ảnh)" in text(response)
    assert not Submission.objects.exists()


def test_a_body_larger_than_the_limit_is_refused_before_it_is_read(portal, client, settings):
    settings.FEEDBACK_MAX_TOTAL_SIZE = 1000
    response = client.post("/pakn/gui/", {"x": "y" * 300_000}, HTTP_ORIGIN=ORIGIN)
    assert response.status_code == 413
    assert "quá lớn" in text(response)


@pytest.mark.parametrize("length", ["-1", "12abc"])
def test_a_malformed_body_length_is_refused_not_a_500(portal, client, length):
    response = client.post("/pakn/gui/", {"x": "y"}, HTTP_ORIGIN=ORIGIN, CONTENT_LENGTH=length)
    assert response.status_code in (400, 413)
    assert not Submission.objects.exists()


def test_cross_site_posts_are_refused(portal, client):
    assert post_submission(client, origin="https://evil.example").status_code == 403
    assert post_submission(client, origin=None).status_code == 403
    assert not Submission.objects.exists()


def test_honeypot_missing_token_and_too_fast_are_refused(portal, client):
    assert post_submission(client, website="http://spam.example").status_code == 400
    assert post_submission(client, token="").status_code == 400
    assert post_submission(client, token="1234:forged").status_code == 400
    response = post_submission(client, token=token(age=0))
    assert response.status_code == 400 and "gửi lại sau giây lát" in text(response)
    assert not Submission.objects.exists()


def test_an_expired_form_is_shown_again_and_can_be_sent_at_once(portal, client):
    response = post_submission(client, token=token(age=3 * 24 * 3600))
    assert response.status_code == 400
    assert "Biểu mẫu đã mở quá lâu" in text(response)
    assert "Hỏi về giấy tờ đăng ký khai sinh" in text(response)  # what was typed is kept
    assert not Submission.objects.exists()
    fresh = re.search(r'name="token" value="([^"]+)"', text(response)).group(1)
    assert post_submission(client, token=fresh).status_code == 201


def test_a_corrected_form_sent_right_away_is_accepted(portal, client):
    response = post_submission(client, subject="", token=token(age=10))
    assert response.status_code == 400 and "Vui lòng nhập tiêu đề." in text(response)
    kept = re.search(r'name="token" value="([^"]+)"', text(response)).group(1)
    assert post_submission(client, token=kept).status_code == 201


def test_per_address_limits_answer_429_with_a_message(portal, client):
    for n in range(3):
        assert post_submission(client, subject=f"Phản ánh số {n} về khai sinh").status_code == 201
    response = post_submission(client, subject="Phản ánh số 4 về khai sinh")
    assert response.status_code == 429
    assert "gửi nhiều phản ánh" in text(response)
    other = post_submission(client, subject="Từ địa chỉ khác", meta={"REMOTE_ADDR": "10.0.0.9"})
    assert other.status_code == 201


def test_sending_the_same_feedback_twice_gives_the_first_code(portal, client):
    first = post_submission(client)
    repeats = [post_submission(client) for _ in range(3)]
    assert first.status_code == 201 and {r.status_code for r in repeats} == {200}
    assert Submission.objects.count() == 1
    assert Submission.objects.get().code in text(repeats[0]) and "không cần gửi lại" in text(repeats[0])
    assert post_submission(client, subject="Một phản ánh khác hẳn").status_code == 201, "repeats do not count against the limit"


def test_unknown_procedure_or_document_is_a_field_error(portal, client):
    response = post_submission(client, procedure="9.999999")
    assert response.status_code == 400 and "Thủ tục đã chọn không có" in text(response)
    response = post_submission(client, procedure="", document="abc")
    assert response.status_code == 400
    assert not Submission.objects.exists()
