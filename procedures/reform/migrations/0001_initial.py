"""The reform figures and their page, adopted from the `procedures` app without touching the database.

The tables were created by procedures' 0003 and 0005 and keep their names (`db_table`), so every row stays.
"""

from decimal import Decimal

import django.core.validators
import django.db.models.deletion
import wagtail.contrib.routable_page.models
import wagtail.fields
from django.conf import settings
from django.db import migrations, models

import procedures.reform.models.figures


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("procedures", "0006_reform_figures_move_to_their_app"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="StatisticsPage",
                    fields=[
                        (
                            "page_ptr",
                            models.OneToOneField(
                                auto_created=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                parent_link=True,
                                primary_key=True,
                                serialize=False,
                                to=settings.WAGTAIL_PAGE_MODEL,
                            ),
                        ),
                        (
                            "sidebar",
                            wagtail.fields.StreamField(
                                [("links", 7), ("map", 12), ("contact", 19), ("schedule", 28)],
                                blank=True,
                                block_lookup={
                                    0: (
                                        "wagtail.blocks.CharBlock",
                                        (),
                                        {"default": "Liên kết", "label": "Tiêu đề khối", "max_length": 255},
                                    ),
                                    1: ("wagtail.blocks.CharBlock", (), {"label": "Tên liên kết", "max_length": 255}),
                                    2: ("wagtail.blocks.PageChooserBlock", (), {"label": "Trang trong cổng", "required": False}),
                                    3: ("wagtail.blocks.URLBlock", (), {"label": "Hoặc địa chỉ ngoài", "required": False}),
                                    4: (
                                        "wagtail.images.blocks.ImageChooserBlock",
                                        (),
                                        {"label": "Ảnh banner", "required": False},
                                    ),
                                    5: (
                                        "wagtail.blocks.StructBlock",
                                        [[("title", 1), ("page", 2), ("url", 3), ("image", 4)]],
                                        {},
                                    ),
                                    6: ("wagtail.blocks.ListBlock", (5,), {"label": "Các liên kết"}),
                                    7: ("wagtail.blocks.StructBlock", [[("heading", 0), ("links", 6)]], {}),
                                    8: (
                                        "wagtail.blocks.CharBlock",
                                        (),
                                        {"default": "Bản đồ hành chính", "label": "Tiêu đề khối", "max_length": 255},
                                    ),
                                    9: (
                                        "wagtail.images.blocks.ImageChooserBlock",
                                        (),
                                        {"label": "Ảnh bản đồ", "required": False},
                                    ),
                                    10: ("wagtail.blocks.URLBlock", (), {"label": "Liên kết bản đồ"}),
                                    11: ("wagtail.blocks.TextBlock", (), {"label": "Mô tả", "required": False}),
                                    12: (
                                        "wagtail.blocks.StructBlock",
                                        [[("heading", 8), ("image", 9), ("url", 10), ("description", 11)]],
                                        {},
                                    ),
                                    13: (
                                        "wagtail.blocks.CharBlock",
                                        (),
                                        {"default": "Liên hệ", "label": "Tiêu đề khối", "max_length": 255},
                                    ),
                                    14: ("wagtail.blocks.CharBlock", (), {"label": "Đơn vị", "max_length": 255}),
                                    15: ("wagtail.blocks.TextBlock", (), {"label": "Địa chỉ", "required": False}),
                                    16: (
                                        "wagtail.blocks.CharBlock",
                                        (),
                                        {"label": "Điện thoại", "max_length": 50, "required": False},
                                    ),
                                    17: (
                                        "wagtail.blocks.CharBlock",
                                        (),
                                        {"label": "Đường dây nóng", "max_length": 50, "required": False},
                                    ),
                                    18: ("wagtail.blocks.EmailBlock", (), {"label": "Thư điện tử", "required": False}),
                                    19: (
                                        "wagtail.blocks.StructBlock",
                                        [
                                            [
                                                ("heading", 13),
                                                ("organisation", 14),
                                                ("address", 15),
                                                ("phone", 16),
                                                ("hotline", 17),
                                                ("email", 18),
                                            ]
                                        ],
                                        {},
                                    ),
                                    20: (
                                        "wagtail.blocks.CharBlock",
                                        (),
                                        {"default": "Lịch công tác", "label": "Tiêu đề khối", "max_length": 255},
                                    ),
                                    21: ("wagtail.blocks.DateBlock", (), {"label": "Ngày"}),
                                    22: ("wagtail.blocks.TimeBlock", (), {"label": "Giờ", "required": False}),
                                    23: ("wagtail.blocks.CharBlock", (), {"label": "Nội dung", "max_length": 500}),
                                    24: (
                                        "wagtail.blocks.CharBlock",
                                        (),
                                        {"label": "Địa điểm", "max_length": 255, "required": False},
                                    ),
                                    25: (
                                        "wagtail.blocks.CharBlock",
                                        (),
                                        {"label": "Chủ trì", "max_length": 255, "required": False},
                                    ),
                                    26: (
                                        "wagtail.blocks.StructBlock",
                                        [[("date", 21), ("time", 22), ("activity", 23), ("place", 24), ("chaired_by", 25)]],
                                        {},
                                    ),
                                    27: ("wagtail.blocks.ListBlock", (26,), {"label": "Lịch"}),
                                    28: ("wagtail.blocks.StructBlock", [[("heading", 20), ("entries", 27)]], {}),
                                },
                                help_text="Để trống để dùng các khối của mục cha.",
                                verbose_name="Khối bên phải",
                            ),
                        ),
                        ("intro", models.TextField(blank=True, verbose_name="Giới thiệu")),
                    ],
                    options={
                        "verbose_name": "Trang thống kê, đánh giá",
                        "verbose_name_plural": "Trang thống kê, đánh giá",
                        "db_table": "procedures_statisticspage",
                    },
                    bases=(wagtail.contrib.routable_page.models.RoutablePageMixin, "wagtailcore.page", models.Model),
                ),
                migrations.CreateModel(
                    name="DossierStatistics",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("live", models.BooleanField(default=True, editable=False, verbose_name="live")),
                        (
                            "has_unpublished_changes",
                            models.BooleanField(default=False, editable=False, verbose_name="has unpublished changes"),
                        ),
                        (
                            "first_published_at",
                            models.DateTimeField(blank=True, db_index=True, null=True, verbose_name="first published at"),
                        ),
                        ("last_published_at", models.DateTimeField(editable=False, null=True, verbose_name="last published at")),
                        ("go_live_at", models.DateTimeField(blank=True, null=True, verbose_name="go live date/time")),
                        ("expire_at", models.DateTimeField(blank=True, null=True, verbose_name="expiry date/time")),
                        ("expired", models.BooleanField(default=False, editable=False, verbose_name="expired")),
                        (
                            "period_kind",
                            models.CharField(
                                choices=[("thang", "Tháng"), ("quy", "Quý"), ("nam", "Năm")],
                                default="thang",
                                max_length=10,
                                verbose_name="Loại kỳ",
                            ),
                        ),
                        (
                            "year",
                            models.PositiveSmallIntegerField(
                                validators=[
                                    django.core.validators.MinValueValidator(2000),
                                    django.core.validators.MaxValueValidator(2100),
                                ],
                                verbose_name="Năm",
                            ),
                        ),
                        (
                            "number",
                            models.PositiveSmallIntegerField(
                                default=0, help_text="Tháng 1–12 hoặc quý 1–4; để 0 với kỳ năm.", verbose_name="Tháng/quý"
                            ),
                        ),
                        (
                            "received_in_person",
                            models.PositiveIntegerField(
                                default=0,
                                validators=[django.core.validators.MinValueValidator(0)],
                                verbose_name="Tiếp nhận trực tiếp",
                            ),
                        ),
                        (
                            "received_online",
                            models.PositiveIntegerField(
                                default=0,
                                validators=[django.core.validators.MinValueValidator(0)],
                                verbose_name="Tiếp nhận trực tuyến",
                            ),
                        ),
                        (
                            "received_post",
                            models.PositiveIntegerField(
                                default=0,
                                validators=[django.core.validators.MinValueValidator(0)],
                                verbose_name="Tiếp nhận qua bưu chính",
                            ),
                        ),
                        (
                            "carried_over",
                            models.PositiveIntegerField(
                                default=0,
                                validators=[django.core.validators.MinValueValidator(0)],
                                verbose_name="Kỳ trước chuyển sang",
                            ),
                        ),
                        (
                            "resolved_on_time",
                            models.PositiveIntegerField(
                                default=0,
                                validators=[django.core.validators.MinValueValidator(0)],
                                verbose_name="Giải quyết đúng hạn",
                            ),
                        ),
                        (
                            "resolved_late",
                            models.PositiveIntegerField(
                                default=0,
                                validators=[django.core.validators.MinValueValidator(0)],
                                verbose_name="Giải quyết quá hạn",
                            ),
                        ),
                        (
                            "pending_on_time",
                            models.PositiveIntegerField(
                                default=0,
                                validators=[django.core.validators.MinValueValidator(0)],
                                verbose_name="Đang giải quyết trong hạn",
                            ),
                        ),
                        (
                            "pending_overdue",
                            models.PositiveIntegerField(
                                default=0,
                                validators=[django.core.validators.MinValueValidator(0)],
                                verbose_name="Đang giải quyết quá hạn",
                            ),
                        ),
                        (
                            "returned",
                            models.PositiveIntegerField(
                                default=0,
                                validators=[django.core.validators.MinValueValidator(0)],
                                verbose_name="Trả lại, từ chối",
                            ),
                        ),
                        (
                            "withdrawn",
                            models.PositiveIntegerField(
                                default=0,
                                validators=[django.core.validators.MinValueValidator(0)],
                                verbose_name="Công dân rút hồ sơ",
                            ),
                        ),
                        (
                            "apologies",
                            models.PositiveIntegerField(
                                default=0,
                                validators=[django.core.validators.MinValueValidator(0)],
                                verbose_name="Văn bản xin lỗi do trễ hạn",
                            ),
                        ),
                        (
                            "online_payments",
                            models.PositiveIntegerField(
                                default=0,
                                validators=[django.core.validators.MinValueValidator(0)],
                                verbose_name="Thanh toán trực tuyến",
                            ),
                        ),
                        (
                            "agency",
                            models.ForeignKey(
                                blank=True,
                                help_text="Để trống cho số liệu toàn tỉnh.",
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="procedures.agencypage",
                                verbose_name="Cơ quan",
                            ),
                        ),
                        (
                            "latest_revision",
                            models.ForeignKey(
                                blank=True,
                                editable=False,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to="wagtailcore.revision",
                                verbose_name="latest revision",
                            ),
                        ),
                        (
                            "live_revision",
                            models.ForeignKey(
                                blank=True,
                                editable=False,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to="wagtailcore.revision",
                                verbose_name="live revision",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "Số liệu hồ sơ",
                        "verbose_name_plural": "Số liệu hồ sơ",
                        "db_table": "procedures_dossierstatistics",
                        "ordering": ["-year", "-number", "agency__title"],
                        "abstract": False,
                        "constraints": [
                            models.UniqueConstraint(
                                condition=models.Q(("agency__isnull", False)),
                                fields=("agency", "period_kind", "year", "number"),
                                name="dossierstatistics_one_per_agency_period",
                                violation_error_message="Cơ quan này đã có số liệu cho kỳ báo cáo này.",
                            ),
                            models.UniqueConstraint(
                                condition=models.Q(("agency__isnull", True)),
                                fields=("period_kind", "year", "number"),
                                name="dossierstatistics_one_per_province_period",
                                violation_error_message="Toàn tỉnh đã có số liệu cho kỳ báo cáo này.",
                            ),
                        ],
                    },
                    bases=(procedures.reform.models.figures.DossierMath, models.Model),
                ),
                migrations.CreateModel(
                    name="ParIndexScore",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("live", models.BooleanField(default=True, editable=False, verbose_name="live")),
                        (
                            "has_unpublished_changes",
                            models.BooleanField(default=False, editable=False, verbose_name="has unpublished changes"),
                        ),
                        (
                            "first_published_at",
                            models.DateTimeField(blank=True, db_index=True, null=True, verbose_name="first published at"),
                        ),
                        ("last_published_at", models.DateTimeField(editable=False, null=True, verbose_name="last published at")),
                        ("go_live_at", models.DateTimeField(blank=True, null=True, verbose_name="go live date/time")),
                        ("expire_at", models.DateTimeField(blank=True, null=True, verbose_name="expiry date/time")),
                        ("expired", models.BooleanField(default=False, editable=False, verbose_name="expired")),
                        (
                            "year",
                            models.PositiveSmallIntegerField(
                                validators=[
                                    django.core.validators.MinValueValidator(2000),
                                    django.core.validators.MaxValueValidator(2100),
                                ],
                                verbose_name="Năm",
                            ),
                        ),
                        (
                            "score",
                            models.DecimalField(
                                decimal_places=2,
                                max_digits=5,
                                validators=[
                                    django.core.validators.MinValueValidator(Decimal("0"), "Điểm không được âm."),
                                    django.core.validators.MaxValueValidator(Decimal("100"), "Điểm không vượt quá 100."),
                                ],
                                verbose_name="Điểm PAR Index (%)",
                            ),
                        ),
                        (
                            "agency",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="procedures.agencypage",
                                verbose_name="Cơ quan",
                            ),
                        ),
                        (
                            "latest_revision",
                            models.ForeignKey(
                                blank=True,
                                editable=False,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to="wagtailcore.revision",
                                verbose_name="latest revision",
                            ),
                        ),
                        (
                            "live_revision",
                            models.ForeignKey(
                                blank=True,
                                editable=False,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to="wagtailcore.revision",
                                verbose_name="live revision",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "Chỉ số CCHC (PAR Index)",
                        "verbose_name_plural": "Chỉ số CCHC (PAR Index)",
                        "db_table": "procedures_parindexscore",
                        "ordering": ["-year", "-score"],
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("agency", "year"),
                                name="par_index_one_per_agency_year",
                                violation_error_message="Cơ quan này đã có điểm PAR Index của năm này.",
                            )
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="SatisfactionSurvey",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("live", models.BooleanField(default=True, editable=False, verbose_name="live")),
                        (
                            "has_unpublished_changes",
                            models.BooleanField(default=False, editable=False, verbose_name="has unpublished changes"),
                        ),
                        (
                            "first_published_at",
                            models.DateTimeField(blank=True, db_index=True, null=True, verbose_name="first published at"),
                        ),
                        ("last_published_at", models.DateTimeField(editable=False, null=True, verbose_name="last published at")),
                        ("go_live_at", models.DateTimeField(blank=True, null=True, verbose_name="go live date/time")),
                        ("expire_at", models.DateTimeField(blank=True, null=True, verbose_name="expiry date/time")),
                        ("expired", models.BooleanField(default=False, editable=False, verbose_name="expired")),
                        (
                            "year",
                            models.PositiveSmallIntegerField(
                                validators=[
                                    django.core.validators.MinValueValidator(2000),
                                    django.core.validators.MaxValueValidator(2100),
                                ],
                                verbose_name="Năm",
                            ),
                        ),
                        (
                            "respondents",
                            models.PositiveIntegerField(
                                validators=[django.core.validators.MinValueValidator(1)], verbose_name="Số phiếu khảo sát hợp lệ"
                            ),
                        ),
                        (
                            "access",
                            models.DecimalField(
                                decimal_places=2,
                                max_digits=5,
                                validators=[
                                    django.core.validators.MinValueValidator(Decimal("0"), "Tỷ lệ không được âm."),
                                    django.core.validators.MaxValueValidator(Decimal("100"), "Tỷ lệ không vượt quá 100%."),
                                ],
                                verbose_name="Tiếp cận dịch vụ (%)",
                            ),
                        ),
                        (
                            "procedure",
                            models.DecimalField(
                                decimal_places=2,
                                max_digits=5,
                                validators=[
                                    django.core.validators.MinValueValidator(Decimal("0"), "Tỷ lệ không được âm."),
                                    django.core.validators.MaxValueValidator(Decimal("100"), "Tỷ lệ không vượt quá 100%."),
                                ],
                                verbose_name="Thủ tục hành chính (%)",
                            ),
                        ),
                        (
                            "officials",
                            models.DecimalField(
                                decimal_places=2,
                                max_digits=5,
                                validators=[
                                    django.core.validators.MinValueValidator(Decimal("0"), "Tỷ lệ không được âm."),
                                    django.core.validators.MaxValueValidator(Decimal("100"), "Tỷ lệ không vượt quá 100%."),
                                ],
                                verbose_name="Công chức giải quyết công việc (%)",
                            ),
                        ),
                        (
                            "results",
                            models.DecimalField(
                                decimal_places=2,
                                max_digits=5,
                                validators=[
                                    django.core.validators.MinValueValidator(Decimal("0"), "Tỷ lệ không được âm."),
                                    django.core.validators.MaxValueValidator(Decimal("100"), "Tỷ lệ không vượt quá 100%."),
                                ],
                                verbose_name="Kết quả giải quyết (%)",
                            ),
                        ),
                        (
                            "feedback",
                            models.DecimalField(
                                decimal_places=2,
                                max_digits=5,
                                validators=[
                                    django.core.validators.MinValueValidator(Decimal("0"), "Tỷ lệ không được âm."),
                                    django.core.validators.MaxValueValidator(Decimal("100"), "Tỷ lệ không vượt quá 100%."),
                                ],
                                verbose_name="Tiếp nhận, xử lý góp ý, phản ánh (%)",
                            ),
                        ),
                        (
                            "agency",
                            models.ForeignKey(
                                blank=True,
                                help_text="Để trống cho số liệu toàn tỉnh.",
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="procedures.agencypage",
                                verbose_name="Cơ quan",
                            ),
                        ),
                        (
                            "latest_revision",
                            models.ForeignKey(
                                blank=True,
                                editable=False,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to="wagtailcore.revision",
                                verbose_name="latest revision",
                            ),
                        ),
                        (
                            "live_revision",
                            models.ForeignKey(
                                blank=True,
                                editable=False,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to="wagtailcore.revision",
                                verbose_name="live revision",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "Khảo sát hài lòng (SIPAS)",
                        "verbose_name_plural": "Khảo sát hài lòng (SIPAS)",
                        "db_table": "procedures_satisfactionsurvey",
                        "ordering": ["-year", "agency__title"],
                        "constraints": [
                            models.UniqueConstraint(
                                condition=models.Q(("agency__isnull", False)),
                                fields=("agency", "year"),
                                name="sipas_one_per_agency_year",
                                violation_error_message="Cơ quan này đã có kết quả khảo sát của năm này.",
                            ),
                            models.UniqueConstraint(
                                condition=models.Q(("agency__isnull", True)),
                                fields=("year",),
                                name="sipas_one_per_province_year",
                                violation_error_message="Toàn tỉnh đã có kết quả khảo sát của năm này.",
                            ),
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="ServiceIndexScore",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("live", models.BooleanField(default=True, editable=False, verbose_name="live")),
                        (
                            "has_unpublished_changes",
                            models.BooleanField(default=False, editable=False, verbose_name="has unpublished changes"),
                        ),
                        (
                            "first_published_at",
                            models.DateTimeField(blank=True, db_index=True, null=True, verbose_name="first published at"),
                        ),
                        ("last_published_at", models.DateTimeField(editable=False, null=True, verbose_name="last published at")),
                        ("go_live_at", models.DateTimeField(blank=True, null=True, verbose_name="go live date/time")),
                        ("expire_at", models.DateTimeField(blank=True, null=True, verbose_name="expiry date/time")),
                        ("expired", models.BooleanField(default=False, editable=False, verbose_name="expired")),
                        (
                            "period_kind",
                            models.CharField(
                                choices=[("thang", "Tháng"), ("quy", "Quý"), ("nam", "Năm")],
                                default="thang",
                                max_length=10,
                                verbose_name="Loại kỳ",
                            ),
                        ),
                        (
                            "year",
                            models.PositiveSmallIntegerField(
                                validators=[
                                    django.core.validators.MinValueValidator(2000),
                                    django.core.validators.MaxValueValidator(2100),
                                ],
                                verbose_name="Năm",
                            ),
                        ),
                        (
                            "number",
                            models.PositiveSmallIntegerField(
                                default=0, help_text="Tháng 1–12 hoặc quý 1–4; để 0 với kỳ năm.", verbose_name="Tháng/quý"
                            ),
                        ),
                        (
                            "publicity",
                            models.DecimalField(
                                decimal_places=2,
                                default=Decimal("0"),
                                max_digits=5,
                                validators=[
                                    django.core.validators.MinValueValidator(Decimal("0"), "Điểm không được âm."),
                                    django.core.validators.MaxValueValidator(Decimal("18"), "Điểm tối đa của nhóm này là 18."),
                                ],
                                verbose_name="Công khai, minh bạch (tối đa 18)",
                            ),
                        ),
                        (
                            "progress",
                            models.DecimalField(
                                decimal_places=2,
                                default=Decimal("0"),
                                max_digits=5,
                                validators=[
                                    django.core.validators.MinValueValidator(Decimal("0"), "Điểm không được âm."),
                                    django.core.validators.MaxValueValidator(Decimal("20"), "Điểm tối đa của nhóm này là 20."),
                                ],
                                verbose_name="Tiến độ, kết quả giải quyết (tối đa 20)",
                            ),
                        ),
                        (
                            "online_service",
                            models.DecimalField(
                                decimal_places=2,
                                default=Decimal("0"),
                                max_digits=5,
                                validators=[
                                    django.core.validators.MinValueValidator(Decimal("0"), "Điểm không được âm."),
                                    django.core.validators.MaxValueValidator(Decimal("22"), "Điểm tối đa của nhóm này là 22."),
                                ],
                                verbose_name="Cung cấp dịch vụ trực tuyến (tối đa 22)",
                            ),
                        ),
                        (
                            "digitisation",
                            models.DecimalField(
                                decimal_places=2,
                                default=Decimal("0"),
                                max_digits=5,
                                validators=[
                                    django.core.validators.MinValueValidator(Decimal("0"), "Điểm không được âm."),
                                    django.core.validators.MaxValueValidator(Decimal("22"), "Điểm tối đa của nhóm này là 22."),
                                ],
                                verbose_name="Số hóa hồ sơ (tối đa 22)",
                            ),
                        ),
                        (
                            "satisfaction",
                            models.DecimalField(
                                decimal_places=2,
                                default=Decimal("0"),
                                max_digits=5,
                                validators=[
                                    django.core.validators.MinValueValidator(Decimal("0"), "Điểm không được âm."),
                                    django.core.validators.MaxValueValidator(Decimal("18"), "Điểm tối đa của nhóm này là 18."),
                                ],
                                verbose_name="Mức độ hài lòng (tối đa 18)",
                            ),
                        ),
                        (
                            "agency",
                            models.ForeignKey(
                                blank=True,
                                help_text="Để trống cho số liệu toàn tỉnh.",
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="procedures.agencypage",
                                verbose_name="Cơ quan",
                            ),
                        ),
                        (
                            "latest_revision",
                            models.ForeignKey(
                                blank=True,
                                editable=False,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to="wagtailcore.revision",
                                verbose_name="latest revision",
                            ),
                        ),
                        (
                            "live_revision",
                            models.ForeignKey(
                                blank=True,
                                editable=False,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to="wagtailcore.revision",
                                verbose_name="live revision",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "Chỉ số phục vụ (QĐ 766)",
                        "verbose_name_plural": "Chỉ số phục vụ (QĐ 766)",
                        "db_table": "procedures_serviceindexscore",
                        "ordering": ["-year", "-number", "agency__title"],
                        "abstract": False,
                        "constraints": [
                            models.UniqueConstraint(
                                condition=models.Q(("agency__isnull", False)),
                                fields=("agency", "period_kind", "year", "number"),
                                name="serviceindexscore_one_per_agency_period",
                                violation_error_message="Cơ quan này đã có số liệu cho kỳ báo cáo này.",
                            ),
                            models.UniqueConstraint(
                                condition=models.Q(("agency__isnull", True)),
                                fields=("period_kind", "year", "number"),
                                name="serviceindexscore_one_per_province_period",
                                violation_error_message="Toàn tỉnh đã có số liệu cho kỳ báo cáo này.",
                            ),
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
