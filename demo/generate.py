"""Synthetic but plausible procedures in bulk, for scale tests and benchmarks.

Pages are written straight into the tree (paths computed here, rows inserted in batches) because
creating 100,000 pages one by one through `add_child` would take hours. The pages are live and
complete but have no revision history until an editor saves them.
"""

import random
import uuid
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page

from portal.text import slugify
from procedures.models import (
    AgencyPage,
    DossierDocument,
    ProcedureChannel,
    ProcedureField,
    ProcedureLevel,
    ProcedurePage,
    ProcedureResult,
    ProcedureStep,
)
from procedures.selectors import forget_catalogue_counts

ACTIONS = [
    "Cấp",
    "Cấp lại",
    "Cấp đổi",
    "Gia hạn",
    "Điều chỉnh",
    "Thu hồi",
    "Đăng ký",
    "Xác nhận",
    "Công nhận",
    "Thẩm định",
    "Phê duyệt",
]
OBJECTS = [
    "giấy phép kinh doanh dịch vụ lữ hành nội địa", "giấy chứng nhận đủ điều kiện kinh doanh", "giấy phép hoạt động",
    "chứng chỉ hành nghề", "giấy xác nhận đăng ký hoạt động", "giấy phép khai thác", "giấy chứng nhận đăng ký",
    "quyết định thành lập cơ sở", "giấy phép sử dụng", "hồ sơ thiết kế", "phương án sử dụng đất", "đề án hoạt động",
    "giấy phép tổ chức biểu diễn nghệ thuật", "giấy phép quảng cáo", "giấy chứng nhận cơ sở an toàn",
]  # fmt: skip
SUBJECTS = ["", " cho doanh nghiệp", " cho hộ kinh doanh", " cho tổ chức", " cho cá nhân", " đối với cơ sở ngoài công lập"]
BATCH = 1000


def plausible_name(rng):
    return f"{rng.choice(ACTIONS)} {rng.choice(OBJECTS)}{rng.choice(SUBJECTS)}"


def _next_code_number():
    codes = ProcedurePage.objects.filter(code__startswith="9.").values_list("code", flat=True)
    return max((int(c.split(".", 1)[1]) for c in codes if c.split(".", 1)[1].isdigit()), default=0) + 1


def generate(count, index, seed=2025, progress=lambda n: None):
    """Create `count` live procedures spread over the agencies below `index`; returns how many."""
    rng = random.Random(seed)
    agencies = list(AgencyPage.objects.child_of(index).order_by("path"))
    fields = list(ProcedureField.objects.all())
    levels = list(ProcedureLevel.objects.all())
    if not agencies or not fields or not levels:
        raise ValueError("Cần có ít nhất một cơ quan, một lĩnh vực và một cấp thực hiện (chạy load_demo trước).")
    content_type = ContentType.objects.get_for_model(ProcedurePage)
    locale = Locale.get_default()
    first_code = _next_code_number()
    now = timezone.now()
    made = 0
    while made < count:
        size = min(BATCH, count - made)
        with transaction.atomic():
            _batch(rng, size, first_code + made, agencies, fields, levels, content_type, locale, now)
        made += size
        progress(size)
    forget_catalogue_counts()
    return made


def _batch(rng, size, first_code, agencies, fields, levels, content_type, locale, now):
    pages, details, picks = [], [], []
    for offset in range(size):
        agency = agencies[(first_code + offset) % len(agencies)]
        agency.numchild += 1
        code = f"9.{first_code + offset:06d}"
        name = plausible_name(rng)
        slug = slugify(f"{code} {name}")
        pages.append(
            Page(
                path=AgencyPage._get_path(agency.path, agency.depth + 1, agency.numchild),
                depth=agency.depth + 1,
                numchild=0,
                translation_key=uuid.uuid4(),
                locale=locale,
                live=True,
                has_unpublished_changes=False,
                first_published_at=now,
                last_published_at=now,
                title=name,
                draft_title=name,
                slug=slug,
                content_type=content_type,
                url_path=f"{agency.url_path}{slug}/",
            )
        )
        online = rng.choice(["full", "full", "partial", "none"])
        details.append(
            {
                "code": code,
                "procedure_type": "Thủ tục hành chính (dữ liệu tổng hợp)",
                "where_to_submit": "Trung tâm Phục vụ hành chính công tỉnh",
                "online_level": online,
                "online_url": "https://dichvucong.gov.vn" if online != "none" else "",
                "four_on_the_spot": rng.random() < 0.1,
                "keywords": "",
                "description": f"{name} (dữ liệu tổng hợp để kiểm thử quy mô).",
                "sidebar": [],
            }
        )
        picks.append(
            (rng.choice(fields), rng.choice(levels), rng.choice([5, 7, 10, 15, 20]), rng.choice([None, 50000, 100000, 200000]))
        )
    Page.objects.bulk_create(pages)
    children = [ProcedurePage(page_ptr_id=page.pk, **detail) for page, detail in zip(pages, details, strict=True)]
    ProcedurePage._base_manager._insert(children, fields=ProcedurePage._meta.local_concrete_fields)
    channels, dossier, steps, results, field_links, level_links = [], [], [], [], [], []
    for page, (field, level, days, fee) in zip(pages, picks, strict=True):
        for order, channel in enumerate(("in_person", "online", "post")):
            channels.append(
                ProcedureChannel(
                    page_id=page.pk,
                    sort_order=order,
                    channel=channel,
                    time_amount=Decimal(days),
                    fee_amount=fee,
                    fee_unit="đồng/hồ sơ" if fee else "",
                )
            )
        for order, text in enumerate(
            ("Đơn đề nghị theo mẫu", "Bản sao giấy tờ pháp lý của tổ chức, cá nhân", "Tài liệu chứng minh đủ điều kiện")
        ):
            dossier.append(DossierDocument(page_id=page.pk, sort_order=order, name=text, originals=1, copies=0))
        for order, text in enumerate(("Nộp hồ sơ", "Tiếp nhận, kiểm tra hồ sơ", "Giải quyết", "Trả kết quả")):
            steps.append(ProcedureStep(page_id=page.pk, sort_order=order, title=text))
        results.append(ProcedureResult(page_id=page.pk, sort_order=0, name="Văn bản giải quyết của cơ quan có thẩm quyền"))
        field_links.append(ProcedurePage.fields.through(procedurepage_id=page.pk, procedurefield_id=field.pk))
        level_links.append(ProcedurePage.levels.through(procedurepage_id=page.pk, procedurelevel_id=level.pk))
    for model, rows in (
        (ProcedureChannel, channels),
        (DossierDocument, dossier),
        (ProcedureStep, steps),
        (ProcedureResult, results),
        (ProcedurePage.fields.through, field_links),
        (ProcedurePage.levels.through, level_links),
    ):
        model.objects.bulk_create(rows, batch_size=BATCH)
    for agency in agencies:
        Page.objects.filter(pk=agency.pk).update(numchild=agency.numchild)
