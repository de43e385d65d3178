"""`{% evidence_map %}`: the whole map (library), one condition's row, or the compact one (home).

The drawing is rendered once per library generation and kept as HTML: its thousands of
coordinates and counts took most of the library page's rendering time at 30 conditions, and
they change only when the map's counts do.
"""

from django import template
from django.template.loader import render_to_string

from research import evidence_map as maps
from research.caching import LIBRARY

register = template.Library()

# The home page shows the best-researched conditions; the library shows every one.
COMPACT_ROWS = 8


def map_context(found, library_url, guide_url, condition, compact):
    if condition is not None:
        row = found.row_for(condition)
        rows = [row] if row is not None else []
    else:
        rows = found.rows[:COMPACT_ROWS] if compact else found.rows
    return {
        "evidence_map": found,
        "drawing": maps.layout(rows, library_url),
        "designs": maps.design_cells(rows[0], library_url) if condition and rows else None,
        "condition": condition,
        "compact": compact,
        "more_rows": compact and len(found.rows) > COMPACT_ROWS,
        "library_url": library_url,
        "guide_url": guide_url,
    }


@register.simple_tag(takes_context=True)
def evidence_map(context, condition=None, compact=False):
    found = maps.evidence_map()
    if found.library is None:
        return ""
    request = context.get("request")
    library_url = found.library.get_url(request)
    guide_url = found.guide.get_url(request) if found.guide is not None else None
    variant = f"condition-{condition.pk}" if condition is not None else f"compact-{compact}"
    # The addresses are in the key: with several sites, a page's links may carry its host.
    key = f"evidence-map-html:{variant}:{library_url}:{guide_url}"
    return LIBRARY.remember(
        key,
        lambda: render_to_string(
            "components/evidence_map.html",
            map_context(found, library_url, guide_url, condition, compact),
        ),
    )
