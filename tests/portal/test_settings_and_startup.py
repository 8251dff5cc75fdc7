import datetime
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.template import Context, Template
from django.utils import timezone

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args, env_overrides, drop=()):
    env = {k: v for k, v in os.environ.items() if k not in drop and k != "DATABASE_URL"}
    env.update(env_overrides)
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def test_times_are_shown_in_vietnam_whatever_the_server_clock():
    late_evening_utc = datetime.datetime(2025, 6, 30, 18, 30, tzinfo=datetime.UTC)
    html = Template("{{ when|date:'d/m/Y H:i' }}").render(Context({"when": late_evening_utc}))
    assert html == "01/07/2025 01:30"


def test_dates_and_numbers_render_the_vietnamese_way():
    moment = timezone.make_aware(timezone.datetime(2025, 7, 1, 8, 30))
    html = Template("{% load portal_tags %}{{ when|date:'SHORT_DATE_FORMAT' }} {{ total|vn_number }} {{ rate }}").render(
        Context({"when": moment, "total": 40528527, "rate": 98.2})
    )
    assert html == "01/07/2025 40.528.527 98,2"


def test_production_check_deploy_is_clean_with_documented_variables():
    result = run_manage(
        "check",
        "--deploy",
        env_overrides={
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "cchc.example.gov.vn",
        },
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout
    assert "WARNING" not in result.stderr + result.stdout


@pytest.mark.parametrize(
    ("missing", "present"),
    [("SECRET_KEY", {"ALLOWED_HOSTS": "cchc.example.gov.vn"}), ("ALLOWED_HOSTS", {"SECRET_KEY": "x" * 60})],
)
def test_production_refuses_to_start_without_required_variable(missing, present):
    result = run_manage(
        "check",
        env_overrides={"DJANGO_SETTINGS_MODULE": "portal.settings.production", **present},
        drop=("SECRET_KEY", "ALLOWED_HOSTS"),
    )
    assert result.returncode != 0
    assert f"Thiếu biến môi trường {missing}" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.postgres
def test_postgresql_pass_really_uses_postgresql(db):
    from django.db import connection

    assert connection.vendor == "postgresql"
    assert connection.settings_dict["NAME"].startswith("test_")


def test_the_old_proxy_setting_stops_the_portal_and_says_what_to_set():
    result = run_manage(
        "check", env_overrides={"DJANGO_SETTINGS_MODULE": "portal.settings.dev", "ENGAGEMENT_TRUST_X_FORWARDED_FOR": "true"}
    )
    assert result.returncode != 0
    assert "TRUSTED_PROXY_COUNT=1" in result.stderr and "Traceback" not in result.stderr


def test_production_leaves_the_demo_out():
    environment = {"DJANGO_SETTINGS_MODULE": "portal.settings.production", "SECRET_KEY": "x" * 60, "ALLOWED_HOSTS": "a.vn"}
    result = run_manage("load_demo", env_overrides=environment)
    assert result.returncode != 0 and "Unknown command: 'load_demo'" in result.stderr
    assert run_manage("help", "load_demo", env_overrides={"DJANGO_SETTINGS_MODULE": "portal.settings.dev"}).returncode == 0


def test_production_workers_keep_their_database_connection_unless_told_otherwise():
    environment = {"DJANGO_SETTINGS_MODULE": "portal.settings.production", "SECRET_KEY": "x" * 60, "ALLOWED_HOSTS": "a.vn"}
    show = "from django.db import connection; print(connection.settings_dict['CONN_MAX_AGE'], connection.settings_dict['CONN_HEALTH_CHECKS'])"
    kept = run_manage("shell", "-v", "0", "-c", show, env_overrides=environment, drop=("DATABASE_CONN_MAX_AGE",))
    assert kept.stdout.split() == ["60", "True"], kept.stderr
    closed = run_manage("shell", "-v", "0", "-c", show, env_overrides={**environment, "DATABASE_CONN_MAX_AGE": "0"})
    assert closed.stdout.split() == ["0", "True"], closed.stderr
