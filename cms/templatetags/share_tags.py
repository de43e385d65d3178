from django import template

register = template.Library()


@register.simple_tag
def share_links(share_block, url, title):
    """The share block's links for the page at `url`: (network, text, address) triples."""
    return share_block.links(url, title) if share_block else []
