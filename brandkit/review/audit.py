"""One function to write audit events, so every caller records the same fields."""

from brandkit.review.models import AuditEvent


def record(
    actor, action, *, asset=None, version=None, obj=None, from_state="", to_state="", **details
) -> AuditEvent:
    if version is not None and asset is None:
        asset = version.asset
    target = obj if obj is not None else (version or asset)
    return AuditEvent.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        asset=asset,
        version=version,
        object_repr=str(target)[:300] if target is not None else "",
        from_state=from_state,
        to_state=to_state,
        details=details,
    )
