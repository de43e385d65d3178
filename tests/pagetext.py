"""Reading a rendered page the way a visitor does: its visible text, in order."""

import re
from html import unescape
from html.parser import HTMLParser

INVISIBLE = {"script", "style", "head", "template"}


class _TextParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts = []
        self.hidden_depth = 0

    def handle_starttag(self, tag, attrs):
        if tag in INVISIBLE or "hidden" in dict(attrs):
            self.hidden_depth += 1

    def handle_endtag(self, tag):
        if self.hidden_depth and (tag in INVISIBLE or tag == "button"):
            self.hidden_depth -= 1

    def handle_data(self, data):
        if not self.hidden_depth:
            self.parts.append(data)


def visible_text(html):
    """The page's text with whitespace collapsed (hidden buttons and scripts left out)."""
    parser = _TextParser()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def assert_in_order(text, expected):
    """Each string of `expected` occurs in `text`, each after the one before."""
    position = 0
    for item in expected:
        found = text.find(item, position)
        assert found != -1, (
            f"{item!r} missing or out of order after …{text[max(0, position - 80) : position]!r}"
        )
        position = found + len(item)


def meta_descriptions(html):
    """The content of each <meta name="description"> in the page, unescaped."""
    return [
        unescape(content)
        for content in re.findall(r'<meta name="description" content="([^"]*)">', html)
    ]
