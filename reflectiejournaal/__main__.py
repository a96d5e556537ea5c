"""``python -m reflectiejournaal``: the same as the ``reflectiejournaal`` command."""

import sys

from .cli.main import main

if __name__ == "__main__":
    sys.exit(main())
