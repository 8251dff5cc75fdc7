from django.conf import settings
from django.core.management.base import BaseCommand

from feedback import privacy


class Command(BaseCommand):
    help = "Ẩn danh hóa dữ liệu cá nhân của phản ánh đã kết thúc quá FEEDBACK_RETENTION_DAYS ngày (chạy hằng ngày)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Chỉ đếm, không thay đổi dữ liệu.")

    def handle(self, *args, dry_run=False, **options):
        due = privacy.due_for_anonymising()
        if dry_run:
            self.stdout.write(f"{due.count()} phản ánh đến hạn ẩn danh hóa (lưu giữ {settings.FEEDBACK_RETENTION_DAYS} ngày).")
            return
        count = 0
        for submission in due.iterator():
            privacy.anonymise(submission, note=f"Hết thời hạn lưu giữ {settings.FEEDBACK_RETENTION_DAYS} ngày.")
            count += 1
        self.stdout.write(f"Đã ẩn danh hóa {count} phản ánh.")
