"""Backups of the database and the uploaded files, and their restore into a fresh database.

PostgreSQL goes through pg_dump/pg_restore (custom format, consistent while the site runs); SQLite
through its online backup API. Media files go into a tar.gz beside the dump, and the private files
(citizens' feedback attachments, outside MEDIA_ROOT and never served directly) into another.
"""

import os
import shutil
import sqlite3
import subprocess
import tarfile
from pathlib import Path

import dj_database_url
from django.conf import settings
from django.db import connection


class BackupError(Exception):
    pass


def _pg_env(config):
    return {"PGPASSWORD": config.get("PASSWORD") or ""}


def _pg_args(config):
    args = ["--host", config.get("HOST") or "127.0.0.1", "--port", str(config.get("PORT") or 5432)]
    if config.get("USER"):
        args += ["--username", config["USER"]]
    return args


def _run(command, env=None):
    result = subprocess.run(command, env={**os.environ, **(env or {})}, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{command[0]}: {result.stderr.strip()}")


def backup(target, include_media=True):
    """Write db.dump (PostgreSQL) or db.sqlite3 (SQLite), media.tar.gz and private.tar.gz into `target`."""
    target = Path(target)
    target.mkdir(parents=True, exist_ok=True)
    config = connection.settings_dict
    if connection.vendor == "postgresql":
        dump = target / "db.dump"
        _run(
            ["pg_dump", "--format=custom", "--no-owner", "--file", str(dump), *_pg_args(config), config["NAME"]], _pg_env(config)
        )
    elif connection.vendor == "sqlite":
        dump = target / "db.sqlite3"
        connection.ensure_connection()
        destination = sqlite3.connect(dump)
        with destination:
            connection.connection.backup(destination)
        destination.close()
    else:
        raise BackupError(f"Không hỗ trợ sao lưu cơ sở dữ liệu {connection.vendor}.")
    files = [dump]
    if include_media and Path(settings.MEDIA_ROOT).exists():
        archive = target / "media.tar.gz"
        with tarfile.open(archive, "w:gz") as tar:
            tar.add(settings.MEDIA_ROOT, arcname="media")
        files.append(archive)
    private = Path(settings.FEEDBACK_PRIVATE_ROOT)
    if include_media and private.exists():
        archive = target / "private.tar.gz"
        with tarfile.open(archive, "w:gz") as tar:
            tar.add(private, arcname=".")
        files.append(archive)
    return files


def restore(source, database_url, media_root=None, private_root=None):
    """Load the dump in `source` into the (empty) database at `database_url`; unpack media and private
    files if asked."""
    source = Path(source)
    config = dj_database_url.parse(database_url)
    if (source / "db.dump").exists():
        if "postgres" not in config["ENGINE"]:
            raise BackupError("Bản sao lưu PostgreSQL chỉ khôi phục được vào PostgreSQL.")
        _run(
            [
                "pg_restore",
                "--no-owner",
                "--exit-on-error",
                "--dbname",
                config["NAME"],
                *_pg_args(config),
                str(source / "db.dump"),
            ],
            _pg_env(config),
        )
    elif (source / "db.sqlite3").exists():
        if "sqlite" not in config["ENGINE"]:
            raise BackupError("Bản sao lưu SQLite chỉ khôi phục được vào SQLite.")
        target = Path(config["NAME"])
        if target.exists() and target.stat().st_size:
            raise BackupError(f"{target} đã có dữ liệu; hãy khôi phục vào một tệp mới.")
        shutil.copyfile(source / "db.sqlite3", target)
    else:
        raise BackupError(f"Không thấy db.dump hay db.sqlite3 trong {source}.")
    if media_root and (source / "media.tar.gz").exists():
        with tarfile.open(source / "media.tar.gz") as tar:
            tar.extractall(Path(media_root).parent, filter="data")
    if private_root and (source / "private.tar.gz").exists():
        Path(private_root).mkdir(parents=True, exist_ok=True)
        with tarfile.open(source / "private.tar.gz") as tar:
            tar.extractall(private_root, filter="data")
