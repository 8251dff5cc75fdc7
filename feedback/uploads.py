"""Attachments are checked by what they contain, not by what they are called: images and PDFs only."""

import os
import unicodedata

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image

from feedback import conf

ACCEPTED = {
    "image/jpeg": (".jpg", ".jpeg"),
    "image/png": (".png",),
    "image/webp": (".webp",),
    "application/pdf": (".pdf",),
}
ACCEPT_ATTRIBUTE = ",".join([*ACCEPTED, *(ext for exts in ACCEPTED.values() for ext in exts)])
HEAD = 8192


def clean_name(name):
    """The file's own name without folders, control characters or surprises, at most 150 characters."""
    name = unicodedata.normalize("NFC", os.path.basename(str(name).replace("\\", "/")))
    name = "".join(ch for ch in name if ch.isprintable() and ch not in '<>:"/\\|?*').strip(" .")
    stem, ext = os.path.splitext(name)
    return f"{stem[: 150 - len(ext)]}{ext.lower()}" or "tep-dinh-kem"


def _size_text(size):
    return f"{size / (1024 * 1024):.0f} MB".replace(".", ",")


def check(upload):
    """The detected MIME type of `upload`, or a ValidationError in Vietnamese saying what is wrong."""
    name = clean_name(upload.name)
    if upload.size > conf.get("FEEDBACK_MAX_FILE_SIZE"):
        raise ValidationError(
            _("Tệp “%(name)s” lớn hơn %(limit)s.") % {"name": name, "limit": _size_text(conf.get("FEEDBACK_MAX_FILE_SIZE"))}
        )
    if upload.size == 0:
        raise ValidationError(_("Tệp “%(name)s” rỗng.") % {"name": name})
    upload.seek(0)
    head = upload.read(HEAD)
    upload.seek(0)
    kind = filetype.guess(head)
    mime = kind.mime if kind else None
    if mime not in ACCEPTED:
        raise ValidationError(
            _("Tệp “%(name)s” không phải ảnh (JPG, PNG, WebP) hoặc PDF; chỉ nhận các loại tệp này.") % {"name": name}
        )
    if os.path.splitext(name)[1] not in ACCEPTED[mime]:
        raise ValidationError(
            _("Tên tệp “%(name)s” không khớp với nội dung tệp (%(kind)s); vui lòng kiểm tra lại tệp.")
            % {"name": name, "kind": ACCEPTED[mime][0].lstrip(".").upper()}
        )
    if mime.startswith("image/"):
        _check_image(upload, name)
    return mime


def _check_image(upload, name):
    try:
        with Image.open(upload) as image:
            width, height = image.size
            if width * height > settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS:  # the limit of the site's images
                raise ValidationError(
                    _("Ảnh “%(name)s” quá lớn (%(w)s×%(h)s điểm ảnh).") % {"name": name, "w": width, "h": height}
                )
            image.verify()
    except ValidationError:
        raise
    except Exception as exc:  # truncated, corrupt or a decompression bomb
        raise ValidationError(_("Ảnh “%(name)s” bị hỏng hoặc không đọc được.") % {"name": name}) from exc
    finally:
        upload.seek(0)
