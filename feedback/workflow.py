"""Every change to a submission: receiving it, then each staff action. Each step checks who may take it
(feedback.permissions), records an Event with who and when, and queues the e-mails it causes."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from feedback import permissions, tasks
from feedback.choices import Action, Status
from feedback.deadlines import WorkingCalendar, limits
from feedback.models import Attachment, Event, QuestionIndexPage, QuestionPage, Submission, next_code
from feedback.uploads import clean_name
from portal.text import slugify


class ActionRefused(Exception):
    """The action does not apply (wrong state, missing publication page); shown to staff as a message."""


def actor_name(user):
    if user is None:
        return ""
    return (user.get_full_name() or user.get_username())[:150]


def record(submission, user, action, status_from="", note="", public_note="", public=False, agency=None):
    return Event.objects.create(
        submission=submission,
        actor=user if user is not None and user.is_authenticated else None,
        actor_name=actor_name(user) if user is not None and user.is_authenticated else "",
        action=action,
        status_from=status_from,
        status_to=submission.status,
        note=note,
        public_note=public_note,
        public=public,
        agency=agency,
    )


def _today():
    return timezone.localdate()


@transaction.atomic
def receive(data, files, notice, user=None):
    """A new submission from the public form, or typed in by `user` from a call or a letter; returns it
    with its one-time secret."""
    now = timezone.now()
    procedure, document = data.get("procedure"), data.get("document")
    submission = Submission(
        code=next_code(timezone.localdate(now).year),
        kind=data["kind"],
        channel=data.get("channel", "web"),
        subject=data["subject"],
        content=data["content"],
        procedure=procedure,
        document=document,
        concerned_agency=data.get("concerned_agency") or (procedure.get_parent().specific if procedure else None),
        name=data["name"],
        phone=data.get("phone", ""),
        email=data.get("email", ""),
        address=data.get("address", ""),
        publish_allowed=bool(data.get("publish_allowed")),
        consent_at=now,
        consent_notice=notice,
        received_at=now,
        triage_due=WorkingCalendar.around(timezone.localdate(now)).add(timezone.localdate(now), limits().triage_days),
    )
    if procedure is not None:
        submission.field = procedure.fields.order_by("name").first()
    secret = submission.set_secret()
    submission.save()
    for upload, mime in files:
        Attachment.objects.create(
            submission=submission, file=upload, name=clean_name(upload.name), content_type=mime, size=upload.size
        )
    received = (
        _("Văn phòng UBND tỉnh đã tiếp nhận phản ánh, kiến nghị.")
        if user
        else _("Cổng thông tin đã tiếp nhận phản ánh, kiến nghị.")
    )
    record(submission, user, Action.RECEIVED, public=True, public_note=received)
    tasks.after_commit("new", submission.pk)
    return submission, secret


def perform(user, submission, action, data):
    """Take `action` on `submission` for `user` with the cleaned form `data`; PermissionDenied if not allowed."""
    with transaction.atomic():
        submission = Submission.objects.select_for_update().get(pk=submission.pk)
        if not permissions.can(user, action, submission):
            raise PermissionDenied
        before = submission.status
        HANDLERS[action](user, submission, data, before)
    return submission


def _assign(user, submission, data, before):
    agency = data["agency"]
    today = _today()
    new_agency = agency.pk != submission.agency_id or before == Status.NEW
    submission.agency, submission.status = agency, Status.ASSIGNED
    submission.field = data.get("field") or submission.field
    if new_agency:
        submission.assigned_at = timezone.now()
        submission.answer_due = WorkingCalendar.around(today).add(today, limits().answer_days(submission.kind))
    submission.save()
    record(
        submission,
        user,
        Action.ASSIGN,
        before,
        note=data.get("note", ""),
        agency=agency,
        public=True,
        public_note=_("Đã chuyển %(agency)s xem xét, trả lời; hạn trả lời %(due)s.")
        % {"agency": agency.title, "due": f"{submission.answer_due:%d/%m/%Y}"},
    )
    tasks.after_commit("assigned", submission.pk)


def _reject(user, submission, data, before):
    submission.status, submission.reason, submission.closed_at = Status.REJECTED, data["reason"], timezone.now()
    submission.save()
    record(submission, user, Action.REJECT, before, public=True, public_note=data["reason"])
    tasks.after_commit("decided", submission.pk)


def _merge(user, submission, data, before):
    target = data["target"]
    if target.pk == submission.pk or target.status in (Status.MERGED, Status.REJECTED):
        raise ActionRefused(_("Không gộp được vào phản ánh %(code)s.") % {"code": target.code})
    submission.status, submission.duplicate_of, submission.closed_at = Status.MERGED, target, timezone.now()
    submission.save()
    record(
        submission,
        user,
        Action.MERGE,
        before,
        note=data.get("note", ""),
        public=True,
        public_note=_("Nội dung trùng với phản ánh %(code)s và được xử lý cùng phản ánh đó.") % {"code": target.code},
    )
    tasks.after_commit("decided", submission.pk)


def _answer(user, submission, data, before):
    today = _today()
    submission.answer, submission.answered_by, submission.answered_at = data["answer"], user, timezone.now()
    submission.status = Status.ANSWERED
    submission.approve_due = WorkingCalendar.around(today).add(today, limits().approval_days)
    submission.save()
    record(submission, user, Action.ANSWER, before, note=data.get("note", ""), agency=submission.agency)
    tasks.after_commit("answered", submission.pk)


def _refer_back(user, submission, data, before):
    agency = submission.agency
    submission.status, submission.agency, submission.answer_due = Status.NEW, None, None
    submission.save()
    record(submission, user, Action.REFER_BACK, before, note=data["reason"], agency=agency)
    tasks.after_commit("referred_back", submission.pk)


def _return(user, submission, data, before):
    submission.status = Status.RETURNED
    submission.save()
    record(submission, user, Action.RETURN, before, note=data["reason"], agency=submission.agency)
    tasks.after_commit("returned", submission.pk)


def _approve(user, submission, data, before):
    if data.get("answer"):
        submission.answer = data["answer"]
    submission.status, submission.approved_at = Status.APPROVED, timezone.now()
    submission.save()
    record(
        submission,
        user,
        Action.APPROVE,
        before,
        note=data.get("note", ""),
        public=True,
        public_note=_("Đã có trả lời chính thức."),
    )
    tasks.after_commit("decided", submission.pk)


def _publish(user, submission, data, before):
    submission.public_title = data["public_title"]
    submission.public_question = data["public_question"]
    submission.public_answer = data["public_answer"]
    page = publish_question(submission, user)
    submission.question_page = page
    submission.status = Status.PUBLISHED
    submission.published_at = submission.published_at or timezone.now()
    submission.save()
    record(submission, user, Action.PUBLISH, before, public=True, public_note=_("Câu hỏi và trả lời được đăng ở mục Hỏi đáp."))


def _unpublish(user, submission, data, before):
    page = submission.question_page
    if page is not None and page.live:
        page.specific.unpublish(user=user, log_action=True)
    submission.status, submission.closed_at = Status.CLOSED, timezone.now()
    submission.save()
    record(submission, user, Action.UNPUBLISH, before, note=data["reason"])


def _close(user, submission, data, before):
    submission.status, submission.closed_at = Status.CLOSED, timezone.now()
    submission.reason = data.get("note", "")
    submission.save()
    record(submission, user, Action.CLOSE, before, note=data.get("note", ""), public=True, public_note=_("Đã kết thúc xử lý."))


def _note(user, submission, data, before):
    record(submission, user, Action.NOTE, before, note=data["note"])


HANDLERS = {
    "assign": _assign,
    "reject": _reject,
    "merge": _merge,
    "answer": _answer,
    "refer_back": _refer_back,
    "return": _return,
    "approve": _approve,
    "publish": _publish,
    "unpublish": _unpublish,
    "close": _close,
    "note": _note,
}


def _unique_slug(index, title, exclude=None):
    base = slugify(title) or "hoi-dap"
    taken = set(index.get_children().exclude(pk=exclude).values_list("slug", flat=True))
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def publish_question(submission, user):
    """Create or update the submission's "Hỏi đáp" page and publish it (search and page cache follow)."""
    fields = {
        "title": submission.public_title,
        "kind": submission.kind,
        "question": submission.public_question,
        "answer": submission.public_answer,
        "agency": submission.agency,
        "procedure": submission.procedure,
        "document": submission.document,
        "field": submission.field,
        "asked_on": timezone.localdate(submission.received_at),
        "answered_on": timezone.localdate(submission.answered_at or submission.approved_at or timezone.now()),
    }
    page = submission.question_page.specific if submission.question_page_id else None
    if page is None:
        index = QuestionIndexPage.objects.first()
        if index is None:
            raise ActionRefused(_("Chưa có trang “Hỏi đáp” để đăng; hãy tạo trang này trong cây trang trước."))
        page = QuestionPage(slug=_unique_slug(index, submission.public_title), **fields)
        index.add_child(instance=page)
    else:
        for name, value in fields.items():
            setattr(page, name, value)
    page.save_revision(user=user, log_action=True).publish(user=user)
    return page
