"""What citizens see: the form, the lookup and the list of published answers. The GET pages are the same
for every visitor (the page cache keeps them whole); the answers to POSTs are never cached."""

from django import forms
from django.conf import settings
from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from feedback import conf
from feedback.choices import ANSWERED_STATES, Status
from feedback.forms import LineField, LookupForm, SubmissionForm, issue_token
from feedback.models import QuestionPage
from feedback.uploads import ACCEPT_ATTRIBUTE
from news.models import DecisionPage
from portal.text import fold
from procedures.models import AgencyPage, ProcedureField, ProcedurePage

QUESTIONS_PER_PAGE = 20
NO_STORE = "no-store, private"


def retention_sentence():
    days = settings.FEEDBACK_RETENTION_DAYS
    return _(
        "Dữ liệu cá nhân được lưu giữ %(days)s ngày kể từ khi kết thúc xử lý, sau đó được ẩn danh hóa; "
        "tệp đính kèm được xóa cùng lúc."
    ) % {"days": days}


def privacy_notice(page):
    return f"{page.privacy_notice.strip()} {retention_sentence()}"


def _agencies():
    return list(AgencyPage.objects.live().public().only("title", "short_name", "path", "depth").order_by("title"))


def _agency_procedures(agency):
    return list(
        ProcedurePage.objects.live().public().child_of(agency).only("title", "code", "path", "depth").order_by("title", "pk")
    )


def picked_from(params):
    """The procedure, document and agency named in the query string (links from procedure and document
    pages), and what in it could not be found."""
    problems = []
    procedure = document = agency = None
    code = (params.get("thu_tuc") or "")[:50]
    if code:
        procedure = ProcedurePage.objects.live().public().filter(code=code).first()
        if procedure is None:
            problems.append(_("Không tìm thấy thủ tục có mã “%(code)s” trên cổng; bạn vẫn có thể gửi phản ánh.") % {"code": code})
    raw_document = (params.get("van_ban") or "")[:12]
    if raw_document:
        if raw_document.isdigit():
            document = DecisionPage.objects.live().public().filter(pk=int(raw_document)).first()
        if document is None:
            problems.append(_("Không tìm thấy văn bản đã chọn trên cổng; bạn vẫn có thể gửi phản ánh."))
    short_name = (params.get("co_quan") or "")[:100]
    if procedure is not None:
        agency = procedure.get_parent().specific
    elif short_name:
        agency = AgencyPage.objects.live().public().filter(short_name=short_name).first()
        if agency is None:
            problems.append(_("Không tìm thấy cơ quan đã chọn."))
    return {"procedure": procedure, "document": document, "agency": agency}, problems


def render_form(page, request, form, picked, problems=(), status=200, notice="", token=""):
    context = {
        "form": form,
        "token": token or issue_token(),
        "picked": picked,
        "agencies": _agencies(),
        "agency_procedures": _agency_procedures(picked["agency"]) if picked["agency"] and not picked["procedure"] else [],
        "problems": problems,
        "notice": notice,
        "privacy_notice": privacy_notice(page),
        "accept": ACCEPT_ATTRIBUTE,
        "max_files": conf.get("FEEDBACK_MAX_FILES"),
        "max_file_mb": conf.get("FEEDBACK_MAX_FILE_SIZE") // (1024 * 1024),
    }
    response = page.render(request, template="feedback/feedback_page.html", context_overrides=context)
    response.status_code = status
    return response


def form_page(request, page):
    picked, problems = picked_from(request.GET)
    initial = {
        "procedure": picked["procedure"].code if picked["procedure"] else None,
        "document": picked["document"].pk if picked["document"] else None,
        "concerned_agency": picked["agency"].short_name if picked["agency"] else None,
    }
    return render_form(page, request, SubmissionForm(initial=initial), picked, problems, status=400 if problems else 200)


def lookup_page(request, page):
    return render_lookup(page, request, LookupForm())


def render_lookup(page, request, form, result=None, status=200, error=""):
    context = {"form": form, "result": result, "error": error}
    response = page.render(request, template="feedback/lookup.html", context_overrides=context)
    response.status_code = status
    if request.method == "POST":
        response["Cache-Control"] = NO_STORE
    return response


def lookup_result(submission):
    """What the sender may see: the public steps and, once approved, the answer; never staff names."""
    events = list(submission.events.filter(public=True).order_by("at", "pk"))
    answer_of = submission
    if submission.status == Status.MERGED and submission.duplicate_of is not None:
        answer_of = submission.duplicate_of
    answered = answer_of.approved_at is not None and answer_of.status in ANSWERED_STATES
    question_page = answer_of.question_page if answer_of.status == Status.PUBLISHED else None
    return {
        "submission": submission,
        "events": events,
        "answer": answer_of.answer if answered else "",
        "answer_of": answer_of,
        "question_page": question_page if question_page is not None and question_page.live else None,
    }


class QuestionFilterForm(forms.Form):
    q = LineField(label=gettext_lazy("Từ khóa"), required=False, max_length=200)
    linh_vuc = forms.ChoiceField(label=gettext_lazy("Lĩnh vực"), required=False)
    co_quan = forms.ChoiceField(label=gettext_lazy("Cơ quan"), required=False)
    nam = forms.ChoiceField(label=gettext_lazy("Năm"), required=False)
    thu_tuc = forms.RegexField(label=gettext_lazy("Thủ tục"), regex=r"^[\w.-]{1,50}$", required=False)

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.fields:
            self.fields[name].error_messages["invalid_choice"] = _("Giá trị lọc không hợp lệ.")
        self.fields["thu_tuc"].error_messages["invalid"] = _("Mã thủ tục không hợp lệ.")
        self.fields["q"].error_messages["max_length"] = _("Từ khóa quá dài (tối đa %(limit_value)d ký tự).")
        fields = ProcedureField.objects.filter(pk__in=questions.values("field_id")).order_by("name")
        agencies = AgencyPage.objects.filter(pk__in=questions.values("agency_id")).order_by("title")
        years = sorted({d.year for d in questions.dates("answered_on", "year")}, reverse=True)
        self.fields["linh_vuc"].choices = [("", _("Tất cả")), *((f.slug, f.name) for f in fields)]
        self.fields["co_quan"].choices = [("", _("Tất cả")), *((a.short_name, a.title) for a in agencies)]
        self.fields["nam"].choices = [("", _("Tất cả")), *((str(y), str(y)) for y in years)]

    def filter(self, questions):
        data = self.cleaned_data
        if data["linh_vuc"]:
            questions = questions.filter(field__slug=data["linh_vuc"])
        if data["co_quan"]:
            questions = questions.filter(agency__short_name=data["co_quan"])
        if data["nam"]:
            questions = questions.filter(answered_on__year=int(data["nam"]))
        if data["thu_tuc"]:
            questions = questions.filter(procedure__code=data["thu_tuc"])
        for word in fold(data["q"]).split()[:10]:
            questions = questions.filter(search_text__contains=word)
        return questions


def question_list(request, index):
    questions = QuestionPage.objects.live().public().child_of(index)
    form = QuestionFilterForm(request.GET or None, questions=questions)
    status = 200
    procedure = None
    if form.is_bound and not form.is_valid():
        status = 400
        shown = questions.none()
    else:
        shown = form.filter(questions) if form.is_bound else questions
        if form.is_bound and form.cleaned_data["thu_tuc"]:
            procedure = ProcedurePage.objects.filter(code=form.cleaned_data["thu_tuc"]).only("title", "code").first()
    shown = shown.select_related("agency", "field", "procedure").order_by("-answered_on", "-pk")
    context = {
        "filter_form": form,
        "questions": Paginator(shown, QUESTIONS_PER_PAGE).get_page(request.GET.get("trang")),
        "filter_procedure": procedure,
        "filtered": form.is_bound and any(form.data.get(k) for k in form.fields),
    }
    return TemplateResponse(request, index.get_template(request), {**index.get_context(request), **context}, status=status)
