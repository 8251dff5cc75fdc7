"""How other sections show feedback without importing it: the procedure page's "Gửi phản ánh" link and
"Câu hỏi thường gặp về thủ tục này", the document page's link; one or two queries each."""

from urllib.parse import urlencode

from django import template
from wagtail.models import Page

from feedback.models import FeedbackPage, QuestionIndexPage, QuestionPage
from portal.web.chrome import for_page, public, remembered

register = template.Library()
FAQ_SHOWN = 5


def _find_pages():
    rows = public(Page.objects.live().type(FeedbackPage, QuestionIndexPage)).only("url_path", "path", "depth", "content_type")
    return {page.specific_class: page for page in rows}


def _pages(context):
    """The form page and the "Hỏi đáp" page, found once per request; with the chrome cache on, once per
    generation of the home page (which every publish, move and deletion moves)."""
    request = context.get("request")
    pages = getattr(request, "_feedback_pages", None)
    if pages is None:
        pages = remembered("feedback-pages", _find_pages, section="")
        if request is not None:
            request._feedback_pages = pages
    return pages


def _url(context, model, **params):
    page = _pages(context).get(model)
    if page is None:
        return ""
    url = page.get_url(context.get("request"))
    query = urlencode({k: v for k, v in params.items() if v})
    return f"{url}?{query}" if query else url


@register.simple_tag(takes_context=True)
def feedback_page_url(context, procedure=None, document=None):
    return _url(context, FeedbackPage, thu_tuc=getattr(procedure, "code", ""), van_ban=getattr(document, "pk", ""))


@register.inclusion_tag("feedback/includes/procedure_questions.html", takes_context=True)
def procedure_questions(context, procedure):
    """The newest answered questions about the procedure: kept with its page's other parts (a published
    question purges the procedure's section: feedback.wagtail_hooks)."""

    def build():
        return list(
            public(QuestionPage.objects.live())
            .filter(procedure=procedure)
            .order_by("-answered_on", "-pk")
            .only("title", "url_path", "path", "depth", "answered_on")[: FAQ_SHOWN + 1]
        )

    questions = for_page(context.get("request"), procedure, "procedure-questions", build)
    return {
        "request": context.get("request"),
        "questions": questions[:FAQ_SHOWN],
        "more_url": _url(context, QuestionIndexPage, thu_tuc=procedure.code) if len(questions) > FAQ_SHOWN else "",
        "form_url": _url(context, FeedbackPage, thu_tuc=procedure.code),
    }


@register.inclusion_tag("feedback/includes/document_feedback.html", takes_context=True)
def document_feedback(context, document):
    return {"form_url": _url(context, FeedbackPage, van_ban=document.pk)}


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
