"""Control characters in typed text (brandkit.plain_text): single-line fields refuse line
breaks, tabs and other control characters in every form and the API's query; textareas keep
line breaks and tabs; and an e-mail about a title that holds a line break anyway (stored before
this rule, or through the admin) is still sent, with a one-line subject."""

import pytest
from django import forms
from django.core import mail
from django.urls import reverse
from django.utils import translation

from brandkit.api.models import ApiToken
from brandkit.library.forms import AssetForm, TextForm, UploadForm
from brandkit.library.models import Asset
from brandkit.plain_text import one_line
from brandkit.review import workflow
from brandkit.review.forms import AuditFilterForm
from procurement.forms import DeliverableForm, DeliveryForm, MilestoneForm, OrderForms
from tests.library_helpers import make_asset, make_staged
from tests.test_procurement_helpers import make_order, order_post

pytestmark = pytest.mark.django_db

SINGLE_LINE_BAD = [
    "Pension\r\nBcc: x@example.ee",
    "Pension\nreform",
    "a\tb",
    "a\x00b",
    "a\x1b[31m",
    "a\x85b",
    "a\u2028b",
]


@pytest.fixture
def english(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


@pytest.mark.parametrize("title", SINGLE_LINE_BAD)
def test_a_title_with_a_line_break_or_control_character_is_refused(
    client, english, ska, topic_owner, title
):
    staged = make_staged(topic_owner, ska)
    client.force_login(topic_owner)
    response = client.post(
        reverse("library:staged", args=[staged.token]),
        {"title_et": title, "kind": "banner", "languages": ["et"], "alt_text_et": "Tekst"},
    )
    assert response.status_code == 200
    assert (
        "Write this on one line, without line breaks, tabs or other control characters."
        in response.context["form"].errors["title_et"]
    )
    assert not Asset.objects.exists()


def test_a_textarea_keeps_line_breaks_and_tabs_but_not_other_controls(ska, topic_owner):
    base = {"title_et": "Pension", "kind": "banner", "languages": ["et"], "alt_text_et": "Tekst"}
    ok = AssetForm({**base, "description_et": "Rida üks\r\nRida\tkaks"})
    assert ok.is_valid(), ok.errors
    assert ok.cleaned_data["description_et"] == "Rida üks\r\nRida\tkaks"
    bad = AssetForm({**base, "description_et": "Rida üks\x1b[31m"})
    with translation.override("en"):  # the message in the language the assertion reads
        assert not bad.is_valid()
        assert "control characters" in bad.errors["description_et"][0]
    comment = TextForm({"text": "Palun\nparanda\x07"})
    assert not comment.is_valid()


def test_the_order_form_refuses_a_title_with_a_line_break(ska, topic_owner):
    order_forms = OrderForms(
        order_post(title_en="Family\r\nbenefits"), user=topic_owner, brandbook=ska
    )
    assert not order_forms.is_valid()
    assert "title_en" in order_forms.order.errors
    milestone = OrderForms(
        order_post(**{"milestones-0-what": "Kavand\nBcc: x"}), user=topic_owner, brandbook=ska
    )
    assert not milestone.is_valid()


def test_every_text_field_of_every_form_carries_the_rule(ska, topic_owner):
    """A field added to one of these forms later is covered without more code."""
    order = make_order(topic_owner)
    instances = [
        UploadForm(brandbook=ska),
        AssetForm(),
        TextForm(),
        AuditFilterForm(),
        OrderForms(None, user=topic_owner, brandbook=ska).order,
        DeliverableForm(),
        MilestoneForm(),
        DeliveryForm(order=order, brandbook=ska),
    ]
    checked = 0
    for form in instances:
        for name, field in form.fields.items():
            if not isinstance(field, forms.CharField):
                continue
            checked += 1
            with pytest.raises(forms.ValidationError):
                field.run_validators("a\x00b")
            if not isinstance(field.widget, forms.Textarea):
                with pytest.raises(forms.ValidationError):
                    field.run_validators("a\nb")
            else:
                field.run_validators("a\nb")
            assert name
    assert checked >= 20


def test_a_title_with_a_line_break_still_gets_its_e_mail_sent(
    topic_owner, web_manager, ska, django_capture_on_commit_callbacks
):
    """Stored before the rule (or via the admin): the subject is made one line; before, Django
    refused it with BadHeaderError and the web manager was never told."""
    web_manager.email = "manager@example.ee"
    web_manager.save()
    _asset, version = make_asset(topic_owner, ska, title_et="Pension\r\nBcc: evil@example.ee")
    with django_capture_on_commit_callbacks(execute=True):
        workflow.submit(version, topic_owner)
    assert [m.to for m in mail.outbox] == [["manager@example.ee"]]
    message = mail.outbox[0].message()
    assert "Pension Bcc: evil@example.ee" in mail.outbox[0].subject
    assert "Bcc" not in message


def test_one_line_makes_any_text_a_short_single_line():
    assert one_line("a\r\n b\x00\tc") == "a b c"
    assert one_line("x" * 300, limit=10) == "xxxxxxxxx…"


@pytest.mark.parametrize("query", ["q=pension%0d%0aX", "campaign=a%00b", "topic=a%0ab"])
def test_the_api_query_refuses_control_characters(client, web_manager, query):
    _row, secret = ApiToken.objects.issue("cms", web_manager)
    response = client.get(f"/api/v1/assets?{query}", headers={"Authorization": f"Bearer {secret}"})
    assert response.status_code == 422


def _subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def test_every_form_of_the_apps_uses_the_mixin():
    """A form added to an app later gets the rule too, or this test names it."""
    import importlib
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    for path in [*root.glob("brandkit/**/forms.py"), *root.glob("procurement/**/forms.py")]:
        importlib.import_module(".".join(path.relative_to(root).with_suffix("").parts))
    from brandkit.plain_text import PlainTextFormMixin

    ours = [
        cls
        for base in (forms.Form, forms.ModelForm)
        for cls in _subclasses(base)
        if cls.__module__.split(".")[0] in {"brandkit", "procurement"}
        and cls.__module__.endswith(".forms")
    ]
    assert len(ours) >= 8
    assert [c.__qualname__ for c in ours if not issubclass(c, PlainTextFormMixin)] == []


def test_the_admin_refuses_a_title_with_a_line_break(
    client, settings, ska, topic_owner, web_manager
):
    from tests.test_admin_audit import admin_edit

    published, _version = make_asset(topic_owner, ska, state="approved", manager=web_manager)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.force_login(web_manager)
    response = admin_edit(client, published, title_en="Pension\r\nBcc: x@example.ee")
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "Write this on one line" in errors["title_en"][0]
    assert "\n" not in Asset.objects.get(pk=published.pk).title_en
