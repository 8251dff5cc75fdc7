"""Personal data under Law 91/2025/QH15: kept only as long as needed, exported or erased on request.

Anonymising keeps what the statistics need (kind, dates, agency, field, procedure, status, deadlines) and
the texts vetted for publication; it clears who sent it, what they wrote, the agency's reply addressed to
them, internal notes, and deletes the attachments."""

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from feedback.choices import Action, Status
from feedback.models import Submission
from feedback.models.submissions import ANONYMISED


def due_for_anonymising(now=None):
    """Finished submissions whose retention period (FEEDBACK_RETENTION_DAYS) is over."""
    limit = (now or timezone.now()) - datetime.timedelta(days=settings.FEEDBACK_RETENTION_DAYS)
    finished = Q(status__in=[Status.CLOSED, Status.MERGED, Status.REJECTED], closed_at__lt=limit) | Q(
        status=Status.PUBLISHED, published_at__lt=limit
    )
    return Submission.objects.filter(finished, anonymised_at__isnull=True)


@transaction.atomic
def anonymise(submission, user=None, note=""):
    from feedback.workflow import record

    for attachment in submission.attachments.all():
        attachment.file.delete(save=False)
        attachment.delete()
    submission.name = ANONYMISED
    submission.phone = submission.email = submission.address = ""
    submission.subject = ANONYMISED
    submission.content = ""
    submission.answer = ""
    submission.reason = ""
    submission.secret_hash = ""
    submission.consent_notice = ""
    submission.anonymised_at = timezone.now()
    submission.save()
    submission.events.update(note="", public_note="")
    record(submission, user, Action.ANONYMISE, submission.status, note=note)
    return submission


def export(submissions, request_user=None):
    """Everything held about a person, as the data subject may ask for it (JSON-ready)."""
    from feedback.workflow import record

    data = []
    for s in submissions.select_related("agency", "procedure", "document").prefetch_related("attachments", "events"):
        data.append(
            {
                "ma_phan_anh": s.code,
                "loai": str(s.get_kind_display()),
                "tieu_de": s.subject,
                "noi_dung": s.content,
                "ho_ten": s.name,
                "dien_thoai": s.phone,
                "thu_dien_tu": s.email,
                "dia_chi": s.address,
                "dong_y_cong_khai": s.publish_allowed,
                "dong_y_xu_ly_du_lieu_luc": s.consent_at.isoformat() if s.consent_at else None,
                "thong_bao_da_dong_y": s.consent_notice,
                "tiep_nhan_luc": s.received_at.isoformat(),
                "trang_thai": str(s.get_status_display()),
                "co_quan_xu_ly": s.agency.title if s.agency else None,
                "thu_tuc": s.procedure.title if s.procedure else None,
                "van_ban": s.document.number if s.document else None,
                "tra_loi": s.answer,
                "tep_dinh_kem": [{"ten": a.name, "loai": a.content_type, "dung_luong": a.size} for a in s.attachments.all()],
                "qua_trinh": [
                    {"luc": e.at.isoformat(), "thao_tac": str(e.get_action_display()), "thong_bao": e.public_note}
                    for e in s.events.all()
                    if e.public
                ],
            }
        )
        record(s, request_user, Action.EXPORT, s.status, note=_("Xuất dữ liệu cá nhân theo yêu cầu của chủ thể dữ liệu."))
    return data
