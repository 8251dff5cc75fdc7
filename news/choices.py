from django.db import models
from django.utils.translation import gettext_lazy as _


class DocumentType(models.TextChoices):
    DECISION = "QĐ", _("Quyết định")
    RESOLUTION = "NQ", _("Nghị quyết")
    DECREE = "NĐ", _("Nghị định")
    CIRCULAR = "TT", _("Thông tư")
    DIRECTIVE = "CT", _("Chỉ thị")
    PLAN = "KH", _("Kế hoạch")
    OFFICIAL_LETTER = "CV", _("Công văn")
    NOTICE = "TB", _("Thông báo")
    REPORT = "BC", _("Báo cáo")


class DocumentStatus(models.TextChoices):
    IN_FORCE = "in_force", _("Còn hiệu lực")
    NOT_YET = "not_yet", _("Chưa có hiệu lực")
    EXPIRED = "expired", _("Hết hiệu lực")
    PARTLY_EXPIRED = "partly_expired", _("Hết hiệu lực một phần")
