from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages

from procedures.reform import upload

MAX_UPLOAD_BYTES = 5 * 1024 * 1024


def can_post(user, model):
    opts = model._meta
    return all(user.has_perm(f"{opts.app_label}.{action}_{opts.model_name}") for action in ("add", "change"))


def can_publish(user, model):
    return user.has_perm(f"{model._meta.app_label}.publish_{model._meta.model_name}")


def allowed_specs(user):
    return [spec for spec in upload.SPECS.values() if can_post(user, spec.model)]


class UploadForm(forms.Form):
    kind = forms.ChoiceField(label=_("Loại số liệu"))
    file = forms.FileField(label=_("Tệp số liệu (.xlsx hoặc .csv)"))
    publish = forms.BooleanField(label=_("Xuất bản ngay"), required=False, initial=True)

    def __init__(self, *args, specs, may_publish, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [(spec.slug, spec.title) for spec in specs]
        if not may_publish:
            del self.fields["publish"]

    def clean_file(self):
        file = self.cleaned_data["file"]
        if file.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(gettext("Tệp lớn hơn 5 MB."))
        if not file.name.lower().endswith((".xlsx", ".csv")):
            raise forms.ValidationError(gettext("Chỉ nhận tệp .xlsx hoặc .csv."))
        return file


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
    return TemplateResponse(request, "procedures/admin/upload_figures.html", context, status=status)


def template_view(request, slug):
    spec = upload.SPECS.get(slug)
    if spec is None or not can_post(request.user, spec.model):
        raise PermissionDenied
    response = HttpResponse(
        upload.template_workbook(spec), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="mau-{slug}.xlsx"'
    return response
