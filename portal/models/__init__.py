from .pages import BasePage, HomePage, StandardPage
from .settings import SiteSettings
from .web import SharedGeneration, ThrottleCount

__all__ = ["BasePage", "HomePage", "SharedGeneration", "SiteSettings", "StandardPage", "ThrottleCount"]
