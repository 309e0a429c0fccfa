"""The three roles of brandkit and the model permissions each one holds.

Groups are created by a data migration (brandkit/migrations/0001_roles.py); their permissions
are synchronised after every migrate, because Django creates permission rows only in
post_migrate, after data migrations have run.
"""

TOPIC_OWNER = "topic_owner"
WEB_MANAGER = "web_manager"
PROCUREMENT = "procurement"
ROLES = (TOPIC_OWNER, WEB_MANAGER, PROCUREMENT)

_BRAND_KIT_MODELS = ("brandbook", "colour", "typeface", "logo", "channelpreset")


def _perms(app_label: str, models: tuple[str, ...], actions: tuple[str, ...]) -> list[str]:
    return [f"{app_label}.{action}_{model}" for model in models for action in actions]


_LIBRARY_LISTS = ("topicarea", "campaign", "tag")

_ORDER_MODELS = ("visualorder", "deliverable", "milestone")

ROLE_PERMISSIONS: dict[str, list[str]] = {
    TOPIC_OWNER: _perms("rules", _BRAND_KIT_MODELS, ("view",))
    + _perms("library", ("asset", "assetversion"), ("view", "add", "change"))
    + _perms("library", _LIBRARY_LISTS, ("view",))
    + _perms("review", ("comment",), ("view", "add"))
    + _perms("procurement", _ORDER_MODELS, ("view", "add", "change"))
    + _perms("procurement", ("document", "delivery"), ("view", "add"))
    + _perms("procurement", ("procurementthreshold",), ("view",)),
    WEB_MANAGER: _perms("rules", _BRAND_KIT_MODELS, ("view", "add", "change", "delete"))
    + _perms("library", ("asset", "assetversion", "rendition"), ("view", "change"))
    + _perms("library", _LIBRARY_LISTS, ("view", "add", "change", "delete"))
    + _perms("review", ("comment", "auditevent"), ("view",))
    + _perms("review", ("comment",), ("add",))
    + _perms("procurement", _ORDER_MODELS, ("view", "add", "change"))
    + _perms("procurement", ("document", "delivery"), ("view", "add"))
    + _perms("procurement", ("procurementthreshold",), ("view", "add", "change", "delete")),
    PROCUREMENT: _perms("rules", _BRAND_KIT_MODELS, ("view",))
    + _perms("library", ("asset",), ("view",))
    + _perms("procurement", _ORDER_MODELS, ("view",))
    + _perms("procurement", ("document",), ("view", "add"))
    + _perms("procurement", ("delivery", "procurementthreshold"), ("view",)),
}


def sync_role_permissions(sender=None, using="default", **kwargs):
    """Give each role group exactly the permissions listed above (idempotent)."""
    from django.contrib.auth.models import Group, Permission

    for role, wanted in ROLE_PERMISSIONS.items():
        group, _created = Group.objects.using(using).get_or_create(name=role)
        perms = []
        for dotted in wanted:
            app_label, codename = dotted.split(".", 1)
            perm = (
                Permission.objects.using(using)
                .filter(content_type__app_label=app_label, codename=codename)
                .first()
            )
            if perm is not None:
                perms.append(perm)
        group.permissions.set(perms)


def user_roles(user) -> set[str]:
    """The user's roles, looked up once per user object (one request, one task): permission
    checks run per item on list pages. Code that changes a user's groups and checks again on
    the same object calls `forget_roles(user)`."""
    if not getattr(user, "is_authenticated", False):
        return set()
    cached = getattr(user, "_brandkit_roles", None)
    if cached is None:
        cached = frozenset(user.groups.filter(name__in=ROLES).values_list("name", flat=True))
        user._brandkit_roles = cached
    return set(cached)


def forget_roles(user) -> None:
    user.__dict__.pop("_brandkit_roles", None)


def has_role(user, role: str) -> bool:
    return role in user_roles(user)


def active_web_managers():
    """The web managers who can act now: who is told of submissions and proposals, and who
    counts as "another web manager" for separation of duties."""
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(groups__name=WEB_MANAGER, is_active=True)
