"""Reading records from procedure pages and writing records into them, with revisions."""

from django.db import transaction
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from news.models import DecisionPage
from portal.text import document_number_key, slugify
from procedures.exchange.records import Record, richtext_to_text, text_to_richtext
from procedures.models import (
    AgencyPage,
    ApplicantType,
    DossierDocument,
    LegalBasis,
    ProcedureChannel,
    ProcedureField,
    ProcedureLevel,
    ProcedurePage,
    ProcedureResult,
    ProcedureStep,
    RelatedProcedure,
)
from procedures.selectors import agency_path

PREFETCH = [
    "fields",
    "levels",
    "applicants",
    "implementing_agencies",
    "steps",
    "channels",
    "dossier",
    "results",
    "legal_bases",
    "related_links__procedure",
]


def procedures_for_export(queryset=None):
    queryset = queryset if queryset is not None else ProcedurePage.objects.all()
    return queryset.order_by("code").prefetch_related(*PREFETCH)


def to_record(page):
    """The record of a procedure page whose `agency` is attached (procedures.selectors.attach_agencies)."""
    agency = page.agency
    return Record(
        code=page.code,
        name=page.title,
        agency=(agency.short_name, agency.title),
        procedure_type=page.procedure_type,
        decision_number=page.decision_number,
        keywords=page.keywords,
        description=page.description,
        levels=[(x.code, x.name) for x in page.levels.all()],
        fields=[(x.code, x.name) for x in page.fields.all()],
        applicants=[(x.code, x.name) for x in page.applicants.all()],
        implementing=[(x.short_name, x.title) for x in page.implementing_agencies.all()],
        authorised=page.authorised_agencies,
        coordinating=page.coordinating_agencies,
        where_to_submit=page.where_to_submit,
        requirements=richtext_to_text(page.requirements),
        online_level=page.online_level,
        online_url=page.online_url,
        four_on_the_spot=page.four_on_the_spot,
        inter_agency=page.inter_agency,
        steps=[(s.case, s.title, s.description) for s in page.steps.all()],
        channels=[
            (
                c.channel,
                c.case,
                c.time_amount.normalize() if c.time_amount is not None else None,
                c.time_unit,
                c.time_description,
                int(c.fee_amount) if c.fee_amount is not None else None,
                c.fee_unit,
                c.fee_description,
            )
            for c in page.channels.all()
        ],
        dossier=[(d.case, d.name, d.originals, d.copies, d.form_name) for d in page.dossier.all()],
        results=[r.name for r in page.results.all()],
        legal_bases=[(b.number, b.title, b.date_issued, b.issuer) for b in page.legal_bases.all()],
        related=[link.procedure.code for link in page.related_links.all()],
    )


def comparable(record):
    """Order-insensitive where order carries no meaning (classifications), as the M2M tables return them."""
    data = record.as_comparable()
    for name in ("levels", "fields", "applicants", "implementing"):
        data[name] = sorted(data[name])
    return data


class Writer:
    """Creates what a record names on first sight (agencies, fields, levels, applicant types)."""

    def __init__(self, index, user=None):
        self.index = index
        self.user = user
        self.agencies = {a.short_name: a for a in AgencyPage.objects.child_of(index)}
        self.classifications = {
            model: {obj.code: obj for obj in model.objects.all()} for model in (ProcedureField, ProcedureLevel, ApplicantType)
        }

    def agency(self, code, name):
        agency = self.agencies.get(code)
        if agency is None:
            agency = AgencyPage(title=name, short_name=code, slug=self._slug(name, AgencyPage))
            self.index.add_child(instance=agency)
            agency.save_revision(user=self.user).publish(user=self.user, skip_permission_checks=True)
            self.agencies[code] = agency
        return agency

    def classification(self, model, code, name):
        known = self.classifications[model]
        obj = known.get(code)
        if obj is None:
            obj = model.objects.create(code=code, name=name, slug=self._slug(name, model, field="slug"))
            known[code] = obj
        return obj

    def _slug(self, text, model, field="slug"):
        base = slugify(text) or "muc"
        slug, n = base, 1
        while model.objects.filter(**{field: slug}).exists():
            n += 1
            slug = f"{base}-{n}"
        return slug

    @transaction.atomic
    def write(self, record, page=None):
        """One record in, one revision out; references are indexed once rather than on every save."""
        with disable_reference_index_auto_update():
            page, unresolved = self._write(record, page)
        ReferenceIndex.create_or_update_for_object(page)
        return page, unresolved

    def _write(self, record, page):
        parent = self.agency(*record.agency)
        if page is None:
            page = ProcedurePage(
                code=record.code, title=record.name, slug=self._slug(f"{record.code}-{record.name}", ProcedurePage)
            )
            parent.add_child(instance=page)
        elif agency_path(page) != parent.path:
            page.move(parent, pos="last-child")
            page.refresh_from_db()
        page.title = record.name
        page.procedure_type = record.procedure_type
        page.decision_number = record.decision_number
        page.keywords = record.keywords
        page.description = record.description
        page.authorised_agencies = record.authorised
        page.coordinating_agencies = record.coordinating
        page.where_to_submit = record.where_to_submit
        page.requirements = text_to_richtext(record.requirements)
        page.online_level = record.online_level
        page.online_url = record.online_url
        page.four_on_the_spot = record.four_on_the_spot
        page.inter_agency = record.inter_agency
        page.fields = [self.classification(ProcedureField, *x) for x in record.fields]
        page.levels = [self.classification(ProcedureLevel, *x) for x in record.levels]
        page.applicants = [self.classification(ApplicantType, *x) for x in record.applicants]
        page.implementing_agencies = [self.agency(*x) for x in record.implementing]
        page.steps = [ProcedureStep(case=c, title=t, description=d) for c, t, d in record.steps]
        page.channels = [
            ProcedureChannel(
                channel=ch,
                case=case,
                time_amount=ta,
                time_unit=tu,
                time_description=td,
                fee_amount=fa,
                fee_unit=fu,
                fee_description=fd,
            )
            for ch, case, ta, tu, td, fa, fu, fd in record.channels
        ]
        page.dossier = [DossierDocument(case=c, name=n, originals=o, copies=k, form_name=f) for c, n, o, k, f in record.dossier]
        page.results = [ProcedureResult(name=name) for name in record.results]
        related = {p.code: p for p in ProcedurePage.objects.filter(code__in=record.related)}
        page.related_links = [RelatedProcedure(procedure=related[code]) for code in record.related if code in related]
        documents = self.documents(record)
        page.decision = documents.get(document_number_key(record.decision_number)) if record.decision_number else None
        page.legal_bases = [
            LegalBasis(number=n, title=t, date_issued=d, issuer=i, document=documents.get(document_number_key(n)))
            for n, t, d, i in record.legal_bases
        ]
        page.save_revision(user=self.user, log_action=True).publish(user=self.user, skip_permission_checks=True)
        return page, len(page.related_links.all()) < len(record.related)

    def documents(self, record):
        """Decisions published on the portal that the record cites, by normalised number."""
        keys = {document_number_key(n) for n, *_rest in record.legal_bases} | {document_number_key(record.decision_number)}
        return {d.number_key: d for d in DecisionPage.objects.filter(number_key__in=keys)}
