from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

from portal.roles import ensure_agency_group
from procedures.models import AgencyPage, ProcedureLevel, ProcedurePage
from procedures.selectors import forget_catalogue_counts


@receiver(post_save, sender=AgencyPage, dispatch_uid="procedures.agency_group")
def create_agency_group(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        ensure_agency_group(instance)


@receiver(page_published, sender=ProcedurePage, dispatch_uid="procedures.counts.published")
@receiver(page_unpublished, sender=ProcedurePage, dispatch_uid="procedures.counts.unpublished")
@receiver(post_delete, sender=ProcedurePage, dispatch_uid="procedures.counts.deleted")
@receiver(post_page_move, dispatch_uid="procedures.counts.moved")
@receiver(page_published, sender=AgencyPage, dispatch_uid="procedures.counts.agency_published")
@receiver(post_save, sender=ProcedureLevel, dispatch_uid="procedures.counts.level_saved")
def drop_catalogue_counts(sender, **kwargs):
    forget_catalogue_counts()
