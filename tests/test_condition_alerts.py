"""Following a condition by email: sign-up with double opt-in, the digest, unsubscribing,
managing the choices, the administrators' followers report, and bad input."""

import csv
import io
import re
import time
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core import mail, signing
from django.core.mail import EmailMultiAlternatives
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageViewRestriction

from research.alerts import tokens
from research.alerts.views import CONFIRMATIONS_PER_ADDRESS_PER_DAY, SIGN_UPS_PER_HOUR
from research.models import ConditionFollower, ConditionIndexPage
from tests import factories
from tests.editorial_helpers import migraines, seed_article

# The outage tests' fixtures: a Redis of the test's own as the site's cache.
from tests.test_shared_cache_outage import redis_server, shared_cache  # noqa: F401

FOLLOW = "/alerts/follow/"
CHECK_INBOX = "/alerts/follow/check-your-inbox/"
READER = "reader@example.org"


def condition(slug):
    return ConditionIndexPage.objects.get(slug=slug)


def sign_up(client, email=READER, conditions=("migraines",), website="", **request_meta):
    data = {"email": email, "conditions": list(conditions), "website": website}
    return client.post(FOLLOW, data, **request_meta)


def links_in(message):
    return re.findall(r"https?://\S+", message.body)


def link_path(url):
    return urlsplit(url).path


def link_to(message, kind):
    """The path of the first link of `kind` (confirm, manage, unsubscribe) in the email."""
    return next(link_path(url) for url in links_in(message) if f"/alerts/{kind}/" in url)


def html_of(message):
    return next(content for content, kind in message.alternatives if kind == "text/html")


def confirm(client, message):
    return client.post(link_to(message, "confirm"))


def follower(email=READER, *slugs, since=None):
    """A confirmed follower of the conditions `slugs`, whose last digest was at `since`."""
    now = since or timezone.now()
    row = ConditionFollower.objects.create(email=email, confirmed_at=now, last_digest_at=now)
    row.conditions.set([condition(slug) for slug in slugs or ("migraines",)])
    return row


def new_article(condition_slug="migraines", **fields):
    fields.setdefault("evidence_strength", "moderate")
    return factories.create_article(condition(condition_slug), **fields)


def send_digests():
    out = io.StringIO()
    call_command("send_condition_digests", stdout=out, stderr=io.StringIO())
    return out.getvalue()


# The link on public pages


def test_condition_page_links_to_the_sign_up_with_its_condition(client, demo_site):
    response = client.get(migraines().url)
    html = response.content.decode()
    assert f'href="{FOLLOW}?condition=migraines"' in html
    assert "Follow new research on Migraines" in html
    # A plain link: the page holds no form of ours, sets no CSRF cookie and stays cacheable.
    assert "csrftoken" not in response.cookies
    assert "public" in response["Cache-Control"]


def test_article_page_links_to_the_sign_up_with_its_condition(client, demo_site):
    response = client.get(seed_article().url)
    assert f'href="{FOLLOW}?condition=migraines"' in response.content.decode()
    assert "csrftoken" not in response.cookies
    assert "public" in response["Cache-Control"]


def test_sign_up_page_ticks_the_condition_from_the_link_and_is_not_cached(client, demo_site):
    response = client.get(FOLLOW, {"condition": "migraines"})
    assert response.status_code == 200
    html = response.content.decode()
    assert re.search(r'<input[^>]*value="migraines"[^>]*checked', html)
    assert not re.search(r'<input[^>]*value="insomnia"[^>]*checked', html)
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


@pytest.mark.parametrize("slug", ["no-such-condition", "x" * 5000, "<script>alert(1)</script>"])
def test_sign_up_page_explains_an_unknown_condition(client, demo_site, slug):
    response = client.get(FOLLOW, {"condition": slug})
    assert response.status_code == 200
    html = response.content.decode()
    assert "The condition in your link is not one we cover" in html
    assert "<script>alert(1)</script>" not in html
    assert not re.search(r"<input[^>]*checked", html)


# Double opt-in


def test_the_whole_double_opt_in_path(client, demo_site):
    response = sign_up(client, "Reader@Example.org", ("migraines", "insomnia"))
    assert response.status_code == 302
    assert response["Location"] == CHECK_INBOX
    assert "Check your inbox" in client.get(CHECK_INBOX).content.decode()
    assert not ConditionFollower.objects.exists()  # nothing stored before confirmation

    [message] = mail.outbox
    assert message.to == ["reader@example.org"]
    assert "Insomnia and Migraines" in message.subject
    assert link_to(message, "confirm") in html_of(message)

    page = client.get(link_to(message, "confirm"))
    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"]
    assert "reader@example.org" in page.content.decode()
    assert not ConditionFollower.objects.exists()  # opening the link is not confirming

    confirmed = confirm(client, message)
    assert confirmed.status_code == 200
    assert "Your alerts are on" in confirmed.content.decode()
    row = ConditionFollower.objects.get()
    assert row.email == "reader@example.org"
    assert {c.slug for c in row.conditions.all()} == {"migraines", "insomnia"}
    assert row.confirmed_at is not None
    assert len(mail.outbox) == 1  # confirming sends nothing more


def test_an_address_already_following_sees_the_same_answer_and_adds_its_new_choice(
    client, demo_site
):
    follower(READER, "migraines")
    fresh = sign_up(client, "someone-new@example.org")
    again = sign_up(client, READER, ("insomnia",))
    assert (again.status_code, again["Location"]) == (fresh.status_code, fresh["Location"])
    message = next(m for m in mail.outbox if m.to == [READER])
    confirm(client, message)
    row = ConditionFollower.objects.get(email=READER)
    assert {c.slug for c in row.conditions.all()} == {"migraines", "insomnia"}


def test_a_confirmation_link_used_twice_changes_nothing(client, demo_site):
    sign_up(client)
    [message] = mail.outbox
    confirm(client, message)
    first = ConditionFollower.objects.get()
    first.conditions.set([condition("insomnia")])  # changed since, from the manage page

    response = confirm(client, message)
    assert response.status_code == 200
    assert "This link has already been used" in response.content.decode()
    again = ConditionFollower.objects.get()
    assert again.confirmed_at == first.confirmed_at
    assert [c.slug for c in again.conditions.all()] == ["insomnia"]


def test_an_expired_confirmation_link_is_explained_and_stores_nothing(
    client, demo_site, settings, monkeypatch
):
    settings.CONDITION_ALERTS_CONFIRM_MAX_AGE = 3 * 24 * 3600
    real_time = time.time
    with monkeypatch.context() as patched:
        patched.setattr(time, "time", lambda: real_time() - 4 * 24 * 3600)
        token = tokens.confirm_token(READER, [migraines().pk])
    for method in (client.get, client.post):
        response = method(reverse("condition_alerts:confirm", args=[token]))
        assert response.status_code == 400
        assert "This link has expired" in response.content.decode()
        assert "work for 3 days" in response.content.decode()
    assert not ConditionFollower.objects.exists()


@pytest.mark.parametrize(
    "tamper",
    [
        lambda token: token[:-1] + ("A" if token[-1] != "A" else "B"),
        lambda token: token[: len(token) // 2],
        lambda token: "not-a-token",
        lambda token: signing.dumps({"email": "x@example.org"}, salt=tokens.CONFIRM_SALT),
        lambda token: signing.dumps(["not", "a", "dict"], salt=tokens.CONFIRM_SALT),
    ],
)
def test_a_tampered_confirmation_link_is_explained_and_stores_nothing(client, demo_site, tamper):
    token = tamper(tokens.confirm_token(READER, [migraines().pk]))
    response = client.post(reverse("condition_alerts:confirm", args=[token]))
    assert response.status_code == 400
    assert "This link does not work" in response.content.decode()
    assert not ConditionFollower.objects.exists()


def test_a_confirmation_link_whose_conditions_are_gone_is_explained(client, demo_site):
    gone = factories.condition_page("Vertigo")
    token = tokens.confirm_token(READER, [gone.pk])
    gone.delete()
    response = client.post(reverse("condition_alerts:confirm", args=[token]))
    assert response.status_code == 400
    assert "no longer in the library" in response.content.decode()
    assert not ConditionFollower.objects.exists()


# Bad input on the form


@pytest.mark.parametrize(
    ("email", "conditions", "message"),
    [
        ("", ("migraines",), "Enter your email address."),
        ("not an address", ("migraines",), "Enter an email address in the form name@example.org."),
        ("a@b", ("migraines",), "Enter an email address in the form name@example.org."),
        ("a" * 250 + "@example.org", ("migraines",), "An email address has at most 254"),
        (READER, (), "Tick at least one condition to follow."),
        (READER, ("no-such-condition",), "One of the conditions sent is not one we cover."),
        (READER, ("migraines", "x" * 3000), "One of the conditions sent is not one we cover."),
    ],
)
def test_bad_sign_ups_are_explained_and_nothing_is_sent_or_stored(
    client, demo_site, email, conditions, message
):
    response = sign_up(client, email, conditions)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert mail.outbox == []
    assert not ConditionFollower.objects.exists()


def test_a_filled_honeypot_is_thanked_and_ignored(client, demo_site):
    response = sign_up(client, website="http://spam.example")
    assert response.status_code == 302
    assert response["Location"] == CHECK_INBOX
    assert mail.outbox == []


def test_sign_ups_from_one_connection_are_limited(client, demo_site):
    for number in range(SIGN_UPS_PER_HOUR):
        assert sign_up(client, f"reader{number}@example.org").status_code == 302
    response = sign_up(client, "one-more@example.org")
    assert response.status_code == 429
    assert "several sign-ups from your connection" in response.content.decode()
    assert len(mail.outbox) == SIGN_UPS_PER_HOUR
    # Another connection is not held up.
    assert sign_up(client, REMOTE_ADDR="203.0.113.7").status_code == 302


def test_one_mailbox_gets_few_confirmations_a_day_whoever_asks(client, demo_site):
    for number in range(CONFIRMATIONS_PER_ADDRESS_PER_DAY + 2):
        response = sign_up(client, READER, REMOTE_ADDR=f"203.0.113.{number + 1}")
        assert response["Location"] == CHECK_INBOX  # the visitor is told the same each time
    assert len(mail.outbox) == CONFIRMATIONS_PER_ADDRESS_PER_DAY


def test_sign_up_works_while_the_shared_cache_is_down(
    client,
    demo_site,
    shared_cache,  # noqa: F811 (the fixture imported above)
    caplog,
):
    """Without its cache nothing can be counted and the limits let sign-ups through (the
    honeypot still stops bots); the visitor is never shown an error."""
    shared_cache.stop()
    for number in range(SIGN_UPS_PER_HOUR + 2):
        assert sign_up(client, f"reader{number}@example.org").status_code == 302
    assert len(mail.outbox) == SIGN_UPS_PER_HOUR + 2
    assert any(
        record.getMessage() == "Alert sign-up rate limit not applied: the shared cache is "
        "unavailable."
        for record in caplog.records
    )


def test_a_failing_mail_server_still_says_check_your_inbox(client, demo_site, monkeypatch):
    def fail(self, fail_silently=False):
        raise OSError("mail server down")

    monkeypatch.setattr(EmailMultiAlternatives, "send", fail)
    response = sign_up(client)
    assert response.status_code == 302
    assert response["Location"] == CHECK_INBOX


# The digest


def test_the_digest_lists_new_public_research_in_the_followed_conditions(demo_site):
    row = follower(READER, "migraines")
    fresh = new_article(
        title="Acupuncture and migraine days",
        body=[("finding", {"summary": "Fewer migraine days after eight weeks."})],
        evidence_strength="strong",
    )
    new_article("insomnia", title="Sleep and acupuncture")  # a condition not followed
    restricted = new_article(title="Members-only migraine study")
    PageViewRestriction.objects.create(page=restricted, restriction_type="password", password="x")

    assert "1 sent" in send_digests()
    [message] = mail.outbox
    assert message.to == [READER]
    assert message.subject == "1 new article on Migraines"
    for text in (message.body, html_of(message)):
        assert "Acupuncture and migraine days" in text
        assert "Fewer migraine days after eight weeks." in text
        assert "Strong" in text
        assert fresh.full_url in text
        assert "Sleep and acupuncture" not in text
        assert "Members-only" not in text
        assert "Imaging brain" not in text  # published before the follower's last digest
    assert fresh.full_url.startswith("http")
    # No tracking pixel, no redirect through the site: links go straight to their page.
    assert "<img" not in html_of(message)
    assert all("/go/" not in url for url in links_in(message))
    fresh.refresh_from_db()
    row.refresh_from_db()
    assert row.last_digest_at >= fresh.first_published_at


def test_nothing_new_means_no_email(demo_site):
    follower(READER, "migraines")
    new_article("insomnia")
    assert "0 sent, 1 with nothing new" in send_digests()
    assert mail.outbox == []


def test_a_digest_is_not_sent_twice_for_the_same_research(demo_site):
    follower(READER, "migraines")
    new_article()
    send_digests()
    assert len(mail.outbox) == 1
    send_digests()
    assert len(mail.outbox) == 1
    new_article(title="A second migraine study")
    send_digests()
    assert len(mail.outbox) == 2
    assert "A second migraine study" in mail.outbox[1].body
    assert "study of acupuncture" not in mail.outbox[1].body


def test_each_follower_gets_only_their_own_conditions(demo_site):
    follower("migraine-reader@example.org", "migraines")
    follower("sleep-reader@example.org", "insomnia", "migraines")
    new_article(title="Migraine news")
    new_article("insomnia", title="Sleep news")
    send_digests()
    by_address = {message.to[0]: message for message in mail.outbox}
    assert "Sleep news" not in by_address["migraine-reader@example.org"].body
    both = by_address["sleep-reader@example.org"]
    assert "Migraine news" in both.body and "Sleep news" in both.body
    assert both.subject == "2 new articles on Insomnia and Migraines"


def test_a_failed_digest_is_tried_again_next_run(demo_site, monkeypatch):
    row = follower(READER, "migraines")
    new_article()
    real_send = EmailMultiAlternatives.send

    def fail(self, fail_silently=False):
        raise OSError("mail server down")

    monkeypatch.setattr(EmailMultiAlternatives, "send", fail)
    assert "1 failed" in send_digests()
    assert ConditionFollower.objects.get(pk=row.pk).last_digest_at == row.last_digest_at
    monkeypatch.setattr(EmailMultiAlternatives, "send", real_send)
    assert "1 sent" in send_digests()


def test_every_digest_carries_the_one_click_unsubscribe_headers(demo_site):
    row = follower(READER, "migraines")
    new_article()
    send_digests()
    [message] = mail.outbox
    header = message.extra_headers["List-Unsubscribe"]
    assert re.fullmatch(r"<https?://[^>]+/alerts/unsubscribe/[^>]+/>", header)
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    sent = message.message()
    assert sent["List-Unsubscribe"] == header
    assert sent["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # The same link is in the text and the HTML, with the "manage my alerts" link.
    unsubscribe = header.strip("<>")
    assert unsubscribe in message.body and unsubscribe in html_of(message)
    assert link_to(message, "manage")
    assert row.email in sent["To"]


# Unsubscribing and managing


def unsubscribe_path(row):
    return reverse(
        "condition_alerts:unsubscribe",
        args=[tokens.follower_token(row, tokens.UNSUBSCRIBE_SALT)],
    )


def manage_path(row):
    return reverse("condition_alerts:manage", args=[tokens.follower_token(row, tokens.MANAGE_SALT)])


def test_unsubscribe_page_asks_then_deletes_the_address_and_its_choices(client, demo_site):
    row = follower(READER, "migraines", "insomnia")
    through = ConditionFollower.conditions.through
    page = client.get(unsubscribe_path(row))
    assert page.status_code == 200
    assert READER in page.content.decode()
    assert ConditionFollower.objects.filter(pk=row.pk).exists()  # a GET deletes nothing

    done = client.post(unsubscribe_path(row))
    assert done.status_code == 200
    assert "You have unsubscribed" in done.content.decode()
    assert not ConditionFollower.objects.filter(pk=row.pk).exists()
    assert not through.objects.filter(conditionfollower_id=row.pk).exists()


def test_one_click_unsubscribe_from_a_mail_client_needs_no_csrf_token(demo_site):
    row = follower(READER, "migraines")
    mail_client = Client(enforce_csrf_checks=True)
    response = mail_client.post(
        unsubscribe_path(row),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert not ConditionFollower.objects.exists()


def test_an_unsubscribe_link_used_twice_says_so(client, demo_site):
    row = follower(READER, "migraines")
    path = unsubscribe_path(row)
    client.post(path)
    for method in (client.get, client.post):
        response = method(path)
        assert response.status_code == 200
        assert "Nothing to unsubscribe" in response.content.decode()


def test_an_old_unsubscribe_link_does_not_reach_a_new_sign_up_of_the_address(client, demo_site):
    old = follower(READER, "migraines")
    path = unsubscribe_path(old)
    old.delete()
    follower(READER, "insomnia")
    client.post(path)
    assert ConditionFollower.objects.filter(email=READER).exists()


@pytest.mark.parametrize("salt", [tokens.UNSUBSCRIBE_SALT, tokens.MANAGE_SALT])
def test_tampered_follower_links_are_explained(client, demo_site, salt):
    row = follower(READER, "migraines")
    name = "unsubscribe" if salt == tokens.UNSUBSCRIBE_SALT else "manage"
    other = tokens.follower_token(row, tokens.CONFIRM_SALT)  # signed, but for something else
    for token in (tokens.follower_token(row, salt)[:-2] + "xx", other, "garbage"):
        for method in (client.get, client.post):
            response = method(reverse(f"condition_alerts:{name}", args=[token]))
            assert response.status_code == 400
            assert "This link does not work" in response.content.decode()
    assert ConditionFollower.objects.filter(pk=row.pk).exists()


def test_manage_page_changes_the_conditions(client, demo_site):
    row = follower(READER, "migraines")
    page = client.get(manage_path(row))
    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"]
    assert re.search(r'<input[^>]*value="migraines"[^>]*checked', page.content.decode())

    saved = client.post(manage_path(row), {"conditions": ["insomnia", "low-back-pain"]})
    assert saved.status_code == 200
    assert "Saved." in saved.content.decode()
    assert {c.slug for c in row.conditions.all()} == {"insomnia", "low-back-pain"}


def test_manage_page_refuses_no_conditions_or_unknown_ones(client, demo_site):
    row = follower(READER, "migraines")
    for data, message in (
        ({}, "Tick at least one condition to follow."),
        ({"conditions": ["nope"]}, "One of the conditions sent is not one we cover."),
    ):
        response = client.post(manage_path(row), data)
        assert response.status_code == 400
        assert message in response.content.decode()
    assert [c.slug for c in row.conditions.all()] == ["migraines"]


# What is stored, and a deleted condition


def test_only_the_address_its_conditions_and_two_times_are_stored(db):
    fields = {field.name for field in ConditionFollower._meta.get_fields()}
    assert fields == {"id", "email", "conditions", "confirmed_at", "last_digest_at"}


def test_a_deleted_condition_leaves_other_choices_and_tells_no_one(demo_site):
    vertigo = factories.condition_page("Vertigo")
    row = follower(READER, "migraines")
    row.conditions.add(vertigo)
    vertigo.delete()
    row.refresh_from_db()
    assert [c.slug for c in row.conditions.all()] == ["migraines"]
    assert mail.outbox == []


# The followers report


def admin_client(client, username):
    client.force_login(get_user_model().objects.get(username=username))
    return client


REPORT = "condition_followers_report"


def test_administrators_see_followers_per_condition_and_the_list(client, demo_site):
    follower("a-reader@example.org", "migraines")
    follower("b-reader@example.org", "migraines", "insomnia")
    admin = admin_client(client, "admin")
    response = admin.get(reverse(REPORT))
    assert response.status_code == 200
    html = response.content.decode()
    assert "a-reader@example.org" in html and "b-reader@example.org" in html
    assert re.search(r"<td>Migraines</td><td>2</td>", html)
    assert re.search(r"<td>Insomnia</td><td>1</td>", html)
    assert reverse(REPORT) in admin.get(reverse("wagtailadmin_home")).content.decode()


def test_administrators_export_the_followers_as_csv(client, demo_site):
    follower("b-reader@example.org", "migraines", "insomnia")
    follower("=cmd@example.org", "migraines")
    response = admin_client(client, "admin").get(reverse(REPORT), {"export": "csv"})
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.getvalue().decode())))
    assert rows[0] == ["Email address", "Conditions", "Confirmed", "Last digest"]
    emails = {row[0]: row for row in rows[1:]}
    assert emails["b-reader@example.org"][1] == "Insomnia, Migraines"
    assert "'=cmd@example.org" in emails  # a spreadsheet shows it, never runs it


def assert_refused(response):
    if response.status_code == 302:
        assert response["Location"] == reverse("wagtailadmin_home")
    else:
        assert response.status_code == 403


@pytest.mark.parametrize("username", ["writer", "reviewer", "marketing", "directory"])
def test_no_other_role_sees_the_followers(client, demo_site, username):
    follower(READER, "migraines")
    user = admin_client(client, username)
    assert_refused(user.get(reverse(REPORT)))
    assert_refused(user.get(reverse(REPORT), {"export": "csv"}))
    assert_refused(user.get(reverse(f"{REPORT}_results")))
    home = user.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse(REPORT) not in home
    assert READER not in home


def test_anonymous_visitors_cannot_reach_the_report(client, demo_site):
    response = client.get(reverse(REPORT), {"export": "csv"})
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


# Done when: follow Migraines, confirm, receive a digest, unsubscribe with one click


def test_a_migraine_follower_confirms_gets_a_digest_and_leaves_with_one_click(client, demo_site):
    page = client.get(migraines().url).content.decode()
    follow_url = re.search(r'href="(/alerts/follow/\?condition=[^"]+)"', page).group(1)
    form = client.get(follow_url)
    assert re.search(r'value="migraines"[^>]*checked', form.content.decode())
    sign_up(client, READER, ("migraines",))
    [confirmation] = mail.outbox
    confirm(client, confirmation)
    assert ConditionFollower.objects.filter(email=READER).exists()

    article = new_article(title="Acupuncture cut migraine days in a new trial")
    send_digests()
    digest = mail.outbox[-1]
    assert digest.to == [READER]
    assert "Acupuncture cut migraine days in a new trial" in digest.body
    assert article.full_url in digest.body

    one_click = link_path(digest.extra_headers["List-Unsubscribe"].strip("<>"))
    response = Client(enforce_csrf_checks=True).post(
        one_click, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert not ConditionFollower.objects.filter(email=READER).exists()
    new_article(title="Another migraine trial")
    send_digests()
    assert mail.outbox[-1] is digest  # nothing more is sent


def test_confirmation_time_is_recorded_when_confirming(client, demo_site):
    before = timezone.now()
    sign_up(client)
    confirm(client, mail.outbox[0])
    row = ConditionFollower.objects.get()
    assert before <= row.confirmed_at <= timezone.now()
    assert row.last_digest_at == row.confirmed_at
