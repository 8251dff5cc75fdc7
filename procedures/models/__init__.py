from .agencies import AgencyPage, AgencyType, ProcedureIndexPage
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
    "LegalBasis",
    "LifeEvent",
    "LifeEventProcedure",
    "OnlineLevel",
    "ProcedureChannel",
    "ProcedureField",
    "ProcedureIndexPage",
    "ProcedureLevel",
    "ProcedurePage",
    "ProcedureResult",
    "ProcedureStep",
    "RelatedProcedure",
    "TimeUnit",
]
