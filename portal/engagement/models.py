"""Counts live in per-(page, day) rows so that increments never read-modify-write and reports stay cheap."""

from decimal import ROUND_HALF_UP, Decimal

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
    """Who was active lately, when there is no Redis; never an address (identity.daily_visitor_id)."""

    daily_visitor_id = models.CharField(max_length=64, primary_key=True)
    member = models.BooleanField(default=False)
    last_seen = models.DateTimeField(db_index=True)


def average_stars(total, count):
    """The one rounding rule for an average rating, wherever it is shown: half up, one decimal."""
    if not count:
        return None
    return (Decimal(total) / Decimal(count)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


class Rating(models.Model):
    """One per visitor and page: `cookie_voter_id` follows the visitor's cookie, `daily_visitor_id`
    catches visitors that refuse cookies (identity explains both); each is unique per page."""

    page = models.ForeignKey(Page, verbose_name=_("Trang"), on_delete=models.CASCADE, related_name="+")
    cookie_voter_id = models.CharField(max_length=64)
    daily_visitor_id = models.CharField(max_length=64, blank=True)
    stars = models.PositiveSmallIntegerField(_("Số sao"), validators=[MinValueValidator(1), MaxValueValidator(5)])
    created_at = models.DateTimeField(_("Lúc đánh giá"), auto_now_add=True)
    updated_at = models.DateTimeField(_("Lúc sửa"), auto_now=True)

    class Meta:
        verbose_name = _("Đánh giá")
        verbose_name_plural = _("Đánh giá")
        constraints = [
            models.UniqueConstraint(fields=["page", "cookie_voter_id"], name="engagement_one_rating_per_voter"),
            models.UniqueConstraint(
                fields=["page", "daily_visitor_id"],
                condition=~models.Q(daily_visitor_id=""),
                name="engagement_one_rating_per_daily_visitor",
            ),
            models.CheckConstraint(condition=models.Q(stars__gte=1, stars__lte=5), name="engagement_stars_1_to_5"),
        ]


class CommentStatus(models.TextChoices):
    PENDING = "pending", _("Chờ duyệt")
    APPROVED = "approved", _("Đã duyệt")
    REJECTED = "rejected", _("Từ chối")


class Comment(models.Model):
    page = models.ForeignKey(Page, verbose_name=_("Bài viết"), on_delete=models.CASCADE, related_name="+")
    name = models.CharField(_("Họ tên"), max_length=100)
    email = models.EmailField(_("Thư điện tử (không công khai)"), blank=True)
    text = models.TextField(_("Ý kiến"), max_length=COMMENT_MAX_LENGTH)
    status = models.CharField(_("Trạng thái"), max_length=20, choices=CommentStatus.choices, default=CommentStatus.PENDING)
    reply = models.TextField(_("Trả lời của ban biên tập"), blank=True)
    created_at = models.DateTimeField(_("Gửi lúc"), auto_now_add=True)
    daily_visitor_id = models.CharField(max_length=64, editable=False)

    class Meta:
        verbose_name = _("Ý kiến bạn đọc")
        verbose_name_plural = _("Ý kiến bạn đọc")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["page", "status", "created_at"], name="engagement_comment_listing")]

    def __str__(self):
        return f"{self.name}: {self.text[:60]}"
