from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Case, IntegerField, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from news.choices import DocumentStatus, DocumentType
from portal.text import document_number_key


class NewsFilterForm(forms.Form):
    """The "Tìm theo ngày" and tag filter of news listings; bad input is reported, never a 500."""

    date_from = forms.DateField(label=_("Từ ngày"), required=False, widget=forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}))
    date_to = forms.DateField(label=_("Đến ngày"), required=False, widget=forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}))
    tag = forms.CharField(label=_("Từ khóa"), required=False, max_length=100)

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            raise ValidationError(_("“Từ ngày” phải trước hoặc bằng “Đến ngày”."))
        return data

    def filter(self, articles):
        data = self.cleaned_data
        if data.get("date_from"):
            articles = articles.filter(display_date__date__gte=data["date_from"])
        if data.get("date_to"):
            articles = articles.filter(display_date__date__lte=data["date_to"])
        if data.get("tag"):
            articles = articles.filter(tags__name__iexact=data["tag"])
        return articles


class DocumentFilterForm(forms.Form):
    """Filters of the document listing; choices come from the published documents themselves."""

    q = forms.CharField(label=_("Số ký hiệu hoặc trích yếu"), required=False, max_length=200)
    doc_type = forms.ChoiceField(label=_("Loại văn bản"), required=False)
    issuer = forms.ChoiceField(label=_("Cơ quan ban hành"), required=False)
    field = forms.ChoiceField(label=_("Lĩnh vực"), required=False)
    year = forms.TypedChoiceField(label=_("Năm ban hành"), required=False, coerce=int, empty_value=None)
    status = forms.ChoiceField(label=_("Tình trạng"), required=False)

    def __init__(self, *args, documents, **kwargs):
        super().__init__(*args, **kwargs)
        everything = [("", _("Tất cả"))]
        self.fields["doc_type"].choices = everything + [(kind.abbreviation, kind.label) for kind in DocumentType]
        self.fields["status"].choices = everything + list(DocumentStatus.choices)
        self.fields["issuer"].choices = everything + _distinct(documents, "issuer")
        self.fields["field"].choices = everything + _distinct(documents.exclude(field=""), "field")
        years = documents.dates("date_issued", "year", order="DESC")
        self.fields["year"].choices = everything + [(d.year, d.year) for d in years]

    def clean_doc_type(self):
        """The address keeps the abbreviation (?doc_type=QĐ); the database stores DocumentType."""
        value = self.cleaned_data["doc_type"]
        return DocumentType.from_abbreviation(value) if value else ""

    def filter(self, documents):
        data = self.cleaned_data
        for name in ("doc_type", "issuer", "field"):
            if data.get(name):
                documents = documents.filter(**{name: data[name]})
        if data.get("year"):
            documents = documents.filter(date_issued__year=data["year"])
        if data.get("status"):
            documents = documents.filter(status_q(data["status"]))
        query = data.get("q", "").strip()
        if query:
            key = document_number_key(query)
            by_number = Q(number_key__startswith=key) if key else Q(pk__in=[])  # "?" has no number key: match the text only
            documents = documents.filter(by_number | Q(title__icontains=query) | Q(summary__icontains=query)).annotate(
                number_rank=Case(When(number_key=key, then=Value(0)), default=Value(1), output_field=IntegerField())
            )
            return documents.order_by("number_rank", "-date_issued", "-pk")
        return documents.order_by("-date_issued", "-pk")


def _distinct(queryset, field):
    values = queryset.order_by(field).values_list(field, flat=True).distinct()
    return [(value, value) for value in values]


def status_q(status, day=None):
    """The computed status of `DecisionPage.status_on` as a database filter."""
    day = day or timezone.localdate()
    automatic = Q(status_override="")
    expired = Q(date_expired__isnull=False, date_expired__lte=day)
    not_yet = Q(date_effective__isnull=False, date_effective__gt=day) & ~expired
    conditions = {
        DocumentStatus.EXPIRED: automatic & expired,
        DocumentStatus.NOT_YET: automatic & not_yet,
        DocumentStatus.IN_FORCE: automatic & ~expired & ~not_yet,
        DocumentStatus.PARTLY_EXPIRED: Q(pk__in=[]),
    }
    return Q(status_override=status) | conditions[DocumentStatus(status)]
