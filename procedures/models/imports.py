"""An import started in the admin: the uploaded file, its validation report, and the task's progress."""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportStorage(FileSystemStorage):
    """PROCEDURE_IMPORT_ROOT, outside MEDIA_ROOT and read at every use; uploaded files get no public URL."""

    @property
    def base_location(self):
        return str(settings.PROCEDURE_IMPORT_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("uploaded import files have no public URL")


import_storage = ImportStorage()


def get_import_storage():
    return import_storage


class ImportStatus(models.TextChoices):
    VALIDATED = "validated", _("Đã kiểm tra")
    QUEUED = "queued", _("Đang chờ nhập")
    RUNNING = "running", _("Đang nhập")
    DONE = "done", _("Đã nhập xong")
    FAILED = "failed", _("Nhập không thành công")


class ProcedureImport(models.Model):
    """One uploaded file; `agencies` is the uploader's scope (empty for admins and the reform office)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("Người nhập"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    file = models.FileField(_("Tệp"), storage=get_import_storage, upload_to="%Y/%m/", max_length=255)
    file_name = models.CharField(_("Tên tệp"), max_length=255)
    agencies = models.ManyToManyField("procedures.AgencyPage", verbose_name=_("Phạm vi cơ quan"), blank=True, related_name="+")
    restricted = models.BooleanField(_("Chỉ cơ quan của người nhập"), default=False)
    status = models.CharField(_("Trạng thái"), max_length=20, choices=ImportStatus.choices, default=ImportStatus.VALIDATED)
    skip_invalid = models.BooleanField(_("Bỏ qua dòng lỗi"), default=False)
    problems = models.JSONField(_("Báo cáo kiểm tra"), default=list, blank=True)
    total = models.PositiveIntegerField(_("Số thủ tục trong tệp"), default=0)
    valid = models.PositiveIntegerField(_("Số thủ tục hợp lệ"), default=0)
    processed = models.PositiveIntegerField(_("Đã xử lý"), default=0)
    created = models.PositiveIntegerField(_("Mới"), default=0)
    updated = models.PositiveIntegerField(_("Cập nhật"), default=0)
    unchanged = models.PositiveIntegerField(_("Không đổi"), default=0)
    error = models.TextField(_("Lỗi"), blank=True)
    created_at = models.DateTimeField(_("Tải lên lúc"), auto_now_add=True)
    finished_at = models.DateTimeField(_("Xong lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("Lần nhập thủ tục")
        verbose_name_plural = _("Các lần nhập thủ tục")
        ordering = ["-created_at"]

    def __str__(self):
        return self.file_name

    @property
    def finished(self):
        return self.status in (ImportStatus.DONE, ImportStatus.FAILED)

    @property
    def refused(self):
        return len({(p["sheet"], p["row"]) for p in self.problems})
