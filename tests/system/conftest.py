"""The `make stack` layout, brought up by deploy/stack.py on free ports for the system tests.

Everything runs apart from a developer's own `make stack`: its own directory, ports, PostgreSQL
database and a redis-server the tests start (and stop, to test the outage). Every process is
stopped by its pid when the tests end, whether they passed or not, and the database dropped.
"""

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest
import requests

from tests.servers import RedisServer, free_port

REPO = Path(__file__).resolve().parents[2]
STACK_SCRIPT = REPO / "deploy" / "stack.py"
POSTGRES = os.environ.get("STACK_TEST_POSTGRES", "postgres://postgres@127.0.0.1:5432")
# Like a browser: the beacon does not count declared bots.
BROWSER = {"User-Agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0 Safari/537.36"}


def missing_parts():
    missing = [
        name
        for name in ("varnishd", "redis-server")
        if not shutil.which(name) and not Path("/usr/sbin", name).exists()
    ]
    try:
        psycopg.connect(f"{POSTGRES}/postgres", connect_timeout=2).close()
    except psycopg.OperationalError:
        missing.append("PostgreSQL at " + POSTGRES)
    return missing


class Stack:
    def __init__(self, directory, redis):
        self.directory = directory
        self.redis = redis
        self.port = free_port()
        self.app_ports = [free_port(), free_port()]
        self.database = f"rl_stack_test_{os.getpid()}"
        self.env = {
            **{k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}},
            "STACK_DIR": str(directory),
            "STACK_PORT": str(self.port),
            "STACK_APP_PORTS": ",".join(map(str, self.app_ports)),
            "STACK_DATABASE_URL": f"{POSTGRES}/{self.database}",
            "STACK_REDIS_URL": redis.url,
            "STACK_STATIC_ROOT": str(REPO / "staticfiles"),
        }

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def app_url(self, n):
        return f"http://127.0.0.1:{self.app_ports[n]}"

    def run(self, *args, stdin=None):
        return subprocess.run(
            [sys.executable, str(STACK_SCRIPT), *args],
            env=self.env,
            input=stdin,
            capture_output=True,
            text=True,
            check=False,
            timeout=600,
        )

    def shell(self, code):
        """Python run by `make stack-manage CMD=shell` with the code on its standard input."""
        result = self.run("manage", "shell", "--no-imports", stdin=code)
        assert result.returncode == 0, result.stdout + result.stderr
        return result.stdout.strip()

    def get(self, path, base=None, **kwargs):
        headers = {**BROWSER, **kwargs.pop("headers", {})}
        return requests.get((base or self.url) + path, headers=headers, timeout=30, **kwargs)

    def wait_for(self, path, text, seconds=2.0, base=None):
        """The page shows `text` within `seconds`: the answer, as soon as it does."""
        deadline = time.monotonic() + seconds
        while True:
            response = self.get(path, base=base)
            if text in response.text or time.monotonic() > deadline:
                return response
            time.sleep(0.1)

    def drop_database(self):
        with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)')


@pytest.fixture(scope="session")
def stack(tmp_path_factory):
    missing = missing_parts()
    if missing and not os.environ.get("CI"):
        pytest.skip(f"the stack needs {', '.join(missing)}")
    redis = RedisServer()
    running = Stack(tmp_path_factory.mktemp("stack"), redis)
    try:
        redis.start()
        started = running.run("up")
        assert started.returncode == 0, started.stdout[-3000:] + started.stderr[-3000:]
        yield running
    finally:
        running.run("down")
        redis.stop()
        running.drop_database()
