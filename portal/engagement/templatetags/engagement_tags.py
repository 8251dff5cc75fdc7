from django import template
from django.conf import settings

from portal.engagement.models import Comment, CommentStatus
from portal.engagement.views import new_form_token
from portal.web.chrome import for_page

register = template.Library()


@register.simple_tag
def engagement_enabled():
    return settings.ENGAGEMENT_WIDGETS


@register.inclusion_tag("engagement/page_tools.html", takes_context=True)
def page_tools(context, page):
    request = context.get("request")
    return {"page": page, "enabled": settings.ENGAGEMENT_WIDGETS, "rated": request.GET.get("da-danh-gia") if request else None}


@register.inclusion_tag("engagement/comments.html", takes_context=True)
def page_comments(context, page):
    """Approved comments with the editors' replies, and the form; the form's token is refreshed by script.
    The comments are kept with the page's other parts: approving, editing or deleting one purges its
    page's section (portal.signals)."""
    request = context.get("request")
    comments = Comment.objects.filter(page=page, status=CommentStatus.APPROVED).order_by("created_at")
    return {
        "page": page,
        "comments": for_page(request, page, "comments", lambda: list(comments.only("name", "text", "reply", "created_at"))),
        "token": new_form_token(),
        "sent": request is not None and request.GET.get("y-kien") == "cho-duyet",
    }
