"""Run the benchmarks: `python -m tests.benchmarks [name ...]` (names: the bench_* modules).

Each benchmark builds its own data in a fresh test database on the database DATABASE_URL
names (SQLite by default), so it never touches the development database.
"""

import os
import pkgutil
import sys
from importlib import import_module
from pathlib import Path


def main(names):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
    import django
    from django.test.utils import get_runner, setup_test_environment

    django.setup()
    from django.conf import settings

    setup_test_environment()
    runner = get_runner(settings)(verbosity=0, interactive=False)
    available = sorted(
        module.name
        for module in pkgutil.iter_modules([str(Path(__file__).parent)])
        if module.name.startswith("bench_")
    )
    chosen = [f"bench_{name}" if not name.startswith("bench_") else name for name in names]
    chosen = chosen or available
    old_config = runner.setup_databases()
    try:
        for name in chosen:
            print(import_module(f"tests.benchmarks.{name}").run(), end="\n\n", flush=True)
    finally:
        runner.teardown_databases(old_config)


if __name__ == "__main__":
    main(sys.argv[1:])
