from django.core.management.base import BaseCommand
from django.db import transaction

from demo import engagement, feedback, life_events, news, organisation, procedures, reform, site


class Command(BaseCommand):
    help = "Tạo nội dung mẫu (chạy lại nhiều lần không tạo trùng)."

    @transaction.atomic
    def handle(self, *args, **options):
        home, portal_site = site.ensure_home()
        site.load_site(home, portal_site)
        site.load_users()
        _, articles = news.load_news(home)
        _, documents = news.load_documents(home)
        self.stdout.write(f"  Tin tức: {articles} bài; văn bản: {documents}")
        index, agencies = procedures.load_agencies(home)
        result = procedures.load_procedures(index)
        self.stdout.write(f"  Cơ quan: {agencies}; thủ tục: {result.created} mới, {result.unchanged} không đổi")
        self.stdout.write(f"  Sự kiện cuộc sống: {life_events.load_life_events()}")
        self.stdout.write(f"  Cán bộ đầu mối: {organisation.load_people(index)} cơ quan mới")
        self.stdout.write(f"  Tiếng Anh: {organisation.load_english(home)} trang")
        self.stdout.write(f"  Số liệu CCHC: {reform.load(home)} bản ghi")
        self.stdout.write(f"  Lượt xem mẫu: {engagement.load()} dòng")
        self.stdout.write(f"  {feedback.load(home)}")
        self.stdout.write(self.style.SUCCESS(f"Đã tạo nội dung mẫu. Đăng nhập /admin/ với admin / {site.DEMO_PASSWORD}"))
