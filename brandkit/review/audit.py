"""One function to write audit events, so every caller records the same fields; and one to
record an edit of an asset with the old and new value of every field that changed, used by the
library form, text revisions and the admin alike."""

from brandkit.review.models import AuditAction, AuditEvent


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


def changes(before: dict, after: dict) -> dict[str, dict]:
    """{field: {"old": …, "new": …}} for each field whose value differs."""
    return {
        name: {"old": before.get(name), "new": value}
        for name, value in after.items()
        if before.get(name) != value
    }


def record_edit(actor, asset, before: dict, *, via: str, action=AuditAction.EDIT, **details):
    """An EDIT event with old and new values, or nothing when nothing changed."""
    changed = changes(before, asset.snapshot())
    if not changed:
        return None
    return record(
        actor, action, asset=asset, fields=sorted(changed), changes=changed, via=via, **details
    )


def plain_fields(obj) -> dict:
    """An object's concrete fields as JSON values (dates as ISO text, relations as ids)."""
    values = {}
    for field in obj._meta.concrete_fields:
        value = getattr(obj, field.attname)
        if value is not None and not isinstance(value, bool | int | float | str):
            value = value.isoformat() if hasattr(value, "isoformat") else str(value)
        values[field.attname] = value
    return values


def record_list_change(actor, obj, before: dict | None, *, change: str, via: str = "admin"):
    """A change to one of the library's lists (topic areas, campaigns, tags), with old and
    new values; `before` is None for an addition."""
    after = {} if change == "deleted" else plain_fields(obj)
    if change == "changed":
        changed = changes(before or {}, after)
        if not changed:
            return None
    else:
        changed = (
            changes(before or {}, after)
            if after
            else {name: {"old": value, "new": None} for name, value in (before or {}).items()}
        )
    return record(
        actor,
        AuditAction.LIST_CHANGE,
        obj=f"{obj._meta.verbose_name}: {obj}",
        model=obj._meta.model_name,
        object_id=(before or after).get("id"),
        change=change,
        changes=changed,
        via=via,
    )
