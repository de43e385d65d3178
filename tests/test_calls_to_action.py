"""Which call to action a page shows, what it says, and when."""

import datetime
import html
import re
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from cms.models.calls_to_action import CallToAction, Placement
from home.models import HomePage
from research.models import ConditionIndexPage, ResearchLibraryPage
from tests.cta_helpers import article_in, condition, make_call_to_action, seed_article

ARTICLE_PAGE_QUERY_BUDGET = 12
PANEL = re.compile(
    r'<aside class="promo cta-panel".*?class="cta-panel__heading"[^>]*>(.*?)</h2>.*?'
    r'href="([^"]*)"',
    re.DOTALL,
)


def shown(client, page):
    """(heading text, button link) of the call to action on a page, or None."""
    response = client.get(page.url)
    assert response.status_code == 200
    match = PANEL.search(response.content.decode())
    if match is None:
        return None
    heading = html.unescape(re.sub(r"<[^>]+>", "", match.group(1))).replace("🌿", "").strip()
    return heading, html.unescape(match.group(2))


@pytest.fixture
def no_calls_to_action(demo_site):
    CallToAction.objects.all().delete()


def test_the_seed_article_ends_with_the_seed_call_to_action(client, demo_site):
    heading, link = shown(client, seed_article())
    assert heading == "Ready to try acupuncture for Migraines?"
    assert link == f"/go/{CallToAction.objects.get(conditions=None).pk}/?from={seed_article().pk}"
    page = client.get(seed_article().url).content.decode()
    assert "Browse our directory of verified licensed practitioners near you." in page
    assert "Find a practitioner →" in page
    assert "Promotion" in page


def test_a_condition_specific_call_to_action_beats_a_catch_all(client, no_calls_to_action):
    make_call_to_action(name="For all", heading="All: {condition}", priority=50)
    make_call_to_action(
        name="Migraines only", heading="Migraine: {condition}", conditions=[condition("migraines")]
    )
    assert shown(client, article_in("migraines"))[0] == "Migraine: Migraines"
    assert shown(client, article_in("insomnia"))[0] == "All: Insomnia"


def test_higher_priority_then_newest_wins(client, no_calls_to_action):
    make_call_to_action(name="Old", heading="Old", priority=5)
    make_call_to_action(name="Strong", heading="Strong", priority=9)
    make_call_to_action(name="Newest", heading="Newest", priority=5)
    assert shown(client, article_in("insomnia"))[0] == "Strong"
    CallToAction.objects.get(name="Strong").unpublish()
    assert shown(client, article_in("insomnia"))[0] == "Newest"


def test_drafts_and_other_placements_and_other_conditions_never_show(client, no_calls_to_action):
    make_call_to_action(name="Draft", heading="Draft", publish=False)
    make_call_to_action(name="Home", heading="Home", placement=Placement.HOME)
    make_call_to_action(name="Anxiety", heading="Anxiety", conditions=[condition("anxiety")])
    assert shown(client, article_in("insomnia")) is None


def test_each_placement_finds_its_own(client, no_calls_to_action):
    for placement in Placement:
        make_call_to_action(
            name=placement.label, heading=f"{placement.value} {{condition}}", placement=placement
        )
    assert shown(client, HomePage.objects.get())[0] == "home your condition"
    assert shown(client, article_in("anxiety"))[0] == "article_end Anxiety"
    # The condition and library templates gain their slots from the research helper's branch.
    from django.template import Context, Template
    from django.test import RequestFactory

    slot = Template('{% include "components/cta_slot.html" with placement=placement %}')
    request = RequestFactory().get("/")
    for page, placement, expected in [
        (condition("anxiety"), "condition", "condition Anxiety"),
        (ResearchLibraryPage.objects.get(), "library", "library your condition"),
    ]:
        rendered = slot.render(Context({"request": request, "page": page, "placement": placement}))
        assert expected in html.unescape(rendered)


def test_a_condition_only_call_to_action_stays_off_pages_without_a_condition(
    client, no_calls_to_action
):
    make_call_to_action(
        heading="Home {condition}", placement=Placement.HOME, conditions=[condition("anxiety")]
    )
    assert shown(client, HomePage.objects.get()) is None


@pytest.mark.parametrize(
    "heading, message",
    [
        ("", "Write a heading"),
        ("   ", "Write a heading"),
        ("Try acupuncture for {conditon}", "“{conditon}” is not a placeholder"),
        ("Hello {name}", "“{name}” is not a placeholder"),
        ("Hello {condition:>20}", "is not a placeholder"),
        ("Hello {condition", "A curly bracket is not closed"),
        ("Hello {0}", "“{0}” is not a placeholder"),
    ],
)
def test_a_heading_with_an_unknown_placeholder_is_refused_in_words(demo_site, heading, message):
    call_to_action = CallToAction(
        name="x", heading=heading, button_label="Go", target_url="https://example.org/"
    )
    with pytest.raises(ValidationError) as refused:
        call_to_action.full_clean()
    assert message in " ".join(refused.value.message_dict["heading"])


def test_the_placeholder_is_filled_and_escaped(client, no_calls_to_action):
    make_call_to_action(heading="<b>{condition}</b> & more")
    page = client.get(article_in("migraines").url).content.decode()
    assert "&lt;b&gt;Migraines&lt;/b&gt; &amp; more" in page


def test_a_target_is_a_page_or_an_address_not_both_nor_neither(demo_site):
    call_to_action = make_call_to_action(publish=False)
    call_to_action.target_url = "https://example.org/"
    with pytest.raises(ValidationError, match="not both"):
        call_to_action.full_clean()
    call_to_action.target_page = None
    call_to_action.target_url = ""
    with pytest.raises(ValidationError, match="Choose the page"):
        call_to_action.full_clean()
    call_to_action.target_url = "javascript:alert(1)"
    with pytest.raises(ValidationError):
        call_to_action.full_clean()


def test_publishing_clears_the_cached_choice(client, no_calls_to_action):
    first = make_call_to_action(heading="First")
    assert shown(client, article_in("insomnia"))[0] == "First"
    make_call_to_action(heading="Second", priority=3)
    assert shown(client, article_in("insomnia"))[0] == "Second"
    first.delete()
    CallToAction.objects.get(heading="Second").unpublish()
    assert shown(client, article_in("insomnia")) is None


def test_editing_a_draft_of_a_live_call_to_action_leaves_the_live_one_showing(
    client, no_calls_to_action
):
    call_to_action = make_call_to_action(heading="Live words")
    call_to_action.heading = "Draft words"
    call_to_action.save_revision()
    assert shown(client, article_in("insomnia"))[0] == "Live words"
    call_to_action.get_latest_revision().publish()
    assert shown(client, article_in("insomnia"))[0] == "Draft words"


def test_scheduled_for_tomorrow_shows_only_once_the_scheduled_publish_has_run(
    client, no_calls_to_action
):
    call_to_action = make_call_to_action(heading="Spring campaign", publish=False)
    call_to_action.go_live_at = timezone.now() + datetime.timedelta(days=1)
    call_to_action.save_revision().publish()
    call_to_action.refresh_from_db()
    assert not call_to_action.live
    assert shown(client, article_in("insomnia")) is None

    call_command("publish_scheduled")  # today: nothing is due yet
    assert shown(client, article_in("insomnia")) is None

    day_after = timezone.now() + datetime.timedelta(days=1, hours=1)
    with mock.patch("django.utils.timezone.now", return_value=day_after):
        call_command("publish_scheduled")
        assert shown(client, article_in("insomnia"))[0] == "Spring campaign"


def test_an_ended_call_to_action_disappears_at_its_end(client, no_calls_to_action):
    make_call_to_action(heading="Ends soon", expire_at=timezone.now() + datetime.timedelta(hours=1))
    assert shown(client, article_in("insomnia"))[0] == "Ends soon"
    later = timezone.now() + datetime.timedelta(hours=2)
    with mock.patch("django.utils.timezone.now", return_value=later):
        # Gone at once, from the cached choice, before the command has run...
        assert shown(client, article_in("insomnia")) is None
        call_command("publish_scheduled")
    # ...and unpublished by it.
    assert not CallToAction.objects.get(heading="Ends soon").live


def test_preview_shows_it_on_a_real_article_of_the_chosen_condition(demo_site):
    call_to_action = make_call_to_action(
        heading="Preview for {condition}", conditions=[condition("insomnia")], publish=False
    )
    modes = dict(call_to_action.preview_modes)
    assert modes[str(condition("anxiety").pk)] == "On Anxiety"
    response = call_to_action.make_preview_request(preview_mode=str(condition("anxiety").pk))
    page = response.content.decode()
    assert "Preview for Anxiety" in page
    assert article_in("anxiety").title in page
    # The preview leads straight to the directory for the condition and counts nothing.
    assert 'href="/practitioners/?condition=anxiety"' in page
    assert "cta-panel__beacon" not in page and "/seen/" not in page
    assert not call_to_action.daily_counts.exists()


def test_the_call_to_action_adds_a_fixed_number_of_queries(
    client, no_calls_to_action, django_assert_num_queries
):
    article = article_in("migraines")
    client.get(article.url)
    with CaptureCount() as without:
        client.get(article.url)
    # Many conditions and many candidates: an N+1 over either would show.
    every_condition = list(ConditionIndexPage.objects.live())
    for number in range(12):
        make_call_to_action(name=f"Candidate {number}", conditions=every_condition)
    # Cold: one query chooses. The impression is counted by the browser's beacon request.
    with django_assert_num_queries(without.count + 1):
        response = client.get(article.url)
    assert "Ready to try acupuncture for Migraines?" in response.content.decode()
    # Warm: the choice comes from the cache; the call to action costs no query at all.
    with django_assert_num_queries(without.count):
        client.get(article.url)
    # DESIGN.md's budget for an article page with its call to action.
    assert without.count <= ARTICLE_PAGE_QUERY_BUDGET


class CaptureCount:
    def __enter__(self):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        self.context = CaptureQueriesContext(connection)
        self.context.__enter__()
        return self

    def __exit__(self, *exc):
        self.context.__exit__(*exc)
        self.count = len(self.context.captured_queries)
