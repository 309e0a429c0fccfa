"""API tokens in the admin: listed and revoked here, created with `manage.py
create_api_token` (the only place the token is ever shown). The hash is never displayed."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from brandkit.api.models import ApiToken


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("name", "created_by", "created_at", "last_used_at", "revoked", "revoked_at")
    list_filter = ("revoked",)
    search_fields = ("name", "created_by__username")
    fields = ("name", "created_by", "created_at", "last_used_at", "revoked", "revoked_at")
    readonly_fields = fields
    actions = ["revoke_tokens"]

    def has_add_permission(self, request):
        return False  # tokens are issued by `manage.py create_api_token`, which shows them once

    def has_delete_permission(self, request, obj=None):
        return False  # revoke instead: the name stays in the audit trail's download events

    @admin.action(description=_("Revoke selected tokens"), permissions=["change"])
    def revoke_tokens(self, request, queryset):
        count = sum(token.revoke() for token in queryset)
        self.message_user(
            request,
            ngettext("%(count)d token revoked.", "%(count)d tokens revoked.", count)
            % {"count": count},
            messages.SUCCESS,
        )
