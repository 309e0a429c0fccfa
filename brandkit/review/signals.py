"""Brand-kit changes made in the admin reach the audit trail.

The admin already writes a LogEntry with the user for every add, change and delete; turning
those that concern the brand kit into audit events covers every edit path the admin has.
"""

from django.contrib.admin.models import ADDITION, CHANGE, DELETION, LogEntry
from django.db.models.signals import post_save
from django.dispatch import receiver

from brandkit.review.audit import record
from brandkit.review.models import AuditAction

_VERBS = {ADDITION: "added", CHANGE: "changed", DELETION: "deleted"}


@receiver(post_save, sender=LogEntry, dispatch_uid="brandkit.audit_brandkit_admin_changes")
def audit_brandkit_change(sender, instance: LogEntry, created, **kwargs):
    if not created or instance.content_type is None:
        return
    if instance.content_type.app_label != "rules":
        return
    record(
        instance.user,
        AuditAction.BRANDKIT_CHANGE,
        obj=f"{instance.content_type.name}: {instance.object_repr}",
        change=_VERBS.get(instance.action_flag, str(instance.action_flag)),
        model=instance.content_type.model,
        object_id=instance.object_id,
        message=instance.get_change_message(),
    )
