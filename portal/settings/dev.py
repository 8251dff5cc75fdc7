from .base import *  # noqa: F403
from .base import INSTALLED_APPS

DEBUG = True
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # load_demo and generate_procedures; production leaves them out
ALLOWED_HOSTS = ["*"]
