from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from procedures.exchange.importer import ExchangeFileError, import_file
from procedures.models import ProcedureIndexPage


class Command(BaseCommand):
    help = "Nhập thủ tục hành chính từ JSON (cấu trúc chia sẻ quốc gia), XLSX hoặc ZIP các tệp CSV theo mẫu."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--skip-invalid", action="store_true", help="Nhập các thủ tục hợp lệ, báo cáo các thủ tục lỗi")
        parser.add_argument("--user", help="Tên đăng nhập ghi vào lịch sử phiên bản")

    def handle(self, *args, **options):
        index = ProcedureIndexPage.objects.first()
        if index is None:
            raise CommandError("Chưa có trang “Thủ tục hành chính” để nhập vào.")
        user = None
        if options["user"]:
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(f"Không có người dùng {options['user']}.")
        try:
            result = import_file(
                options["file"],
                index,
                skip_invalid=options["skip_invalid"],
                user=user,
                progress=lambda items: tqdm(items, desc="Nhập thủ tục", unit="thủ tục", file=self.stderr),
            )
        except ExchangeFileError as exc:
            raise CommandError(str(exc)) from exc
        for problem in result.problems:
            self.stderr.write(str(problem))
        self.stdout.write(
            f"Mới: {result.created}, cập nhật: {result.updated}, không đổi: {result.unchanged}, lỗi: {len(result.problems)}."
        )
        if result.problems and not options["skip_invalid"]:
            raise CommandError(
                f"Tệp có {len(result.problems)} lỗi ở {result.refused} dòng nên không nhập thủ tục nào. "
                "Sửa tệp, hoặc dùng --skip-invalid để nhập phần hợp lệ."
            )
        if result.problems:
            raise CommandError(f"{result.refused} dòng không nhập được (xem báo cáo ở trên); các thủ tục hợp lệ đã được nhập.")
