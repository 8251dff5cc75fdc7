"""Procedure import and export in the admin: upload, report, confirm, progress, result; export per agency.

Who may do what is decided here, on the server: admins and the reform office for every agency, a
department's group for its own agency only (`jobs.agency_scope`), nobody else.
"""

import tempfile
from pathlib import Path

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext

from portal import tabular
from procedures.exchange import jobs
from procedures.exchange.forms import WHOLE_CATALOGUE, ExportForm, ImportForm
from procedures.exchange.importer import ExchangeFileError, export_file
from procedures.exchange.tasks import import_procedures
from procedures.models import AgencyPage, ImportStatus, ProcedureImport, ProcedurePage

CONTENT_TYPES = {"json": "application/json", "xlsx": tabular.XLSX_TYPE, "zip": "application/zip"}


def _scope(request):
    scope = jobs.agency_scope(request.user)
    if scope == []:
        raise PermissionDenied
    return scope


def _export_form(scope, data=None):
    agencies = AgencyPage.objects.order_by("title") if scope is None else scope
    return ExportForm(data, agencies=agencies, whole=scope is None)


def upload_view(request):
    """ "Nhập thủ tục": the upload form, the export form and the user's recent imports."""
    scope = _scope(request)
    status = 200
    form = ImportForm(request.POST, request.FILES) if request.method == "POST" else ImportForm()
    if request.method == "POST":
        if form.is_valid():
            upload = form.cleaned_data["file"]
            job = ProcedureImport(user=request.user, file_name=Path(upload.name).name, restricted=scope is not None)
            job.file.save(job.file_name, upload, save=False)
            job.save()
            if scope is not None:
                job.agencies.set(scope)
            try:
                jobs.check(job)
            except ExchangeFileError as exc:
                job.file.delete(save=False)
                job.delete()
                form.add_error("file", str(exc))
            else:
                return redirect("procedure_import", pk=job.pk)
        status = 400
    return _upload_page(request, scope, form, _export_form(scope), status)


def _upload_page(request, scope, form, export_form, status=200):
    context = {
        "form": form,
        "export_form": export_form,
        "scope": scope,
        "recent": ProcedureImport.objects.filter(user=request.user)[:10],
    }
    return TemplateResponse(request, "procedures/admin/import_upload.html", context, status=status)


def _job(request, pk):
    scope = _scope(request)
    job = get_object_or_404(ProcedureImport.objects.select_related("user"), pk=pk)
    if job.user_id != request.user.pk and scope is not None:
        raise PermissionDenied
    return job


def import_view(request, pk):
    """The report of the check, the confirmation, the progress while the task runs and the result."""
    job = _job(request, pk)
    context = {
        "job": job,
        "processed": jobs.processed(job),
        "status_url": reverse("procedure_import_status", args=[job.pk]),
        "may_confirm": job.status == ImportStatus.VALIDATED and job.valid > 0,
    }
    return TemplateResponse(request, "procedures/admin/import_report.html", context)


def confirm_view(request, pk):
    job = _job(request, pk)
    if request.method != "POST":
        return redirect("procedure_import", pk=job.pk)
    # One update that only a still-unconfirmed import passes, so a double click queues one task.
    queued = ProcedureImport.objects.filter(pk=job.pk, status=ImportStatus.VALIDATED, valid__gt=0).update(
        status=ImportStatus.QUEUED, skip_invalid=bool(job.problems)
    )
    if not queued:
        context = {"job": job, "processed": jobs.processed(job), "may_confirm": False}
        context["refusal"] = gettext("Lần nhập này không thể xác nhận nữa (đã nhập hoặc không có thủ tục hợp lệ).")
        return TemplateResponse(request, "procedures/admin/import_report.html", context, status=409)
    transaction.on_commit(lambda: import_procedures.enqueue(job.pk))
    return redirect("procedure_import", pk=job.pk)


def status_view(request, pk):
    """What the report page polls while the import runs."""
    job = _job(request, pk)
    return JsonResponse(
        {
            "status": job.status,
            "label": job.get_status_display(),
            "finished": job.finished,
            "processed": jobs.processed(job),
            "valid": job.valid,
        }
    )


def export_view(request):
    scope = _scope(request)
    form = _export_form(scope, request.GET)
    if not form.is_valid():
        return _upload_page(request, scope, ImportForm(), form, status=400)
    fmt = form.cleaned_data["format"]
    chosen = form.cleaned_data["agency"]
    if chosen == WHOLE_CATALOGUE:
        queryset, stem = ProcedurePage.objects.all(), "thu-tuc-toan-bo"
    else:
        agency = form.agencies[chosen]
        queryset, stem = ProcedurePage.objects.child_of(agency), f"thu-tuc-{agency.slug}"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"{stem}.{fmt}"
        export_file(path, queryset)
        content = path.read_bytes()
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{stem}.{fmt}"'
    return response
