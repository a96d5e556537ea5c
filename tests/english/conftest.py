"""The app in English, in a process of its own: a language is chosen once per process (see
reflectiejournaal/locale/catalogue.py). tests/ui/test_in_english.py runs this folder with
``LANG=en_GB.UTF-8``; to look at or update its snapshots by hand:

    REFLECTIEJOURNAAL_TEST_LANGUAGE=en LANGUAGE= LC_ALL= LANG=en_GB.UTF-8 \\
        .venv/bin/python -m pytest tests/english [--snapshot-update]
"""

from tests.ui.conftest import (  # noqa: F401  (the Pilot fixtures, shared)
    clock,
    empty_vault,
    filled_vault,
    make_app,
    paths,
)
