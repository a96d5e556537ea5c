"""The message catalogues: gettext, one per language, chosen once when a program starts.

Messages have symbolic ids (``write.saved``) rather than source-language text: the Dutch came
first and stays the main language, a reworded sentence keeps its translations, and a message
missing from a catalogue shows up as a key (an error in tests) instead of the wrong language.
The sources are ``<language>/LC_MESSAGES/reflectiejournaal.po``, managed with Babel
(``tools/catalogues.py``); the program reads the compiled ``.mo`` beside them with the standard
library. Plural forms come from each catalogue's ``Plural-Forms``, through :func:`tn`.

The language is that of the settings as this device last saw them (remembered in the state
folder, so it is known before the vault is unlocked), else the environment's (``LANGUAGE``,
``LC_ALL``, ``LC_MESSAGES``, ``LANG``), else Dutch. It is chosen before the app's screens are
imported, because Textual fixes a screen's key bindings, words and all, when its class is made.
"""

from __future__ import annotations

import gettext
import os
import re
from collections.abc import Mapping
from pathlib import Path

DOMAIN = "reflectiejournaal"
LANGUAGES = ("nl", "en")
DEFAULT = "nl"
FOLDER = Path(__file__).parent
REMEMBERED = "taal"  # in the state folder: which language the settings chose

strict = False  # set by the tests: an unknown key is an error there, not a key on screen

_active: gettext.NullTranslations | None = None
_language = ""

# Terminal control characters (ESC, BEL, C1 …) in a value — a file name planted in a synced
# folder — would be obeyed by the terminal (OSC 52 fills the clipboard): shown escaped.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def language_from_environment(environ: Mapping[str, str] = os.environ) -> str:
    """The first language the POSIX variables name that we have, else Dutch."""
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(variable, "")
        if not value:
            continue
        for wanted in value.split(":"):  # LANGUAGE may list several: "en_GB:nl"
            code = wanted[:2].lower()
            if code in LANGUAGES:
                return code
        if variable != "LANGUAGE":
            return DEFAULT  # the locale in force names a language we do not have (C, de_DE)
    return DEFAULT


def remembered_language(state_dir: Path | None) -> str | None:
    """The language the settings chose, as this device last saw them."""
    if state_dir is None:
        return None
    try:
        code = (state_dir / REMEMBERED).read_text("ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return code if code in LANGUAGES else None


def remember_language(state_dir: Path, language: str | None) -> None:
    """Keep the settings' choice where it can be read before unlocking (two letters: it tells
    nothing of the journal). ``None`` forgets it: the environment decides again."""
    from ..vault.fsutil import atomic_write, make_private_dir

    path = state_dir / REMEMBERED
    if language is None:
        path.unlink(missing_ok=True)
        return
    make_private_dir(state_dir)
    atomic_write(path, language.encode("ascii"))


def use_language(language: str | None = None) -> str:
    """Show messages in ``language`` (``None``: from the environment); returns the one used."""
    global _active, _language
    chosen = language if language in LANGUAGES else language_from_environment()
    translations = _load(chosen)
    if chosen != DEFAULT:
        translations.add_fallback(_load(DEFAULT))  # never a bare key on screen
    _active, _language = translations, chosen
    return chosen


def current_language() -> str:
    _translations()
    return _language


def _load(language: str) -> gettext.GNUTranslations:
    with open(FOLDER / language / "LC_MESSAGES" / f"{DOMAIN}.mo", "rb") as compiled:
        return gettext.GNUTranslations(compiled)


def _translations() -> gettext.NullTranslations:
    if _active is None:
        use_language()
    return _active  # type: ignore[return-value]


def t(key: str, /, **values: object) -> str:
    """The message ``key`` in the language in use, with ``values`` filled in."""
    translations = _translations()
    if strict and _is_plural(translations, key):  # gettext would quietly give the singular
        raise KeyError(f"{key!r} has plural forms: ask for it with tn()")
    return _format(key, translations.gettext(key), values)


def tn(key: str, count: int, /, **values: object) -> str:
    """The message ``key`` in the plural form the language uses for ``count``."""
    return _format(key, _translations().ngettext(key, key, count), {"count": count, **values})


def _is_plural(translations: gettext.NullTranslations, key: str) -> bool:
    catalog = getattr(translations, "_catalog", {})  # GNUTranslations' own table
    return key not in catalog and (key, 0) in catalog


def has(key: str) -> bool:
    """Whether the catalogue has ``key`` (for families of keys made from codes)."""
    return _translations().gettext(key) != key


def _format(key: str, template: str, values: Mapping[str, object]) -> str:
    if template == key and strict:
        raise KeyError(f"no message {key!r} in the {_language} catalogue")
    if not values:
        return template
    return template.format(**{name: _visible(value) for name, value in values.items()})


def _visible(value: object) -> object:
    if isinstance(value, (int, float)):
        return value
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", str(value))
