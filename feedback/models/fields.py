from django.db import models


def optional_link(to, label, related_name="+"):
    """A link to a page or record that may be missing or removed later; the submission keeps its history."""
    return models.ForeignKey(to, verbose_name=label, null=True, blank=True, on_delete=models.SET_NULL, related_name=related_name)
