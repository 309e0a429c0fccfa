from django.contrib import admin

from brandkit.inbox.models import Notification


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ("subject", "recipient", "created_at", "read_at")
    list_filter = ("read_at",)
    search_fields = ("subject", "recipient__username")
    readonly_fields = ("recipient", "subject", "body", "url", "created_at", "read_at")

    def has_add_permission(self, request):
        return False
