"""`{% evidence_map %}`: the whole map (library), one condition's row, or the compact one (home)."""

from django import template

from research import evidence_map as maps

register = template.Library()

# The home page shows the best-researched conditions; the library shows every one.
COMPACT_ROWS = 8


@register.inclusion_tag("components/evidence_map.html", takes_context=True)
def evidence_map(context, condition=None, compact=False):
    found = maps.evidence_map()
    request = context.get("request")
    if found.library is None:
        return {"evidence_map": None}
    library_url = found.library.get_url(request)
    if condition is not None:
        row = found.row_for(condition)
        rows = [row] if row is not None else []
    else:
        rows = found.rows[:COMPACT_ROWS] if compact else found.rows
    guide = found.guide
    return {
        "evidence_map": found,
        "drawing": maps.layout(rows, library_url),
        "designs": maps.design_cells(rows[0], library_url) if condition and rows else None,
        "condition": condition,
        "compact": compact,
        "more_rows": compact and len(found.rows) > COMPACT_ROWS,
        "library_url": library_url,
        "guide_url": guide.get_url(request) if guide is not None else None,
    }
