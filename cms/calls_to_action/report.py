"""The admin report: impressions, clicks and click-through rate per call to action and page."""

import datetime

import django_filters
from django.db.models import F, FloatField, Sum
from django.db.models.functions import Cast, NullIf
from django.utils import timezone
from django.utils.functional import cached_property
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, NumberColumn
from wagtail.admin.views.reports import ReportView

from cms.models.calls_to_action import CallToAction, CallToActionDailyCount

DEFAULT_DAYS = 30
# The chart has one bar a day; a longer range shows its most recent year.
MAX_CHART_DAYS = 366
CHART_WIDTH, CHART_HEIGHT = 600, 120


def format_rate(rate):
    return "" if rate is None else f"{rate:.1f}%"


class CallToActionReportFilterSet(WagtailFilterSet):
    date = django_filters.DateFromToRangeFilter(
        label="Dates",
        help_text=f"Leave empty for the last {DEFAULT_DAYS} days.",
        widget=DateRangePickerWidget,
    )
    call_to_action = django_filters.ModelChoiceFilter(
        label="Call to action", queryset=CallToAction.objects.order_by("name")
    )

    class Meta:
        model = CallToActionDailyCount
        fields = ["date", "call_to_action"]


class CallToActionReportView(ReportView):
    page_title = "Calls to action"
    header_icon = "link"
    model = CallToActionDailyCount
    verbose_name = "call to action on a page"
    verbose_name_plural = "calls to action on pages"
    permission_required = "view"
    filterset_class = CallToActionReportFilterSet
    results_template_name = "cms/reports/calls_to_action_results.html"
    index_url_name = "calls_to_action_report"
    index_results_url_name = "calls_to_action_report_results"
    export_filename = "calls-to-action"
    default_ordering = "-clicks"
    columns = [
        Column(
            "call_to_action",
            label="Call to action",
            accessor="call_to_action__name",
            sort_key="call_to_action__name",
        ),
        Column("page", label="Page", accessor="page__title", sort_key="page__title"),
        NumberColumn("impressions", label="Impressions", sort_key="impressions"),
        NumberColumn("clicks", label="Clicks", sort_key="clicks"),
        Column("rate", label="Click-through rate", accessor="rate_label", sort_key="rate"),
    ]
    list_export = ["call_to_action__name", "page__title", "impressions", "clicks", "rate"]
    export_headings = {
        "call_to_action__name": "Call to action",
        "page__title": "Page",
        "impressions": "Impressions",
        "clicks": "Clicks",
        "rate": "Click-through rate (%)",
    }
    custom_field_preprocess = {
        "rate": {
            ReportView.FORMAT_CSV: lambda rate: "" if rate is None else round(rate, 1),
            ReportView.FORMAT_XLSX: lambda rate: None if rate is None else round(rate, 1),
        }
    }

    @cached_property
    def date_range(self):
        """The chosen (first, last) day; open ends fall back to the last DEFAULT_DAYS days."""
        chosen = None
        if self.filters is not None and self.filters.is_valid():
            chosen = self.filters.form.cleaned_data.get("date")
        today = timezone.localdate()
        last = (chosen and chosen.stop and chosen.stop.date()) or today
        first = (chosen and chosen.start and chosen.start.date()) or (
            last - datetime.timedelta(days=DEFAULT_DAYS - 1)
        )
        return first, last

    def counts_in_range(self):
        """Daily counts within the dates and for the call to action chosen."""
        first, last = self.date_range
        counts = CallToActionDailyCount.objects.filter(date__range=(first, last))
        if self.filters is not None and self.filters.is_valid():
            chosen = self.filters.form.cleaned_data.get("call_to_action")
            if chosen is not None:
                counts = counts.filter(call_to_action=chosen)
        return counts

    def get_queryset(self):
        rows = (
            self.counts_in_range()
            .values("call_to_action_id", "call_to_action__name", "page_id", "page__title")
            .annotate(impressions=Sum("impressions"), clicks=Sum("clicks"))
            .annotate(
                rate=Cast(F("clicks"), FloatField())
                * 100.0
                / NullIf(Cast(F("impressions"), FloatField()), 0.0)
            )
        )
        ordering = self.ordering.lstrip("-")
        descending = self.ordering.startswith("-")
        order = F(ordering).desc(nulls_last=True) if descending else F(ordering).asc()
        return rows.order_by(order, "call_to_action__name", "page__title")

    def get_filtered_queryset(self):
        # The filters are applied to the daily counts before they are summed.
        return self.get_queryset()

    def decorate_paginated_queryset(self, rows):
        for row in rows:
            row["rate_label"] = format_rate(row["rate"])
        return rows

    def clicks_per_day(self):
        """One bar a day across the range, for a chart drawn in SVG on the server."""
        first, last = self.date_range
        first = max(first, last - datetime.timedelta(days=MAX_CHART_DAYS - 1))
        totals = dict(
            self.counts_in_range()
            .filter(date__gte=first)
            .values("date")
            .annotate(total=Sum("clicks"))
            .values_list("date", "total")
        )
        days = (last - first).days + 1
        highest = max(totals.values(), default=0)
        bar_width = CHART_WIDTH / days
        bars = []
        for offset in range(days):
            day = first + datetime.timedelta(days=offset)
            clicks = totals.get(day, 0)
            height = round(CHART_HEIGHT * clicks / highest, 1) if highest else 0
            bars.append(
                {
                    "day": day,
                    "clicks": clicks,
                    "x": round(offset * bar_width, 2),
                    "y": round(CHART_HEIGHT - height, 1),
                    "width": round(max(bar_width - 1, 0.5), 2),
                    "height": height,
                }
            )
        return {
            "bars": bars,
            "total": sum(totals.values()),
            "highest": highest,
            "first": first,
            "last": last,
            "width": CHART_WIDTH,
            "height": CHART_HEIGHT,
        }

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["date_range"] = self.date_range
        if not self.is_export:
            context["chart"] = self.clicks_per_day()
        return context
