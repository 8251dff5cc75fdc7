from .agencies import AgencyPage, AgencyType, ProcedureIndexPage
from .dashboard import StatisticsPage
from .parts import (
    Channel,
    DossierDocument,
    LegalBasis,
    ProcedureChannel,
    ProcedureResult,
    ProcedureStep,
    RelatedProcedure,
    TimeUnit,
)
from .procedure import OnlineLevel, ProcedurePage
from .statistics import (
    DOSSIER_FIELDS,
    INDEX_GROUPS,
    SIPAS_FACTORS,
    DossierStatistics,
    DossierTotals,
    ParIndexScore,
    Period,
    PeriodKind,
    SatisfactionSurvey,
    ServiceIndexScore,
)
from .taxonomy import ApplicantType, ProcedureField, ProcedureLevel

__all__ = [
    "DOSSIER_FIELDS",
    "INDEX_GROUPS",
    "SIPAS_FACTORS",
    "AgencyPage",
    "AgencyType",
    "ApplicantType",
    "Channel",
    "DossierDocument",
    "DossierStatistics",
    "DossierTotals",
    "LegalBasis",
    "OnlineLevel",
    "ParIndexScore",
    "Period",
    "PeriodKind",
    "ProcedureChannel",
    "ProcedureField",
    "ProcedureIndexPage",
    "ProcedureLevel",
    "ProcedurePage",
    "ProcedureResult",
    "ProcedureStep",
    "RelatedProcedure",
    "SatisfactionSurvey",
    "ServiceIndexScore",
    "StatisticsPage",
    "TimeUnit",
]
