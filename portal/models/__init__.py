from .pages import BasePage, HomePage, StandardPage
from .roles import Role
from .settings import SiteSettings
from .web import SharedGeneration, ThrottleCount

__all__ = ["BasePage", "HomePage", "Role", "SharedGeneration", "SiteSettings", "StandardPage", "ThrottleCount"]
