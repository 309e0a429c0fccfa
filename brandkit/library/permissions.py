"""Who may see and do what with assets: one place, used by every view, media URL and the API.

Anything a user may not see is answered as if it did not exist (404), so ids reveal nothing.
"""

from __future__ import annotations

import numpy as np
from django.db.models import Q, QuerySet

from brandkit.library.models import Asset, AssetStatus, AssetVersion, VersionState
from brandkit.library.search_index import SearchIndex
from brandkit.roles import PROCUREMENT, TOPIC_OWNER, WEB_MANAGER, user_roles


def visible_assets(user) -> QuerySet[Asset]:
    roles = user_roles(user)
    assets = Asset.objects.all()
    if WEB_MANAGER in roles:
        return assets
    approved = Q(status=AssetStatus.APPROVED, current_version__isnull=False)
    if TOPIC_OWNER in roles:
        return assets.filter(approved | Q(owner=user))
    if PROCUREMENT in roles:
        return assets.filter(approved)
    return assets.none()


def visible_rows(index: SearchIndex, user) -> np.ndarray:
    """`visible_assets` over the search index: the same rule, as a mask of index rows."""
    roles = user_roles(user)
    if WEB_MANAGER in roles:
        return index.everything()
    approved = index.equals("status", AssetStatus.APPROVED) & index.has_version & index.alive
    if TOPIC_OWNER in roles:
        return approved | ((index.owner == user.pk) & index.alive)
    if PROCUREMENT in roles:
        return approved
    return index.nothing()


def can_view_version(user, version: AssetVersion) -> bool:
    roles = user_roles(user)
    if WEB_MANAGER in roles:
        return True
    asset = version.asset
    if TOPIC_OWNER in roles and asset.owner_id == user.pk:
        return True
    if roles & {TOPIC_OWNER, PROCUREMENT}:
        return (
            asset.status == AssetStatus.APPROVED
            and asset.current_version_id == version.pk
            and version.state == VersionState.APPROVED
        )
    return False


def can_upload(user) -> bool:
    return bool(user_roles(user) & {TOPIC_OWNER, WEB_MANAGER})


def can_edit(user, asset: Asset) -> bool:
    """Web managers edit any asset's description; topic owners only their own, while no
    version of it is waiting for a decision."""
    roles = user_roles(user)
    if WEB_MANAGER in roles:
        return True
    if TOPIC_OWNER in roles and asset.owner_id == user.pk:
        return not asset.versions.filter(state=VersionState.SUBMITTED).exists()
    return False


def can_add_version(user, asset: Asset) -> bool:
    roles = user_roles(user)
    return WEB_MANAGER in roles or (TOPIC_OWNER in roles and asset.owner_id == user.pk)


def can_view_text_revision(user, revision) -> bool:
    """Proposed texts are not published: only web managers and the asset's owner see them."""
    roles = user_roles(user)
    return WEB_MANAGER in roles or (
        TOPIC_OWNER in roles and user.pk in (revision.asset.owner_id, revision.author_id)
    )


def edits_wait_for_review(user, asset: Asset) -> bool:
    """An edit by this user to this asset becomes a text revision (it is published and the
    user is not the web manager, who approves texts); otherwise it is saved at once."""
    return asset.is_published and WEB_MANAGER not in user_roles(user)


def can_decide(user) -> bool:
    return WEB_MANAGER in user_roles(user)


def can_comment(user, version: AssetVersion) -> bool:
    roles = user_roles(user)
    return WEB_MANAGER in roles or (TOPIC_OWNER in roles and version.asset.owner_id == user.pk)
