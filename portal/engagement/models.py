"""Counts live in per-(page, day) rows so that increments never read-modify-write and reports stay cheap."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

COMMENT_MAX_LENGTH = 2000


class PageViewDay(models.Model):
    page = models.ForeignKey(Page, verbose_name=_("Trang"), on_delete=models.CASCADE, related_name="+")
    day = models.DateField(_("Ngày"))
    views = models.PositiveBigIntegerField(_("Lượt xem"), default=0)

    class Meta:
        verbose_name = _("Lượt xem trang theo ngày")
        verbose_name_plural = _("Lượt xem trang theo ngày")
        constraints = [models.UniqueConstraint(fields=["page", "day"], name="engagement_one_row_per_page_day")]
        indexes = [models.Index(fields=["day", "page"], name="engagement_day_page")]
        permissions = [("view_report", _("Xem báo cáo truy cập"))]


class VisitDay(models.Model):
    day = models.DateField(_("Ngày"), unique=True)
    visits = models.PositiveBigIntegerField(_("Lượt truy cập"), default=0)
    views = models.PositiveBigIntegerField(_("Lượt xem trang"), default=0)

    class Meta:
        verbose_name = _("Lượt truy cập theo ngày")
        verbose_name_plural = _("Lượt truy cập theo ngày")


class FlushedBatch(models.Model):
    """Batches of Redis counts already written, so a flush re-run after a crash never adds them twice."""

    batch = models.CharField(max_length=64, primary_key=True)
    flushed_at = models.DateTimeField(auto_now_add=True)


class OnlineVisitor(models.Model):
    """Who was active lately, when there is no Redis; `visitor` is the daily salted hash, never an address."""

    visitor = models.CharField(max_length=64, primary_key=True)
    member = models.BooleanField(default=False)
    last_seen = models.DateTimeField(db_index=True)


class Rating(models.Model):
    """One per visitor and page: `voter` follows the visitor's cookie, `visitor` (the daily hash) catches
    visitors that refuse cookies."""

    page = models.ForeignKey(Page, verbose_name=_("Trang"), on_delete=models.CASCADE, related_name="+")
    voter = models.CharField(max_length=64)
    visitor = models.CharField(max_length=64, blank=True)
    stars = models.PositiveSmallIntegerField(_("Số sao"), validators=[MinValueValidator(1), MaxValueValidator(5)])
    created_at = models.DateTimeField(_("Lúc đánh giá"), auto_now_add=True)
    updated_at = models.DateTimeField(_("Lúc sửa"), auto_now=True)

    class Meta:
        verbose_name = _("Đánh giá")
        verbose_name_plural = _("Đánh giá")
        indexes = [models.Index(fields=["page", "visitor"], name="engagement_rating_visitor")]
        constraints = [
            models.UniqueConstraint(fields=["page", "voter"], name="engagement_one_rating_per_voter"),
            models.CheckConstraint(condition=models.Q(stars__gte=1, stars__lte=5), name="engagement_stars_1_to_5"),
        ]


class CommentStatus(models.TextChoices):
    PENDING = "cho_duyet", _("Chờ duyệt")
    APPROVED = "da_duyet", _("Đã duyệt")
    REJECTED = "tu_choi", _("Từ chối")


class Comment(models.Model):
    page = models.ForeignKey(Page, verbose_name=_("Bài viết"), on_delete=models.CASCADE, related_name="+")
    name = models.CharField(_("Họ tên"), max_length=100)
    email = models.EmailField(_("Thư điện tử (không công khai)"), blank=True)
    text = models.TextField(_("Ý kiến"), max_length=COMMENT_MAX_LENGTH)
    status = models.CharField(_("Trạng thái"), max_length=20, choices=CommentStatus.choices, default=CommentStatus.PENDING)
    reply = models.TextField(_("Trả lời của ban biên tập"), blank=True)
    created_at = models.DateTimeField(_("Gửi lúc"), auto_now_add=True)
    voter = models.CharField(max_length=64, editable=False)

    class Meta:
        verbose_name = _("Ý kiến bạn đọc")
        verbose_name_plural = _("Ý kiến bạn đọc")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["page", "status", "created_at"], name="engagement_comment_listing")]

    def __str__(self):
        return f"{self.name}: {self.text[:60]}"
