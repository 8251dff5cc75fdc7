from django.core.management.base import BaseCommand, CommandError

from portal.backup import BackupError, restore


class Command(BaseCommand):
    help = "Khôi phục một bản sao lưu vào một cơ sở dữ liệu MỚI (trống) và, nếu yêu cầu, giải nén media và tệp riêng tư."

    def add_arguments(self, parser):
        parser.add_argument("source", help="thư mục do lệnh backup tạo")
        parser.add_argument("--database-url", required=True, help="cơ sở dữ liệu đích, ví dụ postgres://…/portal_restore")
        parser.add_argument("--media-root", help="thư mục media đích (bỏ qua để không khôi phục media)")
        parser.add_argument("--private-root", help="thư mục tệp riêng tư đích: tệp đính kèm phản ánh (bỏ qua để không khôi phục)")

    def handle(self, *args, source, database_url, media_root=None, private_root=None, **options):
        try:
            restore(source, database_url, media_root, private_root)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(self.style.SUCCESS(f"Đã khôi phục {source} vào {database_url.split('@')[-1]}."))
