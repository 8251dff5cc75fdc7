from django_tasks import task

from search import indexing


@task()
def update_pages(page_ids):
    """Re-index pages after a publish, unpublish, move or delete; runs in the task worker."""
    for page_id in page_ids:
        indexing.update(page_id)
