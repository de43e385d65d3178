import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

# The characters that could end a <script> element or start markup, as JSON escapes.
_SCRIPT_SAFE = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def json_ld(data):
    """A schema.org JSON-LD <script>, safe to put in the page whatever the data holds."""
    payload = json.dumps(data, ensure_ascii=False).translate(_SCRIPT_SAFE)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))  # noqa: S308


@register.filter
def miles(distance):
    """4.2 mi; under a tenth of a mile reads as "under 0.1 mi"."""
    if distance < 0.1:
        return "under 0.1 mi"
    return f"{distance:.1f} mi"
