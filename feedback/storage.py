"""Where attachments live: outside MEDIA_ROOT (which nginx serves to anyone), read only through the admin."""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage


class PrivateStorage(FileSystemStorage):
    """FEEDBACK_PRIVATE_ROOT, read at every use so tests and deployments can move it; no public URL."""

    @property
    def base_location(self):
        return str(settings.FEEDBACK_PRIVATE_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Private files have no public URL")


private_storage = PrivateStorage()


def get_private_storage():
    return private_storage
