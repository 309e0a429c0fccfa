"""Text revisions: how the published words of an approved asset change.

    (owner edits a published asset) -> pending -> approved | changes_requested
    changes_requested -> pending (the owner edits again)
    pending | changes_requested -> withdrawn (the owner or a web manager)

The proposed values wait in a TextRevision row, apart from the asset, so the library, the API
and the search index keep showing what was approved. Each decision locks the revision row and
checks the revision counter the decider saw, like version decisions (workflow.py). The web
manager is the approver of texts, so a web manager's own edits are published at once (audited
with old and new values) and never wait here.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from brandkit.library.models import (
    LANGS,
    OPEN_REVISION_STATES,
    REVISED_FIELDS,
    Asset,
    AssetKind,
    Tag,
    TextRevision,
    TextRevisionState,
)
from brandkit.review import audit, notifications
from brandkit.review.models import AuditAction
from brandkit.review.workflow import StaleDecision, WorkflowError
from brandkit.roles import WEB_MANAGER, has_role


def published_values(asset: Asset) -> dict:
    snapshot = asset.snapshot()
    return {name: snapshot[name] for name in REVISED_FIELDS}


def open_revision(asset: Asset) -> TextRevision | None:
    return (
        TextRevision.objects.filter(asset=asset, state__in=OPEN_REVISION_STATES)
        .select_related("author")
        .first()
    )


def _tag_names(names) -> list[str]:
    """Proposed tag names spelt as the existing tags they will become (matched by case)."""
    spelt = []
    for name in names:
        existing = Tag.objects.filter(name__iexact=name).values_list("name", flat=True).first()
        spelt.append(existing or name)
    return sorted(dict.fromkeys(spelt))


def _missing(asset: Asset, values: dict) -> list[str]:
    """The required text alternatives that `values` would leave empty on `asset`."""
    probe = Asset(
        **{
            name: values.get(name, getattr(asset, name))
            for name in REVISED_FIELDS
            if name != "tags"
        }
    )
    return probe.missing_text_alternatives()


def _refuse_missing(asset: Asset, values: dict) -> None:
    missing = _missing(asset, values)
    if missing:
        raise WorkflowError(
            _("A published asset's text alternatives cannot be empty: %(fields)s.")
            % {"fields": ", ".join(str(Asset._meta.get_field(f).verbose_name) for f in missing)}
        )


def _locked(revision: TextRevision, seen_revision: int | None) -> TextRevision:
    locked = TextRevision.objects.select_for_update().select_related("asset").get(pk=revision.pk)
    if seen_revision is not None and locked.revision != seen_revision:
        raise StaleDecision(
            _(
                "These texts were changed by someone else since you opened the page "
                "(they are now: %(state)s). Reload the page and decide again."
            )
            % {"state": locked.get_state_display()}
        )
    return locked


def _may_withdraw(user, revision: TextRevision) -> bool:
    return has_role(user, WEB_MANAGER) or user.pk in (revision.author_id, revision.asset.owner_id)


def propose(asset: Asset, user, proposed: dict) -> TextRevision | None:
    """Open or update the asset's revision with the values that differ from the published
    ones. Proposing the published values again withdraws the open revision (returns None)."""
    proposed = {name: proposed[name] for name in REVISED_FIELDS if name in proposed}
    if "tags" in proposed:
        proposed["tags"] = _tag_names(proposed["tags"])
    with transaction.atomic():
        asset = Asset.objects.select_for_update().get(pk=asset.pk)
        published = published_values(asset)
        changed = {name: value for name, value in proposed.items() if published[name] != value}
        revision = (
            TextRevision.objects.select_for_update()
            .filter(asset=asset, state__in=OPEN_REVISION_STATES)
            .first()
        )
        if not changed:
            if revision is not None:
                _close(revision, user, TextRevisionState.WITHDRAWN, AuditAction.TEXT_WITHDRAW)
            return None
        _refuse_missing(asset, changed)
        if revision is None:
            revision = TextRevision(asset=asset)
            source = ""
        else:
            source = revision.state
        revision.author = user
        revision.changes = changed
        revision.published = {name: published[name] for name in changed}
        revision.state = TextRevisionState.PENDING
        revision.revision += 1
        revision.comment = ""
        revision.decided_by = None
        revision.decided_at = None
        revision.save()
        audit.record(
            user,
            AuditAction.TEXT_PROPOSE,
            asset=asset,
            obj=revision,
            from_state=source,
            to_state=revision.state,
            text_revision=revision.pk,
            fields=sorted(changed),
            changes=audit.changes(revision.published, changed),
        )
        notifications.text_revision_proposed(revision)
    return revision


def _close(revision: TextRevision, user, state: str, action: str, **details) -> None:
    source = revision.state
    revision.state = state
    revision.revision += 1
    revision.decided_by = user
    revision.decided_at = timezone.now()
    revision.save()
    audit.record(
        user,
        action,
        asset=revision.asset,
        obj=revision,
        from_state=source,
        to_state=state,
        text_revision=revision.pk,
        **details,
    )


def withdraw(revision: TextRevision, user, *, seen_revision: int | None = None) -> TextRevision:
    with transaction.atomic():
        revision = _locked(revision, seen_revision)
        if not _may_withdraw(user, revision):
            raise WorkflowError(_("Only the asset's owner or a web manager can withdraw texts."))
        if not revision.is_open:
            raise WorkflowError(_("These texts are no longer waiting: nothing to withdraw."))
        _close(revision, user, TextRevisionState.WITHDRAWN, AuditAction.TEXT_WITHDRAW)
    return revision


def approve(revision: TextRevision, user, *, seen_revision: int | None = None) -> TextRevision:
    """Publish the proposed values: the asset row changes, and with it the library, the API
    and the search index. The audit event keeps the old and new value of every field."""
    if not has_role(user, WEB_MANAGER):
        raise WorkflowError(_("Only the web manager can approve texts."))
    with transaction.atomic():
        revision = _locked(revision, seen_revision)
        if revision.state != TextRevisionState.PENDING:
            raise WorkflowError(
                _("These texts are %(state)s: there is nothing to approve.")
                % {"state": revision.get_state_display()}
            )
        asset = Asset.objects.select_for_update().get(pk=revision.asset_id)
        _refuse_missing(asset, revision.changes)
        before = asset.snapshot()
        asset.set_values(revision.changes)
        asset.save()
        if "tags" in revision.changes:
            asset.set_tags(revision.changes["tags"])
        revision.asset = asset
        _close(
            revision,
            user,
            TextRevisionState.APPROVED,
            AuditAction.TEXT_APPROVE,
            fields=sorted(revision.changes),
            changes=audit.changes(before, asset.snapshot()),
        )
        notifications.text_revision_decided(revision)
    return revision


def send_back(
    revision: TextRevision, user, comment: str, *, seen_revision: int | None = None
) -> TextRevision:
    if not has_role(user, WEB_MANAGER):
        raise WorkflowError(_("Only the web manager can send texts back."))
    comment = comment.strip()
    if not comment:
        raise WorkflowError(_("Say what needs to change: the comment is required."))
    with transaction.atomic():
        revision = _locked(revision, seen_revision)
        if revision.state != TextRevisionState.PENDING:
            raise WorkflowError(
                _("These texts are %(state)s: there is nothing to send back.")
                % {"state": revision.get_state_display()}
            )
        revision.comment = comment
        _close(
            revision,
            user,
            TextRevisionState.CHANGES_REQUESTED,
            AuditAction.TEXT_SEND_BACK,
            comment=comment,
        )
        notifications.text_revision_decided(revision)
    return revision


def _shown(name: str, value) -> str:
    if value is None or value == "" or value == []:
        return ""
    if name == "tags":
        return ", ".join(value)
    if name == "kind":
        return str(AssetKind(value).label) if value in AssetKind.values else str(value)
    if name == "languages":
        return ", ".join(code.upper() for code in str(value).split())
    return str(value)


def diff(revision: TextRevision) -> list[dict]:
    """Rows for the reviewer: each proposed field with the value published now and the new
    one, in the model's field order, and the language of the text for `lang` attributes."""
    asset = revision.asset
    now = published_values(asset)
    rows = []
    for name in REVISED_FIELDS:
        if name not in revision.changes:
            continue
        code = name.rsplit("_", 1)[-1]
        rows.append(
            {
                "field": name,
                "label": Asset._meta.get_field(name).verbose_name,
                "lang": code if code in LANGS and name != "languages" else "",
                "old": _shown(name, now[name]),
                "new": _shown(name, revision.changes[name]),
                "multiline": name.startswith(("description_", "alt_text_", "long_description_")),
            }
        )
    return rows
