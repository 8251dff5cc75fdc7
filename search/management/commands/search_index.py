from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from search import indexing


class Command(BaseCommand):
    help = (
        "Chỉ mục tìm kiếm: rebuild (lập lại, đổi alias không gián đoạn), status (số lượng), "
        "check (chênh lệch so với các trang đang xuất bản), catchup (cập nhật lại những thay đổi bị lỗi)."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild", "status", "check", "catchup"])
        parser.add_argument("--only", choices=["database", "elasticsearch"], help="chỉ lập lại một kho")

    def handle(self, *args, action, only=None, **options):
        getattr(self, f"_{action}")(only)

    def _rebuild(self, only):
        stores = (only,) if only else ("database", "elasticsearch")
        expected = len(indexing.expected_ids())
        with tqdm(total=expected, unit="trang", desc="Lập chỉ mục", disable=None, file=self.stderr) as bar:
            total, index = indexing.rebuild(progress=bar.update, stores=stores)
        where = f"; Elasticsearch: {index} (alias đã chuyển)" if index else ""
        self.stdout.write(self.style.SUCCESS(f"Đã lập chỉ mục {total} trang{where}."))

    def _status(self, only):
        report = indexing.status()
        self.stdout.write(f"Cơ sở dữ liệu: {report['database']} tài liệu")
        if "elasticsearch" in report:
            self.stdout.write(
                f"Elasticsearch: {report['elasticsearch']} tài liệu, alias {report['alias']} → {', '.join(report['indices']) or '(chưa có)'}"
            )
        else:
            self.stdout.write("Elasticsearch: không cấu hình (ELASTICSEARCH_URL trống)")
        self.stdout.write(f"Cập nhật chờ gửi lại: {report['pending']}")

    def _check(self, only):
        report = indexing.drift()
        self.stdout.write(f"Trang cần có trong chỉ mục: {report['expected']}")
        drifted = False
        for store in ("database", "elasticsearch"):
            if store in report:
                missing, extra = report[store]
                drifted |= bool(missing or extra)
                self.stdout.write(f"{store}: thiếu {len(missing)} {missing[:10]}, thừa {len(extra)} {extra[:10]}")
        if drifted:
            raise CommandError("Chỉ mục lệch so với cơ sở dữ liệu; chạy `search_index catchup` hoặc `rebuild`.")
        self.stdout.write(self.style.SUCCESS("Chỉ mục khớp với các trang đang xuất bản."))

    def _catchup(self, only):
        indexing.breaker.reset()
        done, failing = indexing.catch_up()
        drifted = indexing.missing_or_extra() if not failing else []
        for page_id in drifted:
            indexing.update(page_id)
        self.stdout.write(f"Đã gửi lại {done} cập nhật bị lỗi; đã sửa {len(drifted)} trang lệch; còn lỗi {failing}.")
        if failing:
            raise CommandError("Elasticsearch vẫn chưa nhận cập nhật; thử lại sau.")
