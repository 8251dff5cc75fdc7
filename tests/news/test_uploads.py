import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images import get_image_model

pytestmark = pytest.mark.django_db


def png(width, height):
    buffer = io.BytesIO()
    PILImage.new("1", (width, height)).save(buffer, format="PNG")
    return buffer.getvalue()


def upload(client, name, content):
    return client.post(reverse("wagtailimages:add"), {"title": name, "file": SimpleUploadedFile(name, content), "collection": 1})


@pytest.fixture
def editor_client(client, users):
    client.force_login(users.editor)
    return client


def test_editor_uploads_a_real_image(editor_client):
    response = upload(editor_client, "anh.png", png(120, 80))
    assert response.status_code == 302
    assert get_image_model().objects.filter(title="anh.png").exists()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("script.png", b"<script>alert(1)</script>"),
        ("virus.exe", b"MZ\x90\x00"),
        ("bomb.png", png(8000, 8000)),
    ],
)
def test_non_images_and_decompression_bombs_are_refused(editor_client, name, content):
    response = upload(editor_client, name, content)
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not get_image_model().objects.filter(title=name).exists()


def test_oversized_upload_is_refused(editor_client, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1024
    response = upload(editor_client, "lon.png", png(400, 400) + b"\0" * 2048)
    assert response.status_code == 200
    assert response.context["form"].errors["file"]


def test_svg_images_are_refused(editor_client):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>'
    response = upload(editor_client, "anh.svg", svg)
    assert response.status_code == 200 and response.context["form"].errors["file"]


def add_document(client, name, content):
    return client.post(reverse("wagtaildocs:add"), {"title": name, "file": SimpleUploadedFile(name, content), "collection": 1})


@pytest.mark.parametrize("name", ["trang.html", "hinh.svg", "chay.exe", "macro.xlsm"])
def test_documents_of_dangerous_types_are_refused(editor_client, name):
    response = add_document(editor_client, name, b"<html><script>alert(1)</script></html>")
    assert response.status_code == 200 and response.context["form"].errors["file"]


def test_documents_are_served_with_their_type_pinned(editor_client, client):
    from wagtail.documents import get_document_model

    response = add_document(editor_client, "ke-hoach.txt", "Kế hoạch <script>alert(1)</script>".encode())
    assert response.status_code == 302
    document = get_document_model().objects.get(title="ke-hoach.txt")
    served = client.get(document.url)
    assert served["X-Content-Type-Options"] == "nosniff"
    assert served["Content-Type"].startswith("text/plain")


def _zip(entries):
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _xlsx():
    from openpyxl import Workbook

    buffer = io.BytesIO()
    Workbook().save(buffer)
    return buffer.getvalue()


DOCX = _zip({"[Content_Types].xml": "<Types/>", "_rels/.rels": "<Relationships/>", "word/document.xml": "<w:document/>"})
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1024
PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("quyet-dinh.pdf", PDF),
        ("ke-hoach.docx", DOCX),
        ("so-lieu.xlsx", _xlsx()),
        ("van-ban.odt", _zip({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<x/>"})),
        ("bang.ods", _zip({"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<x/>"})),
        ("ho-so.zip", _zip({"mau-don.pdf": PDF})),
        ("cu.doc", OLE2),
        ("cu.xls", OLE2),
        ("ghi-chu.txt", "Ghi chú: tiếng Việt có dấu.\r\n".encode()),
        ("bang.csv", "ma,ten\n1,Sở Tư pháp\n".encode("utf-8-sig")),
        ("bang-excel.csv", "ma\tten\n1\tSở Tư pháp\n".encode("utf-16")),
        ("cu-1258.txt", b"Danh s\xe1ch h\xf4 s\xf5 c\xf9a S\xf5 T\xfd ph\xe1p\r\n"),
    ],
)
def test_documents_whose_content_matches_their_type_are_accepted(editor_client, name, content):
    from wagtail.documents import get_document_model

    response = add_document(editor_client, name, content)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    assert get_document_model().objects.filter(title=name).exists()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("quyet-dinh.pdf", b"<!DOCTYPE html><html><script>alert(1)</script></html>"),
        ("quyet-dinh.pdf", b"MZ\x90\x00" + b"\x00" * 100),
        ("ke-hoach.docx", _xlsx()),
        ("ke-hoach.docx", _zip({"a.txt": "x"})),
        ("macro.docx", _zip({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w/>", "word/vbaProject.bin": "x"})),
        ("so-lieu.xlsx", DOCX),
        ("van-ban.odt", _zip({"mimetype": "application/vnd.oasis.opendocument.spreadsheet"})),
        ("ho-so.zip", PDF),
        ("cu.doc", b"<html><body>Word?</body></html>"),
        ("cu.xls", DOCX),
        ("ghi-chu.txt", b"<html><script>alert(1)</script></html>"),
        ("ghi-chu.txt", b"\n  <svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>"),
        ("bang.csv", b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 64),
    ],
)
def test_documents_whose_content_is_not_their_type_are_refused(editor_client, name, content):
    from wagtail.documents import get_document_model

    response = add_document(editor_client, name, content)
    assert response.status_code == 200
    error = " ".join(response.context["form"].errors["file"])
    assert "không phải là tệp" in error and name in error
    assert not get_document_model().objects.filter(title=name).exists()


def test_the_multiple_uploader_checks_content_too(editor_client):
    from wagtail.documents import get_document_model

    response = editor_client.post(
        reverse("wagtaildocs:add_multiple"), {"files[]": SimpleUploadedFile("gia.pdf", b"<html>trang web</html>")}
    )
    assert response.status_code == 200
    assert response.json()["success"] is False and "không phải là tệp" in response.json()["error_message"]
    assert not get_document_model().objects.exists()
