"""Template context shared by every page."""

from brandkit.roles import PROCUREMENT, TOPIC_OWNER, WEB_MANAGER, user_roles


def roles(request):
    held = user_roles(getattr(request, "user", None))
    return {
        "user_roles": held,
        "is_web_manager": WEB_MANAGER in held,
        "is_topic_owner": TOPIC_OWNER in held,
        "is_procurement": PROCUREMENT in held,
    }
