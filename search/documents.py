"""The document builder: a live page → one plain `Doc` that every store indexes the same way."""

import datetime
from dataclasses import dataclass, field
from functools import cached_property

from django.utils import timezone
from django.utils.html import strip_tags
from wagtail.models import Page

from feedback.models import FeedbackPage, QuestionIndexPage, QuestionPage
from feedback.search import question_parts
from news.models import DecisionPage, NewsPage
from portal.models import StandardPage
from portal.text import document_number_key, fold, nfc
from procedures.models import AgencyPage, ProcedurePage, StatisticsPage
from search.models import Kind

BODY_LIMIT = 20_000

# Facet names as they appear in URLs and in both stores.
AGENCY, FIELD, LEVEL, ONLINE, FOUR, APPLICANT, SECTION, DOC_TYPE, YEAR = (
    "co_quan",
    "linh_vuc",
    "cap",
    "truc_tuyen",
    "bon_tai_cho",
    "doi_tuong",
    "chuyen_muc",
    "loai_van_ban",
    "nam",
)
PROCEDURE_FACETS = [AGENCY, FIELD, LEVEL, ONLINE, FOUR, APPLICANT]


@dataclass
class Doc:
    page_id: int
    kind: str
    title: str
    url: str
    keywords: str = ""
    body: str = ""
    date: datetime.datetime | None = None
    code: str = ""
    facets: list = field(default_factory=list)  # (name, value, label)

    def __post_init__(self):
        self.title = nfc(self.title).strip()
        self.keywords = nfc(self.keywords)
        self.body = " ".join(nfc(strip_tags(self.body)).split())[:BODY_LIMIT]

    @cached_property
    def title_folded(self):
        return fold(self.title)

    @cached_property
    def keywords_folded(self):
        return fold(self.keywords)

    @cached_property
    def body_folded(self):
        return fold(self.body)

    def as_source(self):
        """The stored form in Elasticsearch: texts, their folded forms and facets as keyword lists."""
        return {
            "kind": self.kind,
            "title": self.title,
            "title_folded": self.title_folded,
            "keywords_folded": self.keywords_folded,
            "body": self.body,
            "body_folded": self.body_folded,
            "url": self.url,
            "date": self.date.isoformat() if self.date else None,
            "code": self.code,
            "facets": [f"{name}={value}" for name, value, _label in self.facets],
            "facet_labels": [f"{name}={value}={label}" for name, value, label in self.facets],
        }


def _lines(*parts):
    return "\n".join(str(p) for p in parts if p)


def _stream_text(stream):
    if not stream:
        return ""
    return " ".join(str(piece) for piece in stream.stream_block.get_searchable_content(stream))


def _year(value):
    return [(YEAR, str(value.year), str(value.year))] if value else []


def _as_datetime(value):
    if isinstance(value, datetime.datetime):
        return value
    if isinstance(value, datetime.date):
        return timezone.make_aware(datetime.datetime.combine(value, datetime.time()))
    return None


def procedure_doc(page, agency=None):
    agency = agency or page.get_parent().specific
    fields = list(page.fields.all())
    levels = list(page.levels.all())
    applicants = list(page.applicants.all())
    facets = [(AGENCY, agency.short_name, agency.title)]
    facets += [(FIELD, f.slug, f.name) for f in fields]
    facets += [(LEVEL, level.slug, level.name) for level in levels]
    facets += [(APPLICANT, a.slug, a.name) for a in applicants]
    facets.append((ONLINE, page.online_level, str(page.get_online_level_display())))
    if page.four_on_the_spot:
        facets.append((FOUR, "co", "“4 tại chỗ”"))
    body = _lines(
        page.description,
        " ".join(f"{s.title} {s.description}" for s in page.steps.all()),
        " ".join(d.name for d in page.dossier.all()),
        " ".join(r.name for r in page.results.all()),
        page.where_to_submit,
        page.requirements,
        page.authorised_agencies,
    )
    keywords = _lines(page.keywords, page.code, agency.title, agency.short_name, *(f.name for f in fields))
    return Doc(page.pk, Kind.PROCEDURE, page.title, page.url, keywords, body, page.last_published_at, page.code, facets)


def news_doc(page):
    section = page.get_parent()
    tags = [t.name for t in page.tags.all()]
    return Doc(
        page.pk,
        Kind.NEWS,
        page.title,
        page.url,
        _lines(*tags, page.source),
        _lines(page.summary, _stream_text(page.body)),
        page.display_date,
        "",
        [(SECTION, section.slug, section.title), *_year(page.display_date)],
    )


def decision_doc(page):
    return Doc(
        page.pk,
        Kind.DOCUMENT,
        f"{page.number} – {page.title}" if page.number not in page.title else page.title,
        page.url,
        _lines(page.number, page.get_doc_type_display(), page.issuer, page.signer, page.field),
        _lines(page.summary, page.full_text),
        _as_datetime(page.date_issued),
        document_number_key(page.number),
        [(DOC_TYPE, page.doc_type, str(page.get_doc_type_display())), *_year(page.date_issued)],
    )


def plain_doc(page):
    body = _lines(getattr(page, "intro", ""), _stream_text(getattr(page, "body", None)), getattr(page, "description", ""))
    keywords = getattr(page, "short_name", "")
    return Doc(page.pk, Kind.PAGE, page.title, page.url, keywords, body, page.last_published_at)


def question_doc(page):
    parts = question_parts(page)
    facets = [(AGENCY, *parts["agency"])] if parts["agency"] else []
    facets += [(FIELD, slug, name) for slug, name in parts["fields"]]
    date = parts["date"]
    return Doc(page.pk, Kind.QUESTION, parts["title"], page.url, parts["keywords"], parts["body"], date, "", facets + _year(date))


BUILDERS = {
    ProcedurePage: procedure_doc,
    NewsPage: news_doc,
    DecisionPage: decision_doc,
    StandardPage: plain_doc,
    AgencyPage: plain_doc,
    StatisticsPage: plain_doc,
    FeedbackPage: plain_doc,
    QuestionIndexPage: plain_doc,
    QuestionPage: question_doc,
}
INDEXED_TYPES = tuple(BUILDERS)


def build(page):
    """The document for a page, or None when the page must not be found (draft, private, not indexed)."""
    page = page.specific
    builder = BUILDERS.get(type(page))
    if builder is None or not page.live or page.url is None:
        return None
    if not Page.objects.filter(pk=page.pk).live().public().exists():
        return None
    return builder(page)
