"""The forms of the staff actions; what they accept is all an action can change."""

from django import forms
from django.utils.translation import gettext_lazy as _

from feedback.choices import Channel
from feedback.forms import LineField, SubmissionForm, TextField
from feedback.models import Submission
from feedback.models.submissions import ANSWER_MAX, CONTENT_MAX, SUBJECT_MAX
from procedures.models import AgencyPage, ProcedureField


def _reason(label, help_text=""):
    return TextField(
        label=label,
        max_length=2000,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Vui lòng ghi lý do.")},
    )


def _note():
    return TextField(label=_("Ghi chú nội bộ"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 2}))


class AssignForm(forms.Form):
    agency = forms.ModelChoiceField(
        label=_("Cơ quan xử lý"),
        queryset=AgencyPage.objects.live().order_by("title"),
        error_messages={"required": _("Hãy chọn cơ quan xử lý."), "invalid_choice": _("Cơ quan không hợp lệ.")},
    )
    field = forms.ModelChoiceField(label=_("Lĩnh vực"), queryset=ProcedureField.objects.order_by("name"), required=False)
    note = _note()


class RejectForm(forms.Form):
    reason = _reason(_("Lý do không tiếp nhận"), _("Người gửi sẽ đọc lý do này khi tra cứu và trong thư thông báo."))


class MergeForm(forms.Form):
    target = LineField(label=_("Mã phản ánh gốc"), max_length=20, help_text=_("Ví dụ: PAKN-2026-000123."))
    note = _note()

    def clean_target(self):
        code = "".join(self.cleaned_data["target"].upper().split())
        target = Submission.objects.filter(code=code).first()
        if target is None:
            raise forms.ValidationError(_("Không có phản ánh mã %(code)s.") % {"code": code})
        return target


class AnswerForm(forms.Form):
    answer = TextField(
        label=_("Nội dung trả lời"),
        max_length=ANSWER_MAX,
        min_length=20,
        widget=forms.Textarea(attrs={"rows": 10}),
        error_messages={"required": _("Vui lòng nhập nội dung trả lời."), "min_length": _("Nội dung trả lời quá ngắn.")},
    )
    note = _note()


class ReasonForm(forms.Form):
    reason = _reason(_("Lý do"))


class ApproveForm(AnswerForm):
    """The approver may correct the wording before the answer goes to the sender."""


class PublishForm(forms.Form):
    public_title = LineField(label=_("Tiêu đề công khai"), max_length=SUBJECT_MAX, min_length=5)
    public_question = TextField(
        label=_("Câu hỏi công khai"),
        max_length=CONTENT_MAX,
        min_length=10,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Đã lược bỏ họ tên, số điện thoại, địa chỉ, số giấy tờ và mọi chi tiết nhận ra người gửi."),
    )
    public_answer = TextField(
        label=_("Trả lời công khai"), max_length=ANSWER_MAX, min_length=10, widget=forms.Textarea(attrs={"rows": 8})
    )


class CloseForm(forms.Form):
    note = _note()


class NoteForm(forms.Form):
    note = TextField(label=_("Ghi chú nội bộ"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))


FORMS = {
    "assign": AssignForm,
    "reject": RejectForm,
    "merge": MergeForm,
    "answer": AnswerForm,
    "refer_back": ReasonForm,
    "return": ReasonForm,
    "approve": ApproveForm,
    "publish": PublishForm,
    "unpublish": ReasonForm,
    "close": CloseForm,
    "note": NoteForm,
}

LABELS = {
    "assign": _("Chuyển cơ quan xử lý"),
    "reject": _("Không tiếp nhận"),
    "merge": _("Gộp vào phản ánh trùng"),
    "answer": _("Gửi trả lời"),
    "refer_back": _("Chuyển lại bộ phận CCHC (không thuộc thẩm quyền)"),
    "return": _("Trả lại cơ quan để hoàn thiện"),
    "approve": _("Duyệt trả lời"),
    "publish": _("Công khai ở mục Hỏi đáp"),
    "unpublish": _("Gỡ khỏi mục Hỏi đáp"),
    "close": _("Kết thúc, không công khai"),
    "note": _("Thêm ghi chú nội bộ"),
}


class IntakeForm(SubmissionForm):
    """Feedback received by telephone (hotline), letter or in person, typed in by the reform office."""

    channel = forms.ChoiceField(label=_("Kênh tiếp nhận"), choices=[c for c in Channel.choices if c[0] != Channel.WEB])
    procedure = LineField(
        label=_("Mã thủ tục liên quan (nếu có)"), max_length=50, required=False, help_text=_("Ví dụ: 1.001193.")
    )
    consent = forms.BooleanField(
        label=_("Người gửi đã được thông báo mục đích xử lý dữ liệu cá nhân và đồng ý"),
        error_messages={"required": _("Cần thông báo và có sự đồng ý của người gửi trước khi ghi nhận dữ liệu cá nhân.")},
    )
    field_order = [
        "channel",
        "kind",
        "subject",
        "content",
        "procedure",
        "attachments",
        "name",
        "phone",
        "email",
        "address",
        "publish_allowed",
        "consent",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("concerned_agency", "document", "website", "token"):
            del self.fields[name]
        self.fields["kind"].widget = forms.Select(choices=self.fields["kind"].choices)

    def clean_procedure(self):
        code = self.cleaned_data["procedure"]
        if not code:
            return None
        from procedures.models import ProcedurePage

        procedure = ProcedurePage.objects.live().filter(code=code).first()
        if procedure is None:
            raise forms.ValidationError(_("Không có thủ tục mã %(code)s trên cổng.") % {"code": code})
        return procedure


def initial(action, submission):
    if action == "assign":
        return {"agency": submission.agency or submission.concerned_agency, "field": submission.field}
    if action in ("answer", "approve"):
        return {"answer": submission.answer}
    if action == "publish":
        return {
            "public_title": submission.public_title or submission.subject,
            "public_question": submission.public_question or submission.content,
            "public_answer": submission.public_answer or submission.answer,
        }
    return {}


def form_for(action, submission, data=None):
    return FORMS[action](data, initial=initial(action, submission), prefix=action)
