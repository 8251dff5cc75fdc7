"""Database helpers every section shares."""

from django.db import IntegrityError, transaction
from django.db.models import F


def increment(model, keys, **amounts):
    """UPDATE … SET n = n + k, creating the row the first time; never a read-modify-write."""
    updates = {field: F(field) + amount for field, amount in amounts.items()}
    if model.objects.filter(**keys).update(**updates):
        return
    try:
        with transaction.atomic():
            model.objects.create(**keys, **amounts)
            return
    except IntegrityError:
        pass
    model.objects.filter(**keys).update(**updates)
