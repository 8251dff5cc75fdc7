"""How other sections show feedback without importing it: the procedure page's "Gửi phản ánh" link and
"Câu hỏi thường gặp về thủ tục này", the document page's link; one or two queries each."""

from urllib.parse import urlencode

from django import template

from feedback.models import FeedbackPage, QuestionIndexPage, QuestionPage

register = template.Library()
FAQ_SHOWN = 5


def _cached(context, attr, query):
    request = context.get("request")
    if request is not None and hasattr(request, attr):
        return getattr(request, attr)
    value = query()
    if request is not None:
        setattr(request, attr, value)
    return value


def _form_url(context, **params):
    page = _cached(context, "_feedback_page", lambda: FeedbackPage.objects.live().public().first())
    if page is None:
        return ""
    url = page.get_url(context.get("request"))
    query = urlencode({k: v for k, v in params.items() if v})
    return f"{url}?{query}" if query else url


@register.simple_tag(takes_context=True)
def feedback_page_url(context, procedure=None, document=None):
    return _form_url(context, thu_tuc=getattr(procedure, "code", ""), van_ban=getattr(document, "pk", ""))


@register.inclusion_tag("feedback/includes/procedure_questions.html", takes_context=True)
def procedure_questions(context, procedure):
    questions = list(
        QuestionPage.objects.live()
        .public()
        .filter(procedure=procedure)
        .order_by("-answered_on", "-pk")
        .only("title", "url_path", "path", "depth", "answered_on")[: FAQ_SHOWN + 1]
    )
    more_url = ""
    if len(questions) > FAQ_SHOWN:
        index = QuestionIndexPage.objects.live().public().first()
        if index is not None:
            more_url = f"{index.get_url(context.get('request'))}?{urlencode({'thu_tuc': procedure.code})}"
    return {
        "request": context.get("request"),
        "questions": questions[:FAQ_SHOWN],
        "more_url": more_url,
        "form_url": _form_url(context, thu_tuc=procedure.code),
    }


@register.inclusion_tag("feedback/includes/document_feedback.html", takes_context=True)
def document_feedback(context, document):
    return {"form_url": _form_url(context, van_ban=document.pk)}


@register.simple_tag
def question_structured_data(page):
    return {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "mainEntity": [
            {
                "@type": "Question",
                "name": page.title,
                "text": page.question,
                "dateCreated": page.asked_on.isoformat(),
                "acceptedAnswer": {"@type": "Answer", "text": page.answer, "dateCreated": page.answered_on.isoformat()},
            }
        ],
    }
