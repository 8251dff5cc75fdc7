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
