from django_tasks import task

from feedback import notifications


@task()
def notify(kind, submission_id):
    """Send the e-mails a step of the handling causes; runs in the task worker."""
    return notifications.deliver(kind, submission_id)
