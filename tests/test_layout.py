"""The package's house rules: small modules that say what they are, every sub-package in the
wheel, and workers that never import the orchestration or the warehouse."""

import ast
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MODULES = sorted(p for folder in ("flows", "tasks") for p in (ROOT / folder).rglob("*.py") if p.name != "__init__.py")
MAX_LINES = 230   # "around 200": a module past this wants to be two


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_each_module_is_short_and_says_what_it_is(path):
    text = path.read_text()
    assert len(text.splitlines()) <= MAX_LINES, f"{path.name}: {len(text.splitlines())} lines"
    docstring = ast.get_docstring(ast.parse(text))
    assert docstring and "TODO" not in docstring and len(docstring) > 40


def test_every_sub_package_is_in_the_wheel():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    listed = set(project["tool"]["setuptools"]["packages"])
    found = {"newsflow." + ".".join(p.parent.relative_to(ROOT).parts)
             for folder in ("flows", "tasks") for p in (ROOT / folder).rglob("__init__.py")}
    assert found <= listed, f"missing from pyproject's packages: {sorted(found - listed)}"


def test_a_worker_imports_neither_prefect_nor_duckdb():
    """The pool spawns workers that import the worker's module: Prefect would cost each one a
    second and its settings, DuckDB memory it never uses."""
    code = ("import sys, newsflow.tasks.staging.worker, newsflow.tasks.staging.pool; "
            "print(sorted(m for m in ('prefect', 'duckdb') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
