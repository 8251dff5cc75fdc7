"""Demo feedback: the form and "Hỏi đáp" pages, a department account, Vietnamese public holidays for
2026–2027, and submissions in every state with their history, deadlines and published answers. All texts
are written for this project; names and numbers are invented."""

import datetime
import io

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image, ImageDraw

from demo.feedback_data import HOLIDAYS, OTHERS, PEOPLE, PUBLISHED
from demo.site import DEMO_PASSWORD, child
from feedback import workflow
from feedback.choices import Action, Channel, Status
from feedback.deadlines import WorkingCalendar, limits
from feedback.models import Attachment, Event, FeedbackPage, Holiday, QuestionIndexPage, Submission
from feedback.models.submissions import next_code
from portal.names import split_full_name
from portal.roles import REFORM_OFFICE, agency_role, existing_group, role_group
from procedures.models import AgencyPage, ProcedurePage
from procedures.selectors import attach_agencies

DEPARTMENT_USER = ("stp", "Đỗ Thị Lan Hương", "STP")


def load_holidays():
    created = 0
    for day, name, working in HOLIDAYS:
        _holiday, new = Holiday.objects.get_or_create(
            date=datetime.date.fromisoformat(day), defaults={"name": name, "working": working}
        )
        created += new
    return created


def load_pages(home):
    form_page, _ = child(
        home,
        FeedbackPage,
        "phan-anh-kien-nghi",
        title="Gửi phản ánh, kiến nghị",
        intro="<p>Người dân, doanh nghiệp gửi phản ánh về cách cơ quan nhà nước thực hiện thủ tục hành chính, kiến "
        "nghị sửa đổi quy định hành chính, hoặc câu hỏi về thủ tục. Văn phòng UBND tỉnh phân loại, chuyển cơ quan có "
        "thẩm quyền trả lời trong thời hạn quy định và công khai kết quả.</p>",
        lookup_intro="Nhập mã phản ánh đã nhận khi gửi và số điện thoại, thư điện tử hoặc mã bí mật.",
        show_in_menus=True,
    )
    index, _ = child(
        home,
        QuestionIndexPage,
        "hoi-dap",
        title="Hỏi đáp",
        intro="Câu hỏi của người dân, doanh nghiệp và trả lời chính thức của cơ quan có thẩm quyền.",
        show_in_menus=True,
    )
    return form_page, index


def load_department_user():
    username, full_name, short_name = DEPARTMENT_USER
    agency = AgencyPage.objects.filter(short_name=short_name).first()
    group = existing_group(agency_role(agency)) if agency else None
    if group is None:
        return None
    family_and_middle, given = split_full_name(full_name)
    user, created = get_user_model().objects.get_or_create(
        username=username,
        defaults={"first_name": family_and_middle, "last_name": given, "email": f"{username}@example.gov.vn"},
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    user.groups.add(group)
    return user


def _png(text, seed):
    image = Image.new("RGB", (640, 400), (240 - seed * 20, 244, 250))
    draw = ImageDraw.Draw(image)
    draw.rectangle([20, 20, 620, 380], outline=(22, 63, 115), width=4)
    draw.text((40, 40), text, fill=(13, 44, 84))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _pdf(text):
    stream = f"BT /F1 14 Tf 50 780 Td ({text}) Tj ET".encode("latin-1", "replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = io.BytesIO(), []
    out.write(b"%PDF-1.4\n")
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


class Clock:
    """Working days back from today, so demo deadlines fall before and after today as in real work."""

    def __init__(self):
        self.today = timezone.localdate()
        self.calendar = WorkingCalendar.around(self.today - datetime.timedelta(days=120), span_days=240)
        self.limits = limits()

    def working_days_ago(self, days):
        day = self.today
        while days > 0:
            day -= datetime.timedelta(days=1)
            if self.calendar.is_working_day(day):
                days -= 1
        return day

    def at(self, day, hour):
        return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 15)))


def _event(submission, when, user, action, status_from, status_to, note="", public_note="", public=False, agency=None):
    Event.objects.create(
        submission=submission,
        at=when,
        actor=user,
        actor_name=workflow.actor_name(user) if user else "",
        action=action,
        status_from=status_from,
        status_to=status_to,
        note=note,
        public_note=public_note,
        public=public,
        agency=agency,
    )


def _build(clock, number, procedure, kind, status, days_ago, subject, content, text, office, department, agency_of):
    """One submission walked through the workflow up to `status`, with the dates of each step."""

    name, phone, email, address = PEOPLE[number % len(PEOPLE)]
    received_day = clock.working_days_ago(days_ago)
    received = clock.at(received_day, 8 + number % 8)
    agency = agency_of(procedure) or AgencyPage.objects.filter(short_name="TTPVHCC").first()
    submission = Submission(
        code=next_code(received.year),
        kind=kind,
        channel=Channel.PHONE if number % 5 == 3 else Channel.WEB,
        subject=subject,
        content=content,
        procedure=procedure,
        concerned_agency=agency,
        field=procedure.fields.order_by("name").first() if procedure else None,
        name=name,
        phone=phone,
        email=email,
        address=address,
        publish_allowed=status not in (Status.APPROVED,),
        consent_at=received,
        consent_notice="(nội dung mẫu)",
        received_at=received,
        triage_due=clock.calendar.add(received_day, clock.limits.triage_days),
        status=Status.NEW,
    )
    submission.set_secret()
    submission.save()
    _event(
        submission,
        received,
        None,
        Action.RECEIVED,
        "",
        Status.NEW,
        public=True,
        public_note="Cổng thông tin đã tiếp nhận phản ánh, kiến nghị.",
    )
    if status == Status.NEW:
        return submission
    step_day = clock.calendar.add(received_day, 1)
    if status == Status.REJECTED:
        submission.status, submission.reason, submission.closed_at = Status.REJECTED, text, clock.at(step_day, 10)
        submission.save()
        _event(
            submission, submission.closed_at, office, Action.REJECT, Status.NEW, Status.REJECTED, public=True, public_note=text
        )
        return submission
    submission.agency, submission.status = agency, Status.ASSIGNED
    submission.assigned_at = clock.at(step_day, 10)
    submission.answer_due = clock.calendar.add(step_day, clock.limits.answer_days(kind))
    submission.save()
    _event(
        submission,
        submission.assigned_at,
        office,
        Action.ASSIGN,
        Status.NEW,
        Status.ASSIGNED,
        agency=agency,
        public=True,
        public_note=f"Đã chuyển {agency.title} xem xét, trả lời; hạn trả lời {submission.answer_due:%d/%m/%Y}.",
    )
    if status == Status.ASSIGNED:
        return submission
    if status == Status.MERGED:
        target = Submission.objects.filter(subject="Hẹn trả giấy phép lái xe đổi trực tuyến").first()
        submission.status, submission.duplicate_of, submission.closed_at = Status.MERGED, target, clock.at(step_day, 14)
        submission.save()
        _event(
            submission,
            submission.closed_at,
            office,
            Action.MERGE,
            Status.ASSIGNED,
            Status.MERGED,
            public=True,
            public_note=f"Nội dung trùng với phản ánh {target.code} và được xử lý cùng phản ánh đó.",
        )
        return submission
    answer_day = min(clock.calendar.add(step_day, 3), clock.today)
    submission.answer, submission.answered_by, submission.answered_at = text, department, clock.at(answer_day, 15)
    submission.status = Status.ANSWERED
    submission.approve_due = clock.calendar.add(answer_day, clock.limits.approval_days)
    submission.save()
    _event(submission, submission.answered_at, department, Action.ANSWER, Status.ASSIGNED, Status.ANSWERED, agency=agency)
    if status == Status.ANSWERED:
        return submission
    if status == Status.RETURNED:
        submission.status = Status.RETURNED
        submission.save()
        _event(
            submission,
            clock.at(answer_day, 16),
            office,
            Action.RETURN,
            Status.ANSWERED,
            Status.RETURNED,
            agency=agency,
            note="Trả lời chưa nêu căn cứ và nơi đăng ký; đề nghị trả lời đầy đủ theo Luật Hộ tịch.",
        )
        return submission
    submission.status, submission.approved_at = Status.APPROVED, clock.at(answer_day, 17)
    submission.save()
    _event(
        submission,
        submission.approved_at,
        office,
        Action.APPROVE,
        Status.ANSWERED,
        Status.APPROVED,
        public=True,
        public_note="Đã có trả lời chính thức.",
    )
    if status == Status.CLOSED:
        submission.status, submission.closed_at = Status.CLOSED, clock.at(answer_day, 17)
        submission.save()
        _event(
            submission,
            submission.closed_at,
            office,
            Action.CLOSE,
            Status.APPROVED,
            Status.CLOSED,
            public=True,
            public_note="Đã kết thúc xử lý.",
        )
    return submission


def load(home):
    load_holidays()
    _form_page, _index = load_pages(home)
    department = load_department_user()
    if Submission.objects.exists():
        return "Phản ánh, kiến nghị mẫu: đã có"
    office = role_group(REFORM_OFFICE).user_set.first()
    clock = Clock()

    def procedure_named(title):
        return ProcedurePage.objects.live().filter(title=title).first() if title else None

    def agency_of(procedure):
        return attach_agencies([procedure])[0].agency if procedure else None

    published = 0
    for number, (title, kind, subject, content, answer, public_title, public_question) in enumerate(PUBLISHED):
        procedure = procedure_named(title)
        submission = _build(
            clock,
            number,
            procedure,
            kind,
            Status.APPROVED,
            30 - 4 * number,
            subject,
            content,
            answer,
            office,
            department,
            agency_of,
        )
        submission.public_title, submission.public_question, submission.public_answer = public_title, public_question, answer
        submission.publish_allowed = True
        submission.question_page = workflow.publish_question(submission, office)
        submission.status, submission.published_at = Status.PUBLISHED, submission.approved_at
        submission.save()
        _event(
            submission,
            submission.approved_at,
            office,
            Action.PUBLISH,
            Status.APPROVED,
            Status.PUBLISHED,
            public=True,
            public_note="Câu hỏi và trả lời được đăng ở mục Hỏi đáp.",
        )
        published += 1
    for offset, (title, kind, status, days_ago, subject, content, text) in enumerate(OTHERS, start=len(PUBLISHED)):
        submission = _build(
            clock, offset, procedure_named(title), kind, status, days_ago, subject, content, text, office, department, agency_of
        )
        if offset == len(PUBLISHED) + 3:
            png = _png("Giay hen tra ket qua", 1)
            Attachment.objects.create(
                submission=submission,
                file=ContentFile(png, name="giay-hen.png"),
                name="giấy hẹn trả kết quả.png",
                content_type="image/png",
                size=len(png),
            )
            pdf = _pdf("Bien nhan ho so xin giay phep xay dung")
            Attachment.objects.create(
                submission=submission,
                file=ContentFile(pdf, name="bien-nhan.pdf"),
                name="biên nhận hồ sơ.pdf",
                content_type="application/pdf",
                size=len(pdf),
            )
    return f"Phản ánh, kiến nghị mẫu: {Submission.objects.count()}, trong đó {published} câu trả lời đã công khai; ngày nghỉ: {Holiday.objects.count()}"
