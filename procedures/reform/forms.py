"""The dashboard's filter (public URL parameters stay Vietnamese: loai, ky, co_quan) and the upload form."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from procedures.reform.models import Period, PeriodKind

MAX_UPLOAD_BYTES = 5 * 1024 * 1024


# The public address names period kinds in Vietnamese (?loai=thang); the code uses PeriodKind.
KIND_PARAMS = {"thang": PeriodKind.MONTH, "quy": PeriodKind.QUARTER, "nam": PeriodKind.YEAR}


class StatisticsFilterForm(forms.Form):
    """Period kind, period and agency; choices come from the published figures themselves."""

    loai = forms.ChoiceField(
        label=_("Loại kỳ"), choices=[(param, kind.label) for param, kind in KIND_PARAMS.items()], required=False
    )
    ky = forms.CharField(label=_("Kỳ báo cáo"), required=False, max_length=10)
    co_quan = forms.ChoiceField(label=_("Cơ quan"), required=False)

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["co_quan"].choices = [("", _("Toàn tỉnh"))] + [(a.short_name, a.title) for a in agencies]

    def clean_ky(self):
        text = self.cleaned_data["ky"].strip()
        if not text:
            return None
        try:
            return Period.parse(text)
        except ValueError as exc:
            raise ValidationError(str(exc)) from exc

    def clean(self):
        data = super().clean()
        period = data.get("ky")
        kind = KIND_PARAMS[data["loai"]] if data.get("loai") else (period.kind if period else PeriodKind.MONTH)
        if period and period.kind != kind:
            raise ValidationError(_("Kỳ %(period)s không thuộc loại kỳ đã chọn.") % {"period": period.code})
        data["loai"] = kind
        return data


class UploadForm(forms.Form):
    kind = forms.ChoiceField(label=_("Loại số liệu"))
    file = forms.FileField(label=_("Tệp số liệu (.xlsx hoặc .csv)"))
    publish = forms.BooleanField(label=_("Xuất bản ngay"), required=False, initial=True)

    def __init__(self, *args, specs, may_publish, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [(spec.slug, spec.title) for spec in specs]
        if not may_publish:
            del self.fields["publish"]

    def clean_file(self):
        file = self.cleaned_data["file"]
        if file.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(gettext("Tệp lớn hơn 5 MB."))
        if not file.name.lower().endswith((".xlsx", ".csv")):
            raise forms.ValidationError(gettext("Chỉ nhận tệp .xlsx hoặc .csv."))
        return file
