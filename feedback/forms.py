"""Citizens' forms: sending feedback and looking it up. Everything typed is cleaned the same way."""

import re
import unicodedata

from django import forms
from django.core import signing
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from feedback import conf, uploads
from feedback.choices import Kind
from feedback.models.submissions import CONTENT_MAX, SUBJECT_MAX, normalise_phone
from news.models import DecisionPage
from procedures.models import AgencyPage, ProcedurePage

form_signer = signing.TimestampSigner(salt="feedback.form")
CODE_PATTERN = re.compile(r"^PAKN-(\d{4})-(\d{6})$")
NUL_MESSAGE = _("Nội dung có ký tự không hợp lệ (ký tự NUL); vui lòng gõ lại.")


def issue_token(age=0):
    """A signed time stamp; `age` backdates it for a form shown again to someone who already filled it."""
    return form_signer.sign(str(int(timezone.now().timestamp()) - age))


def clean_text(value):
    """NFC, Unix line ends, no control characters but line breaks and tabs (NUL is left for the validator
    to refuse), no surrounding blanks."""
    value = unicodedata.normalize("NFC", str(value or "")).replace("\r\n", "\n").replace("\r", "\n")
    return "".join(ch for ch in value if ch in "\n\t\x00" or ch.isprintable()).strip()


class TextField(forms.CharField):
    def __init__(self, *args, error_messages=None, **kwargs):
        messages = {"null_characters_not_allowed": NUL_MESSAGE, **(error_messages or {})}
        super().__init__(*args, error_messages=messages, **kwargs)

    def to_python(self, value):
        return clean_text(super().to_python(value))


class LineField(TextField):
    """One line: line breaks become spaces."""

    def to_python(self, value):
        return " ".join(super().to_python(value).split())


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input; each is checked in `SubmissionForm.clean_attachments`."""

    widget = MultipleFileInput

    def clean(self, data, initial=None):
        if isinstance(data, (list, tuple)):
            return [f for f in data if f]
        return [data] if data else []


class DescribedForm(forms.Form):
    """Ties each input to its help text and its errors (aria-describedby, aria-invalid) for screen readers."""

    autocomplete = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if name in self.autocomplete:
                field.widget.attrs["autocomplete"] = self.autocomplete[name]
            if field.help_text:
                field.widget.attrs["aria-describedby"] = f"id_{name}-help"

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                widget = self.fields[name].widget
                widget.attrs["aria-invalid"] = "true"
                widget.attrs["aria-describedby"] = " ".join(
                    filter(None, [widget.attrs.get("aria-describedby"), f"id_{name}-error"])
                )


class SubmissionForm(DescribedForm):
    autocomplete = {"name": "name", "phone": "tel", "email": "email", "address": "street-address", "subject": "off"}

    kind = forms.ChoiceField(
        label=_("Loại"),
        choices=Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Hãy chọn phản ánh, kiến nghị hay câu hỏi."), "invalid_choice": _("Loại không hợp lệ.")},
    )
    subject = LineField(
        label=_("Tiêu đề"),
        help_text=_("Một câu ngắn nêu vấn đề, ví dụ: “Hồ sơ đăng ký khai sinh bị yêu cầu thêm giấy tờ”."),
        max_length=SUBJECT_MAX,
        min_length=5,
        error_messages={
            "required": _("Vui lòng nhập tiêu đề."),
            "min_length": _("Tiêu đề quá ngắn (ít nhất %(limit_value)d ký tự)."),
            "max_length": _("Tiêu đề tối đa %(limit_value)d ký tự."),
        },
    )
    content = TextField(
        label=_("Nội dung"),
        help_text=_(
            "Nêu rõ sự việc, thời gian, nơi giải quyết và đề xuất của bạn; không ghi số căn cước hay thông tin không cần thiết."
        ),
        max_length=CONTENT_MAX,
        min_length=20,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={
            "required": _("Vui lòng nhập nội dung."),
            "min_length": _("Nội dung quá ngắn (ít nhất %(limit_value)d ký tự): hãy nêu rõ sự việc hoặc câu hỏi."),
            "max_length": _("Nội dung tối đa %(limit_value)d ký tự."),
        },
    )
    concerned_agency = forms.ModelChoiceField(
        label=_("Cơ quan"),
        queryset=AgencyPage.objects.none(),
        to_field_name="short_name",
        required=False,
        error_messages={"invalid_choice": _("Cơ quan đã chọn không có trên cổng.")},
    )
    procedure = forms.ModelChoiceField(
        label=_("Thủ tục liên quan"),
        queryset=ProcedurePage.objects.none(),
        to_field_name="code",
        required=False,
        error_messages={"invalid_choice": _("Thủ tục đã chọn không có hoặc không còn hiệu lực trên cổng.")},
    )
    document = forms.ModelChoiceField(
        label=_("Văn bản liên quan"),
        queryset=DecisionPage.objects.none(),
        required=False,
        error_messages={"invalid_choice": _("Văn bản đã chọn không có trên cổng."), "invalid": _("Văn bản không hợp lệ.")},
    )
    attachments = MultipleFileField(
        label=_("Tệp đính kèm (nếu có)"),
        required=False,
        help_text=_("Ảnh JPG, PNG, WebP hoặc tệp PDF."),
    )
    name = LineField(
        label=_("Họ và tên"),
        max_length=100,
        min_length=2,
        error_messages={
            "required": _("Vui lòng nhập họ và tên."),
            "min_length": _("Họ và tên quá ngắn."),
            "max_length": _("Họ và tên tối đa %(limit_value)d ký tự."),
        },
    )
    phone = LineField(
        label=_("Số điện thoại"),
        max_length=20,
        required=False,
        help_text=_("Nhập ít nhất số điện thoại hoặc thư điện tử để nhận kết quả và tra cứu."),
        error_messages={"max_length": _("Số điện thoại không hợp lệ.")},
        widget=forms.TextInput(attrs={"inputmode": "tel", "type": "tel"}),
    )
    email = forms.EmailField(
        label=_("Thư điện tử"),
        required=False,
        max_length=254,
        error_messages={"invalid": _("Địa chỉ thư điện tử không hợp lệ."), "null_characters_not_allowed": NUL_MESSAGE},
    )
    address = LineField(
        label=_("Địa chỉ"),
        max_length=300,
        required=False,
        error_messages={"max_length": _("Địa chỉ tối đa %(limit_value)d ký tự.")},
    )
    publish_allowed = forms.BooleanField(label=_("Đồng ý công khai câu hỏi và trả lời"), required=False)
    consent = forms.BooleanField(
        label=_("Tôi đồng ý"),
        error_messages={"required": _("Bạn cần đồng ý với việc xử lý dữ liệu cá nhân nêu trên để gửi phản ánh, kiến nghị.")},
    )
    website = forms.CharField(required=False)
    token = forms.CharField(required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attachments"].help_text = _(
            "Ảnh JPG, PNG, WebP hoặc tệp PDF; tối đa %(n)s tệp, mỗi tệp không quá %(mb)s MB."
        ) % {
            "n": conf.get("FEEDBACK_MAX_FILES"),
            "mb": conf.get("FEEDBACK_MAX_FILE_SIZE") // (1024 * 1024),
        }
        self.fields["attachments"].widget.attrs["accept"] = uploads.ACCEPT_ATTRIBUTE
        # only what visitors can see may be chosen (`.public()` queries, so not at import time)
        self.fields["concerned_agency"].queryset = AgencyPage.objects.live().public()
        self.fields["procedure"].queryset = ProcedurePage.objects.live().public()
        self.fields["document"].queryset = DecisionPage.objects.live().public()

    def clean_phone(self):
        phone = self.cleaned_data["phone"]
        if phone and (not re.fullmatch(r"[0-9 +().-]+", phone) or not 9 <= len(normalise_phone(phone)) <= 12):
            raise forms.ValidationError(_("Số điện thoại không hợp lệ (ví dụ: 0912 345 678)."))
        return phone

    def clean_attachments(self):
        files = self.cleaned_data["attachments"]
        if len(files) > conf.get("FEEDBACK_MAX_FILES"):
            raise forms.ValidationError(_("Chỉ gửi được tối đa %(n)s tệp.") % {"n": conf.get("FEEDBACK_MAX_FILES")})
        if sum(f.size for f in files) > conf.get("FEEDBACK_MAX_TOTAL_SIZE"):
            raise forms.ValidationError(
                _("Tổng dung lượng tệp vượt quá %(n)s MB.") % {"n": conf.get("FEEDBACK_MAX_TOTAL_SIZE") // (1024 * 1024)}
            )
        errors, checked = [], []
        for upload in files:
            try:
                checked.append((upload, uploads.check(upload)))
            except forms.ValidationError as exc:
                errors.extend(exc.messages)
        if errors:
            raise forms.ValidationError(errors)
        return checked

    def clean(self):
        data = super().clean()
        if not self.errors.get("phone") and not self.errors.get("email") and not (data.get("phone") or data.get("email")):
            self.add_error("phone", _("Vui lòng nhập số điện thoại hoặc thư điện tử để nhận kết quả trả lời."))
        return data

    def token_problem(self):
        """None when the form was filled by a person, else "spam" or "expired"."""
        if self.data.get("website"):
            return "spam"
        try:
            issued = int(form_signer.unsign(self.data.get("token") or ""))
        except (signing.BadSignature, ValueError):
            return "spam"
        age = timezone.now().timestamp() - issued
        if age < conf.get("FEEDBACK_MIN_FILL_SECONDS"):
            return "spam"
        if age > conf.get("FEEDBACK_TOKEN_MAX_AGE"):
            return "expired"
        return None


class LookupForm(DescribedForm):
    code = LineField(
        label=_("Mã phản ánh"),
        help_text=_("Ví dụ: PAKN-2026-000123."),
        max_length=30,
        error_messages={"required": _("Vui lòng nhập mã phản ánh (ví dụ PAKN-2026-000123).")},
    )
    proof = LineField(
        label=_("Số điện thoại, thư điện tử hoặc mã bí mật"),
        help_text=_("Số điện thoại hoặc thư điện tử đã ghi khi gửi, hoặc mã bí mật nhận được sau khi gửi."),
        max_length=254,
        error_messages={"required": _("Vui lòng nhập số điện thoại, thư điện tử hoặc mã bí mật đã dùng khi gửi.")},
    )

    def clean_code(self):
        code = "".join(self.cleaned_data["code"].upper().split())
        if not CODE_PATTERN.match(code):
            raise forms.ValidationError(_("Mã phản ánh có dạng PAKN-năm-sáu chữ số, ví dụ PAKN-2026-000123."))
        return code
