from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.Model):
    """The stable key by which code finds a group ("admins", "agency:42"); editors may rename the group freely."""

    key = models.CharField(_("Khóa vai trò"), max_length=100, unique=True)
    group = models.OneToOneField(Group, verbose_name=_("Nhóm"), on_delete=models.CASCADE, related_name="role")

    class Meta:
        verbose_name = _("Vai trò")
        verbose_name_plural = _("Vai trò")

    def __str__(self):
        return f"{self.key} → {self.group.name}"
