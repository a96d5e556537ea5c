"""``python -m reflectiejournaal``: the same as the ``reflectiejournaal`` command."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
