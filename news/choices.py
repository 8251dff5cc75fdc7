from django.db import models
from django.utils.translation import gettext_lazy as _


class DocumentType(models.TextChoices):
    DECISION = "decision", _("Quyết định")
    RESOLUTION = "resolution", _("Nghị quyết")
    DECREE = "decree", _("Nghị định")
    CIRCULAR = "circular", _("Thông tư")
    DIRECTIVE = "directive", _("Chỉ thị")
    PLAN = "plan", _("Kế hoạch")
    OFFICIAL_LETTER = "official_letter", _("Công văn")
    NOTICE = "notice", _("Thông báo")
    REPORT = "report", _("Báo cáo")

    @property
    def abbreviation(self):
        """The abbreviation document numbers use ("91/QĐ-UBND"), and the public listing's filter value."""
        return ABBREVIATIONS[self]

    @classmethod
    def from_abbreviation(cls, text):
        return next(kind for kind, abbreviation in ABBREVIATIONS.items() if abbreviation == text)


ABBREVIATIONS = {
    DocumentType.DECISION: "QĐ",
    DocumentType.RESOLUTION: "NQ",
    DocumentType.DECREE: "NĐ",
    DocumentType.CIRCULAR: "TT",
    DocumentType.DIRECTIVE: "CT",
    DocumentType.PLAN: "KH",
    DocumentType.OFFICIAL_LETTER: "CV",
    DocumentType.NOTICE: "TB",
    DocumentType.REPORT: "BC",
}


class DocumentStatus(models.TextChoices):
    IN_FORCE = "in_force", _("Còn hiệu lực")
    NOT_YET = "not_yet", _("Chưa có hiệu lực")
    EXPIRED = "expired", _("Hết hiệu lực")
    PARTLY_EXPIRED = "partly_expired", _("Hết hiệu lực một phần")
