from django.db.models.signals import post_save
from django.dispatch import receiver

from portal.roles import ensure_agency_group
from procedures.models import AgencyPage


@receiver(post_save, sender=AgencyPage, dispatch_uid="procedures.agency_group")
def create_agency_group(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        ensure_agency_group(instance, instance.short_name)
