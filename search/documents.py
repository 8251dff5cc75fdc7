"""The document builder: a live page → one plain `Doc` that every store indexes the same way, and what
the stores share about documents (the fields of a row, facet names, stamps)."""

import datetime
import hashlib
import operator
from dataclasses import dataclass, field
from functools import cached_property, reduce

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils import timezone
from django.utils.html import strip_tags
from wagtail.models import Page, Site

from feedback.models import FeedbackPage, QuestionIndexPage, QuestionPage
from feedback.search import question_parts
from news.models import DecisionPage, DocumentType, NewsPage
from portal.models import StandardPage
from portal.text import document_number_key, fold, nfc
from procedures.models import AgencyPage, LifeEventProcedure, ProcedurePage
from procedures.reform.models import StatisticsPage
from procedures.selectors import agency_path
from search.models import Kind

BODY_LIMIT = 20_000
BODY_PREFIX = 4000  # characters of a body that scoring and snippets read
CHUNK = 500  # pages built at a time, with their related rows prefetched
# Raise when what a document holds changes (fields, kinds, facets): every stored document's stamp then
# differs, so `search_index catchup` replaces them all even before the rebuild a deploy calls for.
DOCUMENT_VERSION = 3

# A row, whichever store it comes from: these fields, plus `body_words` (the folded words of its text,
# at least those of the query: all that scoring asks of a body) and, once it is shown, `body`.
ENTRY_FIELDS = ["page_id", "kind", "title", "title_folded", "keywords_folded", "url", "date", "code"]
SUGGESTED = ["page_id", "title", "url", "kind", "code"]  # what autocomplete returns

# Facet names as they appear in URLs and in both stores.
AGENCY, FIELD, LEVEL, ONLINE, FOUR, APPLICANT, EVENT, SECTION, DOC_TYPE, YEAR = (
    "co_quan",
    "linh_vuc",
    "cap",
    "truc_tuyen",
    "bon_tai_cho",
    "doi_tuong",
    "su_kien",
    "chuyen_muc",
    "loai_van_ban",
    "nam",
)
PROCEDURE_FACETS = [AGENCY, FIELD, LEVEL, ONLINE, FOUR, APPLICANT, EVENT]


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
    stamp: str = ""  # see `stamp()`

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
            "stamp": self.stamp,
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


def procedure_doc(page, agency):
    fields = list(page.fields.all())
    levels = list(page.levels.all())
    applicants = list(page.applicants.all())
    facets = [(AGENCY, agency.short_name, agency.title)]
    facets += [(FIELD, f.slug, f.name) for f in fields]
    facets += [(LEVEL, level.slug, level.name) for level in levels]
    facets += [(APPLICANT, a.slug, a.name) for a in applicants]
    events = [step.event for step in page.life_event_steps.all()]
    facets += [(EVENT, event.slug, event.name) for event in events]
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
    # The words citizens use for the life events the procedure belongs to ("mới sinh con") find it.
    keywords = _lines(
        page.keywords,
        page.code,
        agency.title,
        agency.short_name,
        *(f.name for f in fields),
        *(f"{event.name}, {event.words}" for event in events),
    )
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
        [(DOC_TYPE, DocumentType(page.doc_type).abbreviation, str(page.get_doc_type_display())), *_year(page.date_issued)],
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


# Procedures are built apart, a chunk at a time with their agencies (`documents`).
BUILDERS = {
    NewsPage: news_doc,
    DecisionPage: decision_doc,
    StandardPage: plain_doc,
    AgencyPage: plain_doc,
    StatisticsPage: plain_doc,
    FeedbackPage: plain_doc,
    QuestionIndexPage: plain_doc,
    QuestionPage: question_doc,
}
INDEXED_TYPES = (ProcedurePage, *BUILDERS)


def stamp(published, parent_published, url_path, events=()):
    """What a stored document was built from, besides the page's own content: when the page and its
    parent (an agency's or a section's name is in its documents) were last published, its address and,
    for a procedure, the life events it belongs to (their names and words are in its document, and an
    event is edited without publishing the procedure). Publishing, moving, renaming or editing an event
    changes the stamp, so a stored document whose stamp differs from the page's is stale; the stamp
    comes from cheap queries, without building any document."""
    parts = (
        str(DOCUMENT_VERSION),
        published.isoformat() if published else "",
        parent_published.isoformat() if parent_published else "",
        url_path,
        *("\x1f".join(event) for event in sorted(events)),
    )
    return hashlib.blake2b("|".join(parts).encode(), digest_size=8).hexdigest()


def indexable(ids=None):
    """The pages that must be found: live, public, of an indexed type and inside a site (so they have
    an address); those of `ids` only when given."""
    roots = list(Site.objects.values_list("root_page__path", flat=True))
    if not roots:
        return Page.objects.none()
    pages = Page.objects.live().public().exact_type(*INDEXED_TYPES)
    pages = pages.filter(reduce(operator.or_, (Q(path__startswith=path) for path in roots)))
    return pages if ids is None else pages.filter(pk__in=list(ids))


def stamps(ids=None):
    """{page id: stamp} of the pages that must be found (all, or those of `ids`): two queries of page
    rows and one of life events, however many pages. A procedure counts only under an agency, as its
    document needs one."""
    ids = None if ids is None else list(ids)
    rows = list(indexable(ids).values_list("pk", "path", "url_path", "last_published_at", "content_type_id"))
    parents = {path[: -Page.steplen] for _pk, path, *_rest in rows}
    parents = {
        path: (published, kind)
        for path, published, kind in Page.objects.filter(path__in=parents).values_list(
            "path", "last_published_at", "content_type_id"
        )
    }
    procedure, agency = (ContentType.objects.get_for_model(model).pk for model in (ProcedurePage, AgencyPage))
    steps = LifeEventProcedure.objects.all() if ids is None else LifeEventProcedure.objects.filter(procedure_id__in=ids)
    events = {}
    for procedure_id, *event in steps.values_list("procedure_id", "event__slug", "event__name", "event__words"):
        events.setdefault(procedure_id, []).append(tuple(event))
    found = {}
    for pk, path, url_path, published, kind in rows:
        parent_published, parent_kind = parents.get(path[: -Page.steplen], (None, None))
        if kind == procedure and parent_kind != agency:
            continue
        found[pk] = stamp(published, parent_published, url_path, events.get(pk, ()))
    return found


def documents(ids=None):
    """The documents of the pages that must be found (all, or those of `ids`), built a chunk at a time
    with their related rows prefetched."""
    wanted = stamps(ids)
    procedures = ProcedurePage.objects.live()
    if ids is not None:
        procedures = procedures.filter(pk__in=list(wanted))
    procedures = procedures.prefetch_related(
        "fields", "levels", "applicants", "steps", "dossier", "results", "life_event_steps__event"
    )
    agencies = {}
    last = 0
    while chunk := list(procedures.filter(pk__gt=last).order_by("pk")[:CHUNK]):  # by key, not OFFSET
        last = chunk[-1].pk
        chunk = [page for page in chunk if page.pk in wanted]
        paths = {agency_path(page) for page in chunk} - agencies.keys()
        agencies.update((agency.path, agency) for agency in AgencyPage.objects.filter(path__in=paths))
        for page in chunk:
            yield _stamped(procedure_doc(page, agencies[agency_path(page)]), wanted)
    others = indexable(ids).exclude(content_type=ContentType.objects.get_for_model(ProcedurePage))
    for page in others.specific().iterator(chunk_size=CHUNK):
        yield _stamped(BUILDERS[type(page)](page), wanted)


def _stamped(doc, stamps):
    doc.stamp = stamps[doc.page_id]
    return doc
