from .agencies import AgencyPage, AgencyType, ProcedureIndexPage
from .imports import ImportStatus, ProcedureImport
from .life_events import LifeEvent, LifeEventProcedure
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
from .taxonomy import ApplicantType, ProcedureField, ProcedureLevel

__all__ = [
    "AgencyPage",
    "AgencyType",
    "ApplicantType",
    "Channel",
    "DossierDocument",
    "ImportStatus",
    "LegalBasis",
    "LifeEvent",
    "LifeEventProcedure",
    "OnlineLevel",
    "ProcedureChannel",
    "ProcedureField",
    "ProcedureImport",
    "ProcedureIndexPage",
    "ProcedureLevel",
    "ProcedurePage",
    "ProcedureResult",
    "ProcedureStep",
    "RelatedProcedure",
    "TimeUnit",
]
