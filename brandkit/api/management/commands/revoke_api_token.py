"""`manage.py revoke_api_token NAME`: the token stops working at once."""

from django.core.management.base import BaseCommand, CommandError

from brandkit.api.models import ApiToken


class Command(BaseCommand):
    help = "Revoke a CMS API token by name; requests with it are answered 401 from then on."

    def add_arguments(self, parser):
        parser.add_argument("name")

    def handle(self, *args, name, **options):
        token = ApiToken.objects.filter(name=name).first()
        if token is None:
            raise CommandError(f"No API token named {name!r}.")
        if token.revoke():
            self.stdout.write(f"Revoked API token {name!r}.")
        else:
            self.stdout.write(f"API token {name!r} was already revoked (at {token.revoked_at}).")
