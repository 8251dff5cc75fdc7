"""Follow Wagtail's publishing (never saves of drafts) into the search stores, after the commit."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from procedures.models import LifeEvent, LifeEventProcedure
from search import synonyms
from search.indexing import BATCH, batched
from search.models import PopularQuery, Synonym
from search.tasks import index_pages


def _enqueue(page_ids):
    """After the commit, one task per batch: renaming an agency of 2,000 procedures is ten tasks that
    write 200 documents each, not 2,000 that write one."""
    batches = list(batched(sorted(set(page_ids)), BATCH))

    def enqueue():
        for batch in batches:
            index_pages.enqueue(batch)

    if batches:
        transaction.on_commit(enqueue)


def _with_descendants(page):
    # An agency's name and a section's address appear in its descendants' documents.
    return [page.pk, *Page.objects.descendant_of(page).values_list("pk", flat=True)]


@receiver(page_published, dispatch_uid="search.published")
@receiver(page_unpublished, dispatch_uid="search.unpublished")
def page_changed(sender, instance, **kwargs):
    _enqueue(_with_descendants(instance))


@receiver(post_page_move, dispatch_uid="search.moved")
def page_moved(sender, instance, **kwargs):
    _enqueue(_with_descendants(instance))


@receiver(post_delete, dispatch_uid="search.deleted")
def page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        _enqueue([instance.pk])


@receiver(post_save, sender=PageViewRestriction, dispatch_uid="search.restriction.saved")
@receiver(post_delete, sender=PageViewRestriction, dispatch_uid="search.restriction.deleted")
def privacy_changed(sender, instance, **kwargs):
    # A restriction hides (or, removed, shows) the page and everything below it.
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        _enqueue(_with_descendants(page))


@receiver(post_save, sender=Synonym, dispatch_uid="search.synonyms.saved")
@receiver(post_delete, sender=Synonym, dispatch_uid="search.synonyms.deleted")
def synonyms_changed(sender, **kwargs):
    synonyms.forget()


@receiver(post_delete, sender=LifeEvent, dispatch_uid="search.life_event.deleted")
def life_event_deleted(sender, **kwargs):
    synonyms.forget()


@receiver(post_save, sender=LifeEvent, dispatch_uid="search.life_event.saved")
def life_event_changed(sender, instance, **kwargs):
    synonyms.forget()  # its name and words are initials a query may stand for
    # Its name and words are in its procedures' documents. Procedures added or removed in the same
    # edit are saved after the event itself and caught by `life_event_step_changed`.
    _enqueue(instance.steps.values_list("procedure_id", flat=True))


@receiver(post_save, sender=LifeEventProcedure, dispatch_uid="search.life_event_step.saved")
@receiver(post_delete, sender=LifeEventProcedure, dispatch_uid="search.life_event_step.deleted")
def life_event_step_changed(sender, instance, **kwargs):
    _enqueue([instance.procedure_id])


@receiver(post_save, sender=PopularQuery, dispatch_uid="search.popular.saved")
@receiver(post_delete, sender=PopularQuery, dispatch_uid="search.popular.deleted")
def popular_decided(sender, **kwargs):
    from search.api import forget_popular

    forget_popular()
