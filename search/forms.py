from django import forms
from django.utils.translation import gettext_lazy as _

from search.documents import PROCEDURE_FACETS
from search.models import Kind

MAX_QUERY_LENGTH = 200
FACET_VALUE = r"^[\w.-]{1,100}$"


def _page(value):
    """Any page number gives a page: out-of-range numbers are clamped by the search itself."""
    try:
        return max(1, min(int(value), 10_000))
    except (TypeError, ValueError):
        return 1


class QueryMixin(forms.Form):
    q = forms.CharField(
        label=_("Từ khóa tìm kiếm"),
        max_length=MAX_QUERY_LENGTH,
        required=False,
        error_messages={"max_length": _("Từ khóa quá dài (tối đa %(limit_value)d ký tự).")},
    )

    def clean_q(self):
        text = self.cleaned_data["q"]
        return " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())

    @property
    def page(self):
        return _page(self.data.get("trang"))


class FinderForm(QueryMixin):
    """The procedure finder: a query, facet filters and a sort, all in a shareable GET URL."""

    sap_xep = forms.ChoiceField(
        label=_("Sắp xếp"),
        required=False,
        choices=[("lien-quan", _("Phù hợp nhất")), ("ten", _("Tên thủ tục")), ("ma", _("Mã thủ tục"))],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in PROCEDURE_FACETS:
            self.fields[name] = forms.RegexField(
                regex=FACET_VALUE, required=False, error_messages={"invalid": _("Giá trị lọc không hợp lệ.")}
            )

    def filters(self):
        return {name: self.cleaned_data[name] for name in PROCEDURE_FACETS if self.cleaned_data.get(name)}


# Kinds as public URLs name them (?loai=thu-tuc); code and stores use `Kind` values.
KIND_PARAMETERS = {
    "thu-tuc": Kind.PROCEDURE,
    "tin-tuc": Kind.NEWS,
    "van-ban": Kind.DOCUMENT,
    "hoi-dap": Kind.QUESTION,
    "trang": Kind.PAGE,
}


class SiteSearchForm(QueryMixin):
    loai = forms.ChoiceField(
        label=_("Loại nội dung"),
        required=False,
        choices=[("", _("Tất cả")), *((word, kind.label) for word, kind in KIND_PARAMETERS.items())],
    )
    tu_ngay = forms.DateField(label=_("Từ ngày"), required=False, widget=forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}))
    den_ngay = forms.DateField(label=_("Đến ngày"), required=False, widget=forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}))
    sap_xep = forms.ChoiceField(
        label=_("Sắp xếp"), required=False, choices=[("lien-quan", _("Phù hợp nhất")), ("moi", _("Mới nhất"))]
    )

    def clean_loai(self):
        return KIND_PARAMETERS.get(self.cleaned_data["loai"], "")

    def clean(self):
        data = super().clean()
        if data.get("tu_ngay") and data.get("den_ngay") and data["tu_ngay"] > data["den_ngay"]:
            raise forms.ValidationError(_("“Từ ngày” phải trước hoặc bằng “Đến ngày”."))
        return data
