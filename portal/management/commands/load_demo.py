from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail import hooks

from portal import demo


class Command(BaseCommand):
    help = "Tạo nội dung mẫu (chạy lại nhiều lần không tạo trùng)."

    @transaction.atomic
    def handle(self, *args, **options):
        home, site = demo.ensure_home()
        demo.load_site(home, site)
        demo.load_users()
        for loader in hooks.get_hooks("register_demo_content"):
            summary = loader(home, self.stdout)
            if summary:
                self.stdout.write(f"  {summary}")
        self.stdout.write(self.style.SUCCESS(f"Đã tạo nội dung mẫu. Đăng nhập /admin/ với admin / {demo.DEMO_PASSWORD}"))
