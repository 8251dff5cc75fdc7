from .figures import DOSSIER_FIELDS, DossierStatistics, DossierTotals, Period, PeriodKind, dossier_sums
from .pages import StatisticsPage
from .scores import INDEX_GROUPS, SIPAS_FACTORS, ParIndexScore, SatisfactionSurvey, ServiceIndexScore

__all__ = [
    "DOSSIER_FIELDS",
    "INDEX_GROUPS",
    "SIPAS_FACTORS",
    "DossierStatistics",
    "DossierTotals",
    "ParIndexScore",
    "Period",
    "PeriodKind",
    "SatisfactionSurvey",
    "ServiceIndexScore",
    "StatisticsPage",
    "dossier_sums",
]
