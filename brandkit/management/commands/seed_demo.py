from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from brandkit.demo import DEMO_USERS


class Command(BaseCommand):
    help = "Create the three demo users (development only: refused when DEBUG is off)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "Demo users have published passwords and are refused when DEBUG is off.",
                returncode=2,
            )
        User = get_user_model()
        for username, password, role, first, last, staff in DEMO_USERS:
            user, created = User.objects.get_or_create(
                username=username,
                defaults={
                    "first_name": first,
                    "last_name": last,
                    "email": f"{username}@example.ee",
                },
            )
            user.set_password(password)
            user.is_staff = staff
            user.save()
            user.groups.set([Group.objects.get(name=role)])
            state = "created" if created else "updated"
            self.stdout.write(f"{username} ({role}) {state}; password {password}")
