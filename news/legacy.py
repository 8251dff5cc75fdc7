"""Import of the old portal's articles from JSON Lines (format in README, "Migrating the old portal").

The whole file is parsed first: a file that is not JSON Lines imports nothing. Each valid row is then
written in its own transaction, oldest first, so a bad row is reported and skipped without leaving
half an article behind, and a re-run finds every article again by its old URL.
"""

import datetime
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import nh3
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.models import Page

from news.models import NewsIndexPage, NewsPage
from portal.text import fold, nfc, unstorable

ALLOWED_TAGS = {
    "p", "br", "b", "strong", "i", "em", "u", "sub", "sup", "ul", "ol", "li", "a", "h2", "h3", "h4",
    "blockquote", "table", "thead", "tbody", "tr", "th", "td", "hr",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "td": {"colspan", "rowspan"}, "th": {"colspan", "rowspan"}}
DATE_FORMATS = ("%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M", "%d/%m/%Y", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d")


class LegacyFileError(Exception):
    """The file as a whole cannot be read; nothing is imported."""


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list = field(default_factory=list)
    warnings: list = field(default_factory=list)


def sanitise_html(html):
    """Keep structure and links; drop scripts, styles, event handlers and anything else."""
    return nh3.clean(
        nfc(html),
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        clean_content_tags={"script", "style"},
        link_rel=None,
    )


def read_rows(path):
    """Parse every line before anything is written; return [(line number, dict)]."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise LegacyFileError(_("Không tìm thấy tệp %(path)s.") % {"path": path}) from exc
    except UnicodeDecodeError as exc:
        raise LegacyFileError(_("Tệp không phải văn bản UTF-8.")) from exc
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise LegacyFileError(
                _("Dòng %(line)d không phải JSON hợp lệ (%(reason)s); không nhập bài nào.") % {"line": number, "reason": exc.msg}
            ) from exc
        if not isinstance(row, dict):
            raise LegacyFileError(_("Dòng %(line)d không phải một đối tượng JSON; không nhập bài nào.") % {"line": number})
        rows.append((number, row))
    if not rows:
        raise LegacyFileError(_("Tệp không có dòng dữ liệu nào."))
    return rows


def _unstorable_values(value, key=""):
    """(key, character) for every string of a row, at any depth, that holds a character the portal cannot store."""
    if isinstance(value, str):
        if unstorable(value):
            yield key, unstorable(value)
    elif isinstance(value, dict):
        for name, item in value.items():
            yield from _unstorable_values(item, f"{key}.{name}" if key else str(name))
    elif isinstance(value, list):
        for index, item in enumerate(value, start=1):
            yield from _unstorable_values(item, f"{key}[{index}]")


def parse_date(value):
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    parsed = parse_datetime(value)
    if parsed is None:
        for fmt in DATE_FORMATS:
            try:
                parsed = datetime.datetime.strptime(value, fmt)
                break
            except ValueError:
                continue
    if parsed is None:
        return None
    return timezone.make_aware(parsed) if timezone.is_naive(parsed) else parsed


class LegacyImporter:
    def __init__(self, news_root, images_dir=None):
        self.news_root = news_root
        self.images_dir = Path(images_dir) if images_dir else None
        categories = NewsIndexPage.objects.descendant_of(news_root, inclusive=True)
        self.categories = {}
        for category in categories:
            self.categories[fold(category.title).strip()] = category
            self.categories[category.slug] = category
        self.existing = {p.legacy_url: p for p in NewsPage.objects.exclude(legacy_url="")}

    def validate(self, number, row):
        """Return the cleaned row, or the reason it is refused."""
        bad = sorted(_unstorable_values(row))
        if bad:
            return None, _("ký tự không lưu được: %(where)s") % {"where": ", ".join(f"{key} ({char})" for key, char in bad)}
        title = nfc(str(row.get("title") or "")).strip()
        if not title:
            return None, _("thiếu tiêu đề (title)")
        old_url = str(row.get("old_url") or "").strip()
        if not old_url:
            return None, _("thiếu địa chỉ cũ (old_url)")
        published = parse_date(row.get("published"))
        if published is None:
            return None, _("ngày đăng không đọc được: %(value)r (dùng dd/mm/yyyy hh:mm hoặc ISO 8601)") % {
                "value": row.get("published")
            }
        category_name = str(row.get("category") or "")
        category = self.categories.get(fold(category_name).strip())
        if category is None:
            return None, _("chuyên mục không tồn tại: %(value)r") % {"value": category_name}
        try:
            views = max(0, int(row.get("view_count") or 0))
        except (TypeError, ValueError):
            return None, _("lượt xem không phải số: %(value)r") % {"value": row.get("view_count")}
        tags = row.get("tags") or []
        if isinstance(tags, str):
            tags = [t for t in (part.strip() for part in tags.split(",")) if t]
        images = row.get("images") or []
        if not isinstance(tags, list) or not isinstance(images, list):
            return None, _("tags và images phải là danh sách")
        return {
            "line": number,
            "title": title[:255],
            "old_url": old_url,
            "old_path": Redirect.normalise_path(old_url),
            "published": published,
            "category": category,
            "summary": nfc(str(row.get("summary") or "")).strip()[:1000],
            "body": sanitise_html(str(row.get("body_html") or "")),
            "author": nfc(str(row.get("author") or "")).strip()[:255],
            "source": nfc(str(row.get("source") or "")).strip()[:255],
            "views": views,
            "tags": sorted({nfc(str(t)).strip()[:100] for t in tags if str(t).strip()}),
            "images": [img for img in images if isinstance(img, dict) and img.get("src")],
        }, None

    def run(self, rows, progress=lambda iterable: iterable):
        report = ImportReport()
        valid = []
        for number, row in rows:
            cleaned, reason = self.validate(number, row)
            if reason:
                report.errors.append((number, reason))
            else:
                valid.append(cleaned)
        valid.sort(key=lambda r: (r["published"], r["line"]))
        for item in progress(valid):
            try:
                with transaction.atomic():
                    outcome = self.write(item, report)
            except Exception as exc:  # one broken article must not stop the others
                report.errors.append((item["line"], _("không ghi được: %(error)s") % {"error": exc}))
                continue
            setattr(report, outcome, getattr(report, outcome) + 1)
        report.errors.sort()
        return report

    def checksum(self, item):
        payload = {k: v for k, v in item.items() if k not in {"line", "category", "published"}}
        payload.update(category=item["category"].pk, published=item["published"].isoformat())
        return hashlib.sha256(json.dumps(payload, sort_keys=True, default=str).encode()).hexdigest()

    def write(self, item, report):
        checksum = self.checksum(item)
        page = self.existing.get(item["old_url"])
        if page is not None and page.legacy_checksum == checksum:
            return "unchanged"
        images = self.load_images(item, report)
        main, extra = (images[0], images[1:]) if images else ((None, ""), [])
        body = [("paragraph", item["body"])] if item["body"] else []
        body += [("image", {"image": image, "caption": caption, "credit": ""}) for image, caption in extra]
        fields = {
            "title": item["title"],
            "summary": item["summary"] or item["title"],
            "body": body,
            "author": item["author"],
            "source": item["source"],
            "display_date": item["published"],
            "legacy_url": item["old_url"],
            "legacy_view_count": item["views"],
            "legacy_checksum": checksum,
            "main_image": main[0],
            "main_image_caption": main[1][:500],
        }
        outcome = "updated"
        if page is None:
            page = NewsPage(**fields)
            item["category"].add_child(instance=page)
            outcome = "created"
        else:
            page = page.specific
            for name, value in fields.items():
                setattr(page, name, value)
            if page.get_parent().pk != item["category"].pk:
                page.move(item["category"], pos="last-child")
        page.tags.set(item["tags"])
        revision = page.save_revision(changed=outcome == "updated", log_action=True)
        revision.publish(log_action=True)
        revision.__class__.objects.filter(pk=revision.pk).update(created_at=item["published"])
        Page.objects.filter(pk=page.pk).update(
            first_published_at=item["published"],
            last_published_at=item["published"],
            latest_revision_created_at=item["published"],
        )
        Redirect.objects.update_or_create(
            old_path=item["old_path"], site=None, defaults={"redirect_page": page, "is_permanent": True, "redirect_link": ""}
        )
        self.existing[item["old_url"]] = page
        return outcome

    def load_images(self, item, report):
        """Images come from the export's folder; a URL maps to its path below that folder."""
        ImageModel = get_image_model()
        found = []
        for image in item["images"]:
            src = str(image["src"])
            caption = nfc(str(image.get("caption") or "")).strip()
            relative = urlsplit(src).path.lstrip("/") if "://" in src else src.lstrip("/")
            path = (self.images_dir / relative) if self.images_dir else None
            if path is None or not path.is_file() or ".." in Path(relative).parts:
                report.warnings.append((item["line"], _("không tìm thấy ảnh %(src)s") % {"src": src}))
                continue
            title = f"{item['title'][:200]} ({Path(relative).name})"
            existing = ImageModel.objects.filter(title=title).first()
            if existing is None:
                with path.open("rb") as handle:
                    existing = ImageModel(title=title, file=ImageFile(handle, name=Path(relative).name))
                    existing.save()
            found.append((existing, caption))
        return found
