"""Anonymous endpoints behind the cached pages: the hit beacon (and its pixel), the counts as JSON,
star ratings and reader comments. Every write checks its origin, its size and its rate."""

import logging

from django import forms
from django.core import signing
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import Count, Q, Sum
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.formats import number_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST
from wagtail.models import Page

from portal.engagement import counters, pages
from portal.engagement.identity import (
    VOTER_COOKIE,
    cookie_voter_id,
    daily_visitor_id,
    is_counted,
    remember_voter,
    same_origin,
    voter_cookie_token,
)
from portal.engagement.models import COMMENT_MAX_LENGTH, Comment, Rating, average_stars
from portal.models import SiteSettings
from portal.web.client import address_block, over_limit
from portal.web.input import body_over

log = logging.getLogger(__name__)

MAX_BODY = 16 * 1024
STATS_LIFETIME = 10
MIN_FILL_SECONDS = 3
# A comment form is good for 15 minutes: a harvested token cannot be replayed for long, and script
# refreshes it before sending a comment written over a longer time (static/js/engagement.js); without
# script an expired form comes back with the reader's text and a fresh token.
FORM_MAX_AGE = 15 * 60
# Writes per client address (IPv4, or an IPv6 /64), whatever the user agent; README explains the numbers.
HIT_LIMITS = [("hit-address", "600/m")]
HIT_VISITOR_LIMIT = ("hit-visitor", "120/m")
RATE_LIMITS = [("rate-address", "30/h")]
RATE_LIMITS_PER_PAGE = [("rate-address-page", "5/h")]
COMMENT_LIMITS = [("comment-address", "3/10m"), ("comment-address-day", "20/d")]
PIXEL = (
    b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00,"
    b"\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
)
STARS_ERROR = _("Hãy chọn từ 1 đến 5 sao.")
form_signer = signing.TimestampSigner(salt="engagement.comment-form")


def _wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


def _refuse(request, status, message):
    if _wants_json(request):
        return JsonResponse({"error": str(message)}, status=status)
    return render(request, "engagement/refused.html", {"message": message}, status=status)


def _page(raw):
    try:
        page_id = int(raw)
    except (TypeError, ValueError):
        return None
    if not 0 < page_id < 2**31:
        return None
    return Page.objects.live().public().filter(pk=page_id).specific().first()


def _countable_page(raw):
    """The page id a hit names, and whether it may count for it (no page named: the site only)."""
    if raw in (None, ""):
        return None, True
    try:
        page_id = int(raw)
    except (TypeError, ValueError):
        return None, False
    if not 0 < page_id < 2**31:
        return None, False
    return page_id, pages.countable(page_id)


def _too_fast(request):
    return _refuse(request, 429, _("Bạn thao tác quá nhanh; vui lòng thử lại sau ít phút."))


def _write_guard(request, limits):
    """The checks every anonymous write shares; returns a refusal or None."""
    refusal = _origin_guard(request)
    if refusal is None and over_limit(request, limits):
        return _too_fast(request)
    return refusal


def _origin_guard(request):
    if body_over(request, MAX_BODY):
        return _refuse(request, 413, _("Nội dung gửi lên quá lớn."))
    if not same_origin(request):
        return _refuse(request, 403, _("Yêu cầu không xuất phát từ cổng thông tin này."))
    return None


def _count(request, raw_page, address_limits):
    """Count one page load (limits, visit, counters and online set in one store call); returns a refusal or None."""
    page_id, countable = _countable_page(raw_page)
    today = timezone.localdate()
    hit = counters.Hit(
        day=today,
        page_id=page_id,
        address=address_block(request),
        address_limits=address_limits,
        visitor=daily_visitor_id(request, today) if countable and is_counted(request) else None,
        visitor_limit=HIT_VISITOR_LIMIT,
        member=request.user.is_authenticated,
    )
    over, generation = counters.call("record_hit", request, hit)
    pages.follow(generation)
    if over == counters.OVER_ADDRESS_LIMIT:
        return _too_fast(request)
    if not countable:
        return _refuse(request, 404, _("Trang không tồn tại hoặc chưa xuất bản."))
    if over == counters.OVER_VISITOR_LIMIT:
        return _refuse(request, 429, _("Quá nhiều lượt xem từ một người trong thời gian ngắn."))
    return None


@csrf_exempt
@require_POST
def hit(request):
    refusal = _origin_guard(request) or _count(request, request.POST.get("page"), HIT_LIMITS)
    return refusal or HttpResponse(status=204)


@require_GET
def pixel(request):
    """The beacon for browsers without JavaScript: a 1×1 GIF that is never cached."""
    refusal = _count(request, request.GET.get("p"), [])
    response = HttpResponse(PIXEL, content_type="image/gif", status=refusal.status_code if refusal else 200)
    response["Cache-Control"] = "no-store"
    return response


def rating_summary(page_id):
    summary = Rating.objects.filter(page_id=page_id).aggregate(total=Sum("stars"), count=Count("id"))
    average = average_stars(summary["total"], summary["count"])
    return {
        "average": float(average) if average is not None else None,
        "count": summary["count"],
        "average_text": number_format(average, 1, use_l10n=True) if average is not None else "–",
    }


def _site_figures(request, today):
    key = f"engagement:site:{today.isoformat()}"
    figures = cache.get(key)
    if figures is None:
        settings_row = SiteSettings.for_request(request)
        guests, members = counters.call("online", timezone.now())
        visits = counters.totals(None, today)
        figures = {
            "online": guests + members,
            "online_guests": guests,
            "online_members": members,
            "visits_today": visits["visits_today"],
            "visits_month": visits["visits_month"],
            "visits_total": settings_row.legacy_visit_count + visits["visits_total"],
        }
        cache.set(key, figures, STATS_LIFETIME)
    return figures


def _page_figures(page, today):
    key = f"engagement:page:{page.pk}"
    figures = cache.get(key)
    if figures is None:
        legacy = getattr(page, "legacy_view_count", 0) or 0
        figures = {"views": legacy + counters.totals(page.pk, today)["page_views"], "rating": rating_summary(page.pk)}
        cache.set(key, figures, STATS_LIFETIME)
    return figures


@require_GET
def figures(request):
    """Counts for the sidebar and the page, shared caches may keep them briefly; a visitor who has voted
    (voter cookie) also gets their own stars back, in a private answer, so a reload shows their rating."""
    today = timezone.localdate()
    data = {"site": _site_figures(request, today), "form_token": new_form_token()}
    personal = False
    if request.GET.get("p"):
        page = _page(request.GET["p"])
        if page is None:
            return _refuse(request, 404, _("Trang không tồn tại hoặc chưa xuất bản."))
        data["page"] = _page_figures(page, today)
        if request.COOKIES.get(VOTER_COOKIE):
            personal = True
            mine = Rating.objects.filter(page=page, cookie_voter_id=cookie_voter_id(voter_cookie_token(request))).values_list(
                "stars", flat=True
            )
            data["page"] = {**data["page"], "yours": mine.first()}
    response = JsonResponse(data)
    response["Cache-Control"] = f"{'private' if personal else 'public'}, max-age={STATS_LIFETIME}"
    patch_vary_headers(response, ["Cookie"])
    return response


class RatingForm(forms.Form):
    page = forms.IntegerField(min_value=1, max_value=2**31 - 1)
    stars = forms.TypedChoiceField(choices=[(str(n), str(n)) for n in range(1, 6)], coerce=int)


def _engaged(page, flag):
    return page is not None and getattr(page.specific_class, flag, False)


def _record_vote(page, cookie_id, daily_id, stars):
    """One row per visitor and page, whatever arrives in parallel: the database's unique constraints on
    (page, cookie voter id) and (page, daily visitor id) decide, never a check-then-insert."""
    mine = Rating.objects.filter(page=page).filter(Q(cookie_voter_id=cookie_id) | Q(daily_visitor_id=daily_id))
    if mine.update(stars=stars, updated_at=timezone.now()):
        return
    try:
        with transaction.atomic():
            Rating.objects.create(page=page, cookie_voter_id=cookie_id, daily_visitor_id=daily_id, stars=stars)
    except IntegrityError:
        mine.update(stars=stars, updated_at=timezone.now())


@csrf_exempt
@require_POST
def rate(request):
    refusal = _write_guard(request, RATE_LIMITS)
    if refusal:
        return refusal
    form = RatingForm(request.POST)
    if not form.is_valid():
        if "stars" in form.errors:
            return _refuse(request, 400, STARS_ERROR)
        return _refuse(request, 400, _("Thiếu trang được đánh giá."))
    page = _page(form.cleaned_data["page"])
    if not _engaged(page, "accepts_ratings"):
        return _refuse(request, 404, _("Trang không tồn tại, chưa xuất bản hoặc không nhận đánh giá."))
    if over_limit(request, RATE_LIMITS_PER_PAGE, page.pk):
        return _too_fast(request)
    token, stars = voter_cookie_token(request), form.cleaned_data["stars"]
    _record_vote(page, cookie_voter_id(token), daily_visitor_id(request), stars)
    cache.delete(f"engagement:page:{page.pk}")
    if _wants_json(request):
        response = JsonResponse({**rating_summary(page.pk), "yours": stars})
    else:
        response = HttpResponseRedirect(f"{page.url}?da-danh-gia={stars}#danh-gia", status=303)
    return remember_voter(request, response, token)


class CommentForm(forms.ModelForm):
    website = forms.CharField(required=False)
    token = forms.CharField(required=False)

    class Meta:
        model = Comment
        fields = ["name", "email", "text"]
        error_messages = {
            "name": {"required": _("Vui lòng nhập họ tên."), "max_length": _("Họ tên tối đa 100 ký tự.")},
            "text": {
                "required": _("Vui lòng nhập nội dung ý kiến."),
                "max_length": _("Ý kiến tối đa %(max)s ký tự.") % {"max": COMMENT_MAX_LENGTH},
            },
            "email": {"invalid": _("Địa chỉ thư điện tử không hợp lệ.")},
        }

    def clean_text(self):
        text = "".join(ch for ch in self.cleaned_data["text"] if ch in "\n\t" or ch.isprintable()).strip()
        if len(text) < 5:
            raise forms.ValidationError(_("Ý kiến quá ngắn."))
        return text

    def token_problem(self):
        """Why the form's time stamp refuses the comment (forged, filled too fast, open too long), or None."""
        try:
            issued = int(form_signer.unsign(self.cleaned_data.get("token") or ""))
        except (signing.BadSignature, ValueError):
            return "forged"
        age = timezone.now().timestamp() - issued
        if age < MIN_FILL_SECONDS:
            return "too-fast"
        return "expired" if age > FORM_MAX_AGE else None


def new_form_token():
    return form_signer.sign(str(int(timezone.now().timestamp())))


def _expired(request, page, form):
    message = _("Biểu mẫu đã mở quá lâu (quá %(minutes)s phút) nên ý kiến chưa được gửi; vui lòng bấm gửi lại.") % {
        "minutes": FORM_MAX_AGE // 60
    }
    if _wants_json(request):
        return JsonResponse({"error": str(message), "form_token": new_form_token()}, status=400)
    context = {"message": message, "article": page, "form": form, "token": new_form_token()}
    return render(request, "engagement/comment_again.html", context, status=400)


@csrf_exempt
@require_POST
def comment(request):
    refusal = _write_guard(request, COMMENT_LIMITS)
    if refusal:
        return refusal
    page = _page(request.POST.get("page"))
    if not _engaged(page, "accepts_comments"):
        return _refuse(request, 404, _("Bài viết không tồn tại, chưa xuất bản hoặc không nhận ý kiến."))
    form = CommentForm(request.POST)
    if not form.is_valid():
        return _refuse(request, 400, " ".join(str(e) for errors in form.errors.values() for e in errors))
    problem = form.token_problem()
    if problem == "expired" and not form.cleaned_data["website"]:
        return _expired(request, page, form)
    if form.cleaned_data["website"] or problem:
        log.info("Comment dropped by spam checks on page %s", page.pk)
        return _refuse(request, 400, _("Ý kiến chưa được gửi: vui lòng đọc bài và thử gửi lại sau giây lát."))
    saved = form.save(commit=False)
    saved.page, saved.daily_visitor_id = page, daily_visitor_id(request)
    saved.save()
    message = gettext("Cảm ơn bạn! Ý kiến sẽ hiển thị sau khi được ban biên tập duyệt.")
    if _wants_json(request):
        return JsonResponse({"status": "pending", "message": message}, status=201)
    return HttpResponseRedirect(f"{page.url}?y-kien=cho-duyet#y-kien", status=303)
