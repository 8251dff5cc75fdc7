"""Demo feedback: the form and "Hỏi đáp" pages, a department account, Vietnamese public holidays for
2026–2027, and submissions in every state with their history, deadlines and published answers. All texts
are written for this project; names and numbers are invented."""

import datetime
import io

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image, ImageDraw

from feedback import workflow
from feedback.choices import Action, Channel, Kind, Status
from feedback.deadlines import WorkingCalendar, limits
from feedback.models import Attachment, Event, FeedbackPage, Holiday, QuestionIndexPage, Submission
from feedback.models.submissions import next_code
from portal.demo import DEMO_PASSWORD, child
from portal.roles import REFORM_OFFICE, agency_group_name

# Days off announced for state employees (Labour Code 2019, art. 112, and the yearly decisions); the reform
# office checks them against each year's official announcement.
HOLIDAYS = [
    ("2026-01-01", "Tết Dương lịch", False),
    *((f"2026-02-{d:02d}", "Nghỉ Tết Nguyên đán Bính Ngọ", False) for d in range(14, 23)),
    ("2026-04-27", "Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch rơi vào Chủ nhật)", False),
    ("2026-04-30", "Ngày Chiến thắng", False),
    ("2026-05-01", "Ngày Quốc tế Lao động", False),
    ("2026-09-01", "Nghỉ dịp Quốc khánh", False),
    ("2026-09-02", "Quốc khánh", False),
    ("2027-01-01", "Tết Dương lịch", False),
    *((f"2027-02-{d:02d}", "Nghỉ Tết Nguyên đán Đinh Mùi", False) for d in range(5, 11)),
    ("2027-04-16", "Giỗ Tổ Hùng Vương (10/3 âm lịch)", False),
    ("2027-04-30", "Ngày Chiến thắng", False),
    ("2027-05-03", "Nghỉ bù Ngày Quốc tế Lao động (1/5 rơi vào thứ Bảy)", False),
    ("2027-09-02", "Quốc khánh", False),
    ("2027-09-03", "Nghỉ dịp Quốc khánh", False),
]

DEPARTMENT_USER = ("stp", "Phạm Văn Tư Pháp", "STP")

PEOPLE = [
    ("Nguyễn Văn An", "0912 345 678", "an.nguyen@example.com", "Tổ 3, phường Trung tâm"),
    ("Trần Thị Bình", "0987 654 321", "", "Thôn Đông, xã Sông Cầu"),
    ("Lê Hoàng Cường", "", "cuong.le@example.com", ""),
    ("Phạm Thị Dung", "0905 111 222", "dung.pham@example.com", "Số 12 đường Lê Lợi"),
    ("Hoàng Minh Đức", "0868 222 333", "", ""),
    ("Vũ Thị Hà", "0977 444 555", "ha.vu@example.com", "Xóm Bãi, xã Sông Cầu"),
    ("Công ty TNHH Hưng Thịnh", "0200 3 888 999", "lienhe@hungthinh.example.com", "Khu công nghiệp phía Bắc"),
]

# (procedure title, kind, subject, content, answer, public title, public question), published on "Hỏi đáp".
PUBLISHED = [
    (
        "Đăng ký khai sinh",
        Kind.QUESTION,
        "Cha mẹ chưa đăng ký kết hôn có làm giấy khai sinh cho con được không",
        "Vợ chồng tôi chung sống chưa đăng ký kết hôn, nay sinh con. Xin hỏi có đăng ký khai sinh cho cháu được "
        "không, cần mang giấy tờ gì và tên cha có được ghi vào giấy khai sinh không?",
        "Trẻ em được đăng ký khai sinh dù cha mẹ chưa đăng ký kết hôn. Người đi đăng ký nộp tờ khai theo mẫu, "
        "giấy chứng sinh và xuất trình giấy tờ tùy thân. Để ghi tên người cha, cha mẹ làm thủ tục đăng ký khai "
        "sinh kết hợp nhận cha, mẹ, con tại UBND cấp xã; khi đó cần thêm tờ khai nhận cha, mẹ, con và chứng cứ "
        "chứng minh quan hệ cha con (nếu có). Thủ tục được giải quyết trong ngày làm việc khi hồ sơ đầy đủ.",
        "Cha mẹ chưa đăng ký kết hôn có đăng ký khai sinh cho con được không?",
        "Cha mẹ chung sống nhưng chưa đăng ký kết hôn thì có đăng ký khai sinh cho con được không, cần giấy tờ gì "
        "và tên người cha có được ghi vào giấy khai sinh không?",
    ),
    (
        "Chứng thực bản sao từ bản chính giấy tờ, văn bản",
        Kind.REPORT,
        "Bị yêu cầu nộp bản sao chứng thực trong vòng 6 tháng",
        "Khi nộp hồ sơ xin việc, tôi bị yêu cầu nộp bản sao chứng thực có thời hạn dưới 6 tháng. Quy định này có "
        "đúng không? Tôi đã chứng thực bản sao từ năm ngoái.",
        "Pháp luật về chứng thực không quy định thời hạn sử dụng của bản sao có chứng thực. Bản sao được chứng "
        "thực từ bản chính có giá trị sử dụng thay cho bản chính trong các giao dịch, trừ trường hợp pháp luật có "
        "quy định khác. Cơ quan, tổ chức tiếp nhận không được yêu cầu bản sao phải chứng thực trong 6 tháng nếu "
        "không có quy định riêng; Sở Tư pháp đã có văn bản nhắc các đơn vị liên quan.",
        "Bản sao có chứng thực có thời hạn sử dụng 6 tháng không?",
        "Nhiều nơi yêu cầu bản sao có chứng thực không quá 6 tháng. Bản sao có chứng thực có thời hạn sử dụng không?",
    ),
    (
        "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam",
        Kind.QUESTION,
        "Làm lý lịch tư pháp trực tuyến được không",
        "Tôi đang làm việc ở tỉnh khác, xin hỏi có thể xin Phiếu lý lịch tư pháp qua mạng và nhận kết quả qua "
        "bưu điện không, lệ phí bao nhiêu?",
        "Công dân có thể nộp yêu cầu cấp Phiếu lý lịch tư pháp trực tuyến trên Cổng Dịch vụ công quốc gia hoặc "
        "ứng dụng VNeID và chọn nhận kết quả qua dịch vụ bưu chính công ích. Lệ phí theo quy định hiện hành; một "
        "số đối tượng được miễn. Thời hạn giải quyết không quá 10 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
        "Có thể xin Phiếu lý lịch tư pháp trực tuyến và nhận qua bưu điện không?",
        "Người đang làm việc ở tỉnh khác có xin Phiếu lý lịch tư pháp trực tuyến và nhận kết quả qua bưu điện được không?",
    ),
    (
        "Cấp giấy phép xây dựng nhà ở riêng lẻ",
        Kind.QUESTION,
        "Nhà một tầng ở nông thôn có cần giấy phép xây dựng",
        "Gia đình tôi định xây nhà một tầng trên đất ở tại thôn Đông, xã Sông Cầu. Xin hỏi có phải xin giấy phép xây dựng không?",
        "Nhà ở riêng lẻ ở nông thôn được miễn giấy phép xây dựng khi không thuộc khu vực đã có quy hoạch đô thị, "
        "quy hoạch chi tiết xây dựng điểm dân cư nông thôn được duyệt và không thuộc khu vực bảo tồn, di tích. "
        "Gia đình nên hỏi UBND xã về quy hoạch tại vị trí thửa đất trước khi khởi công; nếu thuộc khu vực có quy "
        "hoạch thì phải xin giấy phép, thời hạn giải quyết không quá 15 ngày làm việc.",
        "Xây nhà một tầng ở nông thôn có phải xin giấy phép xây dựng không?",
        "Gia đình muốn xây nhà một tầng trên đất ở tại xã. Có phải xin giấy phép xây dựng không?",
    ),
    (
        "Đăng ký thành lập hộ kinh doanh",
        Kind.PROPOSAL,
        "Đề nghị cho nhận kết quả đăng ký hộ kinh doanh bản điện tử",
        "Tôi đề nghị cho phép hộ kinh doanh nhận Giấy chứng nhận đăng ký hộ kinh doanh bản điện tử, không phải "
        "đến bộ phận một cửa nhận bản giấy.",
        "Cảm ơn kiến nghị của ông. Hiện nay hộ kinh doanh nộp hồ sơ trực tuyến toàn trình được nhận kết quả bản "
        "điện tử có giá trị pháp lý như bản giấy và có thể chọn nhận thêm bản giấy qua bưu chính. UBND tỉnh đã "
        "chỉ đạo các xã, phường hướng dẫn người dân lựa chọn hình thức nhận kết quả ngay khi nộp hồ sơ.",
        "Hộ kinh doanh có được nhận giấy chứng nhận đăng ký bản điện tử không?",
        "Kiến nghị cho phép hộ kinh doanh nhận Giấy chứng nhận đăng ký hộ kinh doanh bản điện tử thay vì đến nhận bản giấy.",
    ),
    (
        "Hưởng trợ cấp thất nghiệp",
        Kind.QUESTION,
        "Thời hạn nộp hồ sơ hưởng trợ cấp thất nghiệp",
        "Tôi nghỉ việc từ tháng trước. Xin hỏi tôi phải nộp hồ sơ hưởng trợ cấp thất nghiệp trong bao lâu và nộp ở đâu?",
        "Người lao động nộp hồ sơ trong thời hạn 03 tháng kể từ ngày chấm dứt hợp đồng lao động, tại trung tâm "
        "dịch vụ việc làm nơi muốn nhận trợ cấp hoặc nộp trực tuyến. Hồ sơ gồm đề nghị hưởng theo mẫu, giấy tờ "
        "chứng minh chấm dứt hợp đồng và sổ bảo hiểm xã hội.",
        "Nộp hồ sơ hưởng trợ cấp thất nghiệp trong thời hạn nào?",
        "Sau khi nghỉ việc, người lao động phải nộp hồ sơ hưởng trợ cấp thất nghiệp trong bao lâu và nộp ở đâu?",
    ),
]

# (procedure title or None, kind, final status, days ago received, subject, content, answer or reason)
OTHERS = [
    (
        None,
        Kind.REPORT,
        Status.NEW,
        1,
        "Bộ phận một cửa phường không nhận hồ sơ buổi chiều thứ Sáu",
        "Chiều thứ Sáu tuần trước tôi đến bộ phận một cửa phường Trung tâm lúc 15 giờ để nộp hồ sơ nhưng được "
        "thông báo đã nghỉ nhận hồ sơ. Đề nghị kiểm tra giờ làm việc niêm yết.",
        "",
    ),
    (
        "Đăng ký thường trú",
        Kind.QUESTION,
        Status.NEW,
        12,
        "Nhập hộ khẩu cho con về nhà ông bà",
        "Con tôi 5 tuổi, muốn đăng ký thường trú về nhà ông bà nội. Cần những giấy tờ gì?",
        "",
    ),
    (
        "Đổi giấy phép lái xe",
        Kind.REPORT,
        Status.ASSIGNED,
        3,
        "Hẹn trả giấy phép lái xe đổi trực tuyến",
        "Tôi nộp hồ sơ đổi giấy phép lái xe trực tuyến nhưng chưa rõ thời hạn nhận kết quả qua bưu điện.",
        "",
    ),
    (
        "Cấp giấy phép xây dựng nhà ở riêng lẻ",
        Kind.REPORT,
        Status.ASSIGNED,
        25,
        "Hồ sơ xin giấy phép xây dựng quá hạn",
        "Tôi nộp hồ sơ xin giấy phép xây dựng nhà ở riêng lẻ đã hơn 20 ngày làm việc nhưng chưa nhận được kết quả "
        "hoặc thông báo bổ sung hồ sơ.",
        "",
    ),
    (
        "Đăng ký kết hôn",
        Kind.QUESTION,
        Status.RETURNED,
        10,
        "Đăng ký kết hôn ở nơi tạm trú",
        "Tôi đang tạm trú tại phường Trung tâm, hộ khẩu ở tỉnh khác. Có đăng ký kết hôn tại phường nơi tạm trú được không?",
        "Anh chị đăng ký ở đâu cũng được.",
    ),
    (
        "Đăng ký khai tử",
        Kind.QUESTION,
        Status.ANSWERED,
        8,
        "Thời hạn đăng ký khai tử",
        "Ông tôi mất được 20 ngày, gia đình chưa đăng ký khai tử. Có bị phạt không và cần giấy tờ gì?",
        "Trong thời hạn 15 ngày kể từ ngày có người chết, người thân có trách nhiệm đăng ký khai tử. Quá hạn vẫn "
        "được đăng ký; hồ sơ gồm tờ khai và giấy báo tử hoặc giấy tờ thay giấy báo tử.",
    ),
    (
        "Cấp thẻ căn cước cho công dân từ đủ 14 tuổi trở lên",
        Kind.QUESTION,
        Status.APPROVED,
        9,
        "Làm căn cước cho con 14 tuổi",
        "Con tôi vừa đủ 14 tuổi, cần làm thẻ căn cước ở đâu, có mất phí không?",
        "Công dân từ đủ 14 tuổi làm thủ tục cấp thẻ căn cước tại cơ quan quản lý căn cước cấp xã nơi cư trú hoặc cấp "
        "tỉnh; lần đầu cấp thẻ cho công dân đủ 14 tuổi không mất lệ phí.",
    ),
    (
        None,
        Kind.PROPOSAL,
        Status.CLOSED,
        40,
        "Đề nghị kéo dài giờ làm việc Trung tâm Phục vụ hành chính công",
        "Đề nghị Trung tâm Phục vụ hành chính công làm việc sáng thứ Bảy để người lao động thuận tiện nộp hồ sơ.",
        "Trung tâm đã tổ chức tiếp nhận hồ sơ sáng thứ Bảy từ tháng này; cảm ơn kiến nghị của ông.",
    ),
    (
        "Đổi giấy phép lái xe",
        Kind.REPORT,
        Status.MERGED,
        4,
        "Chưa nhận được giấy phép lái xe đổi",
        "Tôi cũng nộp hồ sơ đổi giấy phép lái xe trực tuyến và chưa biết khi nào nhận được kết quả.",
        "",
    ),
    (
        None,
        Kind.REPORT,
        Status.REJECTED,
        6,
        "Khiếu nại quyết định xử phạt vi phạm hành chính",
        "Tôi không đồng ý với quyết định xử phạt vi phạm hành chính về trật tự xây dựng và đề nghị hủy quyết định.",
        "Nội dung là khiếu nại quyết định hành chính, không thuộc phạm vi phản ánh, kiến nghị về quy định hành chính "
        "(Nghị định 20/2008/NĐ-CP). Đề nghị ông gửi đơn khiếu nại đến người đã ra quyết định theo Luật Khiếu nại.",
    ),
]


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
    group = Group.objects.filter(name=agency_group_name(short_name)).first()
    if group is None:
        return None
    family, _, given = full_name.rpartition(" ")
    user, created = get_user_model().objects.get_or_create(
        username=username, defaults={"first_name": given, "last_name": family, "email": f"{username}@example.gov.vn"}
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
    from procedures.models import AgencyPage

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
    from procedures.models import ProcedurePage

    office = get_user_model().objects.filter(groups__name=REFORM_OFFICE).first()
    clock = Clock()

    def procedure_named(title):
        return ProcedurePage.objects.live().filter(title=title).first() if title else None

    def agency_of(procedure):
        return procedure.get_parent().specific if procedure else None

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
