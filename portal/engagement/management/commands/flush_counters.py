from django.core.management.base import BaseCommand

from portal.engagement import counters


class Command(BaseCommand):
    help = "Ghi số lượt xem đang giữ trong Redis vào cơ sở dữ liệu (chạy mỗi phút; chạy lại an toàn)."

    def handle(self, *args, **options):
        store = counters.primary()
        if isinstance(store, counters.RedisStore) and not store.durable():
            self.stderr.write(
                "Cảnh báo: Redis chưa bật appendonly (AOF). Khi Redis khởi động lại, lượt xem chưa ghi (tối đa một phút) "
                "sẽ mất, và một bản chụp RDB cũ có thể làm đếm lại lượt đã ghi. Đặt appendonly yes, appendfsync everysec "
                "(README, mục Deployment)."
            )
        written = store.flush()
        self.stdout.write(f"Đã ghi {written} bộ đếm vào cơ sở dữ liệu.")
