from django.core.management.base import BaseCommand, CommandError

from procedures.exchange.importer import ExchangeFileError, export_file


class Command(BaseCommand):
    help = "Xuất toàn bộ thủ tục ra JSON (cấu trúc chia sẻ quốc gia), XLSX hoặc ZIP các tệp CSV theo mẫu."

    def add_arguments(self, parser):
        parser.add_argument("file", help="Tệp đích: .json, .xlsx hoặc .zip")

    def handle(self, *args, **options):
        try:
            count = export_file(options["file"])
        except ExchangeFileError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Đã xuất {count} thủ tục ra {options['file']}.")
