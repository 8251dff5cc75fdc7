from django.core.management.base import BaseCommand

from feedback import digest


class Command(BaseCommand):
    help = "Gửi thư nhắc phản ánh, kiến nghị quá hạn và sắp đến hạn (chạy mỗi sáng ngày làm việc)."

    def handle(self, *args, **options):
        sent = digest.send()
        self.stdout.write(f"Đã gửi {sent} thư nhắc.")
