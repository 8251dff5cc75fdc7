from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import trans_real

from portal import i18n


class Command(BaseCommand):
    help = (
        "Bản dịch tiếng Việt của trang quản trị (portal/locale/vi): in độ phủ của từng danh mục chuỗi mà "
        "trang quản trị nạp; --missing liệt kê chuỗi chưa dịch (sau khi nâng cấp Wagtail/Django); --update "
        "thêm chuỗi mới vào tệp .po; --compile dịch tệp .po thành .mo (cả bản tiếng Anh của trang công khai, portal/locale/en); --check kiểm tra biến và thẻ HTML."
    )

    def add_arguments(self, parser):
        parser.add_argument("--missing", action="store_true", help="liệt kê chuỗi chưa dịch; mã thoát 1 nếu còn")
        parser.add_argument("--update", action="store_true", help="thêm chuỗi mới của các gói đã cài, bỏ chuỗi cũ")
        parser.add_argument("--compile", action="store_true", help="ghi các tệp .mo từ tệp .po (không cần gettext)")
        parser.add_argument("--check", action="store_true", help="kiểm tra biến %%(…)s, {…} và thẻ HTML; mã thoát 1 nếu lỗi")

    def handle(self, *args, missing=False, update=False, compile=False, check=False, **options):
        if update:
            self.update()
        if compile:
            self.compile()
        if check:
            self.check_entries()
        if missing:
            self.missing()
        if not (update or compile or check or missing):
            self.coverage()

    def update(self):
        for domain in i18n.DOMAINS:
            entries, added, removed = i18n.merge(domain, i18n.project_entries(domain))
            path = i18n.project_po(domain)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(i18n.format_po(entries), encoding="utf-8")
            self.stdout.write(f"{path.name}: {len(entries)} chuỗi, thêm {len(added)}, bỏ {len(removed)} chuỗi không còn dùng")

    def compile(self):
        for domain in i18n.DOMAINS:
            path = i18n.project_po(domain)
            if not path.exists():
                raise CommandError(f"Không có {path}")
            path.with_suffix(".mo").write_bytes(i18n.compile_mo(i18n.project_entries(domain)))
            self.stdout.write(f"{path.with_suffix('.mo')}")
        for path in i18n.public_catalogues():
            path.with_suffix(".mo").write_bytes(i18n.compile_po(path))
            self.stdout.write(f"{path.with_suffix('.mo')}")
        trans_real._translations = {}

    def check_entries(self):
        problems = [
            f"{domain}: {entry.msgid!r}: {problem}"
            for domain in i18n.DOMAINS
            for entry in i18n.project_entries(domain)
            for problem in i18n.check_entry(entry)
        ]
        for problem in problems:
            self.stderr.write(problem)
        if problems:
            raise CommandError(f"{len(problems)} lỗi trong bản dịch")
        self.stdout.write("Biến và thẻ HTML của mọi bản dịch khớp với tiếng Anh.")

    def missing(self):
        count = 0
        for domain in i18n.DOMAINS:
            ours = {entry.key: entry for entry in i18n.project_entries(domain)}
            reported = set()
            for catalogue in i18n.catalogues(domain):
                for entry in catalogue.entries():
                    mine = ours.get(entry.key)
                    if entry.key in reported or (mine is not None and mine.translated):
                        continue
                    reported.add(entry.key)
                    count += 1
                    state = "chưa có" if mine is None else ("cần xem lại" if mine.fuzzy else "chưa dịch")
                    self.stdout.write(f"{domain}\t{catalogue.label}\t{state}\t{entry.msgid}")
        if count:
            raise CommandError(f"{count} chuỗi chưa dịch (chạy --update rồi dịch trong portal/locale/vi/LC_MESSAGES/*.po)")
        self.stdout.write("Không còn chuỗi nào chưa dịch.")

    def coverage(self):
        """Translated / total per catalogue, as Django serves it (compiled files, every source merged)."""
        rows, total, done = [], 0, 0
        for domain in i18n.DOMAINS:
            runtime = i18n.runtime_catalogue(domain)
            for catalogue in i18n.catalogues(domain):
                entries = catalogue.entries()
                translated = sum(1 for entry in entries if i18n.runtime_translates(runtime, entry))
                rows.append((f"{catalogue.label} ({domain})", translated, len(entries)))
                total, done = total + len(entries), done + translated
        width = max(len(row[0]) for row in rows)
        self.stdout.write(f"{'danh mục':<{width}}  đã dịch / tổng")
        for label, translated, count in rows:
            self.stdout.write(f"{label:<{width}}  {translated:>5} / {count:<5} {100 * translated / count:6.1f}%")
        self.stdout.write(f"{'tổng':<{width}}  {done:>5} / {total:<5} {100 * done / total:6.1f}%")
        for domain in i18n.DOMAINS:
            entries = i18n.project_entries(domain)
            translated = sum(1 for entry in entries if entry.translated)
            self.stdout.write(f"portal/locale/vi/LC_MESSAGES/{domain}.po: {translated} / {len(entries)} chuỗi đã dịch")
