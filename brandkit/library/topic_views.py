"""Topic areas and campaigns, kept in the app rather than the Django admin.

The web manager keeps both lists (add, rename, reorder, accept or decline proposals); a topic
owner proposes a campaign, which can be chosen for assets once the web manager accepts it, so
the facet stays one vocabulary. Every change is an audit event with old and new values, through
the same function as the admin's (review.audit.record_list_change).
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import override
from django.views.decorators.http import require_http_methods, require_POST

from brandkit.inbox import delivery as inbox
from brandkit.library.forms import CampaignForm, CampaignProposalForm, TopicAreaForm
from brandkit.library.models import Campaign, CampaignStatus, TopicArea
from brandkit.review import audit
from brandkit.roles import TOPIC_OWNER, WEB_MANAGER, active_web_managers, user_roles


def _roles(request) -> set[str]:
    roles = user_roles(request.user)
    if not roles:
        raise Http404(_("No such page."))
    return roles


def _manager(request) -> None:
    if WEB_MANAGER not in user_roles(request.user):
        raise Http404(_("No such page."))


@require_http_methods(["GET", "POST"])
def topics(request):
    """Both lists, with the forms the user's role allows."""
    roles = _roles(request)
    is_manager = WEB_MANAGER in roles
    topic_form = TopicAreaForm(prefix="topic") if is_manager else None
    campaign_form = None
    if is_manager:
        campaign_form = CampaignForm(prefix="campaign", initial={"status": CampaignStatus.ACTIVE})
    elif TOPIC_OWNER in roles:
        campaign_form = CampaignProposalForm(prefix="campaign")
    if request.method == "POST":
        which = request.POST.get("form")
        if which == "topic" and is_manager:
            topic_form = TopicAreaForm(request.POST, prefix="topic")
            if topic_form.is_valid():
                with transaction.atomic():
                    topic = topic_form.save()
                    audit.record_list_change(request.user, topic, None, change="added", via="app")
                messages.success(request, _("Topic area “%(name)s” added.") % {"name": topic})
                return redirect("library:topics")
        elif which == "campaign" and campaign_form is not None:
            form_class = CampaignForm if is_manager else CampaignProposalForm
            campaign_form = form_class(request.POST, prefix="campaign")
            if campaign_form.is_valid():
                with transaction.atomic():
                    campaign = campaign_form.save(commit=False)
                    if not is_manager:
                        campaign.status = CampaignStatus.PROPOSED
                        campaign.proposed_by = request.user
                    campaign.save()
                    audit.record_list_change(
                        request.user, campaign, None, change="added", via="app"
                    )
                    if campaign.status == CampaignStatus.PROPOSED:
                        _tell_managers(request, campaign)
                if campaign.status == CampaignStatus.PROPOSED:
                    messages.success(
                        request,
                        _("Campaign “%(name)s” proposed: the web manager accepts it into use.")
                        % {"name": campaign.name},
                    )
                else:
                    messages.success(request, _("Campaign “%(name)s” added.") % {"name": campaign})
                return redirect("library:topics")
        else:
            raise Http404(_("No such page."))
    campaigns = Campaign.objects.annotate(assets=Count("asset")).select_related("proposed_by")
    if not is_manager:  # others see what is in use and their own proposals
        campaigns = campaigns.filter(status=CampaignStatus.ACTIVE) | campaigns.filter(
            proposed_by=request.user
        )
    campaigns = campaigns.order_by("status", "name")
    return render(
        request,
        "library/topics.html",
        {
            "topics": TopicArea.objects.annotate(assets=Count("asset")),
            "active": [c for c in campaigns if c.status == CampaignStatus.ACTIVE],
            "proposed": [c for c in campaigns if c.status == CampaignStatus.PROPOSED],
            "declined": [c for c in campaigns if c.status == CampaignStatus.DECLINED],
            "topic_form": topic_form,
            "campaign_form": campaign_form,
            "is_manager": is_manager,
        },
    )


def _tell_managers(request, campaign: Campaign) -> None:

    managers = active_web_managers()
    with override(settings.LANGUAGE_CODE):  # like the e-mails: the agency's language
        subject = _("Campaign proposed: %(name)s") % {"name": campaign.name}
    inbox.deliver(managers, subject, campaign.purpose, reverse("library:topics"))


def _edit(request, obj, form_class, template_title):
    before = audit.plain_fields(obj)
    form = form_class(request.POST or None, instance=obj)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            saved = form.save()
            audit.record_list_change(request.user, saved, before, change="changed", via="app")
        messages.success(request, _("Saved."))
        return redirect("library:topics")
    return render(
        request, "library/topic_edit.html", {"form": form, "obj": obj, "title": template_title}
    )


@require_http_methods(["GET", "POST"])
def topic_edit(request, pk):
    _manager(request)
    topic = get_object_or_404(TopicArea, pk=pk)
    return _edit(request, topic, TopicAreaForm, _("Edit topic area"))


@require_http_methods(["GET", "POST"])
def campaign_edit(request, pk):
    _manager(request)
    campaign = get_object_or_404(Campaign, pk=pk)
    return _edit(request, campaign, CampaignForm, _("Edit campaign"))


@require_POST
def campaign_decide(request, pk):
    """Accept a proposed campaign into use, or decline it; the proposer is told."""
    _manager(request)
    decision = request.POST.get("decision")
    if decision not in ("accept", "decline"):
        messages.error(request, _("Choose whether to accept or decline the campaign."))
        return redirect("library:topics")
    with transaction.atomic():
        campaign = get_object_or_404(Campaign.objects.select_for_update(), pk=pk)
        if campaign.status != CampaignStatus.PROPOSED:
            messages.error(request, _("This campaign was already decided."))
            return redirect("library:topics")
        before = audit.plain_fields(campaign)
        campaign.status = CampaignStatus.ACTIVE if decision == "accept" else CampaignStatus.DECLINED
        campaign.save(update_fields=["status"])
        audit.record_list_change(request.user, campaign, before, change="changed", via="app")
        if campaign.proposed_by is not None:
            with override(settings.LANGUAGE_CODE):
                subject = (
                    _("Your campaign “%(name)s” was accepted and can now be chosen for assets.")
                    if decision == "accept"
                    else _("Your campaign “%(name)s” was declined.")
                ) % {"name": campaign.name}
            inbox.deliver([campaign.proposed_by], subject, "", reverse("library:topics"))
    messages.success(
        request,
        (_("Campaign accepted.") if decision == "accept" else _("Campaign declined.")),
    )
    return redirect("library:topics")
