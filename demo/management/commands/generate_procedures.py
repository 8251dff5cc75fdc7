import time

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from demo.generate import generate
from procedures.models import ProcedureIndexPage


class Command(BaseCommand):
    help = "Sinh N thủ tục tổng hợp (hợp lý, đầy đủ các phần) để kiểm thử quy mô và đo hiệu năng."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, required=True)
        parser.add_argument("--seed", type=int, default=2025)

    def handle(self, *args, **options):
        if options["count"] < 1:
            raise CommandError("--count phải lớn hơn 0.")
        index = ProcedureIndexPage.objects.first()
        if index is None:
            raise CommandError("Chưa có trang “Thủ tục hành chính” (chạy load_demo trước).")
        started = time.perf_counter()
        with tqdm(total=options["count"], desc="Sinh thủ tục", unit="thủ tục", file=self.stderr) as bar:
            try:
                made = generate(options["count"], index, seed=options["seed"], progress=bar.update)
            except ValueError as exc:
                raise CommandError(str(exc)) from exc
        elapsed = time.perf_counter() - started
        self.stdout.write(f"Đã sinh {made} thủ tục trong {elapsed:.1f} giây ({made / elapsed:.0f} thủ tục/giây).")
