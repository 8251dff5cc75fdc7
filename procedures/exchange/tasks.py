from django_tasks import task

from procedures.exchange import jobs
from procedures.models import ProcedureImport


@task()
def import_procedures(job_id):
    """An import confirmed in the admin; runs in the task worker so a large file never holds a request."""
    jobs.run(ProcedureImport.objects.select_related("user").get(pk=job_id))
