from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    REPORT = "report", _("Phản ánh")
    PROPOSAL = "proposal", _("Kiến nghị")
    QUESTION = "question", _("Câu hỏi")


class Channel(models.TextChoices):
    WEB = "web", _("Cổng thông tin")
    EMAIL = "email", _("Thư điện tử")
    PHONE = "phone", _("Điện thoại, đường dây nóng")
    POST = "post", _("Văn bản, bưu chính")
    IN_PERSON = "in_person", _("Trực tiếp")


class Status(models.TextChoices):
    NEW = "new", _("Mới tiếp nhận")
    ASSIGNED = "assigned", _("Đã chuyển cơ quan xử lý")
    RETURNED = "returned", _("Trả lại cơ quan để hoàn thiện")
    ANSWERED = "answered", _("Cơ quan đã trả lời, chờ duyệt")
    APPROVED = "approved", _("Đã duyệt trả lời")
    PUBLISHED = "published", _("Đã công khai trả lời")
    CLOSED = "closed", _("Đã kết thúc")
    MERGED = "merged", _("Trùng, đã gộp")
    REJECTED = "rejected", _("Không tiếp nhận")


AT_AGENCY = (Status.ASSIGNED, Status.RETURNED)
IN_HANDLING = (Status.NEW, *AT_AGENCY, Status.ANSWERED)
ANSWERED_STATES = (Status.ANSWERED, Status.APPROVED, Status.PUBLISHED, Status.CLOSED)
FINISHED = (Status.PUBLISHED, Status.CLOSED, Status.MERGED, Status.REJECTED)

# What a citizen's lookup calls each state: staff-internal steps read as "being handled".
PUBLIC_STATUS = {
    Status.NEW: _("Đã tiếp nhận, đang phân loại"),
    Status.ASSIGNED: _("Đang được cơ quan có thẩm quyền xem xét, trả lời"),
    Status.RETURNED: _("Đang được cơ quan có thẩm quyền xem xét, trả lời"),
    Status.ANSWERED: _("Đang được thẩm định nội dung trả lời"),
    Status.APPROVED: _("Đã có trả lời"),
    Status.PUBLISHED: _("Đã có trả lời và được công khai"),
    Status.CLOSED: _("Đã kết thúc xử lý"),
    Status.MERGED: _("Trùng nội dung, được xử lý cùng phản ánh khác"),
    Status.REJECTED: _("Không tiếp nhận"),
}


class Action(models.TextChoices):
    RECEIVED = "received", _("Tiếp nhận")
    ASSIGN = "assign", _("Chuyển cơ quan xử lý")
    REFER_BACK = "refer_back", _("Cơ quan chuyển lại bộ phận CCHC")
    ANSWER = "answer", _("Trả lời")
    RETURN = "return", _("Trả lại để hoàn thiện")
    APPROVE = "approve", _("Duyệt trả lời")
    PUBLISH = "publish", _("Công khai")
    UNPUBLISH = "unpublish", _("Gỡ công khai")
    CLOSE = "close", _("Kết thúc")
    MERGE = "merge", _("Gộp vào phản ánh trùng")
    REJECT = "reject", _("Không tiếp nhận")
    NOTE = "note", _("Ghi chú nội bộ")
    ANONYMISE = "anonymise", _("Ẩn danh hóa dữ liệu cá nhân")
    EXPORT = "export", _("Xuất dữ liệu cá nhân theo yêu cầu")
