"""Keep `Asset.search_text` current whenever an asset, its tags, a tag or a campaign changes,
whichever way the change is made (our forms, the admin, the shell)."""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.dispatch import receiver

from brandkit.library.models import Asset, Campaign, Tag
from brandkit.library.uploads import refresh_search_text


@receiver(post_save, sender=Asset, dispatch_uid="brandkit.library.asset_search_text")
def asset_saved(sender, instance: Asset, raw=False, **kwargs):
    if not raw:
        refresh_search_text(instance)


@receiver(m2m_changed, sender=Asset.tags.through, dispatch_uid="brandkit.library.asset_tags")
def asset_tags_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if reverse:  # tag.asset_set changed: refresh those assets
        assets = Asset.objects.filter(pk__in=pk_set) if pk_set else Asset.objects.none()
        if action == "post_clear":
            return  # the assets are not known any more; pre_clear is not worth the cost
        for asset in assets:
            refresh_search_text(asset)
    else:
        refresh_search_text(instance)


@receiver(post_save, sender=Tag, dispatch_uid="brandkit.library.tag_search_text")
def tag_saved(sender, instance: Tag, created=False, raw=False, **kwargs):
    if not created and not raw:
        for asset in instance.asset_set.all():
            refresh_search_text(asset)


@receiver(post_save, sender=Campaign, dispatch_uid="brandkit.library.campaign_search_text")
def campaign_saved(sender, instance: Campaign, created=False, raw=False, **kwargs):
    if not created and not raw:
        for asset in instance.asset_set.all():
            refresh_search_text(asset)


@receiver(pre_delete, sender=Tag, dispatch_uid="brandkit.library.tag_pre_delete")
@receiver(pre_delete, sender=Campaign, dispatch_uid="brandkit.library.campaign_pre_delete")
def remember_assets(sender, instance, **kwargs):
    instance._brandkit_asset_ids = list(instance.asset_set.values_list("pk", flat=True))


@receiver(post_delete, sender=Tag, dispatch_uid="brandkit.library.tag_post_delete")
@receiver(post_delete, sender=Campaign, dispatch_uid="brandkit.library.campaign_post_delete")
def refresh_remembered_assets(sender, instance, **kwargs):
    for asset in Asset.objects.filter(pk__in=getattr(instance, "_brandkit_asset_ids", [])):
        refresh_search_text(asset)
