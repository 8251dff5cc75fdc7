"""Looking feedback up with the tracking code and the phone, e-mail or secret; brute force is stopped."""

import re

import pytest

from feedback import workflow
from feedback.models import Submission
from tests.feedback.conftest import ORIGIN, post_submission

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent(portal, client):
    page = post_submission(client).content.decode()
    secret = re.search(r"data-secret>([A-Z0-9-]+)<", page).group(1)
    return Submission.objects.get(), secret


def lookup(client, code, proof, **extra):
    return client.post("/pakn/tra-cuu/", {"code": code, "proof": proof}, **{"HTTP_ORIGIN": ORIGIN, **extra})


@pytest.mark.parametrize("proof", ["0912345678", "0912 345 678", "+84 912 345 678", "AN@EXAMPLE.COM", "secret"])
def test_the_sender_finds_it_with_the_code_and_phone_email_or_secret(sent, client, proof):
    submission, secret = sent
    response = lookup(client, submission.code.lower(), secret.lower() if proof == "secret" else proof)
    page = response.content.decode()
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store, private"
    assert submission.code in page and "Đã tiếp nhận, đang phân loại" in page
    assert "Nguyễn Văn An" not in page and "0912" not in page  # nothing personal is echoed back


def test_a_wrong_proof_or_code_gets_one_message_and_no_hint(sent, client):
    submission, _secret = sent
    wrong_phone = lookup(client, submission.code, "0900000000")
    unknown = lookup(client, "PAKN-2026-999999", "0912345678")
    assert wrong_phone.status_code == unknown.status_code == 404
    message = "Không tìm thấy phản ánh với mã và thông tin đã nhập."
    assert message in wrong_phone.content.decode() and message in unknown.content.decode()


def test_a_malformed_code_is_a_form_error(portal, client):
    response = lookup(client, "12345", "0912345678")
    assert response.status_code == 400
    assert "PAKN-năm-sáu chữ số" in response.content.decode()
    assert lookup(client, "PAKN-2026-000001\x00", "x").status_code == 400


def test_guessing_is_stopped_per_code_even_from_many_addresses(sent, client):
    submission, secret = sent
    for n in range(5):
        assert lookup(client, submission.code, f"09000000{n:02d}", REMOTE_ADDR=f"10.0.0.{n}").status_code == 404
    locked = lookup(client, submission.code, secret, REMOTE_ADDR="10.0.1.1")
    assert locked.status_code == 429
    assert "tra cứu sai quá nhiều lần" in locked.content.decode()


def test_lookups_are_rate_limited_per_address_and_cross_site_refused(sent, client):
    submission, secret = sent
    assert lookup(client, submission.code, secret, HTTP_ORIGIN="https://evil.example").status_code == 403
    statuses = [lookup(client, submission.code, secret).status_code for _ in range(21)]
    assert statuses[:20] == [200] * 20 and statuses[20] == 429


def test_the_answer_and_history_show_once_approved_without_staff_names(sent, client, portal):
    submission, secret = sent
    workflow.perform(portal.reform, submission, "assign", {"agency": portal.justice, "note": "Nội bộ: xử lý gấp"})
    workflow.perform(portal.justice_staff, submission, "answer", {"answer": "Mang theo giấy chứng sinh và giấy tờ tùy thân."})
    before = lookup(client, submission.code, secret).content.decode()
    assert "Mang theo giấy chứng sinh" not in before
    assert "Đang được thẩm định nội dung trả lời" in before
    workflow.perform(
        portal.moderator, submission, "approve", {"answer": "Mang theo giấy chứng sinh và giấy tờ tùy thân của người đi đăng ký."}
    )
    after = lookup(client, submission.code, secret).content.decode()
    assert "Mang theo giấy chứng sinh và giấy tờ tùy thân của người đi đăng ký." in after
    assert "Đã chuyển Sở Tư pháp xem xét, trả lời" in after
    assert "Nội bộ: xử lý gấp" not in after and portal.reform.username not in after and "stp" not in after
