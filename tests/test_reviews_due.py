"""Clinical reviews come due: the "review again by" date an approval sets, what the article
page says once it has passed, the "Reviews due" report and its exports, the dashboard panel
and the reviewers' email."""

import csv
import datetime
import importlib
import io
import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from openpyxl import load_workbook
from wagtail.models import WorkflowState

from cms import roles
from cms.models import EditorialSettings
from research.models import ResearchArticlePage
from research.reviews_due.dates import add_months
from tests import factories
from tests.editorial_helpers import account, add_article_url, article_form, edit_url, migraines
from tests.pagetext import visible_text

DAY = datetime.timedelta(days=1)


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def today():
    return timezone.localdate()


def json_ld_nodes(html):
    [block] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(block)["@graph"]


def workflow_action_url(article, action):
    task_state = article.current_workflow_state.current_task_state
    return reverse("wagtailadmin_pages:workflow_action", args=[article.pk, action, task_state.pk])


def fresh(article):
    return ResearchArticlePage.objects.get(pk=article.pk)


@pytest.fixture
def reviewer(demo_site):
    return client_for(account("reviewer"))


@pytest.fixture
def submitted(demo_site):
    """A writer's new article, waiting for clinical review."""
    writer = client_for(account("writer"))
    response = writer.post(add_article_url(migraines()), article_form(**{"action-submit": "1"}))
    assert response.status_code == 302
    article = ResearchArticlePage.objects.get(slug="acupuncture-tension-headache")
    assert article.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    return article


def reviewed(article, *, on, due, by="reviewer"):
    """Record a review as an approval does, without running the workflow."""
    user = account(by) if by else None
    ResearchArticlePage.objects.filter(pk=article.pk).update(
        reviewed_by=user,
        reviewed_at=timezone.make_aware(datetime.datetime.combine(on, datetime.time(12))),
        reviewer_name=user.get_full_name() if user else "Dr Gone Away",
        review_due=due,
    )
    return fresh(article)


# --- The dates --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (datetime.date(2026, 3, 14), 12, datetime.date(2027, 3, 14)),
        (datetime.date(2026, 1, 31), 1, datetime.date(2026, 2, 28)),
        (datetime.date(2028, 2, 29), 12, datetime.date(2029, 2, 28)),
        (datetime.date(2026, 11, 30), 3, datetime.date(2027, 2, 28)),
        (datetime.date(2026, 12, 1), 24, datetime.date(2028, 12, 1)),
    ],
)
def test_months_are_calendar_months(day, months, expected):
    assert add_months(day, months) == expected


def test_an_approval_sets_the_date_a_year_on_by_default(reviewer, submitted):
    assert reviewer.post(workflow_action_url(submitted, "approve")).status_code == 302
    article = fresh(submitted)
    assert article.live
    assert article.review_due == add_months(today(), 12)


def test_the_interval_comes_from_the_editorial_settings(reviewer, submitted, demo_site):
    settings = EditorialSettings.for_site(demo_site)
    settings.review_interval_months = 6
    settings.save()
    reviewer.post(workflow_action_url(submitted, "approve"))
    assert fresh(submitted).review_due == add_months(today(), 6)


def test_the_approval_form_offers_an_earlier_date(reviewer, submitted):
    editor = reviewer.get(edit_url(submitted)).content.decode()
    assert "Approve with comment or review date" in editor
    modal = reviewer.get(workflow_action_url(submitted, "approve")).json()["html"]
    assert "Review again by" in modal
    assert "Leave empty for the usual 12 months." in modal


def test_a_reviewer_sets_an_earlier_date_in_the_approval_form(reviewer, submitted):
    chosen = today() + datetime.timedelta(days=90)
    response = reviewer.post(
        workflow_action_url(submitted, "approve"),
        {"comment": "A larger trial reports in spring.", "review_again_by": chosen.isoformat()},
    )
    assert response.status_code == 302
    article = fresh(submitted)
    assert article.live
    assert article.review_due == chosen
    assert article.reviewed_by == account("reviewer")


def test_a_date_chosen_in_the_editor_reaches_the_approval(reviewer, submitted):
    """The editor collects the form in a dialog, then posts its cleaned data back as JSON."""
    chosen = today() + datetime.timedelta(days=45)
    collected = reviewer.post(
        reverse(
            "wagtailadmin_pages:collect_workflow_action_data",
            args=[
                submitted.pk,
                "approve",
                submitted.current_workflow_state.current_task_state.pk,
            ],
        ),
        {"comment": "", "review_again_by": chosen.isoformat()},
        headers={"x-requested-with": "XMLHttpRequest"},
    ).json()
    assert collected["step"] == "success"
    response = reviewer.post(
        edit_url(submitted),
        article_form(
            **{
                "action-workflow-action": "1",
                "workflow-action-name": "approve",
                "workflow-action-extra-data": json.dumps(collected["cleaned_data"]),
            }
        ),
    )
    assert response.status_code == 302
    article = fresh(submitted)
    assert article.live
    assert article.review_due == chosen


@pytest.mark.parametrize(
    ("offset_days", "message"),
    [(0, "Choose a day after today."), (400, "Choose a day no later than")],
)
def test_a_date_out_of_range_is_refused_in_words(reviewer, submitted, offset_days, message):
    chosen = today() + datetime.timedelta(days=offset_days)
    response = reviewer.post(
        workflow_action_url(submitted, "approve"),
        {"comment": "", "review_again_by": chosen.isoformat()},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert message in response.json()["html"]
    assert not fresh(submitted).live


def test_a_crafted_date_posted_from_the_editor_is_refused(reviewer, submitted):
    late = today() + datetime.timedelta(days=800)
    response = reviewer.post(
        edit_url(submitted),
        article_form(
            **{
                "action-workflow-action": "1",
                "workflow-action-name": "approve",
                "workflow-action-extra-data": json.dumps({"review_again_by": late.isoformat()}),
            }
        ),
    )
    assert response.status_code == 302
    assert not fresh(submitted).live
    assert fresh(submitted).review_due is None


def test_later_revisions_keep_the_date(demo_site):
    article = reviewed(
        factories.create_article(migraines(), slug="kept"), on=today(), due=today() + 20 * DAY
    )
    article.title += " (corrected)"
    article.save_revision(user=account("admin")).publish()
    assert fresh(article).review_due == today() + 20 * DAY
    assert fresh(article).get_latest_revision_as_object().review_due == today() + 20 * DAY


def test_the_migration_dates_earlier_reviews_a_year_on(demo_site):
    from django.apps import apps

    leap = factories.create_article(migraines(), slug="leap-day")
    plain = factories.create_article(migraines(), slug="plain-day")
    never = factories.create_article(migraines(), slug="never-reviewed")
    reviewed(leap, on=datetime.date(2024, 2, 29), due=None)
    reviewed(plain, on=datetime.date(2025, 6, 3), due=None)
    migration = importlib.import_module("research.migrations.0011_review_due")
    migration.date_existing_reviews(apps, None)
    assert fresh(leap).review_due == datetime.date(2025, 2, 28)
    assert fresh(plain).review_due == datetime.date(2026, 6, 3)
    assert fresh(never).review_due is None


# --- The public page ----------------------------------------------------------------------


def test_a_current_review_says_when_it_is_due_next(client, demo_site):
    due = today() + 100 * DAY
    article = reviewed(
        factories.create_article(migraines(), slug="current"), on=today() - 30 * DAY, due=due
    )
    page = client.get(article.url).content.decode()
    assert "review-line--lapsed" not in page
    assert "Medically reviewed by Dr Rowan Reviewer" in page
    assert f'Next review due by <time datetime="{due:%Y-%m-%d}">{due.day} {due:%B %Y}</time>' in (
        page
    )
    assert "Due for a fresh clinical review" not in page


def test_a_lapsed_review_keeps_its_credit_but_no_longer_claims_to_be_current(client, demo_site):
    reviewed_on = today() - 400 * DAY
    article = reviewed(
        factories.create_article(migraines(), slug="lapsed"),
        on=reviewed_on,
        due=today() - DAY,
    )
    page = client.get(article.url).content.decode()
    assert "review-line--lapsed" in page
    assert (
        f'Medically reviewed by Dr Rowan Reviewer on <time datetime="{reviewed_on:%Y-%m-%d}">'
    ) in page
    assert (
        "Due for a fresh clinical review: this summary may not include research published since "
        f'<time datetime="{reviewed_on:%Y-%m-%d}">{reviewed_on:%B %Y}</time>.'
    ) in page
    assert "Next review due" not in page
    [review] = [node for node in json_ld_nodes(page) if "reviewedBy" in node]
    assert review["lastReviewed"] == reviewed_on.isoformat()


def test_a_review_is_current_on_its_last_day(client, demo_site):
    article = reviewed(
        factories.create_article(migraines(), slug="last-day"), on=today() - 300 * DAY, due=today()
    )
    page = client.get(article.url).content.decode()
    assert "review-line--lapsed" not in page
    assert "Next review due by" in page


# The article page's own count (tests/test_clinical_review.py): the date comes with the page.
ARTICLE_PAGE_QUERIES = 11


def test_the_lapsed_wording_costs_no_query(client, demo_site, django_assert_num_queries):
    article = reviewed(
        factories.create_article(
            migraines(),
            authors=[f"Author {n}" for n in range(12)],
            tags=[f"topic {n}" for n in range(8)],
            slug="long-lapsed",
        ),
        on=today() - 400 * DAY,
        due=today() - 10 * DAY,
    )
    client.get(article.url)  # warm the site-root cache as a running site has it
    with django_assert_num_queries(ARTICLE_PAGE_QUERIES):
        response = client.get(article.url)
    assert "Due for a fresh clinical review" in response.content.decode()


def second_reviewer():
    user = get_user_model().objects.create_user(
        "second", "second@example.org", "pw", first_name="Sam", last_name="Second"
    )
    user.groups.add(Group.objects.get(name=roles.CLINICAL_REVIEWERS))
    return user


# --- The report, its exports and the dashboard panel ---------------------------------------

REPORT = "reviews_due_report"


def content(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def export(client, export_format, **query):
    response = client.get(reverse(REPORT), {"export": export_format, **query})
    assert response.status_code == 200
    return content(response)


def csv_rows(client, **query):
    return list(csv.reader(io.StringIO(export(client, "csv", **query).decode())))


def article(title, *, due, on=None, by="reviewer", live=True):
    made = factories.create_article(migraines(), title=title, slug=slugify(title))
    if not live:
        made.unpublish()
    if due is None and on is None:
        return fresh(made)
    return reviewed(made, on=on or today() - 300 * DAY, due=due, by=by)


@pytest.fixture
def due_articles(demo_site):
    """Every demo article reviewed and not due; then one article for each case."""
    ResearchArticlePage.objects.update(
        reviewed_by=account("reviewer"),
        reviewed_at=timezone.now(),
        reviewer_name="Dr Rowan Reviewer",
        review_due=today() + 365 * DAY,
    )
    second_reviewer()
    gone = get_user_model().objects.create_user(
        "gone", "gone@example.org", "pw", first_name="Gale", last_name="Gone"
    )
    gone.groups.add(Group.objects.get(name=roles.CLINICAL_REVIEWERS))
    cases = {
        "old": article("Long overdue", due=today() - 40 * DAY),
        "recent": article("Just overdue", due=today() - 2 * DAY, by="second"),
        "soon": article("Due soon", due=today() + 10 * DAY),
        "later": article("Due later", due=today() + 31 * DAY),
        "never": article("Never reviewed", due=None),
        "gone": article("Reviewer left", due=today() - 5 * DAY, by="gone"),
        "draft": article("Unpublished", due=today() - 90 * DAY, live=False),
    }
    gone.is_active = False
    gone.save()
    return cases


@pytest.fixture
def reviewer_client(demo_site):
    return client_for(account("reviewer"))


def test_the_report_lists_what_is_due_oldest_first(reviewer_client, due_articles):
    rows = csv_rows(reviewer_client)
    assert rows[0] == [
        "Article",
        "Condition",
        "Reviewer",
        "Reviewed",
        "Review again by",
        "Status",
        "Edit",
    ]
    assert [(row[0], row[1], row[2], row[4], row[5]) for row in rows[1:]] == [
        ("Never reviewed", "Migraines", "", "", "Never reviewed"),
        (
            "Long overdue",
            "Migraines",
            "Dr Rowan Reviewer",
            str(today() - 40 * DAY),
            "Overdue by 40 days",
        ),
        (
            "Reviewer left",
            "Migraines",
            "Gale Gone (no longer reviewing)",
            str(today() - 5 * DAY),
            "Overdue by 5 days",
        ),
        ("Just overdue", "Migraines", "Sam Second", str(today() - 2 * DAY), "Overdue by 2 days"),
        ("Due soon", "Migraines", "Dr Rowan Reviewer", str(today() + 10 * DAY), "Due in 10 days"),
    ]
    assert rows[2][3] == str(today() - 300 * DAY)
    assert rows[2][6] == "http://testserver" + edit_url(due_articles["old"])


def test_the_xlsx_export_carries_dates_as_dates(reviewer_client, due_articles):
    sheet = load_workbook(io.BytesIO(export(reviewer_client, "xlsx"))).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[2][0] == "Long overdue"
    assert rows[2][4] == today() - 40 * DAY
    assert rows[2][5] == "Overdue by 40 days"


def test_the_report_filters_by_reviewer(reviewer_client, due_articles):
    rows = csv_rows(reviewer_client, reviewed_by=account("reviewer").pk)
    assert [row[0] for row in rows[1:]] == ["Long overdue", "Due soon"]


def test_a_title_that_looks_like_a_formula_stays_text(reviewer_client, due_articles):
    ResearchArticlePage.objects.filter(pk=due_articles["soon"].pk).update(title="=1+1")
    assert [row[0] for row in csv_rows(reviewer_client) if "1+1" in row[0]] == ["'=1+1"]


def test_the_report_page_links_each_article_to_its_editor(reviewer_client, due_articles):
    response = reviewer_client.get(reverse(REPORT))
    html = response.content.decode()
    assert response.status_code == 200
    assert f'href="{edit_url(due_articles["old"])}"' in html
    assert "Overdue by 40 days" in html
    assert "Due later" not in html
    assert "Unpublished" not in html


@pytest.mark.parametrize(
    "query",
    [{"reviewed_by": "nobody"}, {"reviewed_by": "99999"}, {"export": "pdf"}, {"p": "999"}],
)
def test_odd_queries_never_break_it(reviewer_client, due_articles, query):
    assert reviewer_client.get(reverse(REPORT), query).status_code in (200, 404)


def report_queries(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse(REPORT)).status_code == 200
    with CaptureQueriesContext(connection) as export_queries:
        export(client, "csv")
    return len(queries), len(export_queries)


def test_the_report_takes_the_same_queries_for_more_articles(reviewer_client, due_articles):
    few = report_queries(reviewer_client)
    for n in range(8):
        article(f"More overdue {n}", due=today() - n * DAY, by=("reviewer", "second")[n % 2])
    assert report_queries(reviewer_client) == few


@pytest.mark.parametrize("username", ["reviewer", "writer", "admin"])
def test_reviewers_writers_and_administrators_see_the_report(username, due_articles):
    client = client_for(account(username))
    assert client.get(reverse(REPORT)).status_code == 200
    assert reverse(REPORT) in client.get(reverse("wagtailadmin_home")).content.decode()


@pytest.mark.parametrize("username", ["marketing", "directory"])
def test_marketing_and_directory_managers_are_refused(username, due_articles):
    client = client_for(account(username))
    response = client.get(reverse(REPORT))
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    assert export_refused(client)
    assert reverse(REPORT) not in client.get(reverse("wagtailadmin_home")).content.decode()


def export_refused(client):
    return client.get(reverse(REPORT), {"export": "csv"}).status_code == 302


def dashboard_text(client):
    return visible_text(client.get(reverse("wagtailadmin_home")).content.decode())


def test_the_dashboard_tells_each_reviewer_their_count(due_articles):
    text = dashboard_text(client_for(account("reviewer")))
    assert "Your reviews: 1 overdue, 1 due within 30 days" in text
    assert "2 articles with no reviewer on record" in text
    text = dashboard_text(client_for(account("second")))
    assert "Your reviews: 1 overdue, 0 due within 30 days" in text


def test_the_panel_is_for_reviewers_only(due_articles):
    assert "Reviews due" not in dashboard_text(client_for(account("writer")))
    assert "Reviews due" not in dashboard_text(client_for(account("marketing")))


def test_nothing_due_says_so(demo_site):
    ResearchArticlePage.objects.update(review_due=today() + 365 * DAY)
    assert "None of your reviews is due in the next 30 days." in dashboard_text(
        client_for(account("reviewer"))
    )


def dashboard_queries(client):
    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("wagtailadmin_home"))
    return len(queries)


def test_the_panel_takes_the_same_queries_for_more_articles(due_articles):
    client = client_for(account("reviewer"))
    dashboard_queries(client)
    few = dashboard_queries(client)
    for n in range(8):
        article(f"More overdue {n}", due=today() - n * DAY, by=("reviewer", None)[n % 2])
    assert dashboard_queries(client) == few


# --- The reviewers' email ----------------------------------------------------------------


def send_reviews_due():
    out = io.StringIO()
    call_command("send_reviews_due", stdout=out, stderr=io.StringIO())
    return out.getvalue()


def mail_to(address):
    [message] = [message for message in mail.outbox if message.to == [address]]
    return message


def test_each_reviewer_gets_one_email_listing_what_is_due(due_articles):
    mail.outbox.clear()
    assert "Reviews due: 5 articles; 2 emails sent, 0 failed." in send_reviews_due()
    assert sorted(message.to[0] for message in mail.outbox) == [
        "reviewer@example.org",
        "second@example.org",
    ]
    first = mail_to("reviewer@example.org")
    assert first.subject == "Reviews due: 4 articles (3 overdue)"
    text = first.body
    assert text.index("YOU LAST REVIEWED") < text.index("Long overdue") < text.index("Due soon")
    assert text.index("NO REVIEWER ON RECORD") < text.index("Never reviewed (Migraines)")
    assert "Reviewer left (Migraines)\nOverdue by 5 days, last reviewed by Gale Gone" in text
    assert "Just overdue" not in text
    old = due_articles["old"]
    assert f"Edit: http://testserver/admin/pages/{old.pk}/edit/" in text
    assert "http://testserver/admin/reports/reviews-due/" in text
    [(html, mimetype)] = first.alternatives
    assert mimetype == "text/html"
    assert f'<a href="http://testserver/admin/pages/{old.pk}/edit/">Long overdue</a>' in html

    second = mail_to("second@example.org")
    assert "Just overdue" in second.body
    assert "Long overdue" not in second.body
    assert "Never reviewed (Migraines)" in second.body


def test_nothing_due_sends_nothing(demo_site):
    ResearchArticlePage.objects.update(review_due=today() + 365 * DAY)
    mail.outbox.clear()
    assert "nothing is due, no email sent" in send_reviews_due()
    assert mail.outbox == []


def test_with_no_reviewer_left_the_administrators_are_told(due_articles):
    Group.objects.get(name=roles.CLINICAL_REVIEWERS).user_set.clear()
    mail.outbox.clear()
    send_reviews_due()
    assert [message.to for message in mail.outbox] == [["admin@example.org"]]
    assert "Long overdue" in mail.outbox[0].body  # its reviewer is no longer one


def test_a_failing_mail_server_is_reported_not_raised(due_articles, settings):
    settings.EMAIL_BACKEND = "tests.failing_mail.RefusedEmailBackend"
    assert "0 emails sent, 2 failed." in send_reviews_due()


def test_the_email_takes_the_same_queries_for_more_articles(due_articles):
    with CaptureQueriesContext(connection) as few:
        send_reviews_due()
    for n in range(8):
        article(f"More overdue {n}", due=today() - n * DAY, by=("reviewer", "second", None)[n % 3])
    with CaptureQueriesContext(connection) as more:
        send_reviews_due()
    assert len(more) == len(few)


@pytest.mark.parametrize(
    ("months", "message"),
    [
        ("0", "Ensure this value is greater than or equal to 1."),
        ("61", "Ensure this value is less than or equal to 60."),
        ("twelve", "Enter a whole number."),
    ],
)
def test_the_interval_setting_refuses_nonsense_in_words(demo_site, months, message):
    response = client_for(account("admin")).post(
        reverse("wagtailsettings:edit", args=["cms", "editorialsettings", demo_site.pk]),
        {"medical_disclaimer": "Not advice.", "claim_words": "", "review_interval_months": months},
    )
    assert response.status_code == 200
    assert message in visible_text(response.content.decode())
    assert EditorialSettings.for_site(demo_site).review_interval_months == 12
