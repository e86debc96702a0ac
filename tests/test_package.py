"""teikit installs as one package, `teikit`, carrying everything it reads at run time.

The wheel is built once per session from this tree (pip, as a user would);
the checks read the archive, so they hold for any installation of it. CI goes
further (.ci/check-package): it installs the wheel outside the clone and runs
the whole job there.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from teikit import resources

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel_names(tmp_path_factory):
    out, work = tmp_path_factory.mktemp("wheel"), tmp_path_factory.mktemp("source")
    # Built from a copy of the tree: setuptools writes build/ and *.egg-info beside its sources.
    source = work / "teikit"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(
        ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", "tests", "benchmarks"))
    result = subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(out), str(source)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    (wheel,) = out.glob("teikit-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


def tree_files(folder: str, prefix: str) -> set[str]:
    base = ROOT / folder
    return {prefix + p.relative_to(base).as_posix() for p in base.rglob("*")
            if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"}


def test_the_wheel_installs_one_import_package_named_teikit(wheel_names):
    top = {name.split("/", 1)[0] for name in wheel_names if ".dist-info/" not in name}
    assert top == {"teikit"}


def test_the_wheel_carries_every_stylesheet_schema_file_and_gazetteer(wheel_names):
    assert tree_files("xslt", "teikit/xslt/") <= wheel_names
    assert tree_files("schema", "teikit/schema/") <= wheel_names
    assert tree_files("toolkit", "teikit/") <= wheel_names  # the code and its data/gazetteers


def test_the_command_is_the_teikit_package_entry_point(wheel_names):
    from importlib.metadata import entry_points

    assert any(n.endswith(".dist-info/entry_points.txt") for n in wheel_names)
    (script,) = [e for e in entry_points(group="console_scripts") if e.name == "teikit"]
    assert script.value == "teikit.cli:main"


def test_resources_are_found_through_the_package_not_the_source_tree():
    assert (resources.xslt_dir() / "html" / "tei-to-html.xsl").is_file()
    assert (resources.schema_dir() / "teikit.rng").is_file()
    assert (resources.gazetteer_dir() / "places.tsv").is_file()


def test_schema_dir_follows_teikit_schema_dir_set_after_import(tmp_path, monkeypatch):
    monkeypatch.setenv("TEIKIT_SCHEMA_DIR", str(tmp_path))
    assert resources.schema_dir() == tmp_path


def test_no_module_finds_files_relative_to_its_own_source():
    """Resources go through teikit.resources (importlib.resources); __file__ would break in a wheel."""
    offenders = []
    for path in sorted((ROOT / "toolkit").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if any(isinstance(node, ast.Name) and node.id == "__file__" for node in ast.walk(tree)):
            offenders.append(path.relative_to(ROOT).as_posix())
    assert offenders == []
