"""A backup restores into a fresh database with the same content, on each database the portal runs on."""

import io
import sqlite3
import uuid

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from wagtail.models import Page

from tests import factories

# A backup reads committed data only (SQLite's backup API waits on an open transaction; pg_dump is
# another connection), so these tests commit.
pytestmark = pytest.mark.django_db(transaction=True)


def _content(tree):
    factories.NewsPageFactory(parent=tree.category, title="Tin phải còn sau khi khôi phục")
    return Page.objects.count()


def test_sqlite_backup_restores_into_a_new_file(tree, tmp_path, settings):
    if connection.vendor != "sqlite":
        pytest.skip("the PostgreSQL pass runs the pg_dump test")
    pages = _content(tree)
    (tmp_path / "media").mkdir()
    settings.MEDIA_ROOT = tmp_path / "media"
    (tmp_path / "media" / "tep.txt").write_text("nội dung")
    settings.FEEDBACK_PRIVATE_ROOT = tmp_path / "private"
    (tmp_path / "private" / "feedback").mkdir(parents=True)
    (tmp_path / "private" / "feedback" / "dinh-kem.pdf").write_bytes(b"%PDF-1.4 tep dinh kem cua cong dan")
    call_command("backup", str(tmp_path / "bk"), stdout=io.StringIO())
    target = tmp_path / "restored.sqlite3"
    call_command(
        "restore",
        str(tmp_path / "bk"),
        "--database-url",
        f"sqlite:///{target}",
        "--media-root",
        str(tmp_path / "m2" / "media"),
        "--private-root",
        str(tmp_path / "m2" / "private"),
        stdout=io.StringIO(),
    )
    restored = sqlite3.connect(target)
    assert restored.execute("SELECT count(*) FROM wagtailcore_page").fetchone()[0] == pages
    assert (
        restored.execute("SELECT count(*) FROM wagtailcore_page WHERE title = 'Tin phải còn sau khi khôi phục'").fetchone()[0]
        == 1
    )
    assert (tmp_path / "m2" / "media" / "tep.txt").read_text() == "nội dung"
    # citizens' attachments live outside MEDIA_ROOT: a backup without them would lose them
    assert (tmp_path / "m2" / "private" / "feedback" / "dinh-kem.pdf").read_bytes().startswith(b"%PDF-1.4 tep")
    with pytest.raises(CommandError, match="đã có dữ liệu"):
        call_command("restore", str(tmp_path / "bk"), "--database-url", f"sqlite:///{target}")


@pytest.mark.postgres
def test_postgresql_dump_restores_into_a_fresh_database(tree, tmp_path):
    import psycopg

    pages = _content(tree)
    call_command("backup", str(tmp_path / "bk"), "--no-media", stdout=io.StringIO())
    config = connection.settings_dict
    fresh = f"restore_{uuid.uuid4().hex[:8]}"
    dsn = f"host={config['HOST'] or '127.0.0.1'} port={config['PORT'] or 5432} user={config['USER']}"
    with psycopg.connect(f"{dsn} dbname=postgres", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{fresh}"')
    try:
        url = f"postgres://{config['USER']}@{config['HOST'] or '127.0.0.1'}:{config['PORT'] or 5432}/{fresh}"
        call_command("restore", str(tmp_path / "bk"), "--database-url", url, stdout=io.StringIO())
        with psycopg.connect(f"{dsn} dbname={fresh}") as restored:
            assert restored.execute("SELECT count(*) FROM wagtailcore_page").fetchone()[0] == pages
            row = restored.execute("SELECT count(*) FROM wagtailcore_page WHERE title = %s", ["Tin phải còn sau khi khôi phục"])
            assert row.fetchone()[0] == 1
    finally:
        with psycopg.connect(f"{dsn} dbname=postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{fresh}" WITH (FORCE)')
