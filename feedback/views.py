"""The anonymous endpoints behind the cached pages: sending feedback, looking it up, a fresh form token and
an agency's procedures. Like the engagement endpoints they check origin, size and rate (per client
address), and refuse with a Vietnamese message and a 4xx."""

import hashlib
import hmac
import logging

from django.conf import settings
from django.core.cache import cache
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from feedback import conf, notifications, public, workflow
from feedback.forms import LookupForm, SubmissionForm, issue_token
from feedback.models import FeedbackPage, Submission
from portal.engagement.identity import same_origin
from portal.web.client import client_address, over_limit
from portal.web.input import body_over
from procedures.models import AgencyPage, ProcedurePage

log = logging.getLogger(__name__)
LOOKUP_MAX_BODY = 16 * 1024
FORM_OVERHEAD = 256 * 1024
DUPLICATE_SECONDS = 3600


def address_key(request):
    """The client's address as a keyed hash: rate limits never keep the address itself."""
    material = f"feedback:{client_address(request)}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), material, hashlib.sha256).hexdigest()[:32]


def refuse(request, status, message):
    if "application/json" in request.headers.get("Accept", ""):
        return JsonResponse({"error": str(message)}, status=status)
    response = render(request, "feedback/refused.html", {"message": message}, status=status)
    response["Cache-Control"] = public.NO_STORE
    return response


def _guard(request, max_body, bucket, limit):
    if body_over(request, max_body):
        return refuse(
            request,
            413,
            _("Nội dung gửi lên quá lớn: tổng dung lượng tệp đính kèm tối đa %(n)s MB.")
            % {"n": conf.get("FEEDBACK_MAX_TOTAL_SIZE") // (1024 * 1024)},
        )
    if not same_origin(request):
        return refuse(request, 403, _("Yêu cầu không xuất phát từ cổng thông tin này."))
    count, seconds = limit
    if over_limit(request, [(bucket, f"{count}/{seconds}s")]):
        return refuse(request, 429, _("Bạn thao tác quá nhiều lần trong thời gian ngắn; vui lòng thử lại sau ít phút."))
    return None


def _page():
    return FeedbackPage.objects.live().public().first()


def _picked(data):
    return public.picked_from(
        {"thu_tuc": data.get("procedure"), "van_ban": data.get("document"), "co_quan": data.get("concerned_agency")}
    )[0]


@csrf_exempt
@require_POST
def submit(request):
    refusal = _guard(request, conf.get("FEEDBACK_MAX_TOTAL_SIZE") + FORM_OVERHEAD, "feedback-attempt", (30, 600))
    if refusal:
        return refusal
    page = _page()
    if page is None:
        return refuse(request, 404, _("Cổng chưa mở chức năng gửi phản ánh, kiến nghị."))
    form = SubmissionForm(request.POST, request.FILES)
    problem = form.token_problem()
    if problem == "spam":
        log.info("Feedback dropped by the spam checks")
        return refuse(request, 400, _("Phản ánh chưa được gửi: vui lòng mở lại trang, điền biểu mẫu và gửi lại sau giây lát."))
    valid = form.is_valid()
    if not valid or problem == "expired":
        notice = _("Biểu mẫu đã mở quá lâu; vui lòng kiểm tra lại và bấm “Gửi” một lần nữa.") if problem == "expired" else ""
        if not valid and request.FILES:
            notice = " ".join([notice, _("Vì lý do an toàn, vui lòng chọn lại tệp đính kèm.")]).strip()
        # the sender has filled the form once: a correction sent quickly must not look like a robot
        token = form.data["token"] if problem is None else issue_token(age=conf.get("FEEDBACK_MIN_FILL_SECONDS"))
        response = public.render_form(page, request, form, _picked(request.POST), status=400, notice=notice, token=token)
        response["Cache-Control"] = public.NO_STORE
        return response
    key, data = address_key(request), form.cleaned_data
    fingerprint = hmac.new(
        settings.SECRET_KEY.encode(), f"{key}|{data['subject']}|{data['content']}".encode(), hashlib.sha256
    ).hexdigest()[:32]
    earlier = cache.get(f"feedback:sent:{fingerprint}")
    if earlier:  # a second click or a reload of the POST: nothing new to count or store
        response = render(request, "feedback/submitted.html", {"page": page, "self": page, "code": earlier, "repeated": True})
        response["Cache-Control"] = public.NO_STORE
        return response
    if over_limit(request, [(f"feedback-sent-{s}", f"{n}/{s}s") for n, s in conf.get("FEEDBACK_SUBMIT_LIMITS")]):
        return refuse(
            request, 429, _("Bạn đã gửi nhiều phản ánh trong thời gian ngắn; vui lòng thử lại sau hoặc gọi đường dây nóng.")
        )
    submission, secret = workflow.receive(data, data["attachments"], notice=public.privacy_notice(page))
    cache.set(f"feedback:sent:{fingerprint}", submission.code, DUPLICATE_SECONDS)
    mailed = bool(notifications.send_receipt(submission, secret))
    context = {"page": page, "self": page, "code": submission.code, "secret": secret, "submission": submission, "mailed": mailed}
    response = render(request, "feedback/submitted.html", context, status=201)
    response["Cache-Control"] = public.NO_STORE
    return response


@csrf_exempt
@require_POST
def lookup(request):
    refusal = _guard(request, LOOKUP_MAX_BODY, "feedback-lookup", conf.get("FEEDBACK_LOOKUP_LIMIT"))
    if refusal:
        return refusal
    page = _page()
    if page is None:
        return refuse(request, 404, _("Cổng chưa mở chức năng tra cứu phản ánh, kiến nghị."))
    form = LookupForm(request.POST)
    if not form.is_valid():
        return public.render_lookup(page, request, form, status=400)
    code, proof = form.cleaned_data["code"], form.cleaned_data["proof"]
    failures, window = conf.get("FEEDBACK_LOOKUP_FAILURES")
    fail_key = f"feedback:lookup-failures:{code}"
    if (cache.get(fail_key) or 0) >= failures:
        error = _("Mã %(code)s đã bị tra cứu sai quá nhiều lần; vui lòng thử lại sau %(minutes)s phút.") % {
            "code": code,
            "minutes": window // 60,
        }
        return public.render_lookup(page, request, form, status=429, error=error)
    submission = Submission.objects.select_related("agency", "duplicate_of", "question_page").filter(code=code).first()
    if submission is None or not (submission.secret_matches(proof) or submission.contact_matches(proof)):
        cache.add(fail_key, 0, window)
        cache.incr(fail_key)
        error = _(
            "Không tìm thấy phản ánh với mã và thông tin đã nhập. Hãy kiểm tra lại mã, số điện thoại, thư điện tử hoặc mã bí mật."
        )
        return public.render_lookup(page, request, form, status=404, error=error)
    return public.render_lookup(page, request, LookupForm(), result=public.lookup_result(submission))


@require_GET
def token(request):
    """A fresh time stamp for the form on a cached page (the script asks when the page loads)."""
    response = JsonResponse({"token": issue_token()})
    response["Cache-Control"] = public.NO_STORE
    return response


@require_GET
def agency_procedures(request):
    """The live procedures of one agency, for the form's procedure list without a reload."""
    agency = AgencyPage.objects.live().public().filter(short_name=(request.GET.get("co_quan") or "")[:100]).first()
    if agency is None:
        return JsonResponse({"error": _("Không tìm thấy cơ quan đã chọn.")}, status=400)
    procedures = ProcedurePage.objects.live().public().child_of(agency).order_by("title", "pk").values_list("code", "title")
    response = JsonResponse({"procedures": [{"code": code, "title": title} for code, title in procedures]})
    response["Cache-Control"] = "public, max-age=300"
    return response
