"""Turning what a visitor types into something safe to hand to the search backend."""

import re

WORD = re.compile(r"\w+")
# The longest search the site and the library accept, in characters: longer queries add
# nothing to a search and only cost the database work.
MAX_QUERY_LENGTH = 200


def search_terms(text):
    """The words of `text`, lower-cased, joined by spaces; "" when it has none.

    The database backend passes a query's punctuation and upper-case AND/OR/NOT/NEAR to SQLite's
    FTS5 as syntax, where a stray quote is an error; plain lower-case words are always valid and
    match the same pages.
    """
    return " ".join(WORD.findall(text.lower()))
