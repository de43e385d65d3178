"""Shared timing for the benchmarks: server time of requests through Django's test client.

Benchmarks are not part of the test run. Each `bench_*.py` module here has a `run()` that
builds its data in a throwaway database and returns rows of figures; `python -m tests.benchmarks`
runs them all (or the ones named) and prints a Markdown table for docs/performance.md.
"""

import statistics
import time

from django.db import connection, reset_queries
from django.test import Client


def measure(url, repeat=50, warmup=5, client=None, before_each=None):
    """Median and 95th-percentile server time in ms, and queries per request, for GET `url`.

    `before_each`, when given, runs before every request, outside the timing (to empty a cache).
    """
    client = client or Client()
    before_each = before_each or (lambda: None)
    for _ in range(warmup):
        before_each()
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
    timings = []
    for _ in range(repeat):
        before_each()
        start = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
    before_each()
    reset_queries()
    connection.force_debug_cursor = True
    client.get(url)
    queries = len(connection.queries)
    connection.force_debug_cursor = False
    timings.sort()
    return {
        "median_ms": round(statistics.median(timings), 1),
        "p95_ms": round(timings[int(len(timings) * 0.95) - 1], 1),
        "queries": queries,
    }


def format_rows(title, rows):
    """A Markdown table of `rows` (dicts with a `case` and the figures from `measure`)."""
    lines = [
        f"### {title} ({connection.vendor})",
        "",
        "| case | median ms | p95 ms | queries |",
        "| --- | ---: | ---: | ---: |",
    ]
    lines += [
        f"| {row['case']} | {row['median_ms']} | {row['p95_ms']} | {row['queries']} |"
        for row in rows
    ]
    return "\n".join(lines)
