from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from news.legacy import LegacyFileError, LegacyImporter, read_rows
from news.models import NewsIndexPage


class Command(BaseCommand):
    help = "Nhập bài viết từ cổng cũ (JSON Lines). Chạy lại không tạo trùng."

    def add_arguments(self, parser):
        parser.add_argument("file", help="Tệp JSON Lines xuất từ cổng cũ")
        parser.add_argument("--images-dir", help="Thư mục chứa ảnh của bản xuất (mặc định: thư mục của tệp)")
        parser.add_argument("--news-root", default="tin-tuc", help="Slug của mục Tin tức (mặc định: tin-tuc)")

    def handle(self, *args, **options):
        root = NewsIndexPage.objects.filter(slug=options["news_root"]).first()
        if root is None:
            raise CommandError(f"Không có mục tin tức với slug “{options['news_root']}”.")
        try:
            rows = read_rows(options["file"])
        except LegacyFileError as exc:
            raise CommandError(str(exc)) from exc
        images_dir = options["images_dir"] or Path(options["file"]).resolve().parent
        importer = LegacyImporter(root, images_dir=images_dir)
        report = importer.run(rows, progress=lambda items: tqdm(items, desc="Nhập bài", unit="bài", file=self.stderr))
        for line, reason in report.warnings:
            self.stderr.write(f"Dòng {line}: cảnh báo: {reason}")
        for line, reason in report.errors:
            self.stderr.write(f"Dòng {line}: bỏ qua: {reason}")
        self.stdout.write(
            f"Mới: {report.created}, cập nhật: {report.updated}, không đổi: {report.unchanged}, lỗi: {len(report.errors)}."
        )
        if report.errors:
            raise CommandError(f"{len(report.errors)} dòng không nhập được (xem chi tiết ở trên); các dòng khác đã được nhập.")
