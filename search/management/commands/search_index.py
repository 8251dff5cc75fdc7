from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from search import indexing
from search.documents import stamps

FIX = "chạy `manage.py search_index rebuild` (hoặc `rebuild --only elasticsearch`)"


class Command(BaseCommand):
    help = (
        "Chỉ mục tìm kiếm: rebuild (lập lại, đổi alias không gián đoạn), status (tình trạng), "
        "check (kiểm tra chỉ mục và chênh lệch so với các trang đang xuất bản), "
        "catchup (gửi lại cập nhật bị lỗi, sửa chênh lệch)."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild", "status", "check", "catchup"])
        parser.add_argument("--only", choices=["database", "elasticsearch"], help="chỉ lập lại một kho")

    def handle(self, *args, action, only=None, **options):
        getattr(self, f"_{action}")(only)

    def _rebuild(self, only):
        stores = (only,) if only else ("database", "elasticsearch")
        with tqdm(total=len(stamps()), unit="trang", desc="Lập chỉ mục", disable=None, file=self.stderr) as bar:
            total, index = indexing.rebuild(progress=bar.update, stores=stores)
        where = f"; Elasticsearch: {index} (alias đã chuyển)" if index else ""
        self.stdout.write(self.style.SUCCESS(f"Đã lập chỉ mục {total} trang{where}."))

    def _status(self, only):
        report = indexing.status()
        self.stdout.write(f"Cơ sở dữ liệu: {report['database']} tài liệu")
        elastic = report.get("elasticsearch")
        if elastic is None:
            self.stdout.write("Elasticsearch: không cấu hình (ELASTICSEARCH_URL trống)")
        else:
            count = "?" if elastic["count"] is None else elastic["count"]
            indices = "(không rõ)" if elastic["indices"] is None else ", ".join(elastic["indices"]) or "(chưa có)"
            self.stdout.write(f"Elasticsearch: {count} tài liệu, alias {elastic['alias']} → {indices}")
            for problem in elastic["problems"]:
                self.stdout.write(self.style.WARNING(f"Elasticsearch: {problem}"))
        self.stdout.write(f"Cập nhật chờ gửi lại: {report['pending']}")
        self.stdout.write(f"Tác vụ lập chỉ mục đang chờ worker: {report['queued']}")

    def _check(self, only):
        report = indexing.drift()
        self.stdout.write(f"Trang cần có trong chỉ mục: {report['expected']}")
        drifted = False
        for store in ("database", "elasticsearch"):
            if store in report:
                missing, stale, extra = report[store]
                drifted |= bool(missing or stale or extra)
                self.stdout.write(
                    f"{store}: thiếu {len(missing)} {missing[:10]}, cũ {len(stale)} {stale[:10]}, thừa {len(extra)} {extra[:10]}"
                )
        for problem in report["problems"]:
            self.stdout.write(self.style.ERROR(f"elasticsearch: {problem}"))
        if report["problems"]:
            raise CommandError(f"Elasticsearch không dùng được; {FIX}.")
        if drifted:
            raise CommandError("Chỉ mục lệch so với cơ sở dữ liệu; chạy `search_index catchup` hoặc `rebuild`.")
        self.stdout.write(self.style.SUCCESS("Chỉ mục khớp với các trang đang xuất bản."))

    def _catchup(self, only):
        sent, failing, repaired, problems = indexing.catch_up()
        self.stdout.write(f"Đã gửi lại {sent} cập nhật bị lỗi; đã sửa {repaired} trang lệch; còn lỗi {failing}.")
        for problem in problems:
            self.stdout.write(self.style.ERROR(f"elasticsearch: {problem}"))
        if problems:
            raise CommandError(f"Elasticsearch không dùng được; các cập nhật được giữ lại; {FIX}.")
        if failing:
            raise CommandError("Elasticsearch vẫn chưa nhận cập nhật; thử lại sau.")
