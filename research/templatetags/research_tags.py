import json

from django import template
from django.utils.safestring import mark_safe

from research import citations, metadata

register = template.Library()

# What json_script escapes, so that no string inside the data can close the <script> element.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def article_json_ld(context, article):
    """The article's schema.org graph in a <script type="application/ld+json"> element."""
    data = metadata.article_json_ld(
        article, context["request"], context.get("library"), context.get("condition")
    )
    text = json.dumps(data, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308


@register.simple_tag
def scholar_tags(article):
    return metadata.scholar_tags(article)


@register.simple_tag
def formatted_citation(article):
    return citations.formatted(article)
