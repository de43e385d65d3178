"""Whole numbers from a query string, such as a page's id or a page of results.

`str.isdigit()` says yes to "²" and to other scripts' digits, which int() then refuses or reads
differently, and to thousands of digits, which int() refuses past 4,300 and no database column
holds: parse here instead.
"""

# A PostgreSQL bigint has 19 digits; 18 always fits.
MAX_DIGITS = 18


def whole_number(text, max_digits=MAX_DIGITS):
    """The number `text` spells in ASCII digits, or None for anything else."""
    text = text or ""
    if text.isascii() and text.isdigit() and len(text) <= max_digits:
        return int(text)
    return None
