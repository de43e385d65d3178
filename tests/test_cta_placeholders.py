"""{condition} in a call to action's text and button label: filled in, or refused in words."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from cms.models.calls_to_action import CallToAction, Placement
from home.models import HomePage
from practitioners.models import PractitionerDirectoryPage
from tests.cta_helpers import article_in, condition, make_call_to_action
from tests.pagetext import visible_text

EDIT = "wagtailsnippets_cms_calltoaction:edit"


@pytest.fixture
def no_calls_to_action(demo_site):
    CallToAction.objects.all().delete()


@pytest.fixture
def marketing(client, demo_site):
    client.force_login(get_user_model().objects.get(username="marketing"))
    return client


def edit_form(call_to_action, **overrides):
    return {
        "name": call_to_action.name,
        "icon": call_to_action.icon,
        "heading": call_to_action.heading,
        "text": call_to_action.text,
        "button_label": call_to_action.button_label,
        "target_page": PractitionerDirectoryPage.objects.get().pk,
        "target_url": "",
        "placement": call_to_action.placement,
        "conditions": [c.pk for c in call_to_action.conditions.all()],
        "priority": "0",
        "action-publish": "1",
        **overrides,
    }


def test_the_text_and_the_button_name_the_pages_condition(client, no_calls_to_action):
    make_call_to_action(
        heading="Acupuncture for {condition}",
        text="Talk to a clinician who treats {condition}.",
        button_label="Find a {condition} practitioner",
    )
    text = visible_text(client.get(article_in("migraines").url).content.decode())
    assert "Talk to a clinician who treats Migraines." in text
    assert "Find a Migraines practitioner" in text
    assert "{condition}" not in text


def test_without_a_condition_they_read_your_condition(client, no_calls_to_action):
    make_call_to_action(
        heading="Acupuncture may help",
        text="Talk to a clinician about {condition}.",
        button_label="Help with {condition}",
        placement=Placement.HOME,
    )
    text = visible_text(client.get(HomePage.objects.get().url).content.decode())
    assert "Talk to a clinician about your condition." in text
    assert "Help with your condition" in text


def test_the_filled_in_text_is_escaped(client, no_calls_to_action):
    make_call_to_action(text="<i>{condition}</i> & you", button_label="<b>Go</b> {condition}")
    page = client.get(article_in("insomnia").url).content.decode()
    assert "&lt;i&gt;Insomnia&lt;/i&gt; &amp; you" in page
    assert "&lt;b&gt;Go&lt;/b&gt; Insomnia" in page


def test_the_editor_fills_in_the_text_in_its_preview(marketing, no_calls_to_action):
    call_to_action = make_call_to_action(
        text="For {condition} only.", conditions=[condition("insomnia")]
    )
    response = marketing.post(
        reverse("wagtailsnippets_cms_calltoaction:preview_on_edit", args=[call_to_action.pk]),
        edit_form(call_to_action),
    )
    assert response.json()["is_valid"]
    preview = marketing.get(
        reverse("wagtailsnippets_cms_calltoaction:preview_on_edit", args=[call_to_action.pk]),
        {"mode": str(condition("insomnia").pk)},
    )
    assert "For Insomnia only." in visible_text(preview.content.decode())


@pytest.mark.parametrize(
    ("field", "wording", "message"),
    [
        ("text", "Help for {conditions}", "“{conditions}” is not a placeholder this text can fill"),
        ("text", "Help for {condition", "A curly bracket is not closed"),
        ("text", "Help {0}", "“{0}” is not a placeholder this text can fill"),
        (
            "button_label",
            "Book {name}",
            "“{name}” is not a placeholder this button label can fill",
        ),
        ("button_label", "Book }", "A curly bracket is not closed"),
    ],
)
def test_another_placeholder_is_refused_in_the_editor(
    marketing, no_calls_to_action, field, wording, message
):
    call_to_action = make_call_to_action(text="Unchanged text.")
    response = marketing.post(
        reverse(EDIT, args=[call_to_action.pk]), edit_form(call_to_action, **{field: wording})
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    call_to_action.refresh_from_db()
    assert call_to_action.text == "Unchanged text."
    assert call_to_action.button_label == "Find a practitioner →"


def test_a_good_placeholder_is_saved_through_the_editor(client, marketing, no_calls_to_action):
    call_to_action = make_call_to_action()
    response = marketing.post(
        reverse(EDIT, args=[call_to_action.pk]),
        edit_form(call_to_action, text="Near you, for {condition}.", button_label="{condition}"),
    )
    assert response.status_code == 302
    client.logout()
    text = visible_text(client.get(article_in("insomnia").url).content.decode())
    assert "Near you, for Insomnia." in text


def test_wording_saved_before_the_check_shows_as_written(client, no_calls_to_action):
    call_to_action = make_call_to_action()
    CallToAction.objects.filter(pk=call_to_action.pk).update(text="Odd {braces} here {")
    text = visible_text(client.get(article_in("insomnia").url).content.decode())
    assert "Odd {braces} here {" in text
