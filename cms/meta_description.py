"""The meta description search results show under a page's title, for pages whose editors left
"Meta description" (search_description) empty: the opening of the page's own introduction, or
a default. base.html prefers the editor's words and falls back to `meta_description` in the
page's context."""

import html

from django.utils.html import strip_tags

SITE_DESCRIPTION = (
    "Summaries of published research on acupuncture and integrative health, written for "
    "patients and practitioners."
)
# About what a search result shows before cutting the text off.
MAX_LENGTH = 160


def description_from(rich_text, default=SITE_DESCRIPTION):
    """The plain text of `rich_text`, shortened at a word to MAX_LENGTH, or `default` if empty."""
    text = " ".join(html.unescape(strip_tags(str(rich_text or ""))).split())
    if not text:
        return default
    if len(text) <= MAX_LENGTH:
        return text
    return text[: MAX_LENGTH - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
