"""The statistics page (overview and downloads) and the staff upload of figures in the admin."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext
from wagtail.admin import messages

from portal import tabular
from portal.web.chrome import public
from procedures.models import AgencyPage
from procedures.reform import dashboard, export, upload
from procedures.reform.forms import UploadForm


def _board(request):
    agencies = public(AgencyPage.objects.live()).only("title", "short_name", "agency_type").order_by("title")
    return dashboard.build(request.GET, agencies)


def _invalid(request, page, board):
    response = TemplateResponse(request, page.get_template(request), {**page.get_context(request), "board": board})
    response.status_code = 400
    return response


def overview(request, page):
    board = _board(request)
    if board.form.errors:
        return _invalid(request, page, board)
    return page.render(request, context_overrides={"board": board})


def download(request, page, fmt):
    if fmt not in export.FORMATS:
        raise Http404
    board = _board(request)
    if board.form.errors:
        return _invalid(request, page, board)
    content, content_type = export.FORMATS[fmt](board.tables)
    stem = f"thong-ke-{board.period.code.replace('/', '-') if board.period else 'trong'}"
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{stem}.{fmt}"'
    return response


def can_post(user, model):
    opts = model._meta
    return all(user.has_perm(f"{opts.app_label}.{action}_{opts.model_name}") for action in ("add", "change"))


def can_publish(user, model):
    return user.has_perm(f"{model._meta.app_label}.publish_{model._meta.model_name}")


def allowed_specs(user):
    return [spec for spec in upload.SPECS.values() if can_post(user, spec.model)]


def upload_view(request):
    """ "Nhập số liệu CCHC": choose the kind of figures, upload the file, see what was written or why not."""
    specs = allowed_specs(request.user)
    if not specs:
        raise PermissionDenied
    may_publish = all(can_publish(request.user, spec.model) for spec in specs)
    context = {"specs": specs, "errors": [], "outcome": None}
    status = 200
    if request.method == "POST":
        form = UploadForm(request.POST, request.FILES, specs=specs, may_publish=may_publish)
        if form.is_valid():
            spec = upload.SPECS[form.cleaned_data["kind"]]
            try:
                rows = upload.read_rows(form.cleaned_data["file"], spec)
            except upload.UploadError as exc:
                form.add_error("file", str(exc))
            else:
                outcome, errors = upload.import_rows(spec, rows, request.user, form.cleaned_data.get("publish", False))
                if errors:
                    context["errors"] = errors
                    context["spec"] = spec
                else:
                    messages.success(
                        request,
                        gettext("Đã nhập %(spec)s: %(created)s bản ghi mới, %(updated)s bản ghi cập nhật%(state)s.")
                        % {
                            "spec": spec.title,
                            "created": outcome.created,
                            "updated": outcome.updated,
                            "state": gettext(", đã xuất bản") if outcome.published else gettext(", lưu bản nháp"),
                        },
                    )
                    context["outcome"] = outcome
                    form = UploadForm(specs=specs, may_publish=may_publish)
        if form.errors or context["errors"]:
            status = 400
    else:
        form = UploadForm(specs=specs, may_publish=may_publish)
    context["form"] = form
    return TemplateResponse(request, "reform/admin/upload_figures.html", context, status=status)


def template_view(request, slug):
    spec = upload.SPECS.get(slug)
    if spec is None or not can_post(request.user, spec.model):
        raise PermissionDenied
    response = HttpResponse(upload.template_workbook(spec), content_type=tabular.XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="mau-{slug}.xlsx"'
    return response
