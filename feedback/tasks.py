from django.db import transaction
from django_tasks import task

from feedback import notifications


@task()
def notify(kind, submission_id):
    """Send the e-mails a step of the handling causes; runs in the task worker."""
    return notifications.deliver(kind, submission_id)


def after_commit(kind, submission_id):
    """Queue the e-mails of a step once the step is saved, so a rolled-back step mails nobody."""
    transaction.on_commit(lambda: notify.enqueue(kind, submission_id))
