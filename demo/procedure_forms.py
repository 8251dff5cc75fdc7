"""Form files (DOCX) for the demo's common procedures, so the dossier's "Mẫu đơn, tờ khai" can be downloaded.

A DOCX is a zip of WordprocessingML parts; the few parts Word, LibreOffice and phone viewers need are
written here with the standard library. Each form follows the usual layout of an administrative form
(national motto, title, addressee, fields to fill with dotted lines, pledge, place and date, signature)
and says plainly that it is sample data.
"""

import io
import zipfile
from xml.sax.saxutils import escape

from django.core.files.base import ContentFile
from django.db import transaction
from wagtail.documents import get_document_model

from portal.text import slugify
from procedures.models import DossierDocument, ProcedurePage

# The everyday procedures citizens look for first (the same subjects the demo gives search keywords).
COMMON = (
    "khai sinh", "khai tử", "kết hôn", "thường trú", "tạm trú", "chứng thực", "lý lịch tư pháp", "căn cước",
    "giấy phép xây dựng", "quyền sử dụng đất", "hộ kinh doanh", "thành lập doanh nghiệp", "lái xe", "bảo hiểm y tế",
    "thất nghiệp", "trợ cấp xã hội",
)  # fmt: skip
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml"
CONTENT_TYPES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="{DOCX}.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="{DOCX}.styles+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>"""
PACKAGE_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
</Relationships>"""
DOCUMENT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>"""
STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/>
<w:sz w:val="26"/><w:lang w:val="vi-VN"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="300" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
</w:styles>"""
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
DOTS = "…" * 30


def _paragraph(text, align=None, bold=False, italic=False, size=None):
    props = f'<w:jc w:val="{align}"/>' if align else ""
    run = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "") + (f'<w:sz w:val="{size}"/>' if size else "")
    return f'<w:p><w:pPr>{props}</w:pPr><w:r><w:rPr>{run}</w:rPr><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def form_docx(form_name, procedure, agency):
    """The bytes of a one-page DOCX form for `procedure`, addressed to `agency`."""
    body = [
        _paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "center", bold=True),
        _paragraph("Độc lập - Tự do - Hạnh phúc", "center", bold=True),
        _paragraph(""),
        _paragraph(form_name.removesuffix(" theo mẫu").upper(), "center", bold=True, size=28),
        _paragraph(f"Kính gửi: {agency}", "center"),
        _paragraph(f"Họ, chữ đệm, tên người yêu cầu: {DOTS}"),
        _paragraph(f"Ngày, tháng, năm sinh: {DOTS}"),
        _paragraph(f"Số định danh cá nhân: {DOTS}"),
        _paragraph(f"Nơi cư trú: {DOTS}"),
        _paragraph(f"Số điện thoại, thư điện tử: {DOTS}"),
        _paragraph(f"Đề nghị cơ quan có thẩm quyền giải quyết thủ tục: {procedure}."),
        _paragraph(f"Nội dung đề nghị: {DOTS}"),
        _paragraph(f"Giấy tờ kèm theo: {DOTS}"),
        _paragraph("Tôi cam đoan nội dung kê khai trên đây là đúng sự thật và chịu trách nhiệm trước pháp luật."),
        _paragraph("…………, ngày …… tháng …… năm ……", "right", italic=True),
        _paragraph("NGƯỜI YÊU CẦU", "right", bold=True),
        _paragraph("(Ký, ghi rõ họ, chữ đệm, tên)", "right", italic=True),
        _paragraph(""),
        _paragraph("Mẫu minh họa của dữ liệu thử nghiệm trên cổng; không dùng để nộp hồ sơ thật.", italic=True, size=20),
    ]
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {W}><w:body>{"".join(body)}'
        '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701"'
        ' w:header="720" w:footer="720" w:gutter="0"/></w:sectPr></w:body></w:document>'
    )
    core = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties'
        ' xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
        f' xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{escape(form_name)}</dc:title>'
        "<dc:language>vi-VN</dc:language></cp:coreProperties>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", PACKAGE_RELS)
        archive.writestr("word/_rels/document.xml.rels", DOCUMENT_RELS)
        archive.writestr("word/document.xml", document)
        archive.writestr("word/styles.xml", STYLES)
        archive.writestr("docProps/core.xml", core)
    return buffer.getvalue()


def _form_document(form_name, procedure, agency):
    Document = get_document_model()
    title = f"Mẫu: {form_name}"
    existing = Document.objects.filter(title=title).first()
    if existing is not None:
        return existing
    data = form_docx(form_name, procedure, agency)
    content = ContentFile(data, name=f"{slugify(form_name)[:60]}.docx")
    return Document.objects.create(title=title, file=content, file_size=len(data))


@transaction.atomic
def attach_demo_forms(root):
    """Give the named forms of the common procedures below `root` a file. The live rows and the live
    revision get the same file (as if the procedures had been imported with it), so an editor who opens
    a procedure keeps its forms; no extra revision per procedure. Returns how many procedures got forms."""
    missing = DossierDocument.objects.filter(page__path__startswith=root.path, form_file=None).exclude(form_name="")
    pages = ProcedurePage.objects.filter(pk__in=missing.values("page_id"), live=True).select_related("live_revision")
    done = 0
    for page in pages.order_by("path"):
        if not any(subject in page.title.lower() for subject in COMMON):
            continue
        agency = (page.authorised_agencies or page.get_parent().title).splitlines()[0]
        files = {}
        for item in page.dossier.filter(form_file=None).exclude(form_name=""):
            files[(item.name, item.form_name)] = _form_document(item.form_name, page.title, agency).pk
            DossierDocument.objects.filter(pk=item.pk).update(form_file=files[(item.name, item.form_name)])
        revision = page.live_revision
        if revision is not None and page.latest_revision_id == revision.pk:
            content = revision.content
            for item in content.get("dossier", []):
                item["form_file"] = item.get("form_file") or files.get((item.get("name"), item.get("form_name")))
            revision.__class__.objects.filter(pk=revision.pk).update(content=content)
        done += 1
    return done
