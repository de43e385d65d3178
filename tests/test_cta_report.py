"""The calls-to-action report: figures, ordering, date range, chart and exports."""

import csv
import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from cms.models.calls_to_action import CallToAction, CallToActionDailyCount
from tests.cta_helpers import article_in, make_call_to_action, seed_article

REPORT = "calls_to_action_report"


@pytest.fixture
def figures(demo_site):
    """Two calls to action on two pages over three days; one more, outside the range, old."""
    today = timezone.localdate()
    seed = CallToAction.objects.get(conditions=None)
    other = make_call_to_action(name="Spring offer")
    seed_page, insomnia = seed_article(), article_in("insomnia")
    rows = [
        (seed, seed_page, today, 100, 7),
        (seed, seed_page, today - datetime.timedelta(days=1), 100, 3),
        (seed, insomnia, today, 50, 0),
        (other, seed_page, today - datetime.timedelta(days=2), 40, 12),
        (other, seed_page, today - datetime.timedelta(days=90), 1000, 900),
    ]
    for call_to_action, page, date, impressions, clicks in rows:
        CallToActionDailyCount.objects.create(
            call_to_action=call_to_action,
            page=page,
            date=date,
            impressions=impressions,
            clicks=clicks,
        )
    return seed, other, seed_page, insomnia


@pytest.fixture
def marketing(client, demo_site):
    client.force_login(get_user_model().objects.get(username="marketing"))
    return client


def export(client, export_format, **query):
    response = client.get(reverse(REPORT), {"export": export_format, **query})
    assert response.status_code == 200
    return response


def content(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def csv_rows(client, **query):
    response = export(client, "csv", **query)
    return list(csv.reader(io.StringIO(content(response).decode())))


def test_csv_sums_the_last_thirty_days_per_call_to_action_and_page(marketing, figures):
    seed, other, seed_page, insomnia = figures
    rows = csv_rows(marketing)
    assert rows[0] == ["Call to action", "Page", "Impressions", "Clicks", "Click-through rate (%)"]
    # Most clicks first; the 90-day-old figures are outside the default range.
    assert rows[1:] == [
        [other.name, seed_page.title, "40", "12", "30.0"],
        [seed.name, seed_page.title, "200", "10", "5.0"],
        [seed.name, insomnia.title, "50", "0", "0.0"],
    ]


def test_the_date_range_and_the_call_to_action_filter(marketing, figures):
    seed, other, seed_page, _ = figures
    today = timezone.localdate()
    rows = csv_rows(
        marketing,
        date_from=(today - datetime.timedelta(days=100)).isoformat(),
        date_to=(today - datetime.timedelta(days=2)).isoformat(),
    )
    assert rows[1:] == [[other.name, seed_page.title, "1040", "912", "87.7"]]
    rows = csv_rows(marketing, call_to_action=seed.pk)
    assert {row[0] for row in rows[1:]} == {seed.name}


def test_sorting_by_rate_and_by_name(marketing, figures):
    by_rate = csv_rows(marketing, ordering="rate")
    assert [row[4] for row in by_rate[1:]] == ["0.0", "5.0", "30.0"]
    by_name = csv_rows(marketing, ordering="-call_to_action__name")
    assert [row[0] for row in by_name[1:]] == ["Spring offer", figures[0].name, figures[0].name]


def test_xlsx_export_carries_the_same_figures(marketing, figures):
    response = export(marketing, "xlsx")
    sheet = load_workbook(io.BytesIO(content(response))).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[1] == ["Spring offer", figures[2].title, 40, 12, 30.0]


def test_the_page_shows_the_table_and_a_chart_of_clicks_per_day(marketing, figures):
    response = marketing.get(reverse(REPORT))
    page = response.content.decode()
    assert "Spring offer" in page and "30.0%" in page and "5.0%" in page
    assert "22 in all" in page  # 7 + 3 + 0 + 12 clicks in the last thirty days
    today = timezone.localdate()
    assert f"{today:%-d %b %Y}: 7 clicks" in page
    assert page.count("<rect ") == 30
    assert "style=" not in page.split("cta-report-chart")[1].split("</svg>")[0]


def test_an_empty_range_says_so(marketing, demo_site):
    response = marketing.get(reverse(REPORT), {"date_from": "2001-01-01", "date_to": "2001-01-31"})
    assert "No call to action was shown or clicked between 1 Jan 2001 and 31 Jan 2001" in (
        response.content.decode()
    )


@pytest.mark.parametrize(
    "query",
    [
        {"date_from": "not a date"},
        {"date_to": "2001-13-45"},
        {"ordering": "password"},
        {"call_to_action": "abc"},
        {"p": "999"},
        {"export": "pdf"},
    ],
)
def test_odd_queries_never_break_it(marketing, figures, query):
    assert marketing.get(reverse(REPORT), query).status_code == 200
