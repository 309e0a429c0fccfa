"""The review state machine.

    draft -> submitted -> approved | changes_requested
    changes_requested -> submitted
    approved -> archived | expired

Only web managers decide. Separation of duties (BRANDKIT_SELF_APPROVAL): a web manager who
uploaded or owns a version does not approve it while another web manager can (the default,
`second-manager`); a lone web manager may, with a written reason that is recorded on the version
and shown with it (`with-reason` allows that always, `never` never).

A decision locks the version row (SELECT … FOR UPDATE) and checks the revision the decider
saw, so two decisions at once give one result and one audit event, and a decision made on a
stale page is refused instead of silently overwriting another.
"""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from brandkit.library.models import Asset, AssetStatus, AssetVersion, VersionState
from brandkit.review import audit, notifications
from brandkit.review.models import AuditAction, Comment
from brandkit.roles import WEB_MANAGER, active_web_managers, has_role

TRANSITIONS = {
    VersionState.DRAFT: {VersionState.SUBMITTED},
    VersionState.CHANGES_REQUESTED: {VersionState.SUBMITTED},
    VersionState.SUBMITTED: {VersionState.APPROVED, VersionState.CHANGES_REQUESTED},
    VersionState.APPROVED: {VersionState.ARCHIVED, VersionState.EXPIRED},
    VersionState.ARCHIVED: set(),
    VersionState.EXPIRED: set(),
}


class WorkflowError(Exception):
    """A refused step, with a message for the person who tried it."""


class StaleDecision(WorkflowError):
    pass


def _locked(version: AssetVersion, seen_revision: int | None) -> AssetVersion:
    locked = AssetVersion.objects.select_for_update().select_related("asset").get(pk=version.pk)
    if seen_revision is not None and locked.revision != seen_revision:
        raise StaleDecision(
            _(
                "This version was changed by someone else since you opened the page "
                "(it is now: %(state)s). Reload the page and decide again."
            )
            % {"state": locked.get_state_display()}
        )
    return locked


def _move(version: AssetVersion, target: str) -> str:
    source = version.state
    if target not in TRANSITIONS[source]:
        raise WorkflowError(
            _("A version that is %(source)s cannot become %(target)s.")
            % {"source": version.get_state_display(), "target": VersionState(target).label}
        )
    version.state = target
    version.revision += 1
    return source


def refresh_asset_status(asset: Asset) -> None:
    """The asset's status for the library: its approved version if any, else its newest."""
    if asset.status in (AssetStatus.EXPIRED, AssetStatus.ARCHIVED) and not asset.current_version:
        return
    if asset.current_version_id:
        asset.status = AssetStatus.APPROVED
    else:
        latest = asset.versions.order_by("-number").first()
        asset.status = latest.state if latest else AssetStatus.DRAFT
    asset.save(update_fields=["status", "updated_at"])


def _answered(version: AssetVersion) -> bool:
    """Whether the owner's side has commented since the version was sent back."""
    if version.decided_at is None:
        return False
    return (
        Comment.objects.filter(version=version, created_at__gte=version.decided_at)
        .exclude(author_id=version.decided_by_id)
        .exists()
    )


def submit(
    version: AssetVersion, user, *, seen_revision: int | None = None, reply: str = ""
) -> AssetVersion:
    """Submit a draft, or resubmit a version that was sent back. Resubmitting the same file
    needs an answer to the reviewer (a reply, here or as a comment) — otherwise the reviewer
    gets back exactly what they refused, with nothing said; a changed file is a new version."""
    reply = reply.strip()
    with transaction.atomic():
        version = _locked(version, seen_revision)
        if version.asset.owner_id != user.pk and not has_role(user, WEB_MANAGER):
            raise WorkflowError(_("Only the asset's owner can submit it."))
        if version.state == VersionState.CHANGES_REQUESTED:
            if reply:
                Comment.objects.create(version=version, author=user, text=reply[:5000])
                audit.record(user, AuditAction.COMMENT, version=version, comment=reply[:5000])
            elif not _answered(version):
                raise WorkflowError(
                    _(
                        "This version was sent back. Upload a changed file as a new version, "
                        "or reply to the web manager's comment to say why it stays as it is."
                    )
                )
        source = _move(version, VersionState.SUBMITTED)
        version.save(update_fields=["state", "revision"])
        refresh_asset_status(version.asset)
        audit.record(
            user, AuditAction.SUBMIT, version=version, from_state=source, to_state=version.state
        )
        notifications.version_submitted(version)
    return version


SELF_APPROVAL_MODES = ("second-manager", "with-reason", "never")
SELF_REFUSED = "refused"
SELF_WITH_REASON = "reason"


def is_own(version: AssetVersion, user) -> bool:
    """The decider uploaded this version or owns its asset."""
    return user.pk is not None and user.pk in (version.uploaded_by_id, version.asset.owner_id)


def another_web_manager(user) -> bool:
    return active_web_managers().exclude(pk=user.pk).exists()


def self_approval(version: AssetVersion, user) -> str:
    """What approving this version asks of this user: "" (it is not theirs), SELF_WITH_REASON
    (theirs: only with a written reason) or SELF_REFUSED (theirs: someone else decides)."""
    if not is_own(version, user):
        return ""
    mode = settings.BRANDKIT_SELF_APPROVAL
    if mode == "never" or (mode == "second-manager" and another_web_manager(user)):
        return SELF_REFUSED
    return SELF_WITH_REASON


REVIEW_TEXT_FIELDS = tuple(
    f"{field}_{code}" for field in ("alt_text", "long_description") for code in ("et", "en", "ru")
)


def _apply_review_texts(asset: Asset, user, texts: dict[str, str]) -> None:
    """Text alternatives the web manager completes on the review page, saved with the decision
    (the web manager approves texts, so they apply at once) and audited with old and new."""
    before = asset.snapshot()
    changed = []
    for name, value in texts.items():
        if name in REVIEW_TEXT_FIELDS and value is not None:
            value = value.strip()
            if value != getattr(asset, name):
                setattr(asset, name, value)
                changed.append(name)
    if not changed:
        return
    asset.save(update_fields=[*changed, "updated_at"])
    audit.record_edit(user, asset, before, via="review")
    from brandkit.library.uploads import refresh_search_text

    refresh_search_text(asset)


def approve(
    version: AssetVersion,
    user,
    *,
    override_reason: str = "",
    self_approval_reason: str = "",
    seen_revision: int | None = None,
    texts: dict[str, str] | None = None,
) -> AssetVersion:
    if not has_role(user, WEB_MANAGER):
        raise WorkflowError(_("Only the web manager can approve."))
    override_reason = override_reason.strip()
    self_approval_reason = self_approval_reason.strip()
    with transaction.atomic():
        version = _locked(version, seen_revision)
        asset = Asset.objects.select_for_update().get(pk=version.asset_id)
        own = self_approval(version, user)
        if own == SELF_REFUSED:
            raise WorkflowError(
                _(
                    "You uploaded or own this visual, so another web manager must approve it. "
                    "You can still send it back or comment."
                )
            )
        if own == SELF_WITH_REASON and not self_approval_reason:
            raise WorkflowError(
                _(
                    "You uploaded or own this visual and no other web manager can approve it. "
                    "Approve it only with a written reason, which is recorded and shown with "
                    "the version."
                )
            )
        if texts:
            _apply_review_texts(asset, user, texts)
        missing = asset.missing_text_alternatives()
        if missing:
            raise WorkflowError(
                _("Add the text alternatives before approval: %(fields)s.")
                % {"fields": ", ".join(str(asset._meta.get_field(f).verbose_name) for f in missing)}
            )
        if version.error_findings and not override_reason:
            raise WorkflowError(
                _(
                    "This version has %(count)d error finding(s). Approve it only with a written "
                    "reason for the override."
                )
                % {"count": len(version.error_findings)}
            )
        source = _move(version, VersionState.APPROVED)
        version.decided_by = user
        version.decided_at = timezone.now()
        version.override_reason = override_reason if version.error_findings else ""
        version.self_approved = bool(own)
        version.self_approval_reason = self_approval_reason if own else ""
        version.save(
            update_fields=[
                "state",
                "revision",
                "decided_by",
                "decided_at",
                "override_reason",
                "self_approved",
                "self_approval_reason",
            ]
        )
        previous = asset.current_version
        if previous is not None and previous.pk != version.pk:
            AssetVersion.objects.filter(pk=previous.pk).update(
                state=VersionState.ARCHIVED, revision=previous.revision + 1
            )
        asset.current_version = version
        asset.save(update_fields=["current_version", "updated_at"])
        refresh_asset_status(asset)
        action = AuditAction.OVERRIDE if version.override_reason else AuditAction.APPROVE
        details = (
            {
                "reason": version.override_reason,
                "errors": [f["code"] for f in version.error_findings],
            }
            if (version.override_reason)
            else {}
        )
        if version.self_approved:
            action = AuditAction.SELF_APPROVE
            details.update(self_approved=True, self_approval_reason=version.self_approval_reason)
        audit.record(
            user, action, version=version, from_state=source, to_state=version.state, **details
        )
        notifications.version_decided(version)
    from brandkit.library.renditions import plan_renditions
    from brandkit.library.tasks import make_renditions

    plan_renditions(version)  # shown as pending until the worker has made them
    transaction.on_commit(lambda: make_renditions.enqueue(version.pk))
    return version


def request_changes(
    version: AssetVersion, user, comment: str, *, seen_revision: int | None = None
) -> AssetVersion:
    if not has_role(user, WEB_MANAGER):
        raise WorkflowError(_("Only the web manager can send a version back."))
    comment = comment.strip()
    if not comment:
        raise WorkflowError(_("Say what needs to change: the comment is required."))
    with transaction.atomic():
        version = _locked(version, seen_revision)
        source = _move(version, VersionState.CHANGES_REQUESTED)
        version.decided_by = user
        version.decided_at = timezone.now()
        version.save(update_fields=["state", "revision", "decided_by", "decided_at"])
        Comment.objects.create(version=version, author=user, text=comment)
        refresh_asset_status(version.asset)
        audit.record(
            user,
            AuditAction.REQUEST_CHANGES,
            version=version,
            from_state=source,
            to_state=version.state,
            comment=comment,
        )
        notifications.version_decided(version, comment)
    return version


def archive(asset: Asset, user) -> Asset:
    if not has_role(user, WEB_MANAGER):
        raise WorkflowError(_("Only the web manager can archive."))
    with transaction.atomic():
        asset = Asset.objects.select_for_update().get(pk=asset.pk)
        version = asset.current_version
        if version is None:
            raise WorkflowError(_("Only an approved asset can be archived."))
        version = _locked(version, None)
        source = _move(version, VersionState.ARCHIVED)
        version.save(update_fields=["state", "revision"])
        asset.current_version = None
        asset.status = AssetStatus.ARCHIVED
        asset.save(update_fields=["current_version", "status", "updated_at"])
        audit.record(
            user, AuditAction.ARCHIVE, version=version, from_state=source, to_state=version.state
        )
    return asset


def expire(asset: Asset) -> Asset:
    """Rights ran out (`expire_assets`): hide the asset from the library."""
    with transaction.atomic():
        asset = Asset.objects.select_for_update().get(pk=asset.pk)
        version = asset.current_version
        source = asset.status
        if version is not None:
            version = _locked(version, None)
            _move(version, VersionState.EXPIRED)
            version.save(update_fields=["state", "revision"])
        asset.current_version = None
        asset.status = AssetStatus.EXPIRED
        asset.save(update_fields=["current_version", "status", "updated_at"])
        audit.record(
            None,
            AuditAction.EXPIRE,
            asset=asset,
            version=version,
            from_state=source,
            to_state=AssetStatus.EXPIRED,
            usable_until=str(asset.usable_until),
        )
    return asset
