"""The news listings with their date and tag filters, the RSS feeds and the document listing.

Each is called by its page model (`BasePage.serve_with`) with the page it serves.
"""

from django.core.paginator import Paginator
from django.template.response import TemplateResponse

from news.feeds import CategoryFeed
from news.forms import DocumentFilterForm, NewsFilterForm
from news.models import NewsIndexPage
from portal.engagement.selectors import most_viewed_recently
from portal.web.chrome import public

NEWS_PER_PAGE = 12
DOCUMENTS_PER_PAGE = 20


def listing(request, index):
    form = NewsFilterForm(request.GET or None)
    articles = index.articles()
    if form.is_valid():
        articles = form.filter(articles)
    context = {
        "filter_form": form,
        "articles": Paginator(articles, NEWS_PER_PAGE).get_page(request.GET.get("page")),
        "categories": public(index.get_children().live().type(NewsIndexPage)),
        "most_read": most_viewed_recently(index.articles()),
    }
    response = index.render(request, context_overrides=context)
    if form.errors:
        response.status_code = 400
    return response


def rss(request, index):
    return CategoryFeed(index)(request)


def documents(request, index):
    documents = index.documents()
    form = DocumentFilterForm(request.GET or None, documents=documents)
    documents = form.filter(documents) if form.is_valid() else documents.order_by("-date_issued", "-pk")
    documents = documents.prefetch_related("files__document")
    context = {"filter_form": form, "documents": Paginator(documents, DOCUMENTS_PER_PAGE).get_page(request.GET.get("page"))}
    response = TemplateResponse(request, index.get_template(request), {**index.get_context(request), **context})
    if form.errors:
        response.status_code = 400
    return response
