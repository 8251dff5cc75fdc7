from django.core.management.base import BaseCommand

from portal.engagement import counters


class Command(BaseCommand):
    help = "Ghi số lượt xem đang giữ trong Redis vào cơ sở dữ liệu (chạy mỗi phút; chạy lại an toàn)."

    def handle(self, *args, **options):
        written = counters.primary().flush()
        self.stdout.write(f"Đã ghi {written} bộ đếm vào cơ sở dữ liệu.")
