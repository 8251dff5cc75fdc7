"""The demo's common procedures come with downloadable form files (DOCX) for the dossier documents that name one."""

import io
import zipfile
from xml.etree import ElementTree

import pytest

from demo.procedure_forms import attach_demo_forms, form_docx
from procedures.exchange.importer import import_file
from procedures.models import ProcedurePage
from tests.procedures.conftest import national

pytestmark = pytest.mark.django_db
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def test_form_is_a_valid_docx_with_the_form_and_procedure_named():
    data = form_docx("Tờ khai đăng ký khai sinh theo mẫu", "Đăng ký khai sinh", "Chủ tịch UBND cấp xã")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        names = set(archive.namelist())
        assert {"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml"} <= names
        for name in names:
            ElementTree.fromstring(archive.read(name))  # every part is well-formed XML
        document = ElementTree.fromstring(archive.read("word/document.xml"))
    text = [node.text or "" for node in document.iter(f"{W}t")]
    assert "TỜ KHAI ĐĂNG KÝ KHAI SINH" in text
    assert "Kính gửi: Chủ tịch UBND cấp xã" in text
    assert any("Đăng ký khai sinh" in line for line in text)


def test_common_procedures_get_their_forms_and_editors_keep_them(client, tree, write_json):
    import_file(write_json([national(), national("2.000001", TENTTHC="Thủ tục ít người làm")]), tree.procedures)
    assert attach_demo_forms(tree.procedures) == 1
    assert attach_demo_forms(tree.procedures) == 0, "a second run finds nothing left to do"

    page = ProcedurePage.objects.get(code="1.001193")
    with_form = page.dossier.get(name="Tờ khai đăng ký khai sinh")
    assert with_form.form_file is not None and page.dossier.get(name="Giấy chứng sinh").form_file is None
    assert with_form.form_file.file_extension == "docx" and with_form.form_file.file_size > 1000
    draft = page.get_latest_revision_as_object()
    assert {item.name: item.form_file_id for item in draft.dossier.all()} == {
        "Tờ khai đăng ký khai sinh": with_form.form_file_id,
        "Giấy chứng sinh": None,
    }
    assert ProcedurePage.objects.get(code="2.000001").dossier.first().form_file is None

    html = client.get(page.url).content.decode()
    assert f'href="{with_form.form_file.url}" download>Tải mẫu' in html
    download = client.get(with_form.form_file.url)
    assert download.status_code == 200
    assert zipfile.is_zipfile(io.BytesIO(b"".join(download.streaming_content)))
