"""Imports started in the admin: who may import into which agencies, the check at upload, and the run in
the task worker. The same parser and validator as `manage.py import_procedures` (importer.py) do the work."""

import logging
from dataclasses import asdict

from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.models import Role
from portal.roles import ADMINS, AGENCY_ROLE_PREFIX, REFORM_OFFICE
from procedures.exchange.importer import ExchangeFileError, import_file, parse_file, validate
from procedures.models import AgencyPage, ImportStatus, ProcedureIndexPage

log = logging.getLogger(__name__)
PROGRESS_EVERY = 10  # records between two progress notes


def agency_scope(user):
    """None when `user` may import and export for every agency (admins, the reform office); else the agencies
    whose department group the user is in, an empty list meaning none at all."""
    if not (user.is_authenticated and user.is_active):
        return []
    if user.is_superuser:
        return None
    keys = set(Role.objects.filter(group__user=user).values_list("key", flat=True))
    if keys & {ADMINS, REFORM_OFFICE}:
        return None
    pks = [int(pk) for key in keys if (pk := key.removeprefix(AGENCY_ROLE_PREFIX)) != key and pk.isdigit()]
    return list(AgencyPage.objects.filter(pk__in=pks).order_by("title"))  # no query when pks is empty


def may_import(user):
    return agency_scope(user) != []


def job_scope(job):
    return {agency.short_name: agency for agency in job.agencies.all()} if job.restricted else None


def check(job):
    """Parse and validate the stored file as the command would; raises ExchangeFileError when unreadable."""
    parsed = parse_file(job.file.path)
    records, problems = validate(job.file.path, parsed, job_scope(job))
    job.total = len(parsed)
    job.valid = len(records)
    job.problems = [dict(asdict(problem), file=job.file_name) for problem in problems]
    job.status = ImportStatus.VALIDATED
    job.save()


def progress_key(job_id):
    return f"procedures:import:{job_id}:processed"


def processed(job):
    """Records written so far: the task notes them in the cache, since its writes commit only at the end."""
    if job.status == ImportStatus.RUNNING:
        return cache.get(progress_key(job.pk), 0)
    return job.processed


def _counting(job_id):
    def progress(records):
        for n, record in enumerate(records, start=1):
            yield record
            if n % PROGRESS_EVERY == 0 or n == len(records):
                cache.set(progress_key(job_id), n, 24 * 3600)

    return progress


def run(job):
    """Write the file (again validated, for the catalogue may have changed since the check); the file goes
    once the import is over, whatever its outcome."""
    job.status = ImportStatus.RUNNING
    job.save(update_fields=["status"])
    try:
        index = ProcedureIndexPage.objects.first()
        if index is None:
            raise ExchangeFileError(_("Chưa có trang “Thủ tục hành chính” để nhập vào."))
        result = import_file(
            job.file.path,
            index,
            skip_invalid=job.skip_invalid,
            user=job.user,
            progress=_counting(job.pk),
            agencies=job_scope(job),
        )
    except ExchangeFileError as exc:
        _finish(job, ImportStatus.FAILED, error=str(exc))
        return
    except Exception:
        log.exception("Procedure import %s failed", job.pk)
        _finish(job, ImportStatus.FAILED, error=_("Lỗi hệ thống khi nhập; chưa thủ tục nào được ghi. Hãy báo quản trị."))
        raise
    job.problems = [dict(asdict(problem), file=job.file_name) for problem in result.problems]
    job.created, job.updated, job.unchanged = result.created, result.updated, result.unchanged
    job.processed = result.created + result.updated + result.unchanged
    if result.problems and not job.skip_invalid:
        _finish(job, ImportStatus.FAILED, error=_("Dữ liệu đã đổi từ lúc kiểm tra và tệp có lỗi nên không nhập thủ tục nào."))
    else:
        _finish(job, ImportStatus.DONE)


def _finish(job, status, error=""):
    job.status, job.error, job.finished_at = status, error, timezone.now()
    job.save()
    job.file.delete(save=True)
    cache.delete(progress_key(job.pk))
