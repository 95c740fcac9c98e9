def test_birth_date_after_the_date_is_refused_like_the_scalar_api() -> None:
    """A wage earner born after ``on`` is a row error with the scalar message, never computed."""
    import datetime as dt  # noqa: PLC0415

    import perlindungan as pl  # noqa: PLC0415
    from perlindungan.batch import contributions_batch  # noqa: PLC0415

    born = [dt.date(2026, 1, 1), dt.date(1990, 1, 1)]
    result = contributions_batch(
        {
            "category": ["pu", "pu"],
            "wage": [5_000_000] * 2,
            "risk_class": [1, 1],
            "birth_date": born,
        },
        on="2025-06-01",
    )
    with_error = pl.WageEarner(wage=5_000_000, risk_class=1, birth_date=born[0])
    try:
        pl.contributions(with_error, on="2025-06-01")
    except pl.InvalidInputError as exc:
        expected = str(exc)
    assert [(e.row, e.message) for e in result.errors] == [(0, expected)]
    assert result.column("total") == [None, 473_000]
