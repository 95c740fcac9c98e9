"""Translations through gettext catalogues compiled with babel.

Message ids are English; the Indonesian catalogue lives in
``locale/id/LC_MESSAGES/perlindungan.po`` (compiled to ``.mo`` by
``scripts/update_catalogs.py``). ``N_`` marks a message for extraction without
translating it; :func:`translate` translates for a given locale.
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    import gettext

    from babel import Locale

__all__ = ["DEFAULT_LOCALE", "DOMAIN", "N_", "babel_locale", "language_of", "translate"]

DOMAIN: Final = "perlindungan"
DEFAULT_LOCALE: Final = "id_ID"
_LANGUAGES: Final = ("id", "en")


def N_(message: str) -> str:  # noqa: N802 - the conventional gettext marker name
    """Mark a message for extraction; return it unchanged."""
    return message


@lru_cache(maxsize=64)
def language_of(locale: str) -> str:
    """The catalogue language for a locale: ``id_ID`` -> ``id``, ``en_US`` -> ``en``."""
    # import cycle: perlindungan.errors imports this module (through _message)
    from perlindungan.errors import UnknownNameError  # noqa: PLC0415

    lang = locale.replace("-", "_").split("_")[0].lower()
    if lang not in _LANGUAGES:
        raise UnknownNameError(
            f"Unsupported locale {locale!r}; use 'id_ID' (Bahasa Indonesia) or 'en' (English).",
            field="locale",
            value=locale,
            suggestions=["id_ID", "en"],
        )
    return lang


@cache
def babel_locale(locale: str) -> Locale:
    """The babel :class:`~babel.Locale` for a locale name, parsed once (babel is imported
    on first use, and parsing the name on every formatted number is slow)."""
    from babel import Locale  # noqa: PLC0415

    return Locale.parse(locale)


@cache
def _catalogue(lang: str) -> gettext.NullTranslations:
    # gettext (with the locale module it loads) and importlib.resources are imported on
    # the first translation: measured, they are a tenth of the import budget
    # (docs/maintainers.md, "Import time"), and a quote translates only when rendered.
    import gettext  # noqa: PLC0415

    if lang == "en":
        return gettext.NullTranslations()
    from importlib import resources  # noqa: PLC0415

    path = resources.files("perlindungan") / "locale" / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"
    with path.open("rb") as handle:
        return gettext.GNUTranslations(handle)


def translate(message: str, locale: str = DEFAULT_LOCALE) -> str:
    """Translate an English message id for ``locale``."""
    return _catalogue(language_of(locale)).gettext(message)
