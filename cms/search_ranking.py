"""A search's matches ranked in one query, where Wagtail's database backends are slow at it.

Only plain-word searches (alone or OR-ed, as cms.search_synonyms builds them), ordered by
relevance, on Wagtail's default database backend are ranked here; for any other search
`ranked_pks_query` returns None and the caller keeps Wagtail's results.

SQLite: Wagtail orders matches by a correlated subquery that runs the FTS5 match again for
every matching row (46 s for a search matching 10,000 articles). Here the match runs once, each
row scored by FTS5's bm25() with Wagtail's own expression (bm25 × title_norm + bm25, best
first, then the newest page), so the order is Wagtail's.

PostgreSQL: Wagtail matches `title || body`, which builds a new vector for every row and can
use no index, then ranks every match against its long body vector. Here the words are matched
in the title or the body vector as they are (their GIN indexes serve a search that matches few
articles; one that matches nearly all reads each body vector once), a stop word is skipped as
Wagtail's query skips it, matches are ordered by their title's rank (short vectors, cheap), and
the first RANKED_IN_FULL of them are ranked in full as Wagtail ranks them (title rank ×
title_norm + body rank). The rest follow by title rank, then newest first: a visitor reads the
first pages, and a title match still comes before a body-only match.
"""

from collections.abc import Sequence

from django.db import connections
from modelsearch.conf import get_app_config
from modelsearch.query import Or, PlainText
from modelsearch.utils import get_descendants_content_types_pks

RANKED_IN_FULL = 240  # twenty pages of the library's results


def _variants(query):
    """The word lists the query ORs together, or None for a query this module does not rank."""
    plain = query.subqueries if isinstance(query, Or) else [query]
    if not all(isinstance(part, PlainText) and part.operator == "and" for part in plain):
        return None
    variants = [part.query_string.split() for part in plain]
    return variants if all(variants) else None


def ranked_pks_query(search_results, candidates):
    """(sql, params) of one query listing the pks of `candidates` that match, best first; None
    when `search_results` is not a relevance-ordered plain-word search this module ranks.

    `candidates` is the queryset searched, narrowed as the caller needs (say, to public pages).
    """
    compiler = getattr(search_results, "query_compiler", None)
    if compiler is None or compiler.fields is not None or not compiler.order_by_relevance:
        return None
    variants = _variants(compiler.query)
    if variants is None:
        return None
    vendor = connections[candidates.db].vendor
    build = {"sqlite": _sqlite, "postgresql": _postgresql}.get(vendor)
    return build(search_results, candidates, variants) if build else None


def run(sql, params, using):
    """The pks the query lists, each once, best first."""
    with connections[using].cursor() as cursor:
        cursor.execute(sql, params)
        return list(dict.fromkeys(row[0] for row in cursor.fetchall()))


class RankedResults(Sequence):
    """Matching pages in rank order, loaded only a slice (a page of results) at a time."""

    def __init__(self, ids, pages):
        self.ids = ids
        self.pages = pages

    def __len__(self):
        return len(self.ids)

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self.pages.get(pk=self.ids[index])
        ids = self.ids[index]
        found = self.pages.in_bulk(ids)
        return [found[pk] for pk in ids if pk in found]


def _tables(candidates):
    quote = connections[candidates.db].ops.quote_name
    index = get_app_config()
    entries = quote(index.get_model("IndexEntry")._meta.db_table)
    content_types = get_descendants_content_types_pks(candidates.model)
    pages_sql, pages_params = candidates.order_by().values("pk").query.sql_with_params()
    in_types = f"entry.content_type_id IN ({', '.join(['%s'] * len(content_types))})"
    return quote, index, entries, in_types, content_types, pages_sql, pages_params


def _sqlite(search_results, candidates, variants):
    # Imported here: the module defines its models only when the database is SQLite.
    from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend  # noqa: PLC0415

    if not isinstance(search_results.backend, SQLiteSearchBackend):
        return None  # SQLite without FTS5: Wagtail's fallback backend
    quote, index, entries, in_types, types, pages_sql, pages_params = _tables(candidates)
    fts = quote(index.get_model("SQLiteFTSIndexEntry")._meta.db_table)
    # Every word quoted, so that none is read as FTS5 syntax.
    groups = (
        " AND ".join('"' + word.replace('"', '""') + '"' for word in words) for words in variants
    )
    match = "{title body} : (" + " OR ".join(f"({group})" for group in groups) + ")"
    sql = (
        # Names quoted by the connection and SQL made here; every value is a parameter.
        f"SELECT CAST(entry.object_id AS INTEGER) AS pk FROM {fts}"  # noqa: S608
        f" JOIN {entries} AS entry ON entry.id = {fts}.rowid"
        f" WHERE {fts} MATCH %s AND {in_types}"
        f" AND CAST(entry.object_id AS INTEGER) IN ({pages_sql})"
        f" ORDER BY bm25({fts}) * (entry.title_norm + 1), pk DESC"
    )
    return sql, [match, *types, *pages_params]


def _postgresql(search_results, candidates, variants):
    from modelsearch.backends.database.postgres.postgres import (  # noqa: PLC0415
        PostgresSearchBackend,
    )

    if not isinstance(search_results.backend, PostgresSearchBackend):
        return None
    _, _, entries, in_types, types, pages_sql, pages_params = _tables(candidates)
    config = search_results.backend.config
    tsquery = "plainto_tsquery(%s::regconfig, %s)" if config else "plainto_tsquery(%s)"

    def words_query(text):
        return tsquery, ([config, text] if config else [text])

    # Each query is made once, in the `search` row, not once for every row tested. A variant
    # whose words are all in the title, or all in the body, needs one test (the body's vector
    # is read once); only the others are tested word by word. A variant of stop words alone
    # matches nothing, as in Wagtail's query.
    words_sql, words_params, matches = [], [], []

    def add(text):
        sql, params = words_query(text)
        name = f"q{len(words_sql)}"
        words_sql.append(f"{sql} AS {name}")
        words_params.extend(params)
        return f"search.{name}"

    for words in variants:
        variant = add(" ".join(words))
        each = " AND ".join(
            f"(numnode({word}) = 0 OR entry.title @@ {word} OR entry.body @@ {word})"
            for word in map(add, words)
        )
        matches.append(
            f"(numnode({variant}) > 0 AND (entry.title @@ {variant}"
            f" OR entry.body @@ {variant} OR ({each})))"
        )
    whole = [words_query(" ".join(words)) for words in variants]
    whole_sql = " || ".join(sql for sql, _ in whole)
    whole_params = [param for _, params in whole for param in params]
    weights = search_results.query_compiler.sql_weights
    sql = (
        f"WITH search AS (SELECT {whole_sql} AS query, %s::float4[] AS weights,"  # noqa: S608
        f" {', '.join(words_sql)})"
        " SELECT pk FROM ("
        " SELECT pk, body, title_rank,"
        " row_number() OVER (ORDER BY title_rank DESC, pk DESC) AS position FROM ("
        " SELECT CAST(entry.object_id AS INTEGER) AS pk, entry.body,"
        " ts_rank(search.weights, entry.title, search.query) * entry.title_norm AS title_rank"
        f" FROM {entries} AS entry, search"
        f" WHERE {in_types} AND ({' OR '.join(matches)})"
        f" AND CAST(entry.object_id AS INTEGER) IN ({pages_sql})"
        " ) AS matched) AS ordered, search"
        " ORDER BY CASE WHEN position <= %s"
        " THEN title_rank + ts_rank(search.weights, body, search.query) END DESC NULLS LAST,"
        " position"
    )
    return sql, [
        *whole_params,
        weights,
        *words_params,
        *types,
        *pages_params,
        RANKED_IN_FULL,
    ]
