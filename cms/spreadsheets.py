"""Spreadsheet exports that cannot run formulas: every admin export goes through this mixin.

A spreadsheet program reads a cell that begins with "=", "+", "-" or "@" (or a tab or carriage
return before one) as a formula, so a page title like `=HYPERLINK("https://…")` in a CSV would
run on the desk of whoever opens the report. OWASP's advice, followed here: prefix such a cell
with a single quote, which the program shows as plain text. Numbers stay numbers; only text is
touched. Wagtail leaves this to the program that opens the file.
"""

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def escape_formula(value):
    """`value` made safe to put in a spreadsheet cell: text that could start a formula gains a
    leading single quote; anything else is returned unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


class FormulaSafeExportMixin:
    """Put before a view using Wagtail's SpreadsheetExportMixin (a ReportView, an index view
    with `list_export`): each CSV and XLSX cell passes through `escape_formula`."""

    def preprocess_field_value(self, field, value, export_format):
        return escape_formula(super().preprocess_field_value(field, value, export_format))
