"""State the web layer must share between processes even when the cache is local to each process."""

from django.db import models


class SharedGeneration(models.Model):
    """A counter every process reads at most once a second: the page cache's generation when the cache
    is process-local (the embedded default), so a purge in one process reaches all of them."""

    name = models.CharField(max_length=50, primary_key=True)
    value = models.PositiveBigIntegerField(default=0)


class ThrottleCount(models.Model):
    """Requests per key (a hash of what is limited: an address, an account) in a fixed window. Kept in the
    database for the limits that must hold whatever the cache does (password reset)."""

    key = models.CharField(max_length=64)
    window_start = models.DateTimeField(db_index=True)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["key", "window_start"], name="portal_one_throttle_row_per_window")]
