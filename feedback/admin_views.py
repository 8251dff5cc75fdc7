"""The staff side in the Wagtail admin: the list of submissions, one submission with its history and the
actions the user may take, attachments, the report, and personal-data requests."""

import json

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Case, DateField, F, Value, When
from django.http import FileResponse, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn, TitleColumn
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.views.reports import ReportView
from wagtail.admin.widgets.button import HeaderButton

from feedback import admin_forms, figures, notifications, permissions, privacy, workflow
from feedback.choices import AT_AGENCY, Kind, Status
from feedback.forms import LineField
from feedback.models import Attachment, Submission
from procedures.models import AgencyPage


class OverdueFilter(django_filters.BooleanFilter):
    def filter(self, queryset, value):
        if value is None:
            return queryset
        overdue = queryset.overdue()
        return overdue if value else queryset.exclude(pk__in=overdue.values("pk"))


class SubmissionFilterSet(WagtailFilterSet):
    status = django_filters.MultipleChoiceFilter(
        label=gettext_lazy("Trạng thái"), choices=Status.choices, widget=forms.CheckboxSelectMultiple
    )
    kind = django_filters.ChoiceFilter(label=gettext_lazy("Loại"), choices=Kind.choices, empty_label=gettext_lazy("Tất cả"))
    agency = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Cơ quan xử lý"), queryset=AgencyPage.objects.order_by("title"), empty_label=gettext_lazy("Tất cả")
    )
    overdue = OverdueFilter(label=gettext_lazy("Quá hạn"))
    year = django_filters.NumberFilter(label=gettext_lazy("Năm tiếp nhận"), field_name="received_at__year")

    class Meta:
        model = Submission
        fields = []

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        if request is not None and not permissions.is_office(request.user):
            self.filters["agency"].queryset = AgencyPage.objects.filter(
                pk__in=permissions.answerable_agency_ids(request.user)
            ).order_by("title")


class DueColumn(Column):
    cell_template_name = "feedback/admin/due_cell.html"


class SubmissionIndexView(IndexView):
    filterset_class = SubmissionFilterSet
    search_fields = ["code", "subject"]
    default_ordering = "-received_at"
    list_per_page = 30

    @property
    def columns(self):
        return [
            TitleColumn(
                "code", label=_("Mã"), get_url=lambda s: reverse("feedback_submission:inspect", args=[s.pk]), sort_key="code"
            ),
            Column("subject", label=_("Tiêu đề")),
            Column("get_kind_display", label=_("Loại")),
            Column("agency", label=_("Cơ quan xử lý")),
            StatusTagColumn(
                "get_status_display",
                label=_("Trạng thái"),
                sort_key="status",
                primary=lambda s: s.status in (Status.NEW, *AT_AGENCY),
            ),
            DateColumn("received_at", label=_("Tiếp nhận"), sort_key="received_at"),
            DueColumn("current_due", label=_("Hạn bước hiện tại"), sort_key="due"),
        ]

    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if self.request.user.has_perm(permissions.TRIAGE):
            buttons.append(
                HeaderButton(_("Nhập phản ánh nhận qua điện thoại, thư"), url=reverse("feedback_intake"), icon_name="plus")
            )
        return buttons

    def get_valid_orderings(self):
        return ["code", "-code", "status", "-status", "received_at", "-received_at", "due", "-due"]

    def get_base_queryset(self):
        due = Case(
            When(status=Status.NEW, then=F("triage_due")),
            When(status__in=AT_AGENCY, then=F("answer_due")),
            When(status=Status.ANSWERED, then=F("approve_due")),
            default=Value(None),
            output_field=DateField(),
        )
        return permissions.visible(self.request.user, Submission.objects.select_related("agency")).annotate(due=due)


class SubmissionInspectView(InspectView):
    """One submission: what was sent, who handles it, the deadlines, the history and the allowed actions.
    A POST to `<pk>/thao-tac/<action>/` takes an action; the same checks decide the buttons and the POST."""

    template_name = "feedback/admin/inspect.html"
    page_title = gettext_lazy("Phản ánh, kiến nghị")
    http_method_names = ["get", "post"]

    def get_object(self, queryset=None):
        submission = get_object_or_404(
            Submission.objects.select_related(
                "agency", "procedure", "document", "field", "duplicate_of", "question_page", "concerned_agency"
            ),
            pk=self.pk,
        )
        if not permissions.can_view(self.request.user, submission):
            raise PermissionDenied
        return submission

    def get_page_subtitle(self):
        return self.object.code

    def get_fields(self):
        return []  # the template lays the submission out itself

    def post(self, request, *args, **kwargs):
        action = kwargs.get("action")
        if action not in admin_forms.FORMS:
            raise PermissionDenied
        if not permissions.can(request.user, action, self.object):
            raise PermissionDenied
        form = admin_forms.form_for(action, self.object, request.POST)
        if not form.is_valid():
            context = self.get_context_data(failed={action: form})
            return self.render_to_response(context, status=400)
        try:
            workflow.perform(request.user, self.object, action, form.cleaned_data)
        except workflow.ActionRefused as exc:
            messages.error(request, str(exc))
            return self.render_to_response(self.get_context_data(failed={action: form}), status=400)
        messages.success(request, _("Đã thực hiện: %(action)s.") % {"action": admin_forms.LABELS[action]})
        return HttpResponseRedirect(reverse("feedback_submission:inspect", args=[self.object.pk]))

    def get_context_data(self, failed=None, **kwargs):
        context = super().get_context_data(**kwargs)
        user, submission = self.request.user, self.object
        failed = failed or {}
        actions = [
            {
                "name": name,
                "label": admin_forms.LABELS[name],
                "form": failed.get(name) or admin_forms.form_for(name, submission),
                "url": reverse("feedback_submission:action", args=[submission.pk, name]),
                "open": name in failed,
            }
            for name in permissions.allowed_actions(user, submission)
        ]
        personal = permissions.sees_personal_data(user, submission)
        context.update(
            submission=submission,
            personal=personal,
            attachments=list(submission.attachments.all()) if personal else [],
            attachment_count=submission.attachments.count() if not personal else None,
            events=list(submission.events.select_related("agency")),
            actions=actions,
            overdue=submission.is_overdue(),
            today=timezone.localdate(),
            duplicates=list(submission.duplicates.only("code", "subject", "status")),
        )
        return context


@require_http_methods(["GET"])
def attachment_view(request, pk):
    """An attachment, for those who may see the sender's personal data; downloaded, never rendered by the browser."""
    attachment = get_object_or_404(Attachment.objects.select_related("submission"), pk=pk)
    if not permissions.sees_personal_data(request.user, attachment.submission):
        raise PermissionDenied  # attachments often show people, papers or addresses
    response = FileResponse(
        attachment.file.open("rb"), as_attachment=True, filename=attachment.name, content_type=attachment.content_type
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


class ReportFilterSet(WagtailFilterSet):
    theo = django_filters.ChoiceFilter(
        label=gettext_lazy("Thống kê theo"),
        choices=[("agency", gettext_lazy("Cơ quan")), ("field", gettext_lazy("Lĩnh vực")), ("month", gettext_lazy("Tháng"))],
        method="group_only",
        empty_label=None,
        null_label=None,
    )
    received_from = django_filters.DateFilter(
        label=gettext_lazy("Tiếp nhận từ ngày"), field_name="received_at", lookup_expr="date__gte"
    )
    received_to = django_filters.DateFilter(
        label=gettext_lazy("Tiếp nhận đến ngày"), field_name="received_at", lookup_expr="date__lte"
    )
    agency = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Cơ quan xử lý"), queryset=AgencyPage.objects.order_by("title"), empty_label=gettext_lazy("Tất cả")
    )
    kind = django_filters.ChoiceFilter(label=gettext_lazy("Loại"), choices=Kind.choices, empty_label=gettext_lazy("Tất cả"))

    class Meta:
        model = Submission
        fields = []

    def group_only(self, queryset, name, value):
        return queryset


class FeedbackReportView(ReportView):
    """Received, answered, answered on time and overdue by agency, field or month, with CSV and XLSX."""

    page_title = gettext_lazy("Báo cáo phản ánh, kiến nghị")
    header_icon = "doc-full"
    filterset_class = ReportFilterSet
    index_url_name = "feedback_report"
    index_results_url_name = "feedback_report_results"
    paginate_by = None
    list_export = [
        "label",
        "received",
        "answered",
        "on_time",
        "on_time_rate",
        "late",
        "open_overdue",
        "open_in_time",
        "not_accepted",
    ]
    export_headings = {
        "label": gettext_lazy("Nhóm"),
        "received": gettext_lazy("Tiếp nhận"),
        "answered": gettext_lazy("Đã trả lời"),
        "on_time": gettext_lazy("Trả lời đúng hạn"),
        "on_time_rate": gettext_lazy("Tỷ lệ đúng hạn (%)"),
        "late": gettext_lazy("Trả lời quá hạn"),
        "open_overdue": gettext_lazy("Chưa trả lời, quá hạn"),
        "open_in_time": gettext_lazy("Chưa trả lời, trong hạn"),
        "not_accepted": gettext_lazy("Không tiếp nhận, trùng"),
    }

    @property
    def columns(self):
        return [Column(name, label=self.export_headings[name]) for name in self.list_export]

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(permissions.REPORT):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return Submission.objects.all()

    def get_filtered_queryset(self):
        submissions = self.filter_queryset(self.get_queryset())
        by = "agency"
        if self.filters and self.filters.is_valid():
            by = self.filters.form.cleaned_data.get("theo") or "agency"
        rows = figures.grouped(submissions, by)
        return [row for _key, _label, row in rows] + ([figures.total(rows, _("Tổng cộng"))] if rows else [])

    def get_filename(self):
        return f"bao-cao-pakn-{timezone.localdate():%Y%m%d}"


@require_http_methods(["GET", "POST"])
def intake_view(request):
    """The reform office types in feedback received by telephone, letter or in person."""
    if not request.user.has_perm(permissions.TRIAGE):
        raise PermissionDenied
    form = admin_forms.IntakeForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        from feedback.models import FeedbackPage
        from feedback.public import privacy_notice

        page = FeedbackPage.objects.first()
        notice = privacy_notice(page) if page is not None else ""
        submission, secret = workflow.receive(form.cleaned_data, form.cleaned_data["attachments"], notice, user=request.user)
        notifications.send_receipt(submission, secret)
        return TemplateResponse(request, "feedback/admin/intake.html", {"submission": submission, "secret": secret})
    return TemplateResponse(request, "feedback/admin/intake.html", {"form": form}, status=400 if form.is_bound else 200)


class ContactForm(forms.Form):
    contact = LineField(label=gettext_lazy("Thư điện tử hoặc số điện thoại của người yêu cầu"), max_length=254)


@require_http_methods(["GET", "POST"])
def personal_data_view(request):
    """A data subject's request: find what is held about them, export it as JSON, or erase it."""
    if not request.user.has_perm(permissions.PERSONAL_DATA):
        raise PermissionDenied
    form = ContactForm(request.GET or request.POST or None)
    found = None
    if form.is_bound and form.is_valid():
        contact = form.cleaned_data["contact"]
        found = Submission.objects.for_contact(email=contact if "@" in contact else "", phone="" if "@" in contact else contact)
        if request.method == "POST" and request.POST.get("do") == "export":
            data = privacy.export(found, request.user)
            response = HttpResponse(
                json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json; charset=utf-8"
            )
            response["Content-Disposition"] = f'attachment; filename="du-lieu-ca-nhan-pakn-{timezone.localdate():%Y%m%d}.json"'
            response["Cache-Control"] = "private, no-store"
            return response
        if request.method == "POST" and request.POST.get("do") == "erase":
            count = 0
            for submission in found:
                privacy.anonymise(submission, request.user, note=_("Xóa dữ liệu cá nhân theo yêu cầu của chủ thể dữ liệu."))
                count += 1
            messages.success(request, _("Đã ẩn danh hóa %(n)s phản ánh.") % {"n": count})
            return HttpResponseRedirect(reverse("feedback_personal_data"))
    elif request.method == "POST":
        return TemplateResponse(request, "feedback/admin/personal_data.html", {"form": form}, status=400)
    return TemplateResponse(
        request,
        "feedback/admin/personal_data.html",
        {"form": form, "found": list(found.select_related("agency")) if found is not None else None},
        status=400 if form.is_bound and not form.is_valid() else 200,
    )
