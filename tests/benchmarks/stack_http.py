"""`make benchmark-stack`: the `make stack` layout under load with wrk, on loopback only.

Brings up its own stack (free ports, its own database and redis-server, as the system tests do)
plus one more app server on SQLite, then measures requests per second and latency:
each page through Varnish (cache hits) and straight to one gunicorn app server (no HTTP cache),
a static file through the same Varnish as the ceiling, and two longer runs that must end with no
errors. Every run is bounded in time and stops by itself; everything started is stopped by pid.

    python -m tests.benchmarks.stack_http   (needs varnish, wrk, redis-server and PostgreSQL)
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.servers import RedisServer, free_port, wait_for_port
from tests.system.conftest import REPO, Stack

SEED_ARTICLE = "/research/migraines/imaging-brain-vascular-reactions-headache-treatments/"
PAGES = [
    ("article", SEED_ARTICLE),
    ("library", "/research/"),
    ("library, searched", "/research/?q=migraine"),
    ("directory, ZIP search", "/practitioners/?zip=10001&radius=50"),
    ("home", "/"),
]
SHORT = ["-t2", "-c8", "-d10s"]
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def wrk(url, options=SHORT):
    output = subprocess.run(
        [shutil.which("wrk") or "/usr/bin/wrk", *options, "--latency", "--timeout", "5s", url],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout

    def latency(percent):
        found = re.search(rf"^\s*{percent}%\s+([\d.]+)(us|ms|s|m)\s*$", output, re.M)
        if found is None:
            print(output, file=sys.stderr)
            return float("nan")
        value, unit = found.groups()
        return float(value) * UNITS[unit]

    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": latency(50),
        "p99": latency(99),
        "requests": int(re.search(r"(\d+) requests in", output).group(1)),
        "errors": sum(map(int, socket_errors.groups())) if socket_errors else 0,
        "non_2xx": int(non_2xx.group(1)) if non_2xx else 0,
    }


def row(name, where, result):
    return (
        f"| {name} | {where} | {result['rps']:,.0f} | {result['p50']:.2f} | {result['p99']:.2f} "
        f"| {result['errors'] + result['non_2xx']} |"
    )


def sqlite_app_server(stack, directory, redis):
    """One more app server like the stack's, on SQLite (and its own Redis database)."""
    env = {
        **stack.env,
        **json_env(stack),
        "DATABASE_URL": f"sqlite:///{directory / 'bench.sqlite3'}",
        "REDIS_URL": redis.url.rsplit("/", 1)[0] + "/1",
        "DEMO_CREDENTIALS_FILE": str(directory / "sqlite-accounts.json"),
    }
    python = str(REPO / ".venv" / "bin" / "python")
    for command in (
        ["migrate", "--no-input", "-v", "0"],
        ["seed_demo"],
        ["update_index", "-v", "0"],
    ):
        subprocess.run(
            [python, "manage.py", *command],
            cwd=REPO,
            env={**env, "DEMO_CONTENT_ALLOWED": "1"},
            check=True,
            stdout=subprocess.DEVNULL,
        )
    port = free_port()
    process = subprocess.Popen(
        [
            str(REPO / ".venv" / "bin" / "gunicorn"),
            "cms.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            os.environ.get("STACK_WORKERS", "2"),
        ],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    wait_for_port(port, 60)
    return process, f"http://127.0.0.1:{port}"


def json_env(stack):
    return json.loads((stack.directory / "env.json").read_text())


def main():
    directory = Path(tempfile.mkdtemp(prefix="benchmark-stack-"))
    redis = RedisServer()
    stack = Stack(directory, redis)
    sqlite_server = None
    try:
        redis.start()
        print("bringing up the stack…", file=sys.stderr, flush=True)
        started = stack.run("up")
        if started.returncode:
            raise SystemExit(started.stdout[-3000:] + started.stderr[-3000:])
        sqlite_server, sqlite_url = sqlite_app_server(stack, directory, redis)
        static = re.search(r'href="(/static/[^"]+\.css)"', stack.get("/").text).group(1)
        for path in [static] + [path for _, path in PAGES]:  # warm every cache
            for base in (stack.url, stack.app_url(0), sqlite_url):
                stack.get(path, base=base)
        lines = [
            "| page | served | req/s | p50 ms | p99 ms | errors |",
            "| --- | --- | ---: | ---: | ---: | ---: |",
        ]
        results = {}
        ceiling = results["static"] = wrk(stack.url + static)
        lines.append(row("static file (the ceiling)", "Varnish", ceiling))
        for name, path in PAGES:
            results[name, "hit"] = wrk(stack.url + path)
            lines.append(row(name, "Varnish, cache hit", results[name, "hit"]))
        for name, path in PAGES:
            results[name, "app"] = wrk(stack.app_url(0) + path)
            lines.append(row(name, "gunicorn, PostgreSQL", results[name, "app"]))
            if name == "article":  # the same article on SQLite, right after
                results[name, "sqlite"] = wrk(sqlite_url + path)
                lines.append(row(name, "gunicorn, SQLite", results[name, "sqlite"]))
        soak_cache = wrk(stack.url + SEED_ARTICLE, ["-t2", "-c50", "-d60s"])
        lines.append(row("article, 50 clients 60 s", "Varnish", soak_cache))
        soak_app = wrk(stack.app_url(0) + SEED_ARTICLE, ["-t2", "-c20", "-d30s"])
        lines.append(row("article, 20 clients 30 s", "gunicorn, PostgreSQL", soak_app))

        slowest_hit = min(results[name, "hit"]["rps"] for name, _ in PAGES)
        postgres_vs_sqlite = results["article", "app"]["rps"] / results["article", "sqlite"]["rps"]
        targets = [
            (
                f"slowest cache hit / static file = {slowest_hit / ceiling['rps']:.2f} (>= 0.5)",
                slowest_hit >= 0.5 * ceiling["rps"],
            ),
            (
                f"uncached article, PostgreSQL / SQLite = {postgres_vs_sqlite:.2f} (>= 1)",
                postgres_vs_sqlite >= 1,
            ),
            (
                f"50 clients 60 s through the cache: {soak_cache['requests']:,} requests, "
                f"{soak_cache['errors'] + soak_cache['non_2xx']} errors",
                soak_cache["errors"] + soak_cache["non_2xx"] == 0,
            ),
            (
                f"20 clients 30 s to gunicorn: {soak_app['requests']:,} requests, "
                f"{soak_app['errors'] + soak_app['non_2xx']} errors",
                soak_app["errors"] + soak_app["non_2xx"] == 0,
            ),
        ]
        print("\n".join(lines))
        print()
        for text, met in targets:
            print(f"- {'met' if met else 'MISSED'}: {text}")
        print(
            f"\n(wrk {' '.join(SHORT)} unless said; {time.strftime('%Y-%m-%d %H:%M')}; "
            f"load average {os.getloadavg()[0]:.1f})"
        )
    finally:
        if sqlite_server is not None:
            os.killpg(sqlite_server.pid, 15)
            sqlite_server.wait(30)
        stack.run("down")
        redis.stop()
        stack.drop_database()
        shutil.rmtree(directory, ignore_errors=True)


if __name__ == "__main__":
    main()
