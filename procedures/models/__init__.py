from .agencies import AgencyPage, AgencyType, ProcedureIndexPage
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
    "LegalBasis",
    "Official",
    "OnlineLevel",
    "OrganisationChartPage",
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
