"""The message catalogues, managed with Babel: extract, update, compile, check.

    python tools/catalogues.py extract   # keys the code uses → reflectiejournaal/locale/reflectiejournaal.pot
    python tools/catalogues.py update    # new keys into every .po (untranslated), gone ones marked obsolete
    python tools/catalogues.py compile   # every .po → its .mo, which the program reads
    python tools/catalogues.py check     # exit 1 with the reasons when a catalogue is not complete

A key the code builds at run time (``t(f"kind.{kind}")``) is not found by extraction; those
families are listed by the tests (tests/unit/test_catalogues.py), which also run ``check``.
"""

from __future__ import annotations

import io
import string
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_python
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "reflectiejournaal"
LOCALE = PACKAGE / "locale"
DOMAIN = "reflectiejournaal"
LANGUAGES = ("nl", "en")
KEYWORDS = {"t": None, "tn": None}  # the message id is the first argument of both


def po_path(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def read(language: str) -> Catalog:
    with open(po_path(language), "rb") as source:
        return read_po(source, locale=language, domain=DOMAIN)


def used_keys() -> dict[str, bool]:
    """Every literal key in a ``t(...)`` or ``tn(...)`` call: key → whether it is plural."""
    found: dict[str, bool] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        with open(path, "rb") as source:
            for _, function, message, _ in extract_python(source, KEYWORDS, [], {}):
                key = message if isinstance(message, str) else (message or (None,))[0]
                if isinstance(key, str) and key:  # a key made at run time is not seen
                    found[key] = found.get(key, False) or function == "tn"
    return found


def extract() -> Catalog:
    template = Catalog(domain=DOMAIN, project=DOMAIN)
    for key, plural in used_keys().items():
        template.add((key, key) if plural else key)
    with open(LOCALE / f"{DOMAIN}.pot", "wb") as out:
        write_po(out, template, width=100, sort_output=True)
    return template


def update() -> None:
    template = extract()
    for language in LANGUAGES:
        catalog = read(language)
        kept = {m.id for m in catalog if m.id}
        for message in template:
            if message.id and message.id not in kept and (
                    not isinstance(message.id, tuple) or message.id[0] not in kept):
                catalog.add(message.id, ("", "") if isinstance(message.id, tuple) else "")
        write(language, catalog)


def write(language: str, catalog: Catalog) -> None:
    with open(po_path(language), "wb") as out:
        write_po(out, catalog, width=100, sort_output=False)


def compile_all() -> None:
    for language in LANGUAGES:
        with open(po_path(language).with_suffix(".mo"), "wb") as out:
            write_mo(out, read(language), use_fuzzy=False)


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _forms(message) -> list[str]:  # type: ignore[no-untyped-def]
    return list(message.string) if isinstance(message.string, (tuple, list)) else [message.string]


def problems() -> list[str]:
    """What keeps the catalogues from being complete, one line each."""
    found: list[str] = []
    catalogs = {language: read(language) for language in LANGUAGES}
    ids = {language: {m.id[0] if isinstance(m.id, tuple) else m.id: m for m in c if m.id}
           for language, c in catalogs.items()}
    every = set().union(*(set(i) for i in ids.values()))
    for key in sorted(every):
        messages = {language: ids[language].get(key) for language in LANGUAGES}
        for language, message in messages.items():
            if message is None:
                found.append(f"{language}: {key} is missing")
            elif not all(form.strip() for form in _forms(message)):
                found.append(f"{language}: {key} has no translation")
            elif message.fuzzy:
                found.append(f"{language}: {key} is marked fuzzy")
        present = [m for m in messages.values() if m is not None]
        if len({isinstance(m.id, tuple) for m in present}) > 1:
            found.append(f"{key}: plural in one catalogue, not in the other")
        fields = [set().union(*(_fields(f) for f in _forms(m))) for m in present]
        if any(f != fields[0] for f in fields):
            found.append(f"{key}: the placeholders differ between the catalogues")
    for key, plural in used_keys().items():
        message = ids[LANGUAGES[0]].get(key)
        if message is None:
            found.append(f"code: {key} is used but in no catalogue")
        elif plural != isinstance(message.id, tuple):
            found.append(f"code: {key} is {'' if plural else 'not '}asked for with tn()")
    for language, catalog in catalogs.items():
        mo = po_path(language).with_suffix(".mo")
        if not mo.is_file():
            found.append(f"{language}: not compiled")
            continue
        with open(mo, "rb") as compiled:
            compiled_catalog = read_mo(compiled)
        expected = io.BytesIO()
        write_mo(expected, catalog, use_fuzzy=False)
        expected.seek(0)
        if {(_key(m.id), _key(m.string)) for m in read_mo(expected) if m.id} != \
                {(_key(m.id), _key(m.string)) for m in compiled_catalog if m.id}:
            found.append(f"{language}: the .mo is older than the .po (run compile)")
    return found


def _key(value):  # type: ignore[no-untyped-def]
    return tuple(value) if isinstance(value, (list, tuple)) else value


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    if command == "extract":
        extract()
    elif command == "update":
        update()
    elif command == "compile":
        compile_all()
    elif command == "check":
        found = problems()
        print("\n".join(found) or "The catalogues are complete.")
        return 1 if found else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
