"""Documents are checked by what they contain, not by their name: an HTML page renamed "quyet-dinh.pdf"
is refused. Each allowed extension names the container its content must be:

- pdf: the `%PDF-` header; doc, xls: an OLE2 compound file (Office 97-2003);
- docx, xlsx: an Office Open XML package of that kind without macros (vbaProject.bin);
- odt, ods: an OpenDocument package whose `mimetype` entry says so; zip: any readable ZIP archive;
- txt, csv: text (UTF-8, UTF-16 with a byte-order mark, or a legacy 8-bit code page) that is not an
  HTML, SVG or XML document.

The Office packages are recognised by reading the ZIP directory (`filetype` decides by the order of the
first entries, which varies between producers).
"""

import os
import re
import zipfile

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.documents.forms import BaseDocumentForm

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
TEXT_SAMPLE = 64 * 1024
MARKUP = re.compile(rb"^\s*<(!doctype|html|head|body|script|svg|\?xml|iframe|object)\b", re.IGNORECASE)
BINARY = re.compile(rb"[\x00-\x08\x0b\x0e-\x19\x1b-\x1f]")
KIND_NAMES = {
    "pdf": "PDF",
    "doc": "Word 97-2003",
    "xls": "Excel 97-2003",
    "docx": "Word",
    "xlsx": "Excel",
    "odt": "OpenDocument Text",
    "ods": "OpenDocument Spreadsheet",
    "zip": "ZIP",
    "txt": gettext_lazy("văn bản thuần"),
    "csv": "CSV",
}


def _zip_names(file):
    try:
        with zipfile.ZipFile(file) as archive:
            return set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None


def _office_open_xml(file, part):
    names = _zip_names(file)
    if names is None or "[Content_Types].xml" not in names:
        return False
    macros = any(name.lower().endswith("vbaproject.bin") for name in names)
    return not macros and any(name.startswith(f"{part}/") for name in names)


def _open_document(file, mime):
    try:
        with zipfile.ZipFile(file) as archive:
            return archive.read("mimetype").strip() == mime.encode()
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        return False


def _text(head):
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head[: len(head) // 2 * 2].decode("utf-16", "replace").encode()
    head = head.removeprefix(b"\xef\xbb\xbf")
    return not BINARY.search(head) and not MARKUP.match(head)


CHECKS = {
    "pdf": lambda file, head: b"%PDF-" in head[:1024],
    "doc": lambda file, head: head.startswith(OLE2),
    "xls": lambda file, head: head.startswith(OLE2),
    "docx": lambda file, head: _office_open_xml(file, "word"),
    "xlsx": lambda file, head: _office_open_xml(file, "xl"),
    "odt": lambda file, head: _open_document(file, "application/vnd.oasis.opendocument.text"),
    "ods": lambda file, head: _open_document(file, "application/vnd.oasis.opendocument.spreadsheet"),
    "zip": lambda file, head: _zip_names(file) is not None,
    "txt": lambda file, head: _text(head),
    "csv": lambda file, head: _text(head),
}


def content_matches(file, extension):
    """Whether `file`'s content is what `extension` promises; unknown extensions never match."""
    check = CHECKS.get(extension)
    if check is None:
        return False
    file.seek(0)
    head = file.read(TEXT_SAMPLE if extension in ("txt", "csv") else 2048)
    file.seek(0)
    try:
        return bool(check(file, head))
    finally:
        file.seek(0)


class DocumentForm(BaseDocumentForm):
    def clean_file(self):
        file = self.cleaned_data.get("file")
        if isinstance(file, UploadedFile):
            extension = os.path.splitext(file.name)[1].lower().lstrip(".")
            if extension in CHECKS and not content_matches(file, extension):
                raise forms.ValidationError(
                    _(
                        "Nội dung tệp “%(name)s” không phải là tệp %(kind)s như phần mở rộng .%(extension)s cho biết "
                        "(có thể tệp bị đổi tên hoặc chứa macro). Hãy tải lên đúng tệp gốc."
                    )
                    % {"name": file.name, "kind": KIND_NAMES[extension], "extension": extension}
                )
        return file
