"""Review records in the admin: both read-only. The audit trail is append-only, so no one,
superusers included, can add, change or delete an audit event here; comments are part of the
record of a decision and are not edited afterwards either."""

from django.contrib import admin

from brandkit.review.models import AuditEvent, Comment


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    list_display = ("at", "actor", "action", "object_repr", "from_state", "to_state")
    list_filter = ("action",)
    search_fields = ("object_repr", "actor__username")
    date_hierarchy = "at"

    def get_actions(self, request):
        return {}  # no bulk delete


@admin.register(Comment)
class CommentAdmin(ReadOnlyAdmin):
    list_display = ("created_at", "author", "version")
    search_fields = ("text", "author__username")
