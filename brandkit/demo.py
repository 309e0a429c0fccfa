"""Demo accounts: published passwords, so they only ever work with DEBUG on."""

from django.conf import settings
from django.contrib.auth.backends import ModelBackend

from brandkit.roles import PROCUREMENT, TOPIC_OWNER, WEB_MANAGER

DEMO_USERS = [
    # username, password, role, first name, last name, staff (admin access)
    ("teema", "teema-demo-2026", TOPIC_OWNER, "Tiina", "Teemaomanik", False),
    ("veeb", "veeb-demo-2026", WEB_MANAGER, "Veiko", "Veebihaldur", True),
    ("hange", "hange-demo-2026", PROCUREMENT, "Hele", "Hankespetsialist", False),
]
DEMO_PASSWORDS = {username: password for username, password, *_rest in DEMO_USERS}


class DemoAwareModelBackend(ModelBackend):
    """Django's model backend, refusing a demo account's published password when DEBUG is off."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if (
            not settings.DEBUG
            and username in DEMO_PASSWORDS
            and password == DEMO_PASSWORDS[username]
        ):
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
