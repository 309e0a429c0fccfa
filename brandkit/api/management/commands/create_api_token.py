"""`manage.py create_api_token NAME --user USERNAME`: issue a CMS API token, printed once."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from brandkit.api.models import ApiToken
from brandkit.roles import user_roles


class Command(BaseCommand):
    help = (
        "Create an API token for the website's CMS and print it once; only its SHA-256 is "
        "stored. Downloads made with it are logged under --user."
    )

    def add_arguments(self, parser):
        parser.add_argument("name", help="A unique name, e.g. 'website-cms'.")
        parser.add_argument(
            "--user",
            required=True,
            help="Username the token acts for (needs a brandkit role, e.g. web_manager).",
        )

    def handle(self, *args, name, user, **options):
        name = name.strip()
        if not name or len(name) > 100:
            raise CommandError("The name must be 1 to 100 characters.")
        if ApiToken.objects.filter(name=name).exists():
            raise CommandError(f"A token named {name!r} exists already; pick another name.")
        account = get_user_model().objects.filter(username=user, is_active=True).first()
        if account is None:
            raise CommandError(f"No active user {user!r}.")
        if not user_roles(account):
            raise CommandError(
                f"User {user!r} has no brandkit role, so the token would see nothing; "
                "give the user a role (e.g. web_manager or procurement) first."
            )
        _row, token = ApiToken.objects.issue(name, account)
        self.stderr.write(
            f"Created API token {name!r} for {user}. It is shown only now; store it safely:"
        )
        self.stdout.write(token)
