from .pages import BasePage, HomePage, StandardPage
from .roles import Role
from .settings import SiteSettings

__all__ = ["BasePage", "HomePage", "Role", "SiteSettings", "StandardPage"]
