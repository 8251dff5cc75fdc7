"""What site search needs of a published answer. search/documents.py wraps it in its document (search reads
feedback, never the reverse), so answers are found with the kind "Hỏi đáp" in both stores."""

import datetime

from django.utils import timezone


def question_parts(page):
    procedure, agency, field = page.procedure, page.agency, page.field
    keywords = [page.get_kind_display(), "hỏi đáp"]
    if procedure is not None:
        keywords += [procedure.title, procedure.code]
    if agency is not None:
        keywords += [agency.title, agency.short_name]
    if field is not None:
        keywords.append(field.name)
    return {
        "title": page.title,
        "keywords": "\n".join(str(k) for k in keywords if k),
        "body": f"{page.question}\n{page.answer}",
        "date": timezone.make_aware(datetime.datetime.combine(page.answered_on, datetime.time())),
        "agency": (agency.short_name, agency.title) if agency is not None else None,
        "fields": [(field.slug, field.name)] if field is not None else [],
    }
