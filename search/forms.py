from django import forms
from django.utils.translation import gettext_lazy as _

MAX_QUERY_LENGTH = 200


class SiteSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Từ khóa tìm kiếm"),
        max_length=MAX_QUERY_LENGTH,
        required=False,
        error_messages={"max_length": _("Từ khóa quá dài (tối đa %(limit_value)d ký tự).")},
    )

    def clean_q(self):
        text = self.cleaned_data["q"]
        return "".join(ch for ch in text if ch.isprintable()).strip()
