"""schema.org JSON-LD in a `<script type="application/ld+json">` element, for every page type.

Page text goes into the data as it is; the escapes below keep it from ending the script element
early or starting markup, whatever it holds. Templates use the `json_ld` filter
(`{% load structured_data %}`); Python code calls `json_ld_script`.
"""

import json

from django.utils.html import format_html
from django.utils.safestring import mark_safe

# What Django's json_script escapes: "<", ">" and "&" as JSON's \u escapes, which read the same.
JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_ld_script(data):
    """`data` as JSON in a ld+json script element, safe to put in the page."""
    payload = json.dumps(data, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))  # noqa: S308
