import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from brandkit.library.models import Asset, AssetChange, AssetStatus, StagedUpload
from brandkit.library.search_store import CHANGE_LOG_KEPT
from brandkit.library.uploads import discard
from brandkit.review import notifications, workflow

STAGED_UPLOAD_LIFETIME = datetime.timedelta(days=2)


class Command(BaseCommand):
    help = (
        "Daily: expire assets whose rights ended (hidden from the library), e-mail owners "
        f"{settings.BRANDKIT_EXPIRY_NOTICE_DAYS} days before, drop abandoned staged uploads "
        "and prune the search change log."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--today",
            type=datetime.date.fromisoformat,
            help="pretend today is this date (YYYY-MM-DD)",
        )

    def handle(self, *args, today=None, **options):
        today = today or timezone.localdate()
        live = Asset.objects.exclude(status__in=[AssetStatus.EXPIRED, AssetStatus.ARCHIVED])
        expired = 0
        for asset in live.filter(usable_until__lt=today):
            workflow.expire(asset)
            expired += 1
        horizon = today + datetime.timedelta(days=settings.BRANDKIT_EXPIRY_NOTICE_DAYS)
        warned = 0
        for asset in live.filter(
            usable_until__gte=today, usable_until__lte=horizon, expiry_notice_sent_on__isnull=True
        ).select_related("owner"):
            notifications.rights_expiring(asset, (asset.usable_until - today).days)
            Asset.objects.filter(pk=asset.pk).update(expiry_notice_sent_on=today)
            warned += 1
        stale = StagedUpload.objects.filter(created_at__lt=timezone.now() - STAGED_UPLOAD_LIFETIME)
        dropped = 0
        for staged in stale:
            discard(staged)
            dropped += 1
        pruned, _by_model = AssetChange.objects.filter(
            changed_at__lt=timezone.now() - CHANGE_LOG_KEPT
        ).delete()
        self.stdout.write(
            f"{expired} asset(s) expired, {warned} owner(s) warned, "
            f"{dropped} abandoned upload(s) removed, {pruned} old search change(s) pruned."
        )
