"""The evidence map: how many published articles each condition has at each strength of evidence,
and of each kind of study.

Counted by the grouped query that also gives the conditions their counts
(research.models.public_article_counts), over the articles a visitor may see, and kept in the
library's cache generation (research.caching), so renewed by the same publishes. An empty cell
is shown, not hidden: a gap in the evidence is information.
"""

from dataclasses import dataclass, field

from django.utils.http import urlencode
from wagtail.models import Page

from cms.visibility import public_only
from research.caching import LIBRARY
from research.choices import DESIGN_GROUPS
from research.evidence import EvidenceStrength
from research.models import (
    ConditionIndexPage,
    EvidenceGuidePage,
    ResearchLibraryPage,
    public_article_counts,
)

DESIGN_GROUP_OF = {design: group for group in DESIGN_GROUPS for design in group.designs}

# Map geometry, in SVG user units: the condition names' column, then one column per level.
LABEL_WIDTH = 220
CELL_WIDTH = 96
ROW_HEIGHT = 36
HEADER_HEIGHT = 40
CELL_GAP = 2
# Where a row's text sits, from the row's top: vertically centred for a 14-unit font.
BASELINE = 23
# Cells are shaded in steps of the busiest cell's count; the count is always printed too.
SHADES = 4


@dataclass
class Cell:
    label: str
    count: int
    address: str
    shade: int = 0
    x: int = 0
    center: int = 0


@dataclass
class Row:
    condition_id: int
    title: str
    slug: str
    total: int
    strengths: dict = field(default_factory=dict)
    designs: dict = field(default_factory=dict)


@dataclass
class EvidenceMap:
    library: Page | None
    guide: Page | None
    rows: list

    @property
    def is_empty(self):
        return not self.rows

    def row_for(self, condition):
        return next((row for row in self.rows if row.condition_id == condition.pk), None)


def _load():
    """On a miss, one query for the library and evidence guide pages (for the links); the
    counts and the conditions are the library's own cached ones."""
    by_condition = {}
    for (path, strength, design), total in public_article_counts().items():
        by_condition.setdefault(path, []).append((strength, design, total))
    rows = []
    for condition in ConditionIndexPage.with_article_counts():
        row = Row(condition.pk, condition.title, condition.slug, total=0)
        row.strengths = {level.value: 0 for level in EvidenceStrength}
        row.designs = {group.filter_value: 0 for group in DESIGN_GROUPS}
        for strength, design, total in by_condition.get(condition.path, ()):
            row.total += total
            if strength in row.strengths:
                row.strengths[strength] += total
            row.designs[DESIGN_GROUP_OF.get(design, DESIGN_GROUPS[-1]).filter_value] += total
        rows.append(row)
    # Most-researched first; the title keeps ties in a stable, readable order.
    rows.sort(key=lambda row: (-row.total, row.title))
    pages = {
        page.specific_class: page
        for page in public_only(Page.objects.live().type(ResearchLibraryPage, EvidenceGuidePage))
    }
    return EvidenceMap(
        library=pages.get(ResearchLibraryPage), guide=pages.get(EvidenceGuidePage), rows=rows
    )


def evidence_map():
    """The whole map: cached until the library next changes."""
    return LIBRARY.remember("evidence-map", _load)


def filtered_address(library_url, **filters):
    return f"{library_url}?{urlencode(filters)}"


def _cells(row, library_url, counts, choices, filter_name):
    """One cell per (value, label) of `choices`, counted from `counts`, each linking to the
    library filtered to the row's condition and that value of `filter_name`."""
    return [
        Cell(
            label=label,
            count=counts[value],
            address=filtered_address(library_url, condition=row.slug, **{filter_name: value}),
        )
        for value, label in choices
    ]


def strength_cells(row, library_url):
    """One cell per level of evidence, strongest first."""
    levels = [(level.value, level.label) for level in EvidenceStrength]
    return _cells(row, library_url, row.strengths, levels, "strength")


def design_cells(row, library_url):
    """One cell per kind of study, as the library's design filter groups them."""
    groups = [(group.filter_value, group.label) for group in DESIGN_GROUPS]
    return _cells(row, library_url, row.designs, groups, "design")


def shade(count, busiest):
    """0 for an empty cell, then 1..SHADES in proportion to the busiest cell."""
    if not count or not busiest:
        return 0
    return max(1, round(SHADES * count / busiest))


def layout(rows, library_url):
    """The drawing: each row's cells with their shade and position, and the SVG's size."""
    drawn = [(row, strength_cells(row, library_url)) for row in rows]
    busiest = max((cell.count for _row, cells in drawn for cell in cells), default=0)
    drawing_rows = []
    for index, (row, cells) in enumerate(drawn):
        top = HEADER_HEIGHT + index * ROW_HEIGHT
        for column, cell in enumerate(cells):
            cell.shade = shade(cell.count, busiest)
            cell.x = LABEL_WIDTH + column * CELL_WIDTH + CELL_GAP
            cell.center = LABEL_WIDTH + column * CELL_WIDTH + CELL_WIDTH // 2
        drawing_rows.append(
            {"row": row, "cells": cells, "top": top + CELL_GAP, "baseline": top + BASELINE}
        )
    return {
        "rows": drawing_rows,
        "columns": [
            (level.value, level.label, LABEL_WIDTH + column * CELL_WIDTH + CELL_WIDTH // 2)
            for column, level in enumerate(EvidenceStrength)
        ],
        "width": LABEL_WIDTH + len(EvidenceStrength) * CELL_WIDTH,
        "height": HEADER_HEIGHT + len(rows) * ROW_HEIGHT,
        "header_baseline": HEADER_HEIGHT - 14,
        "cell_width": CELL_WIDTH - 2 * CELL_GAP,
        "cell_height": ROW_HEIGHT - 2 * CELL_GAP,
    }
