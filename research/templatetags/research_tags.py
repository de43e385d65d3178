from django import template

from cms.structured_data import json_ld_script
from research import citations, metadata

register = template.Library()


@register.simple_tag(takes_context=True)
def article_json_ld(context, article):
    """The article's schema.org graph in a <script type="application/ld+json"> element."""
    return json_ld_script(
        metadata.article_json_ld(
            article, context["request"], context.get("library"), context.get("condition")
        )
    )


@register.simple_tag
def scholar_tags(article):
    return metadata.scholar_tags(article)


@register.simple_tag
def formatted_citation(article):
    return citations.formatted(article)
