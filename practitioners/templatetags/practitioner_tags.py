from django import template

from cms.structured_data import json_ld_script

register = template.Library()

# A schema.org JSON-LD <script>, safe to put in the page whatever the data holds.
register.filter("json_ld", json_ld_script)


@register.filter
def miles(distance):
    """4.2 mi; under a tenth of a mile reads as "under 0.1 mi"."""
    if distance < 0.1:
        return "under 0.1 mi"
    return f"{distance:.1f} mi"
