"""Admin sign-in and password reset are throttled in the database, so the limits hold whatever the cache does."""

import pytest
from django.core import mail
from django.test import Client, override_settings
from django.urls import reverse

from tests.portal.test_production import DEAD_REDIS

pytestmark = pytest.mark.django_db


def fail_logins(client, username, times, **headers):
    login = reverse("wagtailadmin_login")
    return [client.post(login, {"username": username, "password": f"sai-{n}"}, **headers).status_code for n in range(times)]


def test_admin_login_is_throttled_by_source_and_account_but_never_locks_an_editor_out(users):
    users.editor.set_password("Mat-khau-dung-2026")
    users.editor.save()
    attacker = Client(REMOTE_ADDR="198.51.100.66")
    statuses = fail_logins(attacker, "bientap", 7)
    assert statuses[:4] == [200] * 4 and statuses[4:] == [429] * 3
    locked = attacker.post(reverse("wagtailadmin_login"), {"username": "bientap", "password": "x"})
    assert "Đăng nhập sai quá nhiều lần" in locked.content.decode()
    editor = Client(REMOTE_ADDR="203.0.113.20")
    response = editor.post(reverse("wagtailadmin_login"), {"username": "bientap", "password": "Mat-khau-dung-2026"})
    assert response.status_code == 302, "the editor signs in from their own address despite the attack"
    for n in range(40):
        fail_logins(attacker, f"nguoi-{n}", 1)
    assert fail_logins(attacker, "nguoi-moi", 1) == [429]


def test_a_successful_sign_in_forgets_only_that_accounts_failures(users):
    users.editor.set_password("Mat-khau-dung-2026")
    users.editor.save()
    editor = Client(REMOTE_ADDR="203.0.113.21")
    assert fail_logins(editor, "bientap", 3) == [200] * 3
    assert (
        editor.post(reverse("wagtailadmin_login"), {"username": "bientap", "password": "Mat-khau-dung-2026"}).status_code == 302
    )
    editor.logout()
    assert fail_logins(editor, "bientap", 4) == [200] * 4


@override_settings(CACHES=DEAD_REDIS)
def test_login_throttling_holds_while_redis_is_down(users):
    statuses = fail_logins(Client(REMOTE_ADDR="198.51.100.67"), "bientap", 12)
    assert statuses.count(429) >= 7


def reset(client, email):
    return client.post(reverse("wagtailadmin_password_reset"), {"email": email})


def test_password_reset_mails_to_one_address_are_throttled(users):
    users.editor.email = "bientap@example.gov.vn"
    users.editor.save()
    statuses = [reset(Client(REMOTE_ADDR=f"203.0.113.{n}"), "BienTap@example.gov.vn ").status_code for n in range(15)]
    assert len(mail.outbox) == 3
    assert statuses[:3] == [302] * 3 and set(statuses[3:]) == {429}
    refused = reset(Client(REMOTE_ADDR="203.0.113.99"), "bientap@example.gov.vn")
    assert "Đã gửi quá nhiều yêu cầu đặt lại mật khẩu" in refused.content.decode()


def test_password_reset_requests_from_one_source_are_throttled(users):
    client = Client(REMOTE_ADDR="198.51.100.68")
    statuses = [reset(client, f"nguoi-{n}@example.gov.vn").status_code for n in range(15)]
    assert statuses.count(302) == 10 and statuses[-1] == 429


@override_settings(CACHES=DEAD_REDIS)
def test_password_reset_throttling_holds_while_redis_is_down(users):
    users.editor.email = "bientap@example.gov.vn"
    users.editor.save()
    for n in range(15):
        reset(Client(REMOTE_ADDR=f"203.0.113.{n}"), "bientap@example.gov.vn")
    assert len(mail.outbox) == 3
