"""A citizen's feedback (phản ánh, kiến nghị, câu hỏi), its attachments and the history of its handling."""

import hashlib
import hmac
import secrets

from django.conf import settings
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from feedback.choices import AT_AGENCY, PUBLIC_STATUS, Action, Channel, Kind, Status
from feedback.models.fields import optional_link
from feedback.storage import get_private_storage
from portal.db import increment

SUBJECT_MAX = 200
CONTENT_MAX = 5000
ANSWER_MAX = 10000
SECRET_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread
ANONYMISED = "(đã ẩn danh)"


def secret_digest(secret):
    normalised = "".join(ch for ch in secret.upper() if ch.isalnum())
    return hmac.new(settings.SECRET_KEY.encode(), f"feedback:{normalised}".encode(), hashlib.sha256).hexdigest()


def new_secret():
    raw = "".join(secrets.choice(SECRET_ALPHABET) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def normalise_phone(value):
    """Digits only, "+84 912…"/"84912…" as "0912…", so any way of writing a number finds it."""
    digits = "".join(ch for ch in value or "" if ch.isdigit())
    if digits.startswith("84") and len(digits) >= 11:
        digits = "0" + digits[2:]
    return digits


class CodeSequence(models.Model):
    """The last tracking number given in a year: PAKN-2026-000123 counts from 1 every year."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last = models.PositiveIntegerField(default=0)


def next_code(year):
    with transaction.atomic():
        increment(CodeSequence, {"year": year}, last=1)
        number = CodeSequence.objects.get(year=year).last
    return f"PAKN-{year}-{number:06d}"


class SubmissionQuerySet(models.QuerySet):
    def overdue(self, today=None):
        """Still waiting on a step whose deadline has passed."""
        today = today or timezone.localdate()
        return self.filter(
            Q(status=Status.NEW, triage_due__lt=today)
            | Q(status__in=AT_AGENCY, answer_due__lt=today)
            | Q(status=Status.ANSWERED, approve_due__lt=today)
        )

    def due_by(self, day):
        """Waiting on a step due on or before `day` (overdue ones included)."""
        return self.filter(
            Q(status=Status.NEW, triage_due__lte=day)
            | Q(status__in=AT_AGENCY, answer_due__lte=day)
            | Q(status=Status.ANSWERED, approve_due__lte=day)
        )

    def for_contact(self, email="", phone=""):
        query = Q(pk__in=[])
        if email:
            query |= Q(email__iexact=email.strip())
        if phone:
            query |= Q(phone_key=normalise_phone(phone))
        return self.filter(query).exclude(anonymised_at__isnull=False)


class Submission(models.Model):
    code = models.CharField(_("Mã phản ánh"), max_length=20, unique=True, editable=False)
    kind = models.CharField(_("Loại"), max_length=10, choices=Kind.choices, default=Kind.REPORT)
    channel = models.CharField(_("Kênh tiếp nhận"), max_length=10, choices=Channel.choices, default=Channel.WEB)
    subject = models.CharField(_("Tiêu đề"), max_length=SUBJECT_MAX)
    content = models.TextField(_("Nội dung"), max_length=CONTENT_MAX)
    procedure = optional_link("procedures.ProcedurePage", _("Thủ tục liên quan"))
    document = optional_link("news.DecisionPage", _("Văn bản liên quan"))
    concerned_agency = optional_link("procedures.AgencyPage", _("Cơ quan được phản ánh (người gửi chọn)"))
    agency = optional_link("procedures.AgencyPage", _("Cơ quan xử lý"), related_name="feedback_submissions")
    field = optional_link("procedures.ProcedureField", _("Lĩnh vực"))
    status = models.CharField(_("Trạng thái"), max_length=10, choices=Status.choices, default=Status.NEW, db_index=True)

    received_at = models.DateTimeField(_("Tiếp nhận lúc"), default=timezone.now, db_index=True)
    triage_due = models.DateField(_("Hạn chuyển xử lý"))
    assigned_at = models.DateTimeField(_("Chuyển xử lý lúc"), null=True, blank=True)
    answer_due = models.DateField(_("Hạn trả lời"), null=True, blank=True)
    answered_at = models.DateTimeField(_("Cơ quan trả lời lúc"), null=True, blank=True)
    approve_due = models.DateField(_("Hạn duyệt"), null=True, blank=True)
    approved_at = models.DateTimeField(_("Duyệt lúc"), null=True, blank=True)
    published_at = models.DateTimeField(_("Công khai lúc"), null=True, blank=True)
    closed_at = models.DateTimeField(_("Kết thúc lúc"), null=True, blank=True)

    duplicate_of = models.ForeignKey(
        "self", verbose_name=_("Trùng với"), null=True, blank=True, on_delete=models.SET_NULL, related_name="duplicates"
    )
    reason = models.TextField(_("Lý do (không tiếp nhận, kết thúc)"), blank=True)
    answer = models.TextField(_("Nội dung trả lời"), blank=True, max_length=ANSWER_MAX)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Người trả lời"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    publish_allowed = models.BooleanField(_("Người gửi đồng ý công khai"), default=False)
    public_title = models.CharField(_("Tiêu đề công khai"), max_length=SUBJECT_MAX, blank=True)
    public_question = models.TextField(_("Câu hỏi công khai"), blank=True, max_length=CONTENT_MAX)
    public_answer = models.TextField(_("Trả lời công khai"), blank=True, max_length=ANSWER_MAX)
    question_page = models.OneToOneField(
        "feedback.QuestionPage",
        verbose_name=_("Trang hỏi đáp"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="submission",
    )

    # Personal data: shown only to the reform office and the agency handling the submission.
    name = models.CharField(_("Họ tên"), max_length=100)
    phone = models.CharField(_("Điện thoại"), max_length=20, blank=True)
    phone_key = models.CharField(max_length=20, blank=True, db_index=True, editable=False)
    email = models.EmailField(_("Thư điện tử"), blank=True, db_index=True)
    address = models.CharField(_("Địa chỉ"), max_length=300, blank=True)
    consent_at = models.DateTimeField(_("Đồng ý xử lý dữ liệu cá nhân lúc"), null=True, blank=True)
    consent_notice = models.TextField(_("Thông báo đã đồng ý"), blank=True)
    secret_hash = models.CharField(max_length=64, blank=True, editable=False)
    anonymised_at = models.DateTimeField(_("Ẩn danh hóa lúc"), null=True, blank=True)

    objects = SubmissionQuerySet.as_manager()

    class Meta:
        verbose_name = _("Phản ánh, kiến nghị")
        verbose_name_plural = _("Phản ánh, kiến nghị")
        ordering = ["-received_at"]
        indexes = [
            models.Index(fields=["agency", "status"], name="feedback_agency_status"),
            models.Index(fields=["status", "received_at"], name="feedback_status_received"),
        ]
        permissions = [
            ("triage_submission", _("Phân loại, chuyển xử lý phản ánh, kiến nghị")),
            ("approve_submission", _("Duyệt, công khai trả lời phản ánh, kiến nghị")),
            ("view_feedback_report", _("Xem báo cáo phản ánh, kiến nghị")),
            ("manage_personal_data", _("Xuất, xóa dữ liệu cá nhân theo yêu cầu")),
        ]

    def __str__(self):
        return f"{self.code} – {self.subject}"

    def save(self, *args, **kwargs):
        self.phone_key = normalise_phone(self.phone)
        return super().save(*args, **kwargs)

    def set_secret(self):
        secret = new_secret()
        self.secret_hash = secret_digest(secret)
        return secret

    def secret_matches(self, secret):
        return bool(self.secret_hash) and hmac.compare_digest(self.secret_hash, secret_digest(secret))

    def contact_matches(self, text):
        """The phone number or e-mail address given when sending, written any usual way."""
        text = (text or "").strip()
        if not text or self.anonymised_at:
            return False
        if "@" in text:
            return bool(self.email) and hmac.compare_digest(self.email.lower(), text.lower())
        key = normalise_phone(text)
        return len(key) >= 8 and bool(self.phone_key) and hmac.compare_digest(self.phone_key, key)

    @property
    def public_status(self):
        return PUBLIC_STATUS[self.status]

    @property
    def current_due(self):
        if self.status == Status.NEW:
            return self.triage_due
        if self.status in AT_AGENCY:
            return self.answer_due
        if self.status == Status.ANSWERED:
            return self.approve_due
        return None

    def is_overdue(self, today=None):
        due = self.current_due
        return due is not None and due < (today or timezone.localdate())

    @property
    def answered_on_time(self):
        if self.answered_at is None or self.answer_due is None:
            return None
        return timezone.localdate(self.answered_at) <= self.answer_due


def attachment_path(instance, filename):
    return f"feedback/{timezone.localdate():%Y/%m}/{secrets.token_hex(16)}{filename[filename.rfind('.') :].lower()}"


class Attachment(models.Model):
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("Tệp"), upload_to=attachment_path, storage=get_private_storage, max_length=200)
    name = models.CharField(_("Tên tệp"), max_length=150)
    content_type = models.CharField(_("Loại tệp"), max_length=50)
    size = models.PositiveIntegerField(_("Dung lượng (byte)"))

    class Meta:
        verbose_name = _("Tệp đính kèm")
        verbose_name_plural = _("Tệp đính kèm")

    def __str__(self):
        return self.name


class Event(models.Model):
    """One step in the history of a submission: who did what, when, from which state to which."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(_("Lúc"), default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("Người thực hiện"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_name = models.CharField(_("Tên người thực hiện"), max_length=150, blank=True)
    action = models.CharField(_("Thao tác"), max_length=12, choices=Action.choices)
    status_from = models.CharField(_("Từ trạng thái"), max_length=10, choices=Status.choices, blank=True)
    status_to = models.CharField(_("Sang trạng thái"), max_length=10, choices=Status.choices, blank=True)
    agency = models.ForeignKey(
        "procedures.AgencyPage", verbose_name=_("Cơ quan"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.TextField(_("Ghi chú nội bộ"), blank=True)
    public_note = models.TextField(_("Thông báo cho người gửi"), blank=True)
    public = models.BooleanField(_("Người gửi xem được"), default=False)

    class Meta:
        verbose_name = _("Lịch sử xử lý")
        verbose_name_plural = _("Lịch sử xử lý")
        ordering = ["at", "pk"]
        indexes = [models.Index(fields=["submission", "at"], name="feedback_event_history")]

    def __str__(self):
        return f"{self.submission_id} {self.action} {self.at:%d/%m/%Y %H:%M}"
