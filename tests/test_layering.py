"""The dependency rules of docs/architecture.md, read from the source so a break fails here.

`practitioners` -> `research` -> `cms` and `home` -> `research` -> `cms`: no app imports one above
it or beside it (cms's project package parts, which wire everything together, excepted); model
modules never import views; data migrations carry their own data and import no app code.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APPS = ("cms", "research", "home", "practitioners")
# What each app may not import: the apps above it and the one beside it.
FORBIDDEN = {
    "cms": {"research", "home", "practitioners"},
    "research": {"home", "practitioners"},
    "home": {"practitioners"},
    "practitioners": {"home"},
}
# The project package: settings, URLs and the servers' entry points assemble every app.
PROJECT_PARTS = ("cms/settings/", "cms/urls.py", "cms/wsgi.py", "cms/asgi.py")


def source_files():
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            yield path.relative_to(ROOT).as_posix()


def parse(relative_path):
    return ast.parse((ROOT / relative_path).read_text(), filename=relative_path)


def module_name(relative_path):
    parts = relative_path.removesuffix(".py").split("/")
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(relative_path, tree):
    """Every module the file imports, relative imports resolved to absolute names."""
    package = module_name(relative_path)
    if not relative_path.endswith("__init__.py"):
        package = package.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                prefix = ".".join(base)
                module = f"{prefix}.{node.module}" if node.module else prefix
            else:
                module = node.module
            yield module
            # `from package import views` imports a module by the name it gives.
            for alias in node.names:
                yield f"{module}.{alias.name}"


def top_level(module):
    return module.split(".", 1)[0]


def is_views_module(module):
    last = module.rpartition(".")[2]
    return last == "views" or last.endswith("_views")


def is_model_module(relative_path):
    parts = relative_path.split("/")
    return parts[-1] == "models.py" or "models" in parts[1:-1]


def is_migration(relative_path):
    return "/migrations/" in relative_path and not relative_path.endswith("__init__.py")


def runs_python(tree):
    return any(
        isinstance(node, ast.Attribute) and node.attr in {"RunPython", "RunSQL"}
        for node in ast.walk(tree)
    )


def test_the_rules_read_every_app():
    files = list(source_files())
    for app in APPS:
        assert any(path.startswith(f"{app}/") and is_migration(path) for path in files), app


@pytest.mark.parametrize("relative_path", list(source_files()))
def test_imports_point_down_the_layers(relative_path):
    if relative_path.startswith(PROJECT_PARTS) or is_migration(relative_path):
        return
    app = relative_path.split("/", 1)[0]
    upward = sorted(
        module
        for module in set(imported_modules(relative_path, parse(relative_path)))
        if top_level(module) in FORBIDDEN[app]
    )
    assert not upward, f"{relative_path} ({app}) imports a higher or sibling app: {upward}"


@pytest.mark.parametrize(
    "relative_path", [path for path in source_files() if is_model_module(path)]
)
def test_models_never_import_views(relative_path):
    views = sorted(
        module
        for module in set(imported_modules(relative_path, parse(relative_path)))
        if top_level(module) in APPS and is_views_module(module)
    )
    assert not views, f"{relative_path} imports views: {views}"


@pytest.mark.parametrize("relative_path", [path for path in source_files() if is_migration(path)])
def test_migrations_stand_alone(relative_path):
    """Data migrations use literal data and `apps.get_model` only.

    A schema migration may name a field's validator or default by its import path (Django
    writes `import app.module` for it), which is a reference, not behaviour that can drift.
    """
    tree = parse(relative_path)
    app_imports = sorted(
        module for module in set(imported_modules(relative_path, tree)) if top_level(module) in APPS
    )
    if runs_python(tree):
        assert not app_imports, f"data migration {relative_path} imports app code: {app_imports}"
    from_imports = [
        node.module
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and top_level(node.module or "") in APPS
    ]
    assert not from_imports, f"{relative_path} imports names from app code: {from_imports}"


def test_a_violation_is_caught():
    """The reader above sees an upward import in the forms the code base uses."""
    source = "from research.models import ConditionIndexPage\nfrom . import views\n"
    tree = ast.parse(source)
    modules = set(imported_modules("practitioners/models/page.py", tree))
    assert "research.models" in modules
    assert "practitioners.models.views" in modules
    assert any(top_level(module) == "research" for module in modules)
