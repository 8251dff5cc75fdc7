"""The admin's import and export forms: what may be uploaded, and what may be exported by whom."""

from pathlib import Path

from django import forms
from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from procedures.exchange import flat

SUFFIXES = (".json", ".xlsx", ".zip")
# An upload is never larger than what the command accepts unpacked (the JSON limit, flat.LIMITS).
MAX_UPLOAD_BYTES = flat.LIMITS.unpacked_bytes
FORMATS = [
    ("json", _("JSON (cấu trúc chia sẻ quốc gia)")),
    ("xlsx", _("XLSX (mẫu phẳng)")),
    ("zip", _("ZIP các tệp CSV (mẫu phẳng)")),
]
WHOLE_CATALOGUE = ""


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Tệp thủ tục"),
        max_length=200,  # room for the storage's date folders and suffix within the model's 255
        help_text=_("Tệp .json theo cấu trúc chia sẻ quốc gia, .xlsx theo mẫu phẳng, hoặc .zip gồm các tệp CSV; tối đa 32 MB."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        name = Path(upload.name).name
        if not name.lower().endswith(SUFFIXES):
            raise ValidationError(gettext("Chỉ nhận tệp .json, .xlsx hoặc .zip (gồm các tệp CSV)."))
        if upload.size > MAX_UPLOAD_BYTES:
            raise ValidationError(
                gettext("Tệp lớn %(size)s byte, quá giới hạn %(limit)s byte; hãy chia nhỏ tệp.")
                % {
                    "size": number_format(upload.size, force_grouping=True),
                    "limit": number_format(MAX_UPLOAD_BYTES, force_grouping=True),
                }
            )
        return upload


class ExportForm(forms.Form):
    agency = forms.ChoiceField(label=_("Cơ quan"), required=False)
    format = forms.ChoiceField(label=_("Định dạng"), choices=FORMATS, initial="xlsx")

    def __init__(self, *args, agencies, whole, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(WHOLE_CATALOGUE, _("Toàn bộ danh mục"))] if whole else []
        self.fields["agency"].choices = choices + [(str(a.pk), a.title) for a in agencies]
        self.fields["agency"].required = not whole
        self.agencies = {str(a.pk): a for a in agencies}
