from .agencies import AgencyPage, AgencyType, ProcedureIndexPage
from .imports import ImportStatus, ProcedureImport
from .life_events import LifeEvent, LifeEventProcedure
from .organisation import AgencyChange, ContactPage, Department, Official, OrganisationChartPage
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
    "AgencyChange",
    "AgencyPage",
    "AgencyType",
    "ApplicantType",
    "Channel",
    "ContactPage",
    "Department",
    "DossierDocument",
    "ImportStatus",
    "LegalBasis",
    "LifeEvent",
    "LifeEventProcedure",
    "Official",
    "OnlineLevel",
    "OrganisationChartPage",
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
