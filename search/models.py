"""The database store of the search pipeline, editors' synonyms and the query log.

`SearchEntry` is the embedded backend's search table and the fallback when Elasticsearch fails, so it
is kept for every live public page whichever backend answers queries. Matching, counting and faceting
read one of its rows per hit, so a row holds what they need (titles, the two vectors and, on PostgreSQL,
the facets) and nothing else: the text itself lives in `SearchText`. On PostgreSQL both vectors are
GIN-indexed; on SQLite an FTS5 table mirrors the text (see migrations).
"""

from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page


class Kind(models.TextChoices):
    """What a search entry is; public URLs name kinds in Vietnamese (search.forms.KIND_PARAMETERS)."""

    PROCEDURE = "procedure", _("Thủ tục hành chính")
    NEWS = "news", _("Tin tức")
    DOCUMENT = "document", _("Văn bản")
    PAGE = "page", _("Trang thông tin")
    QUESTION = "question", _("Hỏi đáp")


class Scope(models.TextChoices):
    """Which search page a logged query came from."""

    FINDER = "finder", _("Tra cứu thủ tục")
    SITE = "site", _("Tìm kiếm toàn cổng")


class SearchEntry(models.Model):
    page = models.OneToOneField(Page, on_delete=models.CASCADE, primary_key=True, related_name="+")
    kind = models.CharField(max_length=10, choices=Kind.choices, db_index=True)
    title = models.CharField(max_length=500)
    title_folded = models.CharField(max_length=500)
    keywords_folded = models.TextField(blank=True)
    url = models.CharField(max_length=500)
    date = models.DateTimeField(null=True, blank=True, db_index=True)
    code = models.CharField(max_length=100, blank=True, db_index=True)
    stamp = models.CharField(max_length=16, blank=True)  # what the entry was built from (documents.stamp)
    title_vector = SearchVectorField(null=True, editable=False)  # titles and keywords alone
    search_vector = SearchVectorField(null=True, editable=False)  # titles, keywords and body, weighted

    class Meta:
        indexes = [models.Index(fields=["kind", "title_folded"], name="search_entry_kind_title")]

    def __str__(self):
        return self.title


class SearchText(models.Model):
    """The body of an entry: read for the snippets of the page shown and, on SQLite, for the words
    candidates hold."""

    entry = models.OneToOneField(SearchEntry, on_delete=models.CASCADE, primary_key=True, related_name="text")
    body = models.TextField(blank=True)
    body_folded = models.TextField(blank=True)


class SearchFacet(models.Model):
    """One facet value of an entry: agency, field, level, online level, "4 tại chỗ", applicant, year."""

    entry = models.ForeignKey(SearchEntry, on_delete=models.CASCADE, related_name="facets")
    name = models.CharField(max_length=20)
    value = models.CharField(max_length=120)
    label = models.CharField(max_length=255)

    class Meta:
        indexes = [models.Index(fields=["name", "value", "entry"], name="search_facet_lookup")]


class SearchTerm(models.Model):
    """Every folded word the index holds: the vocabulary typo correction and suggestions draw on."""

    term = models.CharField(max_length=60, primary_key=True)


class PendingIndex(models.Model):
    """A page whose Elasticsearch update still failed after its retries; `search_index catchup` sends
    it (as the page is then) and the next successful update of the page clears it."""

    page_id = models.IntegerField(primary_key=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)


class Synonym(models.Model):
    """A group of words citizens use for the same thing, e.g. "CCCD, căn cước công dân, thẻ căn cước"."""

    terms = models.TextField(
        _("Các cách gọi tương đương"),
        help_text=_(
            "Cách nhau bởi dấu phẩy; ví dụ: CCCD, căn cước công dân, thẻ căn cước. Áp dụng ngay, không cần lập lại chỉ mục."
        ),
    )
    note = models.CharField(_("Ghi chú"), max_length=255, blank=True)

    panels = [FieldPanel("terms"), FieldPanel("note")]

    class Meta:
        verbose_name = _("Từ đồng nghĩa, viết tắt")
        verbose_name_plural = _("Từ đồng nghĩa, viết tắt")
        ordering = ["terms"]

    def __str__(self):
        return self.terms

    @property
    def members(self):
        return [t.strip() for t in self.terms.replace("\n", ",").split(",") if t.strip()]

    def clean(self):
        if len(self.members) < 2:
            raise ValidationError({"terms": _("Cần ít nhất hai cách gọi, cách nhau bởi dấu phẩy.")})


class QueryLog(models.Model):
    """How often a (folded) query was searched per day and whether it found anything; no visitor data."""

    day = models.DateField(_("Ngày"))
    scope = models.CharField(_("Trang tìm"), max_length=10, choices=Scope.choices)
    query = models.CharField(_("Từ khóa"), max_length=200)
    searches = models.PositiveIntegerField(_("Số lượt tìm"), default=0)
    zero_results = models.PositiveIntegerField(_("Số lượt không có kết quả"), default=0)

    class Meta:
        verbose_name = _("Từ khóa tìm kiếm")
        verbose_name_plural = _("Từ khóa tìm kiếm")
        constraints = [models.UniqueConstraint(fields=["day", "scope", "query"], name="search_one_log_row_per_day")]
        permissions = [("view_search_report", _("Xem thống kê tìm kiếm"))]


class QueryVisitor(models.Model):
    """That a visitor searched a query on a day and found something: a keyed hash of the visitor's
    address (it cannot be turned back into the address), kept so that "Nhiều người tìm" lists only what
    several distinct visitors searched on several days."""

    day = models.DateField()
    scope = models.CharField(max_length=10, choices=Scope.choices)
    query = models.CharField(max_length=200)
    visitor = models.CharField(max_length=32)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["day", "scope", "query", "visitor"], name="search_one_visitor_per_query_day")
        ]


class PopularQuery(models.Model):
    """An editor's word on a query in "Nhiều người tìm": shown although few searched it, or never shown."""

    class Decision(models.TextChoices):
        APPROVED = "approved", _("Luôn hiển thị")
        HIDDEN = "hidden", _("Không bao giờ hiển thị")

    scope = models.CharField(_("Trang tìm"), max_length=10, choices=Scope.choices, default=Scope.FINDER)
    query = models.CharField(_("Từ khóa"), max_length=200, help_text=_("Viết như người dân gõ; có dấu hay không đều được."))
    decision = models.CharField(_("Quyết định"), max_length=10, choices=Decision.choices, default=Decision.HIDDEN)

    panels = [FieldPanel("query"), FieldPanel("scope"), FieldPanel("decision")]

    class Meta:
        verbose_name = _("Từ khóa “Nhiều người tìm”")
        verbose_name_plural = _("Từ khóa “Nhiều người tìm”")
        constraints = [models.UniqueConstraint(fields=["scope", "query"], name="search_one_decision_per_query")]
        ordering = ["scope", "query"]

    def __str__(self):
        return self.query

    def save(self, *args, **kwargs):
        from search.text import tokens  # the query as the log keeps it: folded words

        self.query = " ".join(tokens(self.query))[:200]
        super().save(*args, **kwargs)
