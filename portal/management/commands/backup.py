from django.core.management.base import BaseCommand, CommandError

from portal.backup import BackupError, backup


class Command(BaseCommand):
    help = "Sao lưu cơ sở dữ liệu (pg_dump hoặc SQLite), tệp tải lên (media) và tệp riêng tư (đính kèm phản ánh) vào một thư mục."

    def add_arguments(self, parser):
        parser.add_argument("target", help="thư mục đích, ví dụ /var/backups/cong/2026-11-22")
        parser.add_argument("--no-media", action="store_true", help="không sao lưu thư mục media và tệp riêng tư")

    def handle(self, *args, target, no_media=False, **options):
        try:
            files = backup(target, include_media=not no_media)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        for path in files:
            self.stdout.write(f"{path} ({path.stat().st_size:,} byte)")
