"""Import structure (``pl.benefits`` is the function, lazy ``regional``) and the parsed
copies of the bundled data files, generated at build time (``scripts/build_hook.py``)."""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from perlindungan import _parsed_copy, _toml
from perlindungan._parsed_copy import FOLDERS, PARSED, same_data
from perlindungan._toml import bundled_documents, read_toml

ROOT = Path(__file__).resolve().parent.parent


def _python(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.parametrize("folder", FOLDERS)
def test_bundled_documents_are_the_parsed_toml(folder: str) -> None:
    documents = bundled_documents(folder)
    paths = sorted((_toml.DATA / folder).glob("*.toml"))
    assert [d.name for d in documents] == [f"{folder}/{p.name}" for p in paths]
    for document, path in zip(documents, paths, strict=True):
        parsed = read_toml(path, name=document.name)
        assert document.text == parsed.text
        assert same_data(document.data, parsed.data), document.name


def test_same_data_tells_types_and_digits_apart() -> None:
    from decimal import Decimal  # noqa: PLC0415

    assert same_data({"a": [Decimal("1.0")]}, {"a": [Decimal("1.0")]})
    assert not same_data(Decimal("1.0"), Decimal(1))
    assert not same_data(1, Decimal(1))
    assert not same_data(1, b=True)
    assert not same_data({"a": 1, "b": 2}, {"b": 2, "a": 1})


def _copy_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The bundled parameter files and their parsed copies, written as the build does."""
    data = tmp_path / "data"
    shutil.copytree(_toml.DATA / "parameters", data / "parameters")
    (data / PARSED).mkdir()
    copy = _parsed_copy.copy_text(data / "parameters", "parameters")
    (data / PARSED / "parameters.json").write_text(copy, encoding="utf-8")
    monkeypatch.setattr(_toml, "DATA", data)
    return data


def test_a_copy_is_used_only_for_the_bytes_it_was_made_from(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = _copy_data(tmp_path, monkeypatch)
    copy_file = data / PARSED / "parameters.json"
    copies = json.loads(copy_file.read_text(encoding="utf-8"))
    # A copy whose hash matches is used as it is (this is what makes loading fast) ...
    copies["files"]["pu.toml"]["data"] = {"marker": "from the copy"}
    copy_file.write_text(json.dumps(copies), encoding="utf-8")
    pu = next(d for d in bundled_documents("parameters") if d.name == "parameters/pu.toml")
    assert pu.data == {"marker": "from the copy"}
    # ... and once the TOML is edited, the TOML is parsed instead.
    toml = data / "parameters" / "pu.toml"
    toml.write_text(toml.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    pu = next(d for d in bundled_documents("parameters") if d.name == "parameters/pu.toml")
    assert "pu" in pu.data
    assert pu.text.endswith("# edited\n")


@pytest.mark.parametrize(
    "content",
    ["", "not json", '{"files": 3}', '{"files": {"pu.toml": 1}}', '{"files": {"pu.toml": {}}}'],
)
def test_an_unusable_copy_falls_back_to_the_toml(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: str
) -> None:
    data = _copy_data(tmp_path, monkeypatch)
    (data / PARSED / "parameters.json").write_text(content, encoding="utf-8")
    for document in bundled_documents("parameters"):
        assert same_data(document.data, read_toml(data / document.name).data), document.name


def test_no_copy_at_all(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = _copy_data(tmp_path, monkeypatch)
    shutil.rmtree(data / PARSED)
    documents = bundled_documents("parameters")
    assert len(documents) == len(list((data / "parameters").glob("*.toml")))


def test_problems_in_copied_documents_have_toml_line_numbers() -> None:
    (pu,) = (d for d in bundled_documents("parameters") if d.name == "parameters/pu.toml")
    lines = pu.text.splitlines()
    line = pu.problem("pu.jp.wage_cap.values[1].since", "x").line
    assert line is not None
    assert lines[line - 1].strip().startswith("since")


IMPORTS = """
import sys
import perlindungan as pl
assert "perlindungan.regional" not in sys.modules, "regional imported eagerly"
for name in ("Benefit", "Claim", "Component", "benefit_from_request", "benefits", "regional"):
    assert name in pl.__all__ and name in dir(pl), name
import perlindungan.benefits
import perlindungan.benefits._claim
assert callable(pl.benefits) and pl.benefits.__module__ == "perlindungan.benefits", pl.benefits
assert pl.Claim is sys.modules["perlindungan.benefits._claim"].Claim
from perlindungan import Claim, benefits
assert benefits is sys.modules["perlindungan.benefits"].benefits
answer = pl.benefits(Claim(program="JKM", event="death"), on="2024-06-01")
print(int(answer.total))
from perlindungan import regional
pl.parameters(); regional.regions(); regional.bundled_schemes()
"""


#: Modules that ``import perlindungan`` plus one contribution must not load. Each was
#: measured (docs/maintainers.md, "Import time"): the optional extras and the parts of the
#: library a contribution does not use, and the standard-library modules deferred to where
#: they are needed (babel and gettext when text is rendered, pendulum when a date string
#: needs more than ISO parsing, difflib when a name is misspelt, hashlib nowhere). A change
#: that loads one of them again makes the import budget regress: measure it with
#: ``benchmarks/import_time.py`` before changing this list.
NOT_LOADED = (
    "babel",
    "calendar",
    "dask",
    "difflib",
    "duckdb",
    "fastapi",
    "gettext",
    "hashlib",
    "importlib.resources",
    "ipaddress",
    "locale",
    "matplotlib",
    "numpy",
    "openpyxl",
    "pandas",
    "pathlib",
    "pendulum",
    "perlindungan._data_diff",
    "perlindungan._data_status",
    "perlindungan._law_values",
    "perlindungan._overlay",
    "perlindungan.batch",
    "perlindungan.benefits._answer",
    "perlindungan.benefits._claim",
    "perlindungan.benefits._model",
    "perlindungan.cli",
    "perlindungan.conformance",
    "perlindungan.contributions._construction",
    "perlindungan.contributions._migrant",
    "perlindungan.contributions._non_wage_earner",
    "perlindungan.contributions._non_wage_earner_terms",
    "perlindungan.regional",
    "perlindungan.server",
    "perlindungan.strategies",
    "pyarrow",
    "pydantic",
    "uvicorn",
)

LOADED = """
import sys
before = set(sys.modules)
import perlindungan as pl
pl.contributions(pl.WageEarner(wage=5_000_000, risk_class=1, birth_date="1990-01-01"),
                 on="2025-06-01")
print(" ".join(sorted(set(sys.modules) - before)))
"""


def _copies_are_current() -> bool:
    """Whether every bundled TOML file has a parsed copy made from its text."""
    for folder in FOLDERS:
        copy = _toml.DATA / PARSED / f"{folder}.json"
        files = _parsed_copy.read_copies(copy.read_bytes if copy.is_file() else None)
        for path in (_toml.DATA / folder).glob("*.toml"):
            if _parsed_copy.data_of(files, path.name, path.read_text(encoding="utf-8")) is None:
                return False
    return True


def test_import_and_a_contribution_load_only_what_they_need() -> None:
    loaded = set(_python(LOADED).split())
    assert "perlindungan.contributions" in loaded
    assert "attrs" in loaded
    assert not loaded & set(NOT_LOADED), "loaded, though deferred (see NOT_LOADED)"
    # The TOML parser is needed only when a data file has no current parsed copy (a
    # source checkout never installed, or a file edited since the install).
    if _copies_are_current():
        assert "tomllib" not in loaded


def test_benefits_stay_the_function_and_regional_is_imported_on_first_use() -> None:
    assert _python(IMPORTS).split() == ["42000000"]


def test_no_module_class_swap() -> None:
    """``perlindungan`` is a plain module: the function ``benefits`` is bound after the
    subpackage is imported, so nothing has to intercept attribute assignment."""
    code = "import types, perlindungan as pl; print(type(pl) is types.ModuleType)"
    assert _python(code).split() == ["True"]


def test_the_benefits_function_first() -> None:
    code = (
        "import perlindungan as pl; from perlindungan import benefits, Claim; "
        "import perlindungan.benefits as b; assert b is benefits is pl.benefits; "
        "print(int(pl.benefit_from_request("
        '{"on": "2025-03-01", "claim": {"program": "JKM", "event": "death"}}).total))'
    )
    assert _python(code).split() == ["42000000"]


def test_through_importlib_resources_when_not_a_plain_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = bundled_documents("regions")
    monkeypatch.setattr(_toml, "DATA", tmp_path / "not-here")
    resources = bundled_documents("regions")
    assert [d.name for d in resources] == [d.name for d in plain]
    assert all(same_data(a.data, b.data) for a, b in zip(resources, plain, strict=True))


def test_the_region_table_is_read_only_when_a_lookup_needs_it() -> None:
    """``import perlindungan`` and ``import perlindungan.regional`` never read the
    Kemendagri table (91,600 lines; see benchmarks/bench_regions.py); the first lookup does."""
    code = (
        "import sys; import perlindungan; "
        "print('perlindungan.regional._region_table' in sys.modules); "
        "import perlindungan.regional as r; from perlindungan.regional import _region_table as t; "
        "print(t.bundled_table.cache_info().currsize); "
        "r.region('35.10'); print(t.bundled_table.cache_info().currsize)"
    )
    assert _python(code).split() == ["False", "0", "1"]


def test_a_file_that_cannot_be_copied_exactly_gets_no_copy(tmp_path: Path) -> None:
    """The copy is only a speed-up: a file it cannot carry is parsed when loaded."""
    (tmp_path / "a.toml").write_text("x = 1.50\nday = 2025-01-01\n", encoding="utf-8")
    (tmp_path / "broken.toml").write_text("x = [", encoding="utf-8")
    (tmp_path / "dollar.toml").write_text('"$date" = "2025-01-01"\n', encoding="utf-8")
    (tmp_path / "time.toml").write_text("t = 2025-01-01T08:00:00\n", encoding="utf-8")
    copies = json.loads(_parsed_copy.copy_text(tmp_path, "x"))["files"]
    assert list(copies) == ["a.toml"]
    assert copies["a.toml"]["data"] == {"x": {"$decimal": "1.50"}, "day": {"$date": "2025-01-01"}}


def _build_hook() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_hook", ROOT / "scripts" / "build_hook.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _project(tmp_path: Path) -> Path:
    """A project tree with the package's codec and bundled data folders."""
    root = tmp_path / "project"
    package = root / "src" / "perlindungan"
    package.mkdir(parents=True)
    shutil.copy(ROOT / "src" / "perlindungan" / "_parsed_copy.py", package)
    for folder in FOLDERS:
        shutil.copytree(_toml.DATA / folder, package / "data" / folder)
    return root


def _check_copies(data: Path, copies: dict[str, Path]) -> None:
    assert sorted(copies) == sorted(f"{folder}.json" for folder in FOLDERS)
    for folder in FOLDERS:
        files = _parsed_copy.read_copies(copies[f"{folder}.json"].read_bytes)
        tomls = sorted((data / folder).glob("*.toml"))
        assert sorted(files) == [p.name for p in tomls]
        for path in tomls:
            copied = _parsed_copy.data_of(files, path.name, path.read_text(encoding="utf-8"))
            assert same_data(copied, read_toml(path).data), path


def test_the_build_writes_the_copies_into_the_wheel(tmp_path: Path) -> None:
    root = _project(tmp_path)
    hook = _build_hook().ParsedCopiesHook(str(root), {}, None, None, str(tmp_path), "wheel")
    build_data: dict[str, Any] = {"force_include": {}}
    hook.initialize("standard", build_data)
    included = {
        Path(target).name: Path(source) for source, target in build_data["force_include"].items()
    }
    assert all(
        target.startswith("perlindungan/data/parsed/")
        for target in build_data["force_include"].values()
    )
    _check_copies(root / "src" / "perlindungan" / "data", included)
    assert not (root / "src" / "perlindungan" / "data" / PARSED).exists(), "the tree is left alone"
    hook.finalize("standard", build_data, str(tmp_path / "x.whl"))
    assert not any(path.exists() for path in included.values())


def test_an_editable_install_writes_the_copies_into_the_source_tree(tmp_path: Path) -> None:
    root = _project(tmp_path)
    hook = _build_hook().ParsedCopiesHook(str(root), {}, None, None, str(tmp_path), "wheel")
    build_data: dict[str, Any] = {"force_include": {}}
    hook.initialize("editable", build_data)
    assert build_data == {"force_include": {}}
    data = root / "src" / "perlindungan" / "data"
    _check_copies(data, {p.name: p for p in (data / PARSED).glob("*.json")})
