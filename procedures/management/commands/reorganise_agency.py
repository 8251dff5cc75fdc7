import datetime

from django.core.management.base import BaseCommand, CommandError

from procedures import organisation
from procedures.models import AgencyPage


class Command(BaseCommand):
    help = (
        'Sắp xếp tổ chức: đổi tên (rename MÃ "Tên mới"), hợp nhất (merge MÃ MÃ_CƠ_QUAN_TIẾP_NHẬN) hoặc giải thể '
        "(retire MÃ) một cơ quan theo tên viết tắt; ghi vào lịch sử và giữ địa chỉ cũ (chuyển hướng 301)."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rename", "merge", "retire"])
        parser.add_argument("agency", help="tên viết tắt của cơ quan")
        parser.add_argument("target", nargs="?", default="", help="tên mới (rename) hoặc cơ quan tiếp nhận (merge)")
        parser.add_argument("--date", required=True, help="ngày hiệu lực, dd/mm/yyyy")
        parser.add_argument("--decision", default="", help="số quyết định")
        parser.add_argument("--slug", default=None, help="địa chỉ mới khi đổi tên")

    def _agency(self, short_name):
        agency = AgencyPage.objects.filter(short_name=short_name).first()
        if agency is None:
            raise CommandError(f"Không có cơ quan có tên viết tắt “{short_name}”.")
        return agency

    def handle(self, action, agency, target, date, decision, slug, **options):
        try:
            day = datetime.datetime.strptime(date, "%d/%m/%Y").date()
        except ValueError:
            raise CommandError(f"Ngày “{date}” không đúng dạng dd/mm/yyyy.") from None
        page = self._agency(agency)
        if action in ("rename", "merge") and not target:
            raise CommandError("Thiếu tên mới (rename) hoặc cơ quan tiếp nhận (merge).")
        if action == "rename":
            change = organisation.rename_agency(page, target, day, decision, new_slug=slug)
        elif action == "merge":
            try:
                change = organisation.merge_agency(page, self._agency(target), day, decision)
            except ValueError as error:
                raise CommandError(str(error)) from None
        else:
            change = organisation.retire_agency(page, day, decision)
        self.stdout.write(self.style.SUCCESS(f"Đã ghi: {change}"))
