"""The production layout on one machine, on loopback only: `make stack`, `make stack-down`,
`make stack-manage CMD="…"` (docs/deploy.md, "Past one machine").

    python deploy/stack.py up        Varnish in front of two gunicorn app servers, PostgreSQL and
                                     Redis (started if not running), the demo content seeded
    python deploy/stack.py manage …  a manage.py command against the stack's database and cache
    python deploy/stack.py down      stops exactly what `up` started, by the pids it recorded

Everything it makes lives in STACK_DIR (default .stack/, ignored by git): the generated secrets
and environment (env.json), pid files, logs, the varnish working directory, media and static
files. Settings are cms.settings.production's, with throwaway secrets.

Environment (all optional):
    STACK_DIR           where the run's files live (.stack)
    STACK_PORT          Varnish, the address to open (8080)
    STACK_APP_PORTS     the two gunicorn app servers (8001,8002)
    STACK_WORKERS       gunicorn workers per app server (2)
    STACK_DATABASE_URL  (postgres://postgres@127.0.0.1:5432/research_library_stack)
    STACK_REDIS_URL     a Redis to use as it is; without it the machine's Redis on
                        127.0.0.1:6379 is used (database 7), or one of the stack's own is started
    STACK_STATIC_ROOT   collected static files (STACK_DIR/static)
"""

import contextlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parent.parent
PYTHON = REPO / ".venv" / "bin" / "python"
VCL = REPO / "deploy" / "varnish" / "default.vcl"
STACK_DIR = Path(os.environ.get("STACK_DIR", REPO / ".stack")).resolve()
PORT = int(os.environ.get("STACK_PORT", "8080"))
APP_PORTS = [int(p) for p in os.environ.get("STACK_APP_PORTS", "8001,8002").split(",")]
WORKERS = os.environ.get("STACK_WORKERS", "2")
DATABASE_URL = os.environ.get(
    "STACK_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/research_library_stack"
)
SHARED_REDIS_DB = 7
# Started in this order, stopped in the reverse one.
SERVICES = ["redis", "app1", "app2", "varnish"]


def say(message):
    print(f"stack: {message}", flush=True)


def port_answers(port, host="127.0.0.1"):
    with socket.socket() as client:
        client.settimeout(1)
        return client.connect_ex((host, port)) == 0


def wait_until(what, test, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if test():
            return
        time.sleep(0.2)
    raise SystemExit(f"stack: {what} did not come up within {seconds} s; see {STACK_DIR / 'log'}")


def pid_file(name):
    return STACK_DIR / "run" / f"{name}.pid"


def running_pid(name):
    try:
        pid = int(pid_file(name).read_text())
        os.kill(pid, 0)
    except (FileNotFoundError, ValueError, ProcessLookupError, PermissionError):
        return None
    return pid


def start(name, command, env):
    """A process of its own group (setsid, as a separate machine would be), its pid recorded."""
    log = open(STACK_DIR / "log" / f"{name}.log", "ab")  # noqa: SIM115 (the child keeps it)
    process = subprocess.Popen(
        command,
        cwd=REPO,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    pid_file(name).write_text(str(process.pid))
    return process.pid


def stop(name):
    pid = running_pid(name)
    if pid is not None:
        with_group = os.getpgid(pid) == pid
        target = -pid if with_group else pid
        os.kill(target, signal.SIGTERM)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and running_pid(name) is not None:
            time.sleep(0.1)
            # Reap it if it is our child (it is not when `down` runs in a new process).
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, os.WNOHANG)
        if running_pid(name) is not None:
            os.kill(target, signal.SIGKILL)
        say(f"stopped {name} (pid {pid})")
    pid_file(name).unlink(missing_ok=True)


def stack_env():
    """The environment every stack process runs with; the secrets are made on the first run."""
    saved = STACK_DIR / "env.json"
    env = json.loads(saved.read_text()) if saved.exists() else {}
    env.setdefault("SECRET_KEY", secrets.token_urlsafe(64))
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "cms.settings.production",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DATABASE_URL": DATABASE_URL,
            "REDIS_URL": env.get("REDIS_URL") or redis_url(),
            # Loopback has no TLS: plain HTTP, and no HSTS for 127.0.0.1.
            "SECURE_SSL_REDIRECT": "false",
            "SECURE_HSTS_SECONDS": "0",
            "TRUSTED_PROXY_COUNT": "1",  # Varnish appends the visitor's address
            "FRONTEND_CACHE_URL": f"http://127.0.0.1:{PORT}",
            "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{PORT}",
            "MEDIA_ROOT": str(STACK_DIR / "media"),
            "STATIC_ROOT": os.environ.get("STACK_STATIC_ROOT", str(STACK_DIR / "static")),
            "DEMO_CREDENTIALS_FILE": str(STACK_DIR / "demo-accounts.json"),
            "EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend",
        }
    )
    if os.environ.get("STACK_REDIS_URL"):
        env["REDIS_URL"] = os.environ["STACK_REDIS_URL"]
    saved.write_text(json.dumps(env, indent=2))
    saved.chmod(0o600)
    return env


def redis_url():
    """The machine's Redis, in a database of the stack's own; or, where none runs, one that
    ensure_redis starts (and `down` stops)."""
    if port_answers(6379):
        return f"redis://127.0.0.1:6379/{SHARED_REDIS_DB}"
    return "redis://127.0.0.1:6379/0"


def process_env(env, **extra):
    return {**os.environ, **env, **extra}


def manage(env, *args, **extra):
    subprocess.run(
        [str(PYTHON), "manage.py", *args], cwd=REPO, env=process_env(env, **extra), check=True
    )


def ensure_postgres():
    host = urlsplit(DATABASE_URL).hostname or "127.0.0.1"
    port = urlsplit(DATABASE_URL).port or 5432
    if port_answers(port, host):
        return
    clusters = sorted(
        Path("/etc/postgresql").glob("*"), key=lambda p: [int(x) for x in p.name.split(".")]
    )
    if not clusters or not shutil.which("pg_ctlcluster"):
        raise SystemExit(
            "stack: PostgreSQL is not running and not installed (apt-get install postgresql)"
        )
    say("starting the machine's PostgreSQL (it stays running after stack-down)")
    subprocess.run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", clusters[-1].name, "main", "start"],
        check=True,
    )
    wait_until("PostgreSQL", lambda: port_answers(port, host))


def ensure_database():
    """The stack's own database, created on the first run."""
    import psycopg  # noqa: PLC0415 (the venv's; this script's other imports are the stdlib's)

    url = urlsplit(DATABASE_URL)
    name = url.path.lstrip("/")
    maintenance = url._replace(path="/postgres").geturl()
    with psycopg.connect(maintenance, autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if exists.fetchone() is None:
            say(f"creating database {name}")
            connection.execute(f'CREATE DATABASE "{name}"')


def ensure_redis(env):
    url = urlsplit(env["REDIS_URL"])
    if port_answers(url.port or 6379, url.hostname):
        return
    if os.environ.get("STACK_REDIS_URL"):
        raise SystemExit(f"stack: nothing answers at STACK_REDIS_URL {env['REDIS_URL']}")
    redis_server = shutil.which("redis-server")
    if redis_server is None:
        raise SystemExit(
            "stack: Redis is not running and not installed (apt-get install redis-server)"
        )
    say(f"starting a redis-server of the stack's own on port {url.port}")
    start(
        "redis",
        [
            redis_server,
            "--port",
            str(url.port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
        ],
        os.environ,
    )
    wait_until("Redis", lambda: port_answers(url.port))


def write_backends():
    """The part of the VCL that says where this run's app servers are (included by
    deploy/varnish/default.vcl; a real deployment writes its own)."""
    backends = "".join(
        f"""
backend app{n} {{
    .host = "127.0.0.1";
    .port = "{port}";
    .connect_timeout = 1s;
    .first_byte_timeout = 30s;
    .probe = healthz;
}}
"""
        for n, port in enumerate(APP_PORTS, start=1)
    )
    adds = "".join(f"    app_servers.add_backend(app{n});\n" for n in range(1, len(APP_PORTS) + 1))
    (STACK_DIR / "varnish" / "backends.vcl").write_text(
        "# Written by deploy/stack.py for this run.\n"
        + backends
        + "\nsub vcl_init {\n    new app_servers = directors.round_robin();\n"
        + adds
        + "}\n"
    )


def healthy(port):
    try:
        with urllib.request.urlopen(
            f"http://127.0.0.1:{port}/healthz/?only=database", timeout=2
        ) as answer:
            return answer.status == 200
    except (urllib.error.URLError, OSError):
        return False


def up():
    if any(running_pid(name) for name in SERVICES[1:]):
        raise SystemExit(
            f"stack: already running (see {STACK_DIR / 'run'}); `make stack-down` first"
        )
    for folder in ("run", "log", "varnish", "media"):
        (STACK_DIR / folder).mkdir(parents=True, exist_ok=True)
    ensure_postgres()
    ensure_database()
    env = stack_env()
    ensure_redis(env)
    say("migrating, collecting static files, seeding the demo")
    manage(env, "migrate", "--no-input", "-v", "0")
    manage(env, "collectstatic", "--no-input", "-v", "0")
    manage(env, "seed_demo", DEMO_CONTENT_ALLOWED="1")
    manage(env, "update_index", "-v", "0")
    gunicorn = str(REPO / ".venv" / "bin" / "gunicorn")
    for n, port in enumerate(APP_PORTS, start=1):
        start(
            f"app{n}",
            [
                gunicorn,
                "cms.wsgi",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                WORKERS,
                "--access-logfile",
                "-",
                "--name",
                f"research-library-app{n}",
            ],
            process_env(env),
        )
    for port in APP_PORTS:
        wait_until(f"the app server on port {port}", lambda port=port: healthy(port))
    write_backends()
    varnishd = shutil.which("varnishd") or "/usr/sbin/varnishd"
    start(
        "varnish",
        [
            varnishd,
            "-F",
            "-j",
            "none",
            "-a",
            f"127.0.0.1:{PORT}",
            "-T",
            "127.0.0.1:0",
            "-n",
            str(STACK_DIR / "varnish" / "work"),
            "-f",
            str(VCL),
            "-p",
            f"vcl_path={STACK_DIR / 'varnish'}:{VCL.parent}",
            "-s",
            "malloc,256m",
        ],
        os.environ,
    )
    wait_until("Varnish", lambda: port_answers(PORT))
    wait_until("Varnish's first healthy backend", lambda: healthy(PORT))
    say(f"app servers on 127.0.0.1:{APP_PORTS[0]} and 127.0.0.1:{APP_PORTS[1]}")
    say(f"demo accounts and passwords: {STACK_DIR / 'demo-accounts.json'}")
    say(f"serving at http://127.0.0.1:{PORT}/ (Varnish); `make stack-down` stops it")


def down():
    for name in reversed(SERVICES):
        stop(name)


def main(argv):
    if not argv or argv[0] not in {"up", "down", "manage"}:
        raise SystemExit(__doc__)
    if argv[0] == "up":
        try:
            up()
        except BaseException:
            say("could not start; stopping what was started")
            down()
            raise
    elif argv[0] == "down":
        down()
    else:
        if not (STACK_DIR / "env.json").exists():
            raise SystemExit("stack: no stack here yet; run `make stack` first")
        env = json.loads((STACK_DIR / "env.json").read_text())
        # stdin, stdout and stderr are this process's: `CMD=shell < script.py` works.
        sys.exit(
            subprocess.run(
                [str(PYTHON), "manage.py", *argv[1:]], cwd=REPO, env=process_env(env)
            ).returncode
        )


if __name__ == "__main__":
    main(sys.argv[1:])
