"""The benefit names are imported on first use (docs/maintainers.md, "Import time"), and
work as before wherever a user reaches them: ``perlindungan``, ``perlindungan.benefits``,
``import perlindungan.benefits``, pickle, ``dir``, ``*`` imports and mypy --strict."""

from __future__ import annotations

import pickle
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import perlindungan as pl
from perlindungan import benefits as benefits_function

NAMES = ("EVENTS", "Benefit", "Child", "Claim", "Component", "Contribution", "YearWage")


def _python(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_import_perlindungan_loads_no_claim_model_and_no_rule() -> None:
    out = _python(
        """
        import sys
        import perlindungan as pl
        print(sorted(m for m in sys.modules if m.startswith("perlindungan.benefits")))
        print(callable(pl.benefits), pl.benefits.__module__)
        """
    )
    assert out.splitlines() == ["['perlindungan.benefits']", "True perlindungan.benefits"]


def test_each_name_from_the_subpackage_and_the_package_is_the_class() -> None:
    sub = sys.modules["perlindungan.benefits"]
    from perlindungan.benefits import _claim, _model  # noqa: PLC0415

    for name in NAMES:
        home = _model if name in {"Benefit", "Component"} else _claim
        assert getattr(sub, name) is getattr(home, name), name
        assert name in dir(sub)
        assert name in sub.__all__
    for name in ("Benefit", "Claim", "Component"):
        assert getattr(pl, name) is getattr(sub, name)
        assert name in dir(pl)


def test_star_import_gets_every_public_name() -> None:
    out = _python(
        """
        from perlindungan.benefits import *
        print(Claim.__name__, Benefit.__name__, Component.__name__, Child.__name__,
              YearWage.__name__, Contribution.__name__, sorted(EVENTS)[0],
              benefits.__name__, benefit_from_request.__name__)
        """
    )
    assert out.split() == [
        "Claim",
        "Benefit",
        "Component",
        "Child",
        "YearWage",
        "Contribution",
        "JHT",
        "benefits",
        "benefit_from_request",
    ]


def test_an_unknown_name_is_an_attribute_error() -> None:
    sub = sys.modules["perlindungan.benefits"]
    with pytest.raises(AttributeError, match=r"'perlindungan\.benefits' has no attribute 'Clam'"):
        _ = sub.Clam
    with pytest.raises(ImportError):
        exec("from perlindungan.benefits import Clam", {})  # noqa: S102


@pytest.mark.parametrize(
    "first",
    [
        "import perlindungan.benefits",
        "from perlindungan.benefits import Claim",
        "import perlindungan.benefits._claim",
        "from perlindungan.benefits import _answer",
        "pl.Claim",
    ],
)
def test_the_function_stays_bound_whatever_is_imported_first(first: str) -> None:
    out = _python(
        f"""
        import perlindungan as pl
        {first}
        import perlindungan.benefits
        from perlindungan import benefits
        assert pl.benefits is benefits and callable(benefits), pl.benefits
        print(int(pl.benefits(pl.Claim(program="JKM", event="death"), on="2024-06-01").total))
        """
    )
    assert out.split() == ["42000000"]


def test_a_claim_and_its_answer_pickle_and_print_as_before() -> None:
    claim = pl.Claim(program="JKM", event="death")
    answer = benefits_function(claim, on="2024-06-01")
    assert pickle.loads(pickle.dumps(claim)) == claim  # noqa: S301 (our own object)
    assert pickle.loads(pickle.dumps(answer)) == answer  # noqa: S301
    assert repr(claim).startswith("Claim(program=<Program.JKM: 'JKM'>, event='death', ")
    assert type(answer).__module__ == "perlindungan.benefits._model"
    assert type(answer).__qualname__ == "Benefit"


def test_the_request_function_answers_without_the_classes_imported_first() -> None:
    out = _python(
        """
        import perlindungan as pl
        answer = pl.benefit_from_request(
            '{"on": "2025-03-01", "claim": {"program": "JKM", "event": "death"}}')
        print(type(answer).__name__, int(answer.total))
        """
    )
    assert out.split() == ["Benefit", "42000000"]


@pytest.mark.slow
def test_mypy_knows_the_benefit_names(tmp_path: Path) -> None:
    snippet = tmp_path / "app.py"
    snippet.write_text(
        textwrap.dedent(
            """
            import perlindungan as pl
            from perlindungan.benefits import Child, Claim, Component

            claim: Claim = pl.Claim(program="JKM", event="death", children=[Child("sd")])
            answer: pl.Benefit = pl.benefits(claim, on="2025-06-01")
            parts: tuple[Component, ...] = answer.components
            also: pl.Component | None = parts[0] if parts else None
            wrong: int = pl.benefit_from_request({"on": "2025-06-01", "claim": {}})
            """
        ),
        "utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(snippet)],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    errors = [line for line in done.stdout.splitlines() if ": error:" in line]
    assert len(errors) == 1, done.stdout
    expected = 'app.py:9: error: Incompatible types in assignment (expression has type "Benefit"'
    assert expected in errors[0]
